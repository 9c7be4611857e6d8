// Claims: what each one means, how time values read, and the rows of the claims table.
import type { ClaimInfo } from './lib/claims-registry';
import type { VerifyOptions } from './types';
import { describeClaim } from './lib/claims-registry';
import { isNumericDate, nonFiniteTimeNote, renderTime } from './lib/claims-time';
import { rawNumberText } from './lib/json-raw-numbers';

export { describeClaim, describedClaimNames } from './lib/claims-registry';
export type { ClaimInfo, ClaimKind } from './lib/claims-registry';
export { checkTimeClaims, isNumericDate, renderRelativeTime, renderTime } from './lib/claims-time';

export type ClaimBadge = 'expired' | 'not-yet-valid' | 'future-iat' | 'invalid';

export type ClaimRow = {
  name: string;
  value: unknown;
  /** The value as one line of text (strings unquoted, everything else as compact JSON). */
  display: string;
  info: ClaimInfo | undefined;
  /** For NumericDate claims (exp, nbf, iat, auth_time, updated_at). */
  time?: { iso: string; relative: string };
  /** For audience and scope-like claims: the individual entries. */
  list?: string[];
  badge?: ClaimBadge;
  /** Why the badge is there, in words. */
  badgeReason?: string;
};

// Claims that hold lists even when not described (scopes in RFC 8693 §4.2 are one space-separated string).
const LIST_CLAIMS = new Set(['aud', 'scope', 'scp', 'scopes', 'roles', 'groups', 'amr', 'entitlements', 'permissions']);
const MAX_SCOPE_DEPTH = 8;

// The text of an object or array claim, per parsed value: listClaims runs again whenever the clock moves
// on (relative times), and a 1 MB claim set's arrays cost tens of ms to stringify each time. (Decoded
// values are never mutated, so a cached text cannot go stale.)
const displayed = new WeakMap<object, string>();

function display(value: unknown): string {
  if (typeof value === 'string') return value;
  // Infinity (from a number too large to parse, like 1e309) would show as "null".
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? String(value);
  let text = displayed.get(value);
  if (text === undefined) {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      // JSON.stringify recurses; a payload nested thousands of levels deep overflows the stack.
      text = '(too deeply nested to display)';
    }
    displayed.set(value, text);
  }
  return text;
}

function entryText(value: unknown): string {
  return typeof value === 'string' ? value : display(value);
}

/** Flattens `{ "api": ["read", "write"], "admin": true }` into ["api: read", "api: write", "admin"]. */
function flattenScopeObject(value: Record<string, unknown>): string[] {
  const out: string[] = [];
  const queue: [string, unknown, number][] = Object.entries(value).map(([k, v]) => [k, v, 1]);
  while (queue.length > 0) {
    const [path, v, depth] = queue.shift() as [string, unknown, number];
    if (v === true) out.push(path);
    else if (Array.isArray(v)) for (const item of v) out.push(`${path}: ${entryText(item)}`);
    else if (typeof v === 'object' && v !== null && depth < MAX_SCOPE_DEPTH) {
      for (const [k, inner] of Object.entries(v)) queue.push([`${path}.${k}`, inner, depth + 1]);
    } else if (v !== false && v !== null) out.push(`${path}: ${entryText(v)}`);
  }
  return out;
}

function listOf(name: string, value: unknown): string[] | undefined {
  if (typeof value === 'string') return name === 'aud' ? [value] : value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value)) return value.map(entryText);
  if (typeof value === 'object' && value !== null && name !== 'aud') {
    return flattenScopeObject(value as Record<string, unknown>);
  }
  return undefined;
}

/** Leeway and maximum age of `iat` for the badges, as in `VerifyOptions`. */
export type ClaimClock = Pick<VerifyOptions, 'leewaySeconds' | 'maxAgeSeconds'>;

function timeBadge(
  name: string,
  seconds: number,
  now: number,
  clock: { leeway: number; maxAge: number | undefined },
): Pick<ClaimRow, 'badge' | 'badgeReason'> {
  const { leeway, maxAge } = clock;
  if (name === 'exp' && now >= seconds + leeway) return { badge: 'expired', badgeReason: 'The token has expired.' };
  if (name === 'nbf' && now < seconds - leeway) {
    return { badge: 'not-yet-valid', badgeReason: 'The token is not valid yet.' };
  }
  if ((name === 'iat' || name === 'auth_time') && seconds > now + leeway) {
    return { badge: 'future-iat', badgeReason: `${name} lies in the future; the issuer's clock may be ahead.` };
  }
  // Too old counts as expired, as in checkTimeClaims: the badge set stays the same.
  if (name === 'iat' && maxAge !== undefined && now - seconds > maxAge + leeway) {
    return { badge: 'expired', badgeReason: `Issued more than the maximum age of ${maxAge} s ago.` };
  }
  return {};
}

/**
 * One row per top-level claim, in the payload's order. Non-object payloads have no claims. The third argument is
 * the leeway in seconds, or the clock's leeway and maximum age of `iat`.
 */
export function listClaims(payload: unknown, nowMs: number, clock: number | ClaimClock = 0): ClaimRow[] {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return [];
  const now = nowMs / 1000;
  const settings = typeof clock === 'number' ? { leewaySeconds: clock } : clock;
  const maxAge = settings.maxAgeSeconds;
  const badgeClock = {
    leeway: Math.max(0, settings.leewaySeconds ?? 0),
    maxAge: maxAge !== undefined && Number.isFinite(maxAge) && maxAge >= 0 ? maxAge : undefined,
  };
  return Object.entries(payload as Record<string, unknown>).map(([name, value]) => {
    const info = describeClaim(name);
    // 1e309 parses as Infinity, which JSON.stringify would show as null: show it as written.
    const written = typeof value === 'number' && !Number.isFinite(value) ? rawNumberText(payload, name) : undefined;
    const row: ClaimRow = { name, value, display: written ?? display(value), info };
    if (info?.kind === 'time') {
      if (isNumericDate(value)) {
        row.time = renderTime(value, nowMs);
        Object.assign(row, timeBadge(name, value, now, badgeClock));
      } else if (typeof value === 'number') {
        row.badge = 'invalid';
        row.badgeReason = nonFiniteTimeNote(name, value, written);
      } else {
        row.badge = 'invalid';
        row.badgeReason = `${name} must be a number of seconds since 1970 (NumericDate, RFC 7519 §2).`;
      }
    }
    if (LIST_CLAIMS.has(name) || info?.kind === 'audience' || info?.kind === 'scopes') {
      const list = listOf(name, value);
      if (list) row.list = list;
      if (
        name === 'aud' &&
        (list === undefined || (Array.isArray(value) && value.some((v) => typeof v !== 'string')))
      ) {
        row.badge = 'invalid';
        row.badgeReason = 'aud must be a string or an array of strings (RFC 7519 §4.1.3).';
      }
    }
    return row;
  });
}
