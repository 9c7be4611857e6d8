// Header JSON text + payload text + key -> compact JWS, through jose's CompactSign.
//
// What exactly is signed (a deliberate choice):
// - The payload is the user's text as UTF-8 bytes, exactly as typed (whitespace, CRLF, member order, number
//   spelling kept), so the token carries what they wrote and published vectors such as RFC 7515 A.1–A.3 and
//   RFC 7520 §4 reproduce byte for byte. A payload need not be JSON (JWS signs any bytes, RFC 7515 §3); but
//   text that starts with `{` or `[` is meant as JSON, so a syntax error there is reported with its position.
// - The header is parsed and re-serialised compactly by jose (JSON.stringify), keeping every member the user
//   wrote, in order. `alg` comes from the header.
import { CompactSign, FlattenedSign, errors } from 'jose';
import { KeyError, SignError } from './errors';
import { type KeyInput } from './types';
import { sharedKeyCache, usableKeys } from './keys';
import { describeKeyMismatch, isJwsAlgorithm } from './lib/key-describe';
import { base64urlEncode, utf8Encode } from './lib/key-encoding';
import { scanJson } from './lib/token-json-scan';
import { jsonError, parseHeader } from './lib/header-json';
import { isAlgorithmAvailable } from './verify';
import type { LoadedKey } from './lib/key-detect';

export type SignOptions = {
  /** Produce an unsecured token (`alg: none`, empty signature) when the header asks for it. Default false. */
  allowNone?: boolean;
  /**
   * Leave the payload out of the token: `header..signature` (RFC 7515 Appendix F). The verifier gets the payload
   * separately (VerifyOptions.detachedPayload). Usual with `"b64": false` (RFC 7797). Default false.
   */
  detached?: boolean;
};

function checkPayload(text: string): void {
  if (!/^\s*[[{]/.test(text)) return;
  const scan = scanJson(text);
  if (!scan.ok) throw jsonError('payload', text, scan.position, scan.message);
}

/** The key to sign with: the only one, or in a JWKS the one named by the header's kid, else the first that fits. */
function pickKey(keys: LoadedKey[], alg: string, kid: unknown): LoadedKey {
  const byKid = typeof kid === 'string' ? keys.find((k) => k.description.kid === kid) : undefined;
  const fitting = keys.find((k) => describeKeyMismatch(k.description, alg) === undefined);
  const key = byKid ?? fitting ?? keys[0];
  if (!key) throw new KeyError('empty', 'no key to sign with');
  return key;
}

/** RFC 7797: `b64` is a boolean, and `false` only means something when `crit` lists it (§6). */
function unencodedPayload(header: Record<string, unknown>): boolean {
  if (header.b64 === undefined) return false;
  if (typeof header.b64 !== 'boolean') {
    throw new SignError('b64', `"b64" must be true or false (RFC 7797 §3), not ${JSON.stringify(header.b64)}.`);
  }
  if (header.b64) return false;
  if (!(Array.isArray(header.crit) && header.crit.includes('b64'))) {
    throw new SignError(
      'b64-crit',
      'With "b64": false the header must also say "crit": ["b64"] (RFC 7797 §6); otherwise a verifier reads the payload as base64url.',
    );
  }
  return true;
}

/**
 * Signs `payloadText` under the header in `headerJson` with `key`. Throws SignError (`header-json`,
 * `header-duplicate`, `payload-json`, `alg-missing`, `alg-unknown`, `alg-none`, `b64`, `b64-crit`,
 * `b64-payload`, `jose`) or KeyError. With `"b64": false` and `"crit": ["b64"]` the payload is signed as it
 * is (RFC 7797); `options.detached` leaves it out of the token.
 */
export async function signToken(
  headerJson: string,
  payloadJson: string,
  key: KeyInput,
  options: SignOptions = {},
): Promise<string> {
  const header = parseHeader(headerJson);
  checkPayload(payloadJson);
  const payload = utf8Encode(payloadJson);
  const alg = header.alg;
  if (alg === undefined) throw new SignError('alg-missing', 'The header has no "alg": add one, e.g. "alg": "HS256".');
  if (typeof alg !== 'string')
    throw new SignError('alg-missing', '"alg" in the header must be a string, e.g. "HS256".');
  if (alg.toLowerCase() === 'none') {
    if (!options.allowNone) {
      throw new SignError(
        'alg-none',
        'The header says "alg": "none": an unsecured token is only produced when asked for explicitly (allowNone).',
      );
    }
    return `${base64urlEncode(utf8Encode(JSON.stringify(header)))}.${base64urlEncode(payload)}.`;
  }
  if (!isJwsAlgorithm(alg)) {
    throw new SignError('alg-unknown', `"alg": "${alg}" is not a JWS algorithm this workbench can sign with.`);
  }
  const unencoded = unencodedPayload(header);
  if (unencoded && !options.detached && payloadJson.includes('.')) {
    throw new SignError(
      'b64-payload',
      'With "b64": false the payload is put into the token as it is, and a compact token cannot hold a "." in it (RFC 7797 §5.2): sign it detached instead.',
    );
  }
  if (!(await isAlgorithmAvailable(alg))) {
    throw new KeyError('unsupported', `${alg} is not supported by this browser/runtime (its WebCrypto lacks it).`);
  }
  // Cached: the Encode view signs on every keystroke with the same key.
  const signingKey = await sharedKeyCache.importKey(
    key,
    pickKey(usableKeys(sharedKeyCache.analyze(key)), alg, header.kid),
    alg,
    'sign',
  );
  // Members named in `crit` are the user's to define; jose would otherwise refuse to sign (RFC 7515 §4.1.11).
  const crit = Array.isArray(header.crit)
    ? Object.fromEntries(header.crit.filter((n): n is string => typeof n === 'string').map((n) => [n, true]))
    : undefined;
  try {
    if (unencoded || options.detached) {
      // jose's compact signer refuses b64:false; the flattened one leaves the unencoded payload to the caller.
      const jws = await new FlattenedSign(payload)
        .setProtectedHeader(header as { alg: string })
        .sign(signingKey, crit ? { crit } : {});
      const attached = options.detached ? '' : unencoded ? payloadJson : jws.payload;
      return `${jws.protected ?? ''}.${attached}.${jws.signature}`;
    }
    return await new CompactSign(payload)
      .setProtectedHeader(header as { alg: string })
      .sign(signingKey, crit ? { crit } : {});
  } catch (error) {
    if (error instanceof errors.JOSEError) throw new SignError('jose', `jose refused to sign: ${error.message}`);
    throw error;
  }
}
