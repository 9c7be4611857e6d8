// The issuer's signature over the Issuer-signed JWT (RFC 9901 §7.1 step 2), through the same verifier and key box
// as any JWT. The time claims are judged on the processed payload: `exp` or `nbf` may be selectively disclosed.
import type { DecodedToken } from '../token';
import type { KeyInput, VerifyOptions, VerifyResult } from '../types';
import { verifyDecodedToken } from '../verify';
import type { SdJwtInspection } from './types';

/** The Issuer-signed JWT as a DecodedToken (for the header and signature panes), or undefined when it does not decode. */
export function issuerToken(inspection: SdJwtInspection): DecodedToken | undefined {
  return inspection.issuer;
}

/**
 * Verifies the issuer's signature with `key` (secret, PEM, certificate, JWK, JWKS, or keys from
 * `fetchJwtVcIssuerKeys`), then the time claims of the processed payload. Never throws.
 */
export async function verifySdJwtIssuer(
  inspection: SdJwtInspection,
  key: KeyInput,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const issuer = inspection.issuer;
  if (!issuer) {
    return {
      signature: 'error',
      claims: 'none',
      code: 'issuer-jwt',
      message:
        inspection.structure.problems.find((p) => p.code === 'issuer-jwt')?.message ?? inspection.structure.message,
      claimsMessage: 'The Issuer-signed JWT could not be decoded.',
    };
  }
  const judged = inspection.processedPayload ? { ...issuer, payload: inspection.processedPayload } : issuer;
  return verifyDecodedToken(judged, key, options);
}
