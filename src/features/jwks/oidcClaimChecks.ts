// Comparing an ID token's `aud`/`azp`/`nonce` with what the relying party expects
// (OpenID Connect Core 1.0 §3.1.3.7 items 3–5 and §3.1.3.7 item 11). Pure: no React.
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
