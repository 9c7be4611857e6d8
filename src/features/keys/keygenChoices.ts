// What the key generator offers, and how its outputs are named. Pure data: the generation itself is
// in src/core/keygen.ts (loaded lazily by useKeyGenerator).
import { ALGORITHM_FAMILY, JWS_ALGORITHMS } from '../../core/types';
import type { JwsAlgorithm } from '../../core/types';

export const KEYGEN_ALGORITHMS: readonly JwsAlgorithm[] = JWS_ALGORITHMS;

export const RSA_MODULUS_LENGTHS = [2048, 3072, 4096] as const;
export type RsaModulusLength = (typeof RSA_MODULUS_LENGTHS)[number];

/** ML-DSA and Ed25519 are the algorithms a browser may lack (WebCrypto support varies). */
export const MAYBE_UNSUPPORTED: readonly JwsAlgorithm[] = ['EdDSA', 'Ed25519', 'ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87'];

export function isRsa(alg: JwsAlgorithm): boolean {
  return ALGORITHM_FAMILY[alg] === 'RSA';
}

export function isSymmetric(alg: JwsAlgorithm): boolean {
  return ALGORITHM_FAMILY[alg] === 'oct';
}

const CURVE_BY_ALG: Partial<Record<JwsAlgorithm, string>> = {
  ES256: 'P-256',
  ES384: 'P-384',
  ES512: 'P-521',
  EdDSA: 'Ed25519',
  Ed25519: 'Ed25519',
};

/** "RSA 4096", "EC P-256", "Ed25519", "ML-DSA-65", "HMAC secret (256 bits)". */
export function describeKeyChoice(alg: JwsAlgorithm, modulusLength: RsaModulusLength): string {
  switch (ALGORITHM_FAMILY[alg]) {
    case 'RSA':
      return `RSA ${modulusLength}`;
    case 'EC':
      return `EC ${CURVE_BY_ALG[alg] ?? ''}`.trim();
    case 'OKP':
      return 'Ed25519';
    case 'AKP':
      return alg;
    case 'oct':
      return `HMAC secret (${alg.slice(2)} bits)`;
  }
}

export type PublicExportKind = 'pem' | 'jwk' | 'jwks';

/** `jwt-workbench-es256-public.pem`, `…-public.jwk.json`, `…-jwks.json`. */
export function publicKeyFileName(alg: JwsAlgorithm, kind: PublicExportKind): string {
  const base = `jwt-workbench-${alg.toLowerCase()}`;
  if (kind === 'pem') return `${base}-public.pem`;
  if (kind === 'jwk') return `${base}-public.jwk.json`;
  return `${base}-jwks.json`;
}

export const EXPORT_MIME: Record<PublicExportKind, string> = {
  pem: 'application/x-pem-file',
  jwk: 'application/jwk+json',
  jwks: 'application/jwk-set+json',
};
