// One signature check against one key. jose's compactVerify for everything it accepts; WebCrypto directly
// for RSA keys under 2048 bits, which jose refuses (RFC 7518 §3.3 requires 2048) but old systems still use.
import { compactVerify, errors } from 'jose';
import { KeyError } from '../errors';
import type { JwsAlgorithm } from '../types';
import { importKeyForAlgorithm } from '../keys';
import type { LoadedKey } from './key-detect';

export type SignatureCheck =
  | { outcome: 'verified'; weakRsa: boolean }
  | { outcome: 'invalid' }
  | { outcome: 'error'; code: string; message: string };

/** Verifies over the exact bytes of the first two segments, as RFC 7515 §5.2 says. */
async function verifyLegacyRsa(
  compact: string,
  signature: Uint8Array,
  alg: JwsAlgorithm,
  key: CryptoKey,
): Promise<boolean> {
  const signingInput = new TextEncoder().encode(compact.slice(0, compact.lastIndexOf('.')));
  // RFC 7518 §3.5: PS* use a salt as long as the hash output.
  const params = alg.startsWith('PS')
    ? { name: 'RSA-PSS', saltLength: Number(alg.slice(2)) / 8 }
    : { name: 'RSASSA-PKCS1-v1_5' };
  return crypto.subtle.verify(params, key, new Uint8Array(signature), signingInput);
}

/**
 * `material`: the secret bytes to use instead of the key's own, or how to get the imported key (a cache);
 * by default the key is imported for this call.
 */
export async function checkSignature(
  compact: string,
  signature: Uint8Array,
  alg: JwsAlgorithm,
  key: LoadedKey,
  material?: Uint8Array | (() => Promise<CryptoKey | Uint8Array>),
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
    return (await verifyLegacyRsa(compact, signature, alg, imported))
      ? { outcome: 'verified', weakRsa: true }
      : { outcome: 'invalid' };
  }
  try {
    await compactVerify(compact, imported, { algorithms: [alg] });
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
