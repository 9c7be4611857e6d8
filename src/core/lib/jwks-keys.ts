// Which keys of a fetched set can verify signatures, and a one-line description of each for the key list.
import { calculateJwkThumbprint, importJWK, type JWK } from 'jose';
import type { JwksSkippedKey } from './jwks-error';

export type JwksKeySummary = {
  index: number;
  kid?: string;
  kty?: string;
  alg?: string;
  use?: string;
  /** EC curve (`P-256`…) or OKP curve (`Ed25519`), or the ML-DSA parameter set. */
  curve?: string;
  /** RSA modulus size or oct key size, in bits. */
  bits?: number;
  /** RFC 7638 SHA-256 thumbprint, base64url; undefined when the key lacks a required member. */
  thumbprint?: string;
  isPrivate: boolean;
  /** e.g. "RSA 2048", "EC P-256", "OKP Ed25519". */
  label: string;
};

// RFC 7518 §4.1 key management algorithms: a key declaring one of these is for encryption, not signatures.
const JWE_KEY_ALGS = /^(RSA1_5|RSA-OAEP(-\d+)?|A\d+KW|dir|ECDH-ES(\+A\d+KW)?|A\d+GCMKW|PBES2-.+)$/;
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The algorithm to try a key with when it declares none: the one its type and curve imply. */
function guessAlg(jwk: Record<string, unknown>): string | undefined {
  const crv = str(jwk.crv);
  switch (jwk.kty) {
    case 'RSA':
      return 'RS256';
    case 'EC':
      return crv === 'P-256' ? 'ES256' : crv === 'P-384' ? 'ES384' : crv === 'P-521' ? 'ES512' : undefined;
    case 'OKP':
      return crv === 'Ed25519' ? 'Ed25519' : undefined;
    case 'oct':
      return 'HS256';
    default:
      return undefined;
  }
}

function reasonToSkip(jwk: Record<string, unknown> | undefined): string | undefined {
  if (jwk === undefined) return 'it is not a JSON object';
  if (typeof jwk.kty !== 'string') return 'it has no "kty" (key type) member';
  if (jwk.use === 'enc') return 'it is an encryption key (use: "enc"), not a signature key';
  const alg = str(jwk.alg);
  if (alg !== undefined && JWE_KEY_ALGS.test(alg)) return `it is an encryption key (alg ${alg}), not a signature key`;
  if (jwk.kty === 'OKP' && (jwk.crv === 'X25519' || jwk.crv === 'X448')) {
    return `it is a key-agreement key (crv ${String(jwk.crv)}), not a signature key`;
  }
  return undefined;
}

function describeImportFailure(err: unknown, alg: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const name = err instanceof Error ? err.name : '';
  const code = (err as { code?: unknown } | null)?.code;
  if (name === 'NotSupportedError' || code === 'ERR_JOSE_NOT_SUPPORTED') {
    return `this browser cannot use it with ${alg} (${message})`;
  }
  return `it cannot be imported as a ${alg} key (${message})`;
}

export type KeyPartition = { usable: Record<string, unknown>[]; skipped: JwksSkippedKey[]; warnings: string[] };

/** Imports every key with jose (its own `alg`, or the one its type implies); the ones that fail are skipped with why. */
export async function partitionKeys(keys: unknown[]): Promise<KeyPartition> {
  const result: KeyPartition = { usable: [], skipped: [], warnings: [] };
  const kidCounts = new Map<string, number>();
  for (const [index, value] of keys.entries()) {
    const jwk = asRecord(value);
    const kid = str(jwk?.kid);
    const skip = (reason: string) =>
      result.skipped.push(kid === undefined ? { index, reason } : { index, kid, reason });
    const reason = reasonToSkip(jwk);
    if (reason !== undefined || jwk === undefined) {
      skip(reason ?? 'it is not a JSON object');
      continue;
    }
    const alg = str(jwk.alg) ?? guessAlg(jwk);
    if (alg === undefined) {
      skip(
        `it has no "alg", and kty ${String(jwk.kty)}${jwk.crv ? ` crv ${String(jwk.crv)}` : ''} names no JWS algorithm`,
      );
      continue;
    }
    try {
      await importJWK(jwk as JWK, alg);
    } catch (err) {
      skip(describeImportFailure(err, alg));
      continue;
    }
    result.usable.push(jwk);
    if (kid !== undefined) kidCounts.set(kid, (kidCounts.get(kid) ?? 0) + 1);
    if (PRIVATE_MEMBERS.some((m) => m in jwk) || (jwk.kty === 'oct' && 'k' in jwk)) {
      result.warnings.push(
        `Key ${index}${kid === undefined ? '' : ` (kid ${kid})`} contains private or secret key material; a published key set must hold public keys only.`,
      );
    }
  }
  for (const [kid, count] of kidCounts) {
    if (count > 1) result.warnings.push(`${count} keys share kid "${kid}"; each will be tried.`);
  }
  return result;
}

function base64urlLength(text: string): number | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  return Math.floor((text.length * 3) / 4);
}

/** Bit length of a base64url big-endian unsigned integer (RSA `n`), ignoring leading zero octets. */
export function modulusBits(n: string): number | undefined {
  if (base64urlLength(n) === undefined) return undefined;
  const binary = atob(n.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (n.length % 4)) % 4));
  let i = 0;
  while (i < binary.length && binary.charCodeAt(i) === 0) i++;
  if (i === binary.length) return 0;
  return (binary.length - i - 1) * 8 + Math.floor(Math.log2(binary.charCodeAt(i))) + 1;
}

async function summarizeKey(index: number, value: unknown): Promise<JwksKeySummary> {
  const jwk = asRecord(value) ?? {};
  const kty = str(jwk.kty);
  const curve = str(jwk.crv) ?? (kty === 'AKP' ? str(jwk.alg) : undefined);
  let bits: number | undefined;
  if (kty === 'RSA' && typeof jwk.n === 'string') bits = modulusBits(jwk.n);
  if (kty === 'oct' && typeof jwk.k === 'string') {
    const bytes = base64urlLength(jwk.k);
    bits = bytes === undefined ? undefined : bytes * 8;
  }
  let thumbprint: string | undefined;
  try {
    thumbprint = kty === undefined ? undefined : await calculateJwkThumbprint(jwk as JWK);
  } catch {
    thumbprint = undefined;
  }
  const isPrivate = PRIVATE_MEMBERS.some((m) => m in jwk) || kty === 'oct';
  const size = curve ?? (bits === undefined ? undefined : String(bits));
  const summary: JwksKeySummary = {
    index,
    isPrivate,
    label: kty === undefined ? 'unknown key type' : size === undefined ? kty : `${kty} ${size}`,
  };
  const optional = { kid: str(jwk.kid), kty, alg: str(jwk.alg), use: str(jwk.use), curve, bits, thumbprint };
  for (const [k, v] of Object.entries(optional)) {
    if (v !== undefined) Object.assign(summary, { [k]: v });
  }
  return summary;
}

/** One row per key of a JWKS (an object with a `keys` array); an empty list for anything else. */
export async function summarizeKeySet(jwks: unknown): Promise<JwksKeySummary[]> {
  const keys = asRecord(jwks)?.keys;
  if (!Array.isArray(keys)) return [];
  return Promise.all(keys.map((k, i) => summarizeKey(i, k)));
}
