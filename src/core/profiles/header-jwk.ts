// Verifying a JWS with the key in its own header. Never right in general (RFC 8725 §3.10: anyone can sign with a
// key they made), but exactly what a DPoP proof asks for (RFC 9449 §4.3 check 6): the proof shows possession of
// the private half of the key an access token is bound to.
import { calculateJwkThumbprint, compactVerify, EmbeddedJWK, errors, type JWK, type JWSHeaderParameters } from 'jose';
import { ALGORITHM_FAMILY } from '../types';
import { isJwsAlgorithm } from '../lib/key-describe';
import { privateJwkMembers, withoutPrivateMembers } from '../lib/jwk-members';
import type { DecodedToken } from '../token';
import { isAlgorithmAvailable } from '../verify';

export type HeaderJwkVerification = {
  state: 'verified' | 'invalid' | 'error';
  /**
   * For `error`: `no-jwk` (missing or not an object), `alg` (missing, `none`, unknown), `symmetric` (an HMAC alg
   * or an `oct` key: no public key to check), `unsupported` (this runtime lacks the alg), `jwk` (jose cannot use
   * the key for the alg), `jws` (jose refused the token, e.g. an unknown `crit`).
   */
  code?: 'no-jwk' | 'alg' | 'symmetric' | 'unsupported' | 'jwk' | 'jws';
  message: string;
  /** RFC 7638 SHA-256 thumbprint of the header key's public members, when it is a usable key. */
  thumbprint?: string;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Verifies `decoded` with the public half of its header `jwk`, through jose's EmbeddedJWK (which also checks the
 * key's own `alg` and `use` against the header). Private members are dropped first, so a proof that leaks its
 * private key still gets a signature verdict; flagging the leak is the caller's rule. Never throws.
 */
export async function verifyWithHeaderJwk(decoded: DecodedToken): Promise<HeaderJwkVerification> {
  const { jwk, alg } = decoded.header;
  if (!isRecord(jwk))
    return { state: 'error', code: 'no-jwk', message: 'The header has no jwk object to verify with.' };
  if (typeof alg !== 'string' || alg.toLowerCase() === 'none' || !isJwsAlgorithm(alg)) {
    return {
      state: 'error',
      code: 'alg',
      message: `alg ${JSON.stringify(alg) ?? 'missing'} names no signature algorithm to verify with.`,
    };
  }
  if (ALGORITHM_FAMILY[alg] === 'oct' || jwk.kty === 'oct') {
    return {
      state: 'error',
      code: 'symmetric',
      message: 'A symmetric key or algorithm has no public half: a header key of that kind proves nothing.',
    };
  }
  if (!(await isAlgorithmAvailable(alg))) {
    return { state: 'error', code: 'unsupported', message: `${alg} is not supported by this browser/runtime.` };
  }
  const publicJwk = withoutPrivateMembers(jwk);
  let key: CryptoKey;
  let thumbprint: string;
  try {
    key = await EmbeddedJWK({ ...decoded.header, jwk: publicJwk } as JWSHeaderParameters);
    thumbprint = await calculateJwkThumbprint(publicJwk as JWK, 'sha256');
  } catch (error) {
    return { state: 'error', code: 'jwk', message: `The header jwk cannot verify ${alg}: ${reason(error)}.` };
  }
  const stripped = privateJwkMembers(jwk).length > 0 ? ' (its public half)' : '';
  try {
    await compactVerify(decoded.normalized, key, { algorithms: [alg] });
    return { state: 'verified', message: `The signature verifies with the header jwk${stripped}.`, thumbprint };
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return {
        state: 'invalid',
        message: `The signature does not verify with the header jwk${stripped}: the proof was altered, or signed with another key.`,
        thumbprint,
      };
    }
    return { state: 'error', code: 'jws', message: `jose refused the token: ${reason(error)}.`, thumbprint };
  }
}
