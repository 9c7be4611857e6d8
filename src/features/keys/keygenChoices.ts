// What the key generator offers, and how its outputs are named. Pure data: the generation itself is
// in src/core/keygen.ts (loaded lazily by useKeyGenerator).
import { ALGORITHM_FAMILY, JWS_ALGORITHMS } from '../../core/types';
import type { JweContentEncryption, JweKeyAlgorithm } from '../../core/jwe/algorithms';
import type { EncryptionCurve } from '../../core/jwe/generate-key';
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

/** `jwt-workbench-es256-public.pem`, `…-public.jwk.json`, `…-jwks.json` (JWE algs too: `…-rsa-oaep-256-…`). */
export function publicKeyFileName(alg: string, kind: PublicExportKind): string {
  const base = `jwt-workbench-${alg.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`;
  if (kind === 'pem') return `${base}-public.pem`;
  if (kind === 'jwk') return `${base}-public.jwk.json`;
  return `${base}-jwks.json`;
}

export const EXPORT_MIME: Record<PublicExportKind, string> = {
  pem: 'application/x-pem-file',
  jwk: 'application/jwk+json',
  jwks: 'application/jwk-set+json',
};

/**
 * Encryption keys the generator offers (JWE, RFC 7518 §4): one per kind of recipient key. `id` is the option
 * value of `keygen-enc-alg`.
 */
export const ENCRYPTION_KEYGEN_CHOICES = [
  { id: 'RSA-OAEP-256', alg: 'RSA-OAEP-256', label: 'RSA-OAEP-256 (RSA key pair)' },
  { id: 'RSA-OAEP', alg: 'RSA-OAEP', label: 'RSA-OAEP (RSA key pair, SHA-1)' },
  { id: 'ECDH-ES+A256KW:P-256', alg: 'ECDH-ES+A256KW', curve: 'P-256', label: 'ECDH-ES+A256KW, EC P-256 key pair' },
  { id: 'ECDH-ES+A256KW:X25519', alg: 'ECDH-ES+A256KW', curve: 'X25519', label: 'ECDH-ES+A256KW, X25519 key pair' },
  { id: 'ECDH-ES:P-256', alg: 'ECDH-ES', curve: 'P-256', label: 'ECDH-ES (direct), EC P-256 key pair' },
  { id: 'A256KW', alg: 'A256KW', label: 'A256KW (256-bit shared key)' },
  { id: 'A128KW', alg: 'A128KW', label: 'A128KW (128-bit shared key)' },
  { id: 'dir:A256GCM', alg: 'dir', enc: 'A256GCM', label: 'dir with A256GCM (256-bit shared key)' },
  { id: 'dir:A128CBC-HS256', alg: 'dir', enc: 'A128CBC-HS256', label: 'dir with A128CBC-HS256 (256-bit shared key)' },
  { id: 'PBES2-HS256+A128KW', alg: 'PBES2-HS256+A128KW', label: 'PBES2-HS256+A128KW (random password)' },
] as const satisfies readonly {
  id: string;
  alg: JweKeyAlgorithm;
  curve?: EncryptionCurve;
  enc?: JweContentEncryption;
  label: string;
}[];

export type EncryptionKeygenChoice = (typeof ENCRYPTION_KEYGEN_CHOICES)[number];
