// Which members of a JWK are secret: the private parameters of RFC 7518 §6.2.2 (EC), §6.3.2 (RSA), RFC 8037 §2
// (OKP), the symmetric key value of §6.4.1 (oct), and `priv` of the ML-DSA key type (AKP).
export const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k', 'priv'] as const;

/** The private or symmetric members a JWK holds, in the order above. */
export function privateJwkMembers(jwk: Record<string, unknown>): string[] {
  return PRIVATE_JWK_MEMBERS.filter((m) => jwk[m] !== undefined);
}

/** The JWK without its private members (everything else kept: kty, crv, kid, alg, use…). */
export function withoutPrivateMembers(jwk: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...jwk };
  for (const m of PRIVATE_JWK_MEMBERS) delete out[m];
  return out;
}
