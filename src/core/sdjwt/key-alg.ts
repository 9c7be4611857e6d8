// Which JWS algorithm a key signs with when the caller names none, and the public JWK that goes into `cnf.jwk`.
import type { JWK } from 'jose';
import { KeyError, SignError } from '../errors';
import { exportPublicKey } from '../keygen';
import { sharedKeyCache, usableKeys } from '../keys';
import type { KeyDescription, KeyInput } from '../types';
import type { SdJwtMakeError } from './types';

function algFor(d: KeyDescription): string {
  if (d.alg !== undefined) return d.alg;
  switch (d.family) {
    case 'oct':
      return 'HS256';
    case 'RSA':
      return 'RS256';
    case 'EC':
      return d.curve === 'P-384' ? 'ES384' : d.curve === 'P-521' ? 'ES512' : 'ES256';
    case 'OKP':
      return 'EdDSA';
    case 'AKP':
      return d.curve ?? 'ML-DSA-65';
  }
}

/** The key's own `alg` (a JWK's), else what its type implies: ES256 for P-256, EdDSA for Ed25519, RS256 for RSA. */
export function defaultAlgForKey(key: KeyInput): { alg: string; description: KeyDescription } {
  const [first] = usableKeys(sharedKeyCache.analyze(key));
  if (!first) throw new KeyError('empty', 'no key: paste a private key, a JWK or a secret');
  return { alg: algFor(first.description), description: first.description };
}

// Key material only: `cnf.jwk` identifies the holder's key, metadata such as kid, alg or use is not needed (RFC 7800 §3.2).
const PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e', 'pub', 'alg'];

/** The public JWK of a (public or private) key, for `cnf.jwk`. */
export async function holderPublicJwk(key: KeyInput): Promise<JWK> {
  const jwk = (await exportPublicKey(key)).jwk as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const m of PUBLIC_MEMBERS) {
    if (m === 'alg' && jwk.kty !== 'AKP') continue;
    if (jwk[m] !== undefined) out[m] = jwk[m];
  }
  return out as JWK;
}

/** A signer's or key reader's exception as a result: `key-<code>` or `sign-<code>`. */
export function makeError(error: unknown): SdJwtMakeError {
  if (error instanceof KeyError) return { ok: false, code: `key-${error.code}`, message: error.message };
  if (error instanceof SignError) return { ok: false, code: `sign-${error.code}`, message: error.message };
  throw error;
}
