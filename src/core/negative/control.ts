// The control: the token the server accepts. Every other case is made from it, so that each differs from it in
// one thing only, and a refusal can be put down to that thing.
import { checkTimeClaims, renderRelativeTime } from '../claims';
import type { DecodedToken } from '../token';
import { caseToken, makeCase } from './catalog';
import { assembleJws, encodeJsonSegment } from './jws';
import type { NegativeCase, ResolvedKeys, ResolvedOptions } from './types';

const HOUR = 3600;

/** The payload as a JSON object, or undefined (the claim cases and the refresh need one). */
export function payloadObject(token: DecodedToken): Record<string, unknown> | undefined {
  const p = token.payload;
  return token.payloadIsJson && typeof p === 'object' && p !== null && !Array.isArray(p)
    ? (p as Record<string, unknown>)
    : undefined;
}

function numeric(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** How long the token was meant to live: exp − iat when both are there, else an hour. */
export function lifetimeOf(payload: Record<string, unknown>): number {
  const exp = numeric(payload.exp);
  const iat = numeric(payload.iat);
  return exp !== undefined && iat !== undefined && exp > iat ? exp - iat : HOUR;
}

/** The payload made current again: `iat` now (when present), `exp` a lifetime ahead, `nbf` (when present) now. */
function refreshed(payload: Record<string, unknown>, nowSeconds: number): Record<string, unknown> {
  const out: Record<string, unknown> = { ...payload };
  if ('iat' in out) out.iat = nowSeconds;
  if ('nbf' in out) out.nbf = nowSeconds;
  out.exp = nowSeconds + lifetimeOf(payload);
  return out;
}

export async function buildControlCase(
  token: DecodedToken,
  keys: ResolvedKeys,
  options: ResolvedOptions,
): Promise<NegativeCase> {
  const payload = payloadObject(token);
  const time = payload ? checkTimeClaims(payload, { now: options.now }) : undefined;
  const nowSeconds = Math.floor(options.now / 1000);
  if (time?.state === 'expired' && payload) {
    const ago = renderRelativeTime(Number(payload.exp) - nowSeconds);
    if (keys.signer) {
      const signer = keys.signer;
      const next = refreshed(payload, nowSeconds);
      const refreshedToken = await assembleJws(token.header, encodeJsonSegment(next), (input) =>
        signer.sign(signer.alg, input),
      );
      return makeCase('control', {
        tokens: [
          caseToken(
            'control',
            refreshedToken,
            `The loaded token re-signed with your key, "exp" moved ahead (it expired ${ago}).`,
          ),
        ],
        notes: [
          `The loaded token had expired (${ago}); the control is the same token re-signed with "exp" moved ahead.`,
        ],
      });
    }
    return makeCase('control', {
      tokens: [caseToken('control', token.normalized, 'The loaded token, unchanged.')],
      notes: [
        `The loaded token expired ${ago}: a correct server refuses it, and then the script stops (exit 2). Give the signing key so the control can be re-signed with a later "exp", or load a current token.`,
      ],
    });
  }
  return makeCase('control', {
    tokens: [caseToken('control', token.normalized, 'The loaded token, unchanged.')],
    notes:
      time?.state === 'not-yet-valid'
        ? ['The loaded token is not valid yet ("nbf" is ahead): a correct server refuses it until then.']
        : [],
  });
}
