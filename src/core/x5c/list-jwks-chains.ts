// `x5c` inside the keys of a JWKS (RFC 7517 §4.7): each key's chain listed, and whether the key is the first
// certificate's key, as §4.7 requires. Judging a key's chain is validateCertificateChain(jwk.x5c, anchors).
import { ECPublicKey, RSAPublicKey } from 'pkijs';
import { base64urlEncode } from '../lib/key-encoding';
import { readX5c, type ReadCertificate } from './certificate-read';
import type { JwkCertificateChain, X5cFinding } from './types';
import { thumbprintFindings } from './verify-x5c-token';

function unsignedBase64url(bytes: Uint8Array): string {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return base64urlEncode(bytes.subarray(i));
}

/** Whether the JWK's public members are the certificate's key; undefined for key types not compared here. */
function sameKey(jwk: Record<string, unknown>, leaf: ReadCertificate): boolean | undefined {
  const spki = leaf.cert.subjectPublicKeyInfo;
  const parsed = spki.parsedKey;
  if (jwk.kty === 'RSA') {
    if (!(parsed instanceof RSAPublicKey)) return false;
    return (
      jwk.n === unsignedBase64url(parsed.modulus.valueBlock.valueHexView) &&
      jwk.e === unsignedBase64url(parsed.publicExponent.valueBlock.valueHexView)
    );
  }
  if (jwk.kty === 'EC') {
    if (!(parsed instanceof ECPublicKey)) return false;
    return jwk.x === base64urlEncode(new Uint8Array(parsed.x)) && jwk.y === base64urlEncode(new Uint8Array(parsed.y));
  }
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') {
    if (leaf.info.key.type !== 'Ed25519') return false;
    return jwk.x === base64urlEncode(spki.subjectPublicKey.valueBlock.valueHexView);
  }
  return undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys of a JWKS (or a lone JWK), as text or parsed JSON; `ok: false` with words when it is neither. */
export function jwksKeyObjects(
  input: string | unknown,
): { ok: true; keys: unknown[] } | { ok: false; message: string } {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return { ok: false, message: 'This is not JSON: paste a JWKS ({"keys": [...]}) or one JWK.' };
    }
  }
  const keys =
    isObject(value) && Array.isArray(value.keys) ? (value.keys as unknown[]) : isObject(value) ? [value] : undefined;
  if (!keys) return { ok: false, message: 'This is neither a JWKS ({"keys": [...]}) nor a JWK (a JSON object).' };
  return { ok: true, keys };
}

/**
 * The certificate chains of a JWKS (or of one JWK), as text or parsed JSON: one entry per key that has `x5c`.
 * Returns `{ ok: false }` when the input is neither. Never throws.
 */
export async function listJwksCertificateChains(
  input: string | unknown,
): Promise<{ ok: true; keys: JwkCertificateChain[] } | { ok: false; message: string }> {
  const parsed = jwksKeyObjects(input);
  if (!parsed.ok) return parsed;
  const out: JwkCertificateChain[] = [];
  for (const [index, jwk] of parsed.keys.entries()) {
    if (!isObject(jwk) || jwk.x5c === undefined) continue;
    const { listing, read } = await readX5c(jwk.x5c);
    const leaf = read.find((c) => c.ref.index === 0);
    const kid = typeof jwk.kid === 'string' ? jwk.kid : undefined;
    const what = kid !== undefined ? `The key kid '${kid}'` : `Key ${index}`;
    const findings: X5cFinding[] = leaf ? thumbprintFindings(jwk, leaf.info, what) : [];
    const matches = leaf ? sameKey(jwk, leaf) : undefined;
    if (matches === false && leaf) {
      findings.unshift({
        code: 'jwk-key-mismatch',
        effect: 'invalid',
        certificate: leaf.ref,
        message: `${what}'s own key is not the key of its x5c[0] "${leaf.info.commonName}"; RFC 7517 §4.7 requires them to match.`,
      });
    }
    out.push({
      index,
      ...(kid !== undefined ? { kid } : {}),
      chain: listing,
      ...(matches !== undefined ? { keyMatchesCertificate: matches } : {}),
      findings,
    });
  }
  return { ok: true, keys: out };
}
