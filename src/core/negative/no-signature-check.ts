// Cases a server only refuses if it checks the signature at all: alg none, no signature, another key's signature,
// an edited payload under the original signature.
import type { DecodedToken } from '../token';
import { ALGORITHM_FAMILY } from '../types';
import { isJwsAlgorithm } from '../lib/key-describe';
import { isAlgorithmAvailable } from '../verify';
import { caseToken, makeCase, unavailableCase } from './catalog';
import { payloadObject } from './control';
import { generateFreshSigningKey } from './fresh-keys';
import { cryptoKeyJws, editHeader, encodeJsonSegment, hmacJws, isHmacAlg } from './jws';
import type { NegativeCase, ResolvedKeys, ResolvedOptions } from './types';

/** The spellings of `none` a case-sensitive filter might let through (RFC 7518 §3.6 defines lower case). */
export const ALG_NONE_SPELLINGS = ['none', 'None', 'NONE', 'nOnE'] as const;

function algNone(token: DecodedToken): NegativeCase {
  const payload = token.segments.payload;
  return makeCase('alg-none', {
    tokens: ALG_NONE_SPELLINGS.map((spelling) =>
      caseToken(
        'alg-none',
        `${encodeJsonSegment(editHeader(token.header, { alg: spelling }))}.${payload}.`,
        `"alg": "${spelling}", empty signature.`,
        spelling,
      ),
    ),
  });
}

function signatureStripped(token: DecodedToken): NegativeCase {
  return makeCase('signature-stripped', {
    tokens: [
      caseToken(
        'signature-stripped',
        `${token.segments.header}.${token.segments.payload}.`,
        `The header ("alg": "${token.alg ?? ''}") and payload unchanged, no signature.`,
      ),
    ],
  });
}

async function signatureOtherKey(token: DecodedToken): Promise<NegativeCase> {
  const alg = token.alg;
  if (alg === undefined || !isJwsAlgorithm(alg)) {
    return unavailableCase(
      'signature-other-key',
      'n/a',
      `The token's alg (${alg ?? 'missing'}) is not one the workbench can sign.`,
    );
  }
  if (!(await isAlgorithmAvailable(alg))) {
    return unavailableCase(
      'signature-other-key',
      'n/a',
      `This browser cannot make ${alg} keys (its WebCrypto lacks ${alg}).`,
    );
  }
  const key = await generateFreshSigningKey(alg);
  const header = token.header;
  const payload = token.segments.payload;
  const signed =
    key instanceof Uint8Array && isHmacAlg(alg)
      ? await hmacJws(alg, key, header, payload)
      : await cryptoKeyJws(alg, key as CryptoKey, header, payload);
  const kind = ALGORITHM_FAMILY[alg] === 'oct' ? 'a random secret' : 'a fresh key pair';
  return makeCase('signature-other-key', {
    tokens: [
      caseToken('signature-other-key', signed, `Header and payload unchanged, ${alg} signature made with ${kind}.`),
    ],
  });
}

const RESERVED = new Set(['iss', 'aud', 'exp', 'nbf', 'iat', 'jti']);

/** The claim to change and its new value: `sub` first, else another claim that does not decide validity. */
export function tamperClaim(payload: Record<string, unknown>): { name: string; from: unknown; to: unknown } {
  const names = Object.keys(payload);
  const pick =
    ('sub' in payload && typeof payload.sub === 'string' ? 'sub' : undefined) ??
    names.find((n) => !RESERVED.has(n) && typeof payload[n] === 'string') ??
    names.find((n) => !RESERVED.has(n) && (typeof payload[n] === 'number' || typeof payload[n] === 'boolean'));
  if (pick === undefined) return { name: 'admin', from: undefined, to: true };
  const from = payload[pick];
  const to =
    typeof from === 'string' ? (from === 'admin' ? 'root' : 'admin') : typeof from === 'number' ? from + 1 : !from;
  return { name: pick, from, to };
}

function payloadTampered(token: DecodedToken): NegativeCase {
  const payload = payloadObject(token);
  if (!payload) {
    return unavailableCase(
      'payload-tampered',
      'n/a',
      'The payload is not a JSON object, so there is no claim to change.',
    );
  }
  const { name, from, to } = tamperClaim(payload);
  const detail =
    from === undefined
      ? `Claim "${name}": ${JSON.stringify(to)} added (the payload has no other claim to change); original signature kept.`
      : `Claim "${name}" changed from ${JSON.stringify(from)} to ${JSON.stringify(to)}; original signature kept.`;
  const edited = encodeJsonSegment({ ...payload, [name]: to });
  return makeCase('payload-tampered', {
    tokens: [caseToken('payload-tampered', `${token.segments.header}.${edited}.${token.segments.signature}`, detail)],
  });
}

export async function buildNoSignatureCheckCases(
  token: DecodedToken,
  _keys: ResolvedKeys,
  _options: ResolvedOptions,
): Promise<NegativeCase[]> {
  return [algNone(token), signatureStripped(token), await signatureOtherKey(token), payloadTampered(token)];
}
