// Fresh keys from WebCrypto for the cases signed by someone other than the server's issuer.
import type { JWK } from 'jose';
import { ALGORITHM_FAMILY, type JwsAlgorithm } from '../types';
import { webCryptoParams } from '../keys';
import { jwkThumbprint } from '../keygen';
import { isAlgorithmAvailable } from '../verify';

export type FreshKeyPair = { alg: JwsAlgorithm; keys: CryptoKeyPair; publicJwk: JWK; thumbprint: string };

/** Asymmetric algorithms a fresh key pair (and a certificate) can be made for, besides ML-DSA. */
const CERTIFIABLE = new Set<string>(['RSA', 'EC', 'OKP']);

/** The algorithm for a key the token brings (jwk, jku, x5u, x5c): the token's own when asymmetric, else ES256. */
export async function foreignAlgorithm(alg: string | undefined): Promise<JwsAlgorithm> {
  for (const candidate of [alg, 'ES256']) {
    const fits = candidate !== undefined && candidate in ALGORITHM_FAMILY;
    if (!fits) continue;
    const a = candidate as JwsAlgorithm;
    if (CERTIFIABLE.has(ALGORITHM_FAMILY[a]) && (await isAlgorithmAvailable(a))) return a;
  }
  return 'ES256';
}

function generationParams(alg: JwsAlgorithm): Algorithm | RsaHashedKeyGenParams | EcKeyGenParams {
  const base = webCryptoParams(alg);
  return ALGORITHM_FAMILY[alg] === 'RSA'
    ? { ...(base as RsaHashedImportParams), modulusLength: 2048, publicExponent: Uint8Array.of(1, 0, 1) }
    : base;
}

/** A new key pair for `alg` (RSA 2048), with its public JWK (no private members) and RFC 7638 thumbprint. */
export async function generateFreshKeyPair(alg: JwsAlgorithm): Promise<FreshKeyPair> {
  const keys = (await crypto.subtle.generateKey(generationParams(alg), true, ['sign', 'verify'])) as CryptoKeyPair;
  const exported = (await crypto.subtle.exportKey('jwk', keys.publicKey)) as Record<string, unknown>;
  for (const member of ['key_ops', 'ext', 'alg']) delete exported[member];
  const publicJwk = exported as JWK;
  return { alg, keys, publicJwk, thumbprint: await jwkThumbprint(publicJwk) };
}

/** A random HMAC secret as long as the hash output (RFC 7518 §3.2). */
export function generateFreshSecret(alg: 'HS256' | 'HS384' | 'HS512'): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(Number(alg.slice(2)) / 8));
}

/** A fresh private key (or secret) for `alg`, nothing exported: for a signature that must not verify. */
export async function generateFreshSigningKey(alg: JwsAlgorithm): Promise<CryptoKey | Uint8Array> {
  if (alg === 'HS256' || alg === 'HS384' || alg === 'HS512') return generateFreshSecret(alg);
  const keys = (await crypto.subtle.generateKey(generationParams(alg), false, ['sign', 'verify'])) as CryptoKeyPair;
  return keys.privateKey;
}
