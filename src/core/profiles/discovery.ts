// The expected values an OpenID Provider's (or OAuth authorization server's) metadata gives away: its issuer
// and token endpoint (OpenID Connect Discovery 1.0 §3, RFC 8414 §2). Pure: the fetch is fetchKeySet's.
import { isRecord } from './rules';
import type { ProfileExpectations } from './types';

export type DiscoveredExpectations = Pick<ProfileExpectations, 'iss' | 'tokenEndpoint'> & {
  /** Signing algorithms the provider lists for ID tokens and DPoP proofs (informative). */
  idTokenSigningAlgs?: string[];
  dpopSigningAlgs?: string[];
  /** What in the document is unusual or missing, in words. */
  warnings: string[];
};

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v): v is string => typeof v === 'string') ? value : undefined;
}

/** An https URL without query or fragment, as Discovery §3 and RFC 8414 §2 require of `issuer`. */
function issuerProblem(issuer: string): string | undefined {
  try {
    const url = new URL(issuer);
    if (url.protocol !== 'https:') return `issuer ${issuer} is not an https URL`;
    if (url.search !== '' || url.hash !== '') return `issuer ${issuer} has a query or fragment, which it must not`;
    return undefined;
  } catch {
    return `issuer ${JSON.stringify(issuer)} is not a URL`;
  }
}

/**
 * Reads `issuer` (the `iss` every token from this provider carries) and `token_endpoint` (the audience of a
 * client assertion) from a discovery document. Missing or malformed members are left out and explained in
 * `warnings`; nothing throws.
 */
export function expectationsFromDiscovery(document: unknown): DiscoveredExpectations {
  const warnings: string[] = [];
  if (!isRecord(document)) return { warnings: ['The discovery document is not a JSON object.'] };
  const out: DiscoveredExpectations = { warnings };
  const { issuer, token_endpoint: tokenEndpoint } = document;
  if (typeof issuer === 'string' && issuer !== '') {
    out.iss = issuer;
    const problem = issuerProblem(issuer);
    if (problem) warnings.push(`${problem} (OpenID Connect Discovery §3).`);
  } else {
    warnings.push('The document has no issuer, which is required (OpenID Connect Discovery §3).');
  }
  if (typeof tokenEndpoint === 'string' && tokenEndpoint !== '') out.tokenEndpoint = tokenEndpoint;
  else warnings.push('The document has no token_endpoint.');
  const idAlgs = stringList(document.id_token_signing_alg_values_supported);
  if (idAlgs) out.idTokenSigningAlgs = idAlgs;
  const dpopAlgs = stringList(document.dpop_signing_alg_values_supported);
  if (dpopAlgs) out.dpopSigningAlgs = dpopAlgs;
  return out;
}
