// Derived views of the state, each memoised on exactly the inputs it reads, so every component that
// needs the decoded token shares one decode per keystroke. All parsing is the core's.
import { checkTimeClaims, listClaims, type ClaimRow } from '../core/claims';
import { TokenError } from '../core/errors';
import type { KeyExposure } from '../core/key-exposure';
import { stringifyAsWritten } from '../core/json-as-written';
import { decodeToken, type DecodedToken } from '../core/token';
import { classifyToken, type TokenKindInfo } from '../core/token-kind';
import type { ClaimsState, KeyDetection, LintFinding, SecretEncoding, TokenErrorCode, TokenPart } from '../core/types';
import type { VerdictClock } from './clock';
import type { KeyEngine } from './keyEngine';

/**
 * Memoised on the last few argument lists, not only the last: the live state and the idle copy (store.ts) ask with
 * different inputs while a keystroke is in flight, and a one-entry cache would hand each a new object on every
 * call, which `useSyncExternalStore` reads as a changed snapshot and re-renders without end.
 */
function memoRecentArgs<A extends unknown[], R>(fn: (...args: A) => R, size = 4): (...args: A) => R {
  const recent: { args: A; result: R }[] = [];
  return (...args: A) => {
    const hit = recent.find(
      (entry) => entry.args.length === args.length && entry.args.every((a, i) => Object.is(a, args[i])),
    );
    if (hit) return hit.result;
    const result = fn(...args);
    recent.unshift({ args, result });
    if (recent.length > size) recent.pop();
    return result;
  };
}

export type TokenProblem = {
  code: TokenErrorCode | 'unexpected';
  message: string;
  part: TokenPart | undefined;
  /** Character index into the token box text, when the core could point at one. */
  offset: number | undefined;
  jweHeader: Record<string, unknown> | undefined;
};

export type DecodeOutcome =
  { ok: true; decoded: DecodedToken } | { ok: false; problem: TokenProblem; lastGood: DecodedToken | undefined };

let lastGood: DecodedToken | undefined;

// Views reading the idle state decode the token they show while the token box already decodes the newer one,
// and neither should undo the other's work.
export const selectDecode = memoRecentArgs((tokenText: string): DecodeOutcome => {
  try {
    const decoded = decodeToken(tokenText);
    lastGood = decoded;
    return { ok: true, decoded };
  } catch (error) {
    if (error instanceof TokenError) {
      return {
        ok: false,
        problem: {
          code: error.code,
          message: error.message,
          part: error.part,
          offset: error.offset,
          jweHeader: error.jweHeader,
        },
        lastGood,
      };
    }
    // A bug in the core must not take the page down; say so and keep the last good token on screen.
    return {
      ok: false,
      problem: {
        code: 'unexpected',
        message: `The token could not be decoded because of an internal error (${String(error)}). Please report it.`,
        part: undefined,
        offset: undefined,
        jweHeader: undefined,
      },
      lastGood,
    };
  }
}, 2);

/** Which kind of JOSE object the token box holds (compact JWS, JWE, JSON serializations…): picks the panels. */
export const selectTokenKind = memoRecentArgs((tokenText: string): TokenKindInfo => classifyToken(tokenText), 2);

/** The token a request would carry (curl snippet, Copy command): a compact token or SD-JWT, else ''. */
export function selectSendableToken(tokenText: string): string {
  const { kind, text } = selectTokenKind(tokenText);
  return kind === 'jws-compact' || kind === 'jws-detached' || kind === 'jwe-compact' || kind === 'sd-jwt' ? text : '';
}

/** A key box as the views show it: what the key engine makes of it, or `reading` while that engine loads. */
export type KeyReading = KeyDetection | { kind: 'reading' };

const EMPTY_KEY: KeyReading = { kind: 'empty' };
const READING_KEY: KeyReading = { kind: 'reading' };

function readKey(
  engine: KeyEngine | undefined,
  keyText: string,
  secretEncoding: SecretEncoding,
  purpose?: 'enc',
): KeyReading {
  if (!engine) return keyText === '' ? EMPTY_KEY : READING_KEY;
  return engine.detectKey({ text: keyText, secretEncoding }, purpose);
}

export const selectKeyDetection = memoRecentArgs(
  (engine: KeyEngine | undefined, keyText: string, secretEncoding: SecretEncoding): KeyReading =>
    readKey(engine, keyText, secretEncoding),
);

/** The key box read as a JWE key (`purpose: 'enc'`): X25519 keys usable, a JWKS keeps its encryption entries. */
export const selectEncKeyDetection = memoRecentArgs(
  (engine: KeyEngine | undefined, keyText: string, secretEncoding: SecretEncoding): KeyReading =>
    readKey(engine, keyText, secretEncoding, 'enc'),
);

// Until the engine has read the key, it counts as unusable: a link copied that soon leaves the key out.
const KEY_BEING_READ: KeyExposure = { kind: 'unusable', what: 'still being read' };
const NO_KEY: KeyExposure = { kind: 'unusable', what: 'empty' };

export const selectKeyExposure = memoRecentArgs(
  (engine: KeyEngine | undefined, keyText: string, secretEncoding: SecretEncoding): KeyExposure =>
    engine ? engine.keyExposure({ text: keyText, secretEncoding }) : keyText === '' ? NO_KEY : KEY_BEING_READ,
);

export const selectTimeClaims = memoRecentArgs(
  (payload: unknown, clock: VerdictClock): { state: ClaimsState; message: string } =>
    checkTimeClaims(payload, clock.options),
);

export const selectClaimRows = memoRecentArgs((payload: unknown, clock: VerdictClock): ClaimRow[] =>
  listClaims(payload, clock.now, {
    leewaySeconds: clock.options.leewaySeconds ?? 0,
    ...(clock.options.maxAgeSeconds !== undefined ? { maxAgeSeconds: clock.options.maxAgeSeconds } : {}),
  }),
);

/** The security review, or undefined until the key engine (which holds it, since it judges the key too) is here. */
export const selectLint = memoRecentArgs(
  (
    engine: KeyEngine | undefined,
    decoded: DecodedToken,
    detection: KeyReading,
    keyText: string,
    nowBucket: number,
    trustAnchorsGiven: boolean,
  ): LintFinding[] | undefined =>
    engine && detection.kind !== 'reading'
      ? engine.lintToken(decoded, { key: detection, keyText, nowMs: nowBucket, trustAnchorsGiven })
      : undefined,
);

/** The decoded token's header has `x5c`: the certificate-chain panel and verdict apply (loaded lazily). */
export function selectTokenHasX5c(tokenText: string): boolean {
  const outcome = selectDecode(tokenText);
  return outcome.ok && outcome.decoded.header.x5c !== undefined;
}

/** The key box may hold a JWK or JWKS with `x5c` (a cheap test; the x5c panel reads the keys properly). */
export function selectKeyHasX5c(keyText: string): boolean {
  return keyText.includes('"x5c"');
}

function prettyOr(value: unknown, fallback: string): string {
  try {
    // A claim written 1e309 stays 1e309 (JSON.stringify writes null, and an edit would then put null in the token).
    return stringifyAsWritten(value, 2);
  } catch {
    // JSON.stringify recurses: a payload nested thousands of levels deep overflows the stack.
    return fallback;
  }
}

/** The decoded part shown in the editors: pretty-printed, or the raw text when it is not JSON. */
export const prettyHeader = memoRecentArgs((decoded: DecodedToken): string =>
  prettyOr(decoded.header, decoded.headerText),
);
export const prettyPayload = memoRecentArgs((decoded: DecodedToken): string =>
  decoded.payloadIsJson ? prettyOr(decoded.payload, decoded.payloadText) : decoded.payloadText,
);
