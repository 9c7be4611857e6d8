// Time claims: NumericDate rendering (RFC 7519 §2: seconds since 1970-01-01T00:00:00Z, may be fractional)
// and the exp/nbf verdict. iat alone decides nothing (RFC 7519 §4.1.6 gives no rule for rejecting on it).
import type { ClaimsState, VerifyOptions } from '../types';
import { rawNumberText } from './json-raw-numbers';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;
const MONTH = 30.436875 * DAY;
const YEAR = 365.2425 * DAY;
// Date's range is ±8.64e15 ms (ECMA-262 §21.4.1.22).
const MAX_DATE_MS = 8.64e15;

function unit(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "in 1 hour 50 minutes", "3 days ago", "just now". Positive deltas lie in the future. */
export function renderRelativeTime(deltaSeconds: number): string {
  if (!Number.isFinite(deltaSeconds)) return 'at an unknown time';
  const abs = Math.abs(deltaSeconds);
  if (abs < 5) return 'just now';
  // Two units, the smaller one rounded down: one unit alone rounded 1 h 50 min down to "1 hour" and
  // 47 hours to "1 day", so a token looked to live half as long as it does.
  let amount: string;
  if (abs < MINUTE) amount = unit(Math.floor(abs), 'second');
  else if (abs < HOUR) amount = twoUnits(abs, MINUTE, 'minute', 1, 'second');
  else if (abs < DAY) amount = twoUnits(abs, HOUR, 'hour', MINUTE, 'minute');
  else if (abs < 60 * DAY) amount = twoUnits(abs, DAY, 'day', HOUR, 'hour');
  else if (abs < 2 * YEAR) amount = twoUnits(abs, MONTH, 'month', DAY, 'day');
  else amount = twoUnits(abs, YEAR, 'year', MONTH, 'month');
  return deltaSeconds > 0 ? `in ${amount}` : `${amount} ago`;
}

/** "1 hour 50 minutes"; the smaller unit is left out when it is zero ("5 hours"). */
function twoUnits(seconds: number, big: number, bigWord: string, small: number, smallWord: string): string {
  const bigCount = Math.floor(seconds / big);
  const smallCount = Math.floor((seconds - bigCount * big) / small);
  return smallCount === 0 ? unit(bigCount, bigWord) : `${unit(bigCount, bigWord)} ${unit(smallCount, smallWord)}`;
}

/** ISO 8601 UTC (without ".000" for whole seconds) and a relative phrase. */
export function renderTime(epochSeconds: number, nowMs: number): { iso: string; relative: string } {
  const ms = epochSeconds * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) {
    return { iso: 'out of range', relative: 'at a time no calendar can show' };
  }
  const iso = new Date(ms).toISOString().replace('.000Z', 'Z');
  return { iso, relative: renderRelativeTime(epochSeconds - nowMs / 1000) };
}

/** A NumericDate is a JSON number (RFC 7519 §2); strings such as "1700000000" are not. */
export function isNumericDate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * A time claim JSON.parse read as Infinity or -Infinity (written e.g. `1e309`): not a NumericDate, yet a number
 * to libraries that check only `typeof`. `written` is the claim's text as in the token.
 */
export function nonFiniteTimeNote(name: string, value: number, written: string | undefined): string {
  const positive = value > 0;
  const jose =
    name === 'exp'
      ? positive
        ? 'jose accepts it as a token that never expires'
        : 'jose treats the token as always expired'
      : name === 'nbf'
        ? positive
          ? 'jose treats the token as never valid'
          : 'jose treats the token as always valid'
        : 'jose accepts it';
  return `${name} is ${written ?? String(value)} as written: beyond what a JSON parser's number can hold, so it reads as ${value > 0 ? 'Infinity' : '-Infinity'} and is not a NumericDate (RFC 7519 §2): ${jose}; PyJWT rejects the token.`;
}

function showValue(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * exp/nbf verdict with a configurable clock and leeway; notes iat in the future without changing the state. With
 * `maxAgeSeconds`, a token whose iat is older is `expired` too (the message says it is by maximum age): the
 * verdict keeps its four states, and "too old to accept" is what expired means to a verifier.
 */
export function checkTimeClaims(
  payload: unknown,
  options: VerifyOptions = {},
): { state: ClaimsState; message: string } {
  const nowMs = options.now ?? Date.now();
  const leeway = Math.max(0, options.leewaySeconds ?? 0);
  const now = nowMs / 1000;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { state: 'none', message: 'No time claims: the payload is not a JSON object.' };
  }
  const claims = payload as Record<string, unknown>;
  const notes: string[] = [];
  const at = (seconds: number): string => {
    const t = renderTime(seconds, nowMs);
    return `${t.relative} (${t.iso})`;
  };
  const numeric = (name: 'exp' | 'nbf' | 'iat'): number | undefined => {
    const value = claims[name];
    if (value === undefined) return undefined;
    if (isNumericDate(value)) {
      // Milliseconds instead of seconds is a classic bug: it puts the date tens of thousands of years ahead.
      if (value > 1e11) notes.push(`${name} looks like milliseconds, not seconds (${at(value)}).`);
      return value;
    }
    if (typeof value === 'number') {
      notes.push(nonFiniteTimeNote(name, value, rawNumberText(payload, name)));
      return undefined;
    }
    notes.push(
      `${name} is ${showValue(value)}, not a number of seconds since 1970 (NumericDate, RFC 7519 §2), so it was ignored; a verifier would reject this token.`,
    );
    return undefined;
  };
  const exp = numeric('exp');
  const nbf = numeric('nbf');
  const iat = numeric('iat');
  if (iat !== undefined && iat > now + leeway) {
    notes.push(`iat is in the future (issued ${at(iat)}): the issuer's clock may be ahead.`);
  }
  const leewayNote = leeway > 0 ? ` (leeway ${leeway} s)` : '';
  const maxAge = options.maxAgeSeconds;
  const ageLimited = maxAge !== undefined && Number.isFinite(maxAge) && maxAge >= 0;
  if (ageLimited && iat === undefined)
    notes.push(`A maximum age of ${maxAge} s is set, but there is no usable iat to apply it to.`);
  const tooOld = ageLimited && iat !== undefined && now - iat > maxAge + leeway;

  let state: ClaimsState;
  let verdict: string;
  if (exp !== undefined && now >= exp + leeway) {
    state = 'expired';
    verdict = `Expired ${at(exp)}${leewayNote}.`;
  } else if (nbf !== undefined && now < nbf - leeway) {
    state = 'not-yet-valid';
    verdict = `Not valid yet: becomes valid ${at(nbf)}${leewayNote}.`;
  } else if (tooOld) {
    state = 'expired';
    verdict = `Too old: issued ${at(iat)}, more than the maximum age of ${maxAge} s${leewayNote}.`;
  } else if (exp === undefined && nbf === undefined) {
    state = 'none';
    verdict = 'No exp or nbf: nothing in the token limits when it can be used.';
  } else {
    state = 'valid';
    const parts: string[] = [];
    if (exp !== undefined) {
      parts.push(now >= exp ? `expired ${at(exp)} but within the ${leeway} s leeway` : `expires ${at(exp)}`);
    } else {
      parts.push('no expiry (exp is missing)');
    }
    if (nbf !== undefined) {
      parts.push(now < nbf ? `valid from ${at(nbf)}, within the ${leeway} s leeway` : `valid since ${at(nbf)}`);
    }
    if (ageLimited && iat !== undefined) parts.push(`issued ${at(iat)}, within the maximum age of ${maxAge} s`);
    verdict = `Valid: ${parts.join('; ')}.`;
  }
  return { state, message: [verdict, ...notes].join(' ') };
}
