// Cheap, synchronous recognition of an SD-JWT for the page's token-kind dispatch: no decoding, no hashing.

// A JWS compact header always starts with "ey" (base64url of `{"`), as in the RFC 9901 §4 ABNF `JWT "~"`.
const COMPACT = /^ey[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*~/;
const TAIL = /^(?:[A-Za-z0-9_=+/-]*~)*(?:[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*|[A-Za-z0-9_=+/-]*)$/;

/**
 * True when `text` looks like an SD-JWT: the compact form `<jwt>~<disclosure>~…~[<kb-jwt>]` (whitespace, quotes
 * and a `Bearer ` prefix allowed, as the token box accepts them), or RFC 9901 §8's JWS JSON Serialization with a
 * `disclosures` array. A plain JWT (no `~`) and a JWE are not. Looks at the text only; `inspectSdJwt` decides
 * whether it is a valid one.
 */
export function isSdJwt(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return /"disclosures"\s*:/.test(trimmed) && /"payload"\s*:/.test(trimmed);
  if (!trimmed.includes('~')) return false;
  const bare = trimmed
    .replace(/^(?:authorization\s*:\s*)?(?:bearer|jwt|dpop)\s+/i, '')
    .replace(/^["'`\u201C\u2018]|["'`\u201D\u2019]$/g, '')
    .replace(/[ \t\r\n\f\v]+/g, '');
  if (!COMPACT.test(bare)) return false;
  return TAIL.test(bare.slice(bare.indexOf('~') + 1));
}
