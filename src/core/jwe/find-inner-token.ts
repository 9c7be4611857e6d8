// Nested tokens (RFC 7519 §5.2, §11.2): a JWT signed, then encrypted. The plaintext of the JWE is then a
// compact JWS (or another JWE), announced by `cty: "JWT"`, which the UI decodes as if it had been pasted.
import { normalizeToken } from '../token';
import { decodeBase64url } from '../lib/token-base64url';

export type InnerToken = {
  /** The inner compact token, trimmed. */
  token: string;
  kind: 'jws' | 'jwe';
  /** `cty`: the header says `cty: "JWT"`; `shape`: no such header, but the plaintext is a compact token. */
  reason: 'cty' | 'shape';
  /** The inner token's `alg`, when its header decodes. */
  alg?: string;
  /** alg "none" (in any case) in the inner JWS: an unsecured token inside an encrypted one. */
  unsecured: boolean;
};

const COMPACT = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*){2}(?:(?:\.[A-Za-z0-9_-]*){2})?$/;

/** `cty` says the content is a JWT: "JWT", or with the "application/" prefix RFC 7515 §4.1.10 lets senders omit. */
export function ctyIsJwt(cty: unknown): boolean {
  return typeof cty === 'string' && /^(application\/)?jwt$/i.test(cty.trim());
}

function headerOf(token: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(decodeBase64url(token.slice(0, token.indexOf('.')))));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The token inside a decrypted JWE: when the header says `cty: "JWT"`, or when the plaintext has the shape of a
 * compact JWS/JWE whose header is a JSON object. Undefined when the plaintext is not a token.
 */
export function findInnerToken(plaintext: string, header: Record<string, unknown>): InnerToken | undefined {
  const byCty = ctyIsJwt(header.cty);
  // Whitespace or quotes around a nested token are tolerated as in the token box; anything more is not a token.
  const candidate = byCty ? normalizeToken(plaintext).token : plaintext.trim();
  if (!COMPACT.test(candidate)) return undefined;
  const inner = headerOf(candidate);
  if (!inner) return undefined;
  const kind = candidate.split('.').length === 5 ? 'jwe' : 'jws';
  if (!byCty && kind === 'jws' && typeof inner.alg !== 'string') return undefined;
  if (!byCty && kind === 'jwe' && typeof inner.enc !== 'string') return undefined;
  const alg = typeof inner.alg === 'string' ? inner.alg : undefined;
  return {
    token: candidate,
    kind,
    reason: byCty ? 'cty' : 'shape',
    ...(alg !== undefined ? { alg } : {}),
    unsecured: kind === 'jws' && alg?.toLowerCase() === 'none',
  };
}
