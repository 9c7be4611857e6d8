// Findings about the claims: lifetime and time claims (RFC 7519 §4.1), audience (RFC 8725 §3.9).
import type { LintFinding } from '../types';
import { renderRelativeTime } from './claims-time';

const DAY = 86400;

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * `dpopProof`: a DPoP proof has no exp or aud by design (RFC 9449 §4.2: the server bounds its age by iat and binds
 * it to one request by htm/htu), so their absence is not reported.
 */
export function lintPayload(claims: Record<string, unknown>, nowMs: number, dpopProof = false): LintFinding[] {
  const out: LintFinding[] = [];
  const now = nowMs / 1000;
  for (const name of ['exp', 'nbf', 'iat'] as const) {
    const value = claims[name];
    if (value !== undefined && !isNumber(value)) {
      out.push({
        id: 'time-claim-invalid',
        severity: 'error',
        message: `${name} is ${JSON.stringify(value) ?? String(value)}, not a number of seconds since 1970; verifiers reject it or ignore it.`,
        reference: 'RFC 7519 §2, §4.1',
      });
    } else if (isNumber(value) && value > 1e11) {
      out.push({
        id: 'time-in-milliseconds',
        severity: 'warning',
        message: `${name} is ${value}: that looks like milliseconds, which puts it thousands of years ahead. NumericDate counts seconds.`,
        reference: 'RFC 7519 §2',
      });
    }
  }
  const { exp, iat, nbf } = claims;
  if (exp === undefined && !dpopProof) {
    out.push({
      id: 'missing-exp',
      severity: 'warning',
      message: 'The token has no exp: it never expires, so a leaked copy works forever.',
      reference: 'RFC 7519 §4.1.4; RFC 9068 §2.2',
    });
  }
  const start = isNumber(iat) ? iat : isNumber(nbf) ? nbf : undefined;
  if (isNumber(exp) && start !== undefined && exp - start > DAY) {
    const lifetime = renderRelativeTime(exp - start).replace(/^in /, '');
    out.push({
      id: 'long-lifetime',
      severity: 'warning',
      message: `The token lives ${lifetime} (from ${isNumber(iat) ? 'iat' : 'nbf'} to exp), more than a day. Short lifetimes limit the damage of a leaked token; use refresh tokens for long sessions.`,
      reference: 'RFC 6819 §5.1.5.3; RFC 8725 §2.9',
    });
  }
  if (isNumber(iat) && iat > now) {
    out.push({
      id: 'iat-future',
      severity: 'warning',
      message: `iat says the token was issued ${renderRelativeTime(iat - now)}, in the future: the issuer's clock is ahead, or the token was crafted.`,
      reference: 'RFC 7519 §4.1.6',
    });
  }
  if (claims.aud === undefined && !dpopProof) {
    out.push({
      id: 'missing-aud',
      severity: 'info',
      message:
        'The token has no aud, so any service that trusts the issuer would accept it; audiences keep a token meant for one API from working at another.',
      reference: 'RFC 8725 §3.9; RFC 7519 §4.1.3',
    });
  }
  return out;
}
