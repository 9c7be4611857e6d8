// One signature check against one key. jose's compactVerify for everything it accepts; WebCrypto directly
// for RSA keys under 2048 bits, which jose refuses (RFC 7518 §3.3 requires 2048) but old systems still use.
import { compactVerify, errors, flattenedVerify } from 'jose';
import { KeyError } from '../errors';
import type { JwsAlgorithm, VerifyResultCode } from '../types';
import { importKeyForAlgorithm } from '../keys';
import { decodeBase64url } from './token-base64url';
import type { LoadedKey } from './key-detect';

export type SignatureCheck =
  | { outcome: 'verified'; weakRsa: boolean }
  | { outcome: 'invalid' }
  | { outcome: 'error'; code: VerifyResultCode; message: string };

/**
 * The JWS signing input (RFC 7515 §5.2): the exact bytes of the first two segments; with a detached b64:false
 * payload (RFC 7797 §3), the header segment, a dot, and the payload's own UTF-8 bytes.
 */
function signingInputOf(compact: string, unencodedPayload: string | undefined): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  if (unencodedPayload === undefined) return encoder.encode(compact.slice(0, compact.lastIndexOf('.')));
  return encoder.encode(`${compact.slice(0, compact.indexOf('.'))}.${unencodedPayload}`);
}

async function verifyLegacyRsa(
  signingInput: Uint8Array<ArrayBuffer>,
  signature: Uint8Array,
  alg: JwsAlgorithm,
  key: CryptoKey,
): Promise<boolean> {
  // RFC 7518 §3.5: PS* use a salt as long as the hash output.
  const params = alg.startsWith('PS')
    ? { name: 'RSA-PSS', saltLength: Number(alg.slice(2)) / 8 }
    : { name: 'RSASSA-PKCS1-v1_5' };
  return crypto.subtle.verify(params, key, new Uint8Array(signature), signingInput);
}

// Tokens above this size are checked with WebCrypto directly: jose encodes the signing input with
// TextEncoder.encode, which takes Chromium tens of ms for a 1 MB token; encodeInto takes about two.
const DIRECT_MIN_CHARS = 64 * 1024;

/** WebCrypto verify parameters for `alg` with this key, or undefined to leave the check to jose. */
function directParams(alg: JwsAlgorithm, key: CryptoKey): AlgorithmIdentifier | RsaPssParams | EcdsaParams | undefined {
  const bits = Number(alg.slice(2));
  switch (key.algorithm.name) {
    case 'HMAC':
    case 'RSASSA-PKCS1-v1_5':
    case 'Ed25519':
      return key.algorithm.name;
    case 'RSA-PSS':
      return { name: 'RSA-PSS', saltLength: bits / 8 };
    case 'ECDSA':
      return { name: 'ECDSA', hash: `SHA-${bits}` };
    default:
      return undefined;
  }
}

/** The protected header has members that change how the token is verified (RFC 7515 §4.1.11, RFC 7797). */
function hasProcessingMembers(compact: string): boolean {
  try {
    const header = JSON.parse(
      new TextDecoder().decode(decodeBase64url(compact.slice(0, compact.indexOf('.')))),
    ) as unknown;
    return typeof header !== 'object' || header === null || 'crit' in header || 'b64' in header;
  } catch {
    return true;
  }
}

/**
 * What jose's compactVerify would answer for a large token whose header has no `crit` or `b64`, checked
 * with WebCrypto over the exact bytes of the first two segments; undefined when jose should decide.
 */
async function verifyDirectly(
  compact: string,
  signature: Uint8Array,
  alg: JwsAlgorithm,
  imported: CryptoKey | Uint8Array,
): Promise<boolean | undefined> {
  if (hasProcessingMembers(compact)) return undefined;
  try {
    const key =
      imported instanceof Uint8Array
        ? await crypto.subtle.importKey(
            'raw',
            new Uint8Array(imported),
            { name: 'HMAC', hash: `SHA-${alg.slice(2)}` },
            false,
            ['verify'],
          )
        : imported;
    if (alg.startsWith('HS') !== (key.algorithm.name === 'HMAC')) return undefined;
    const params = directParams(alg, key);
    if (!params) return undefined;
    // The token is printable ASCII (decodeToken checked), so its UTF-8 bytes are its characters.
    const bytes = new Uint8Array(compact.length);
    new TextEncoder().encodeInto(compact, bytes);
    const signingInput = bytes.subarray(0, compact.lastIndexOf('.'));
    return await crypto.subtle.verify(params, key, new Uint8Array(signature), signingInput);
  } catch {
    return undefined;
  }
}

/**
 * `material`: the secret bytes to use instead of the key's own, or how to get the imported key (a cache);
 * by default the key is imported for this call. `unencodedPayload`: the detached payload of a b64:false token
 * (`compact` is then `header..signature`).
 */
export async function checkSignature(
  compact: string,
  signature: Uint8Array,
  alg: JwsAlgorithm,
  key: LoadedKey,
  material?: Uint8Array | (() => Promise<CryptoKey | Uint8Array>),
  unencodedPayload?: string,
): Promise<SignatureCheck> {
  let imported: CryptoKey | Uint8Array;
  try {
    if (material instanceof Uint8Array) imported = material;
    else imported = await (material ? material() : importKeyForAlgorithm(key, alg, 'verify'));
  } catch (error) {
    if (error instanceof KeyError) return { outcome: 'error', code: error.code, message: error.message };
    throw error;
  }
  const d = key.description;
  if (d.family === 'RSA' && d.bits !== undefined && d.bits < 2048 && !(imported instanceof Uint8Array)) {
    // jose would throw "requires key modulusLength to be 2048 bits or larger"; the CryptoKey already has the hash.
    return (await verifyLegacyRsa(signingInputOf(compact, unencodedPayload), signature, alg, imported))
      ? { outcome: 'verified', weakRsa: true }
      : { outcome: 'invalid' };
  }
  if (compact.length > DIRECT_MIN_CHARS && unencodedPayload === undefined) {
    const verified = await verifyDirectly(compact, signature, alg, imported);
    if (verified !== undefined) return verified ? { outcome: 'verified', weakRsa: false } : { outcome: 'invalid' };
  }
  try {
    if (unencodedPayload === undefined) await compactVerify(compact, imported, { algorithms: [alg] });
    else {
      const [header = '', , sig = ''] = compact.split('.');
      await flattenedVerify({ protected: header, payload: unencodedPayload, signature: sig }, imported, {
        algorithms: [alg],
      });
    }
    return { outcome: 'verified', weakRsa: false };
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) return { outcome: 'invalid' };
    if (error instanceof errors.JOSENotSupported || error instanceof errors.JWSInvalid) {
      return { outcome: 'error', code: 'jws-invalid', message: `jose refused the token: ${error.message}` };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return { outcome: 'error', code: 'verify-failed', message: `verification could not run: ${detail}` };
  }
}
