// Broken keys and signatures: an empty HMAC key, an ECDSA signature of zeros, a kid that picks a file or a row
// the sender knows the content of.
import type { DecodedToken } from '../token';
import { base64urlEncode, utf8Encode } from '../lib/key-encoding';
import { caseToken, makeCase, unavailableCase } from './catalog';
import { editHeader, hmacJws, isHmacAlg } from './jws';
import type { NegativeCase, ResolvedKeys, ResolvedOptions } from './types';

export const KID_PATH_TRAVERSAL = '../../../../../../dev/null';
export const KID_SQL_INJECTION = "' UNION SELECT 'k' --";
export const KID_SQL_SECRET = 'k';

/** Bytes of r (and of s) in a JOSE ECDSA signature (RFC 7518 §3.4). */
const ECDSA_HALF = { ES256: 32, ES384: 48, ES512: 66 } as const;

export async function buildBrokenKeyCases(
  token: DecodedToken,
  _keys: ResolvedKeys,
  _options: ResolvedOptions,
): Promise<NegativeCase[]> {
  // An HS token keeps its own HMAC algorithm, so a server pinned to it still gets to the key; others get HS256.
  const hs = isHmacAlg(token.alg) ? token.alg : 'HS256';
  const payload = token.segments.payload;
  const empty = new Uint8Array(0);

  const emptyKey = makeCase('hmac-empty-key', {
    tokens: [
      caseToken(
        'hmac-empty-key',
        await hmacJws(hs, empty, editHeader(token.header, { alg: hs }), payload),
        `${hs} with a zero-length key.`,
      ),
    ],
  });

  const alg = token.alg;
  const half = alg === 'ES256' || alg === 'ES384' || alg === 'ES512' ? ECDSA_HALF[alg] : undefined;
  const zero =
    half === undefined
      ? unavailableCase(
          'ecdsa-zero-signature',
          'n/a',
          `Only for ECDSA tokens (ES256, ES384, ES512); this one is ${alg ?? 'without alg'}.`,
        )
      : makeCase('ecdsa-zero-signature', {
          tokens: [
            caseToken(
              'ecdsa-zero-signature',
              `${token.segments.header}.${payload}.${base64urlEncode(new Uint8Array(2 * half))}`,
              `Header and payload unchanged, ${2 * half} zero bytes as the ${alg} signature.`,
            ),
          ],
        });

  const traversal = makeCase('kid-path-traversal', {
    tokens: [
      caseToken(
        'kid-path-traversal',
        await hmacJws(hs, empty, editHeader(token.header, { alg: hs, kid: KID_PATH_TRAVERSAL }), payload),
        `${hs} with an empty key, "kid": "${KID_PATH_TRAVERSAL}".`,
      ),
    ],
  });

  const injection = makeCase('kid-sql-injection', {
    tokens: [
      caseToken(
        'kid-sql-injection',
        await hmacJws(
          hs,
          utf8Encode(KID_SQL_SECRET),
          editHeader(token.header, { alg: hs, kid: KID_SQL_INJECTION }),
          payload,
        ),
        `${hs} with the secret "${KID_SQL_SECRET}", "kid": "${KID_SQL_INJECTION}".`,
      ),
    ],
  });
  return [emptyKey, zero, traversal, injection];
}
