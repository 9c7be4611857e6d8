// Each key of a JWKS that carries `x5c` (RFC 7517 §4.7), listed and judged against the pasted trust anchors,
// the way a token's chain is: the page shows one verdict per key beside the key set it verifies with.
import { isObject, jwksKeyObjects, listJwksCertificateChains } from './list-jwks-chains';
import type { ChainOptions } from './validate-chain';
import { validateCertificateChain } from './validate-chain';
import type { JwkChainVerdict } from './types';
import { withInvalidFindings } from './verify-x5c-token';

/**
 * Every key with `x5c` in a JWKS (or one JWK), as text or parsed JSON, with its chain verdict against
 * `anchorsText`. `ok: false` when the input is neither a JWKS nor a JWK. Never throws.
 */
export async function judgeJwksCertificateChains(
  input: string | unknown,
  anchorsText: string,
  options: ChainOptions = {},
): Promise<{ ok: true; keys: JwkChainVerdict[] } | { ok: false; message: string }> {
  const parsed = jwksKeyObjects(input);
  if (!parsed.ok) return parsed;
  const listed = await listJwksCertificateChains({ keys: parsed.keys });
  if (!listed.ok) return listed;
  const keys: JwkChainVerdict[] = [];
  for (const entry of listed.keys) {
    const jwk = parsed.keys[entry.index];
    const x5c = isObject(jwk) ? jwk.x5c : undefined;
    const validated = await validateCertificateChain(x5c, anchorsText, options);
    keys.push({ ...entry, verdict: withInvalidFindings(validated, entry.findings) });
  }
  return { ok: true, keys };
}
