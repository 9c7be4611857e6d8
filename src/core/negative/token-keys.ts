// Keys the token brings (RFC 8725 §3.10): a `jwk`, a `jku` or `x5u` URL, an `x5c` chain. Each is signed with a
// fresh key that the token itself points to; a server that trusts the token's own key material accepts it.
import type { DecodedToken } from '../token';
import { toPem } from '../keygen';
import { base64Encode } from '../lib/key-encoding';
import { caseToken, makeCase, unavailableCase } from './catalog';
import { createSelfSignedCertificate } from './certificate';
import { foreignAlgorithm, generateFreshKeyPair } from './fresh-keys';
import { cryptoKeyJws, editHeader } from './jws';
import type { NegativeCase, ResolvedKeys, ResolvedOptions } from './types';

function fetchNote(member: 'jku' | 'x5u', url: string): string {
  return `The script only sees the HTTP status: it cannot see whether the server fetched ${url}. A correct server never fetches a URL named by "${member}" that it was not configured with; check its outgoing requests or logs, or set the URL to one you watch and serve the ${member === 'jku' ? 'JWKS' : 'certificate'} below there.`;
}

export async function buildTokenKeyCases(
  token: DecodedToken,
  _keys: ResolvedKeys,
  options: ResolvedOptions,
): Promise<NegativeCase[]> {
  const alg = await foreignAlgorithm(token.alg);
  const pair = await generateFreshKeyPair(alg);
  const certificate = await createSelfSignedCertificate(pair.keys, alg, options.now);
  const originalKid = typeof token.header.kid === 'string' ? token.header.kid : undefined;
  // The key carries the token's kid, so a server that looks keys up by kid in what the token brings finds it.
  const kid = originalKid ?? pair.thumbprint;
  const jwk = { ...pair.publicJwk, kid };
  const payload = token.segments.payload;
  const sign = (changes: Record<string, unknown>) =>
    cryptoKeyJws(alg, pair.keys.privateKey, editHeader(token.header, { alg, ...changes }), payload);
  const algNote =
    alg === token.alg
      ? []
      : [`Signed with ${alg}: the token's ${token.alg ?? 'missing'} alg has no public key for a header to carry.`];

  const embedded = makeCase('embedded-jwk', {
    tokens: [
      caseToken(
        'embedded-jwk',
        await sign({ jwk }),
        `${alg}, signed with a fresh key whose public JWK is in the header.`,
      ),
    ],
    notes: algNote,
  });

  let jku: NegativeCase;
  let x5u: NegativeCase;
  const url = options.foreignUrl;
  if (options.foreignUrlProblem) {
    jku = unavailableCase('jku-foreign', 'needs-key', options.foreignUrlProblem);
    x5u = unavailableCase('x5u-foreign', 'needs-key', options.foreignUrlProblem);
  } else {
    jku = makeCase('jku-foreign', {
      tokens: [
        caseToken('jku-foreign', await sign({ jku: url, kid }), `${alg}, "jku": "${url}", signed with a fresh key.`),
      ],
      notes: [fetchNote('jku', url), ...algNote],
      hosted: {
        url,
        mediaType: 'application/jwk-set+json',
        body: JSON.stringify({ keys: [{ ...jwk, alg, use: 'sig' }] }, null, 2),
      },
    });
    x5u = makeCase('x5u-foreign', {
      tokens: [caseToken('x5u-foreign', await sign({ x5u: url }), `${alg}, "x5u": "${url}", signed with a fresh key.`)],
      notes: [fetchNote('x5u', url), ...algNote],
      hosted: { url, mediaType: 'application/pem-certificate-chain', body: toPem('CERTIFICATE', certificate) },
    });
  }

  const x5c = makeCase('x5c-self-signed', {
    tokens: [
      caseToken(
        'x5c-self-signed',
        await sign({ x5c: [base64Encode(certificate)] }),
        `${alg}, a fresh self-signed certificate in "x5c", signed with its key.`,
      ),
    ],
    notes: algNote,
  });
  return [embedded, jku, x5u, x5c];
}
