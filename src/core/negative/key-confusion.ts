// Key confusion (RFC 8725 §2.1): the token re-signed as HS256 with the server's public key as the HMAC secret,
// once for each form a server may hold that key in: the PEM text with and without its final newline, the DER
// bytes, the JWK JSON.
import type { DecodedToken } from '../token';
import { ALGORITHM_FAMILY } from '../types';
import { isJwsAlgorithm } from '../lib/key-describe';
import { utf8Encode } from '../lib/key-encoding';
import { caseToken, makeCase, unavailableCase } from './catalog';
import { editHeader, hmacJws } from './jws';
import type { NegativeCase, ResolvedKeys, ResolvedOptions, ServerPublicKey } from './types';

/** The HMAC keys of the variants, by variant name. */
export function confusionKeys(server: ServerPublicKey): { variant: string; key: Uint8Array; detail: string }[] {
  const pem = server.pem;
  const trimmed = pem.replace(/\r?\n$/, '');
  return [
    {
      variant: 'pem',
      key: utf8Encode(pem),
      detail: `HS256 keyed with the PEM text (${server.derKind}), final newline included.`,
    },
    {
      variant: 'pem-no-newline',
      key: utf8Encode(trimmed),
      detail: `HS256 keyed with the PEM text (${server.derKind}) without its final newline.`,
    },
    {
      variant: 'der',
      key: server.der,
      detail: `HS256 keyed with the ${server.der.length} DER bytes of the ${server.derKind}.`,
    },
    {
      variant: 'jwk',
      key: utf8Encode(server.jwkJson),
      detail: 'HS256 keyed with the public JWK as compact JSON text.',
    },
  ];
}

export async function buildKeyConfusionCases(
  token: DecodedToken,
  keys: ResolvedKeys,
  _options: ResolvedOptions,
): Promise<NegativeCase[]> {
  const alg = token.alg;
  if (alg === undefined || !isJwsAlgorithm(alg) || ALGORITHM_FAMILY[alg] === 'oct') {
    const why =
      alg !== undefined && isJwsAlgorithm(alg)
        ? `The token is ${alg}: key confusion turns an asymmetric token into an HMAC one, and this one is HMAC already.`
        : `The token's alg (${alg ?? 'missing'}) is not an asymmetric signature algorithm.`;
    return [unavailableCase('hmac-key-confusion', 'n/a', why)];
  }
  const server = keys.server;
  if (!server) {
    return [
      unavailableCase('hmac-key-confusion', 'needs-key', keys.publicKeyProblem ?? 'Paste the server’s public key.'),
    ];
  }
  const header = editHeader(token.header, { alg: 'HS256' });
  const tokens = await Promise.all(
    confusionKeys(server).map(async ({ variant, key, detail }) =>
      caseToken('hmac-key-confusion', await hmacJws('HS256', key, header, token.segments.payload), detail, variant),
    ),
  );
  return [makeCase('hmac-key-confusion', { tokens, notes: [`Public key used: ${server.label}.`] })];
}
