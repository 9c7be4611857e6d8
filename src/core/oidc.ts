// OpenID Connect token hashes: `at_hash` binds an ID token to its access token, `c_hash` to its authorization code
// (OpenID Connect Core 1.0 §3.1.3.6, §3.2.2.9, §3.3.2.11).
import { CoreError } from './errors';

export const OIDC_ERROR_CODES = ['unsupported-alg'] as const;
export type OidcErrorCode = (typeof OIDC_ERROR_CODES)[number];

export class OidcError extends CoreError {
  declare readonly code: OidcErrorCode;
  constructor(code: OidcErrorCode, message: string) {
    super(code, message);
  }
}

/** The part of a decoded token this module reads; `decodeToken`'s result fits it. */
export type OidcTokenLike = { header: Record<string, unknown>; payload: unknown };

export type HashClaim = 'at_hash' | 'c_hash';
/**
 * `match` / `mismatch`: compared. `absent`: a value was given but the ID token has no such claim.
 * `no-value`: the ID token has the claim but no access token / code was given to check it against.
 * `unsupported`: the ID token's `alg` defines no hash for this (e.g. `none`, ML-DSA).
 */
export type HashCheckState = 'match' | 'mismatch' | 'absent' | 'no-value' | 'unsupported';

export type HashCheck = {
  claim: HashClaim;
  state: HashCheckState;
  /** The hash computed from the access token or code (what the claim should be). */
  expected?: string;
  /** The claim's value in the ID token. */
  actual?: string;
  message: string;
};

type HashName = 'SHA-256' | 'SHA-384' | 'SHA-512';

/**
 * The hash named by the ID token's `alg`. EdDSA with Ed25519 uses SHA-512 (OIDF errata set 2 for Core §3.1.3.6,
 * following the hash inside Ed25519); Ed448's SHAKE256 is not in WebCrypto and jose 6 does not sign with Ed448,
 * so `EdDSA` is taken to mean Ed25519 here.
 */
export function tokenHashAlgorithm(alg: string): HashName | undefined {
  if (alg === 'EdDSA' || alg === 'Ed25519') return 'SHA-512';
  if (alg === 'ES256K') return 'SHA-256';
  const m = /^(?:HS|RS|PS|ES)(256|384|512)$/.exec(alg);
  return m ? (`SHA-${m[1]}` as HashName) : undefined;
}

function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * base64url of the left-most half of the hash of the value's ASCII octets (Core §3.1.3.6). Throws
 * `OidcError('unsupported-alg')` for an `alg` that names no hash.
 */
export async function computeTokenHash(value: string, alg: string): Promise<string> {
  const hash = tokenHashAlgorithm(alg);
  if (hash === undefined) {
    throw new OidcError(
      'unsupported-alg',
      `The ID token's algorithm "${alg}" defines no hash for at_hash/c_hash (OpenID Connect Core §3.1.3.6), so it cannot be checked.`,
    );
  }
  const digest = new Uint8Array(await crypto.subtle.digest(hash, new TextEncoder().encode(value)));
  return toBase64url(digest.subarray(0, digest.length / 2));
}

const SOURCES = { at_hash: { what: 'access token' }, c_hash: { what: 'authorization code' } } as const;

async function checkOne(
  claim: HashClaim,
  alg: unknown,
  payload: unknown,
  value: string | undefined,
): Promise<HashCheck | undefined> {
  const { what } = SOURCES[claim];
  const record = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const raw = record[claim];
  const given = value?.trim() ? value.trim() : undefined;
  if (raw === undefined && given === undefined) return undefined;
  if (raw === undefined) {
    return {
      claim,
      state: 'absent',
      message: `The ID token has no ${claim} claim, so it is not bound to this ${what}. It is required when the ${what} is issued together with the ID token from the authorization endpoint.`,
    } satisfies HashCheck;
  }
  const actual = typeof raw === 'string' ? raw : JSON.stringify(raw);
  if (given === undefined) {
    return {
      claim,
      state: 'no-value',
      actual,
      message: `The ID token has ${claim}; paste the ${what} to check it.`,
    } satisfies HashCheck;
  }
  if (typeof alg !== 'string' || tokenHashAlgorithm(alg) === undefined) {
    const name = typeof alg === 'string' ? `"${alg}"` : 'missing';
    return {
      claim,
      state: 'unsupported',
      actual,
      message: `The ID token's alg is ${name}, which defines no hash for ${claim}; it cannot be checked.`,
    } satisfies HashCheck;
  }
  const expected = await computeTokenHash(given, alg);
  if (typeof raw !== 'string') {
    return { claim, state: 'mismatch', expected, actual, message: `${claim} must be a string; it is ${actual}.` };
  }
  return expected === raw
    ? ({
        claim,
        state: 'match',
        expected,
        actual,
        message: `${claim} matches the ${what} (${tokenHashAlgorithm(alg)}, left half).`,
      } satisfies HashCheck)
    : ({
        claim,
        state: 'mismatch',
        expected,
        actual,
        message: `${claim} does not match: the ${what} hashes to ${expected}, the ID token says ${raw}. The ${what} was not issued with this ID token, or it was altered.`,
      } satisfies HashCheck);
}

/**
 * A row for `at_hash` and for `c_hash` whenever the claim is in the ID token or the matching value is given;
 * nothing for a claim that is neither present nor checkable.
 */
export async function checkTokenHashes(
  idToken: OidcTokenLike,
  others: { accessToken?: string; code?: string },
): Promise<HashCheck[]> {
  const alg = idToken.header.alg;
  const rows = await Promise.all([
    checkOne('at_hash', alg, idToken.payload, others.accessToken),
    checkOne('c_hash', alg, idToken.payload, others.code),
  ]);
  return rows.filter((r): r is HashCheck => r !== undefined);
}

// Comparing an ID token's `aud`/`azp`/`nonce` with what the relying party expects
// (OpenID Connect Core 1.0 §3.1.3.7 items 3–5 and 11).
export type ClaimVerdict = { state: 'match' | 'mismatch' | 'missing' | 'unchecked'; message: string };

const asAudiences = (aud: unknown): string[] | undefined =>
  typeof aud === 'string'
    ? [aud]
    : Array.isArray(aud)
      ? aud.filter((a): a is string => typeof a === 'string')
      : undefined;

/** `aud` must contain the client ID; with several audiences `azp` should be present and equal it. */
export function checkAudience(payload: Record<string, unknown>, clientId: string): ClaimVerdict {
  const expected = clientId.trim();
  if (!expected) return { state: 'unchecked', message: 'Type your client ID to check aud and azp.' };
  const audiences = asAudiences(payload.aud);
  if (!audiences || audiences.length === 0) {
    return { state: 'missing', message: 'The token has no aud claim; an ID token must name its client in aud.' };
  }
  if (!audiences.includes(expected)) {
    return {
      state: 'mismatch',
      message: `aud is ${audiences.map((a) => `"${a}"`).join(', ')}, which does not include "${expected}": this token was issued for another client.`,
    };
  }
  const azp = payload.azp;
  if (azp !== undefined && azp !== expected) {
    return {
      state: 'mismatch',
      message: `aud includes "${expected}" but azp is "${String(azp)}": the token was requested by another client.`,
    };
  }
  if (audiences.length > 1 && azp === undefined) {
    return {
      state: 'mismatch',
      message: `aud has ${audiences.length} audiences but no azp; with several audiences azp should name "${expected}".`,
    };
  }
  return { state: 'match', message: `aud${azp !== undefined ? ' and azp' : ''} name "${expected}".` };
}

/** `nonce` must equal the value sent in the authentication request (replay protection). */
export function checkNonce(payload: Record<string, unknown>, expectedNonce: string): ClaimVerdict {
  const expected = expectedNonce.trim();
  if (!expected) return { state: 'unchecked', message: 'Type the nonce your app sent to check it.' };
  if (payload.nonce === undefined) {
    return { state: 'missing', message: 'The token has no nonce claim although you sent one: reject it.' };
  }
  if (payload.nonce !== expected) {
    return {
      state: 'mismatch',
      message: `nonce is "${String(payload.nonce)}", not "${expected}": this token answers another request.`,
    };
  }
  return { state: 'match', message: 'nonce matches the value you sent.' };
}
