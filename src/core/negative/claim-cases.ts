// Cases re-signed with the user's own key: the signature is good, so only the server's checks of the claims and
// the header can refuse them. Without the key that signed the token they are listed as needing it, never faked.
import type { DecodedToken } from '../token';
import { ALGORITHM_FAMILY, type JwsAlgorithm } from '../types';
import { caseToken, makeCase, unavailableCase } from './catalog';
import { lifetimeOf, payloadObject } from './control';
import { assembleJws, editHeader, encodeJsonSegment, type Header } from './jws';
import type { NegativeCase, NegativeCaseId, ResolvedKeys, ResolvedOptions, ResolvedSigner } from './types';

const HOUR = 3600;
export const WRONG_AUDIENCE = 'https://wrong-audience.invalid';
export const WRONG_ISSUER = 'https://wrong-issuer.invalid';
export const CRIT_MEMBER = 'x-unknown';

const CLAIM_CASES = [
  'expired',
  'not-yet-valid',
  'wrong-audience',
  'wrong-issuer',
  'crit-unknown',
  'alg-swap',
] as const satisfies readonly NegativeCaseId[];

/**
 * The sibling algorithm the same key can sign with: RSA PKCS#1 v1.5 ↔ PSS, another SHA-2 for ECDSA (same
 * curve) and HMAC, the fully-specified Ed25519 name ↔ EdDSA (RFC 9864). ML-DSA keys have one algorithm each.
 */
export function swappedAlgorithm(alg: JwsAlgorithm): JwsAlgorithm | undefined {
  const table: Partial<Record<JwsAlgorithm, JwsAlgorithm>> = {
    RS256: 'PS256',
    RS384: 'PS384',
    RS512: 'PS512',
    PS256: 'RS256',
    PS384: 'RS384',
    PS512: 'RS512',
    ES256: 'ES384',
    ES384: 'ES256',
    ES512: 'ES256',
    HS256: 'HS384',
    HS384: 'HS256',
    HS512: 'HS256',
    EdDSA: 'Ed25519',
    Ed25519: 'EdDSA',
  };
  return table[alg];
}

function resign(signer: ResolvedSigner, alg: JwsAlgorithm, header: Header, payloadSegment: string) {
  return assembleJws(header, payloadSegment, (input) => signer.sign(alg, input));
}

export async function buildClaimCases(
  token: DecodedToken,
  keys: ResolvedKeys,
  options: ResolvedOptions,
): Promise<NegativeCase[]> {
  const signer = keys.signer;
  if (!signer) {
    const reason = keys.signingKeyProblem ?? 'Give the key or secret that signed the token.';
    return CLAIM_CASES.map((id) => unavailableCase(id, 'needs-key', reason));
  }
  const payload = payloadObject(token);
  const alg = signer.alg;
  const now = Math.floor(options.now / 1000);
  const lifetime = lifetimeOf(payload ?? {});
  const header = token.header;
  const withClaims = async (
    id: NegativeCaseId,
    claims: Record<string, unknown>,
    detail: string,
    notes: string[] = [],
  ) => {
    if (!payload) return unavailableCase(id, 'n/a', 'The payload is not a JSON object, so it has no claims to change.');
    const next = { ...payload, ...claims };
    const signed = await resign(signer, alg, header, encodeJsonSegment(next));
    return makeCase(id, { tokens: [caseToken(id, signed, detail)], notes });
  };

  const expiredAt = now - HOUR;
  const expired = await withClaims(
    'expired',
    {
      ...('iat' in (payload ?? {}) ? { iat: expiredAt - lifetime } : {}),
      ...('nbf' in (payload ?? {}) ? { nbf: expiredAt - lifetime } : {}),
      exp: expiredAt,
    },
    `"exp": ${expiredAt} (an hour ago), re-signed with your key.`,
  );

  const notBefore = now + HOUR;
  const notYetValid = await withClaims(
    'not-yet-valid',
    {
      ...('iat' in (payload ?? {}) ? { iat: now } : {}),
      nbf: notBefore,
      ...('exp' in (payload ?? {}) ? { exp: notBefore + lifetime } : {}),
    },
    `"nbf": ${notBefore} (an hour ahead), re-signed with your key.`,
  );

  const aud = payload?.aud;
  const wrongAudience = await withClaims(
    'wrong-audience',
    { aud: Array.isArray(aud) ? [WRONG_AUDIENCE] : WRONG_AUDIENCE },
    `"aud": "${WRONG_AUDIENCE}", re-signed with your key.`,
    aud === undefined
      ? [
          'The loaded token has no "aud"; this case adds one naming another service. A server that does not require its own audience may accept it.',
        ]
      : [],
  );

  const wrongIssuer = await withClaims(
    'wrong-issuer',
    { iss: WRONG_ISSUER },
    `"iss": "${WRONG_ISSUER}", re-signed with your key.`,
    payload?.iss === undefined ? ['The loaded token has no "iss"; this case adds one naming another issuer.'] : [],
  );

  const critHeader = editHeader(header, { crit: [CRIT_MEMBER], [CRIT_MEMBER]: true });
  const crit = makeCase('crit-unknown', {
    tokens: [
      caseToken(
        'crit-unknown',
        await resign(signer, alg, critHeader, token.segments.payload),
        `"crit": ["${CRIT_MEMBER}"] and "${CRIT_MEMBER}": true in the header, re-signed with your key.`,
      ),
    ],
  });

  const target = swappedAlgorithm(alg);
  const swap =
    target === undefined
      ? unavailableCase(
          'alg-swap',
          'n/a',
          `An ${ALGORITHM_FAMILY[alg]} ${alg} key has no sibling algorithm to sign with.`,
        )
      : makeCase('alg-swap', {
          tokens: [
            caseToken(
              'alg-swap',
              await resign(signer, target, editHeader(header, { alg: target }), token.segments.payload),
              `${alg} re-signed as ${target} with your key.`,
              target,
            ),
          ],
        });
  return [expired, notYetValid, wrongAudience, wrongIssuer, crit, swap];
}
