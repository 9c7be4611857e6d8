// Rules several profiles share: claim presence, issuer and audience against the expected values, alg, and the
// time claims under the chosen clock. Each returns one ProfileCheck; the profile files pick and cite them.
import { isNumericDate, renderTime } from '../lib/claims-time';
import type { DecodedToken } from '../token';
import type { ProfileCheck, ProfileExpectations, ProfileOptions } from './types';

type StringExpectation = Exclude<keyof ProfileExpectations, 'maxAge'>;
export type Expected = Partial<Record<StringExpectation, string>> & { maxAge?: number };

export type Clock = {
  /** Seconds since the epoch ("as of"). */
  now: number;
  nowMs: number;
  leeway: number;
  /** Maximum age of `iat` in seconds, if set. */
  maxAge: number | undefined;
};

export type RuleContext = {
  decoded: DecodedToken;
  header: Record<string, unknown>;
  /** The payload's claims; empty when the payload is not a JSON object. */
  claims: Record<string, unknown>;
  expected: Expected;
  clock: Clock;
};

/** The page's input for each expected value, named in "fill … to check" messages. */
export const EXPECT_INPUT = {
  iss: 'the expected issuer',
  aud: 'the expected audience',
  clientId: 'the client id',
  nonce: 'the expected nonce',
  accessToken: 'the access token',
  code: 'the authorization code',
  htm: 'the expected HTTP method',
  htu: 'the expected HTTP URI',
  tokenEndpoint: 'the token endpoint',
  maxAge: 'max_age',
} as const satisfies Record<keyof ProfileExpectations, string>;

/** Blank strings become "not given"; a non-finite or negative max_age too. */
export function normalizeExpectations(input: ProfileExpectations): Expected {
  const out: Expected = {};
  for (const [key, value] of Object.entries(input) as [keyof ProfileExpectations, unknown][]) {
    if (key === 'maxAge') {
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) out.maxAge = value;
    } else if (typeof value === 'string' && value.trim() !== '') {
      out[key] = value.trim();
    }
  }
  return out;
}

export function makeClock(options: ProfileOptions): Clock {
  const nowMs = options.now ?? Date.now();
  const maxAge = options.maxAgeSeconds;
  return {
    now: nowMs / 1000,
    nowMs,
    leeway: Math.max(0, options.leewaySeconds ?? 0),
    maxAge: maxAge !== undefined && Number.isFinite(maxAge) && maxAge >= 0 ? maxAge : undefined,
  };
}

export function makeContext(
  decoded: DecodedToken,
  expected: ProfileExpectations,
  options: ProfileOptions,
): RuleContext {
  const payload = decoded.payload;
  const claims =
    decoded.payloadIsJson && typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : {};
  return {
    decoded,
    header: decoded.header,
    claims,
    expected: normalizeExpectations(expected),
    clock: makeClock(options),
  };
}

/** A check's four outcomes for one rule id and reference. */
export function rule(id: string, reference: string) {
  const make =
    (state: ProfileCheck['state']) =>
    (message: string): ProfileCheck => ({ id, state, message, reference });
  return { pass: make('pass'), fail: make('fail'), warn: make('warn'), unchecked: make('unchecked') };
}

export function quote(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Media types compare case-insensitively, and `application/` may be left out of `typ` (RFC 7515 §4.1.9). */
export function mediaType(value: unknown): string | undefined {
  return typeof value === 'string'
    ? value
        .trim()
        .toLowerCase()
        .replace(/^application\//, '')
    : undefined;
}

/** `aud` as a list: a string is a one-member list (RFC 7519 §4.1.3); anything else is malformed. */
export function audiences(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((v): v is string => typeof v === 'string')) return value;
  return undefined;
}

export function at(clock: Clock, seconds: number): string {
  const t = renderTime(seconds, clock.nowMs);
  return `${t.relative} (${t.iso})`;
}

function leewayNote(clock: Clock): string {
  return clock.leeway > 0 ? `, with ${clock.leeway} s leeway` : '';
}

export function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** A claim that must be a non-empty string. */
export function requireString(ctx: RuleContext, name: string, reference: string, why = ''): ProfileCheck {
  const r = rule(name, reference);
  const value = ctx.claims[name];
  if (value === undefined) return r.fail(`${name} is missing; it is required${why}.`);
  if (!nonEmptyString(value)) return r.fail(`${name} must be a non-empty string; it is ${quote(value)}.`);
  return r.pass(`${name} is present: ${quote(value)}.`);
}

/** The token must be signed: `alg` names a real algorithm, never `none`. */
export function checkSigned(ctx: RuleContext, reference: string, kind: string): ProfileCheck {
  const r = rule('alg', reference);
  const alg = ctx.header.alg;
  if (typeof alg !== 'string' || alg === '')
    return r.fail(`The header has no usable alg (${quote(alg)}); ${kind} must be signed.`);
  if (alg.toLowerCase() === 'none') return r.fail(`alg is "${alg}": ${kind} must be signed, never unsecured.`);
  return r.pass(`Signed with ${alg} (not "none").`);
}

/** `iss` must equal the expected issuer exactly (no normalisation: a trailing slash matters). */
export function checkIssuerExpected(ctx: RuleContext, reference: string): ProfileCheck {
  const r = rule('iss-expected', reference);
  const iss = ctx.claims.iss;
  const expected = ctx.expected.iss;
  if (expected === undefined) return r.unchecked(`Fill ${EXPECT_INPUT.iss} to check iss.`);
  if (iss === expected) return r.pass(`iss equals the expected issuer ${quote(expected)}.`);
  const hint =
    typeof iss === 'string' && iss.replace(/\/+$/, '') === expected.replace(/\/+$/, '')
      ? ' They differ only in a trailing slash, which still counts: the comparison is exact.'
      : '';
  return r.fail(`iss is ${quote(iss)}, but the expected issuer is ${quote(expected)}.${hint}`);
}

/** `aud` must be present and be a string or a non-empty array of strings. */
export function checkAudiencePresent(ctx: RuleContext, reference: string): ProfileCheck {
  const r = rule('aud', reference);
  const aud = ctx.claims.aud;
  if (aud === undefined) return r.fail('aud is missing; it is required.');
  const list = audiences(aud);
  if (list === undefined) return r.fail(`aud must be a string or an array of strings; it is ${quote(aud)}.`);
  return r.pass(`aud is present: ${list.map((a) => quote(a)).join(', ')}.`);
}

/** `aud` must contain one of the accepted values (each with a label saying where it came from). */
export function checkAudienceContains(
  ctx: RuleContext,
  accepted: { value: string; label: string }[],
  reference: string,
  fill: string,
): ProfileCheck {
  const r = rule('aud-expected', reference);
  if (accepted.length === 0) return r.unchecked(`Fill ${fill} to check aud.`);
  const list = audiences(ctx.claims.aud);
  if (list === undefined) return r.fail(`aud is ${quote(ctx.claims.aud)}: there is no audience to compare.`);
  const hit = accepted.find((a) => list.includes(a.value));
  if (hit) return r.pass(`aud contains ${hit.label} ${quote(hit.value)}.`);
  const wanted = accepted.map((a) => `${a.label} ${quote(a.value)}`).join(' or ');
  return r.fail(`aud (${list.map((a) => quote(a)).join(', ')}) does not contain ${wanted}.`);
}

/** `exp`: required or optional; the token must not have expired (with leeway). */
export function checkExpiry(ctx: RuleContext, reference: string, required: boolean): ProfileCheck | undefined {
  const r = rule('exp', reference);
  const exp = ctx.claims.exp;
  if (exp === undefined) return required ? r.fail('exp is missing; it is required.') : undefined;
  if (!isNumericDate(exp)) return r.fail(`exp must be a number of seconds since 1970; it is ${quote(exp)}.`);
  const { clock } = ctx;
  if (clock.now >= exp + clock.leeway) return r.fail(`Expired ${at(clock, exp)}${leewayNote(clock)}.`);
  if (clock.now >= exp) return r.pass(`Expired ${at(clock, exp)}, but within the ${clock.leeway} s leeway.`);
  return r.pass(`Not expired: expires ${at(clock, exp)}.`);
}

/** `nbf`, when present: the token must already be valid (with leeway). No row when absent. */
export function checkNotBefore(ctx: RuleContext, reference: string): ProfileCheck | undefined {
  const r = rule('nbf', reference);
  const nbf = ctx.claims.nbf;
  if (nbf === undefined) return undefined;
  if (!isNumericDate(nbf)) return r.fail(`nbf must be a number of seconds since 1970; it is ${quote(nbf)}.`);
  const { clock } = ctx;
  if (clock.now < nbf - clock.leeway) return r.fail(`Not valid yet: valid from ${at(clock, nbf)}${leewayNote(clock)}.`);
  return r.pass(`Valid since ${at(clock, nbf)}.`);
}

/**
 * `iat`: present (when required), not in the future beyond the leeway (`future` says how bad that is for
 * this profile), and not older than the maximum age when one is set.
 */
export function checkIssuedAt(
  ctx: RuleContext,
  reference: string,
  settings: { required: boolean; future: 'fail' | 'warn'; maxAge?: number },
): ProfileCheck | undefined {
  const r = rule('iat', reference);
  const iat = ctx.claims.iat;
  if (iat === undefined) return settings.required ? r.fail('iat is missing; it is required.') : undefined;
  if (!isNumericDate(iat)) return r.fail(`iat must be a number of seconds since 1970; it is ${quote(iat)}.`);
  const { clock } = ctx;
  if (iat > clock.now + clock.leeway) {
    return r[settings.future](
      `iat lies in the future: issued ${at(clock, iat)}${leewayNote(clock)}. The issuer's clock is ahead, or the token was made up.`,
    );
  }
  const maxAge = settings.maxAge ?? clock.maxAge;
  if (maxAge !== undefined && clock.now - iat > maxAge + clock.leeway) {
    return r.fail(`Too old: issued ${at(clock, iat)}, more than the maximum age of ${maxAge} s${leewayNote(clock)}.`);
  }
  const age = maxAge === undefined ? '' : `, within the maximum age of ${maxAge} s`;
  return r.pass(`Issued ${at(clock, iat)}${age}.`);
}
