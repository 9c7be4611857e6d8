// Why a signature cannot be right, judged from its length and first byte alone. The classic producer
// mistakes: ECDSA signatures left in DER (ASN.1 SEQUENCE) form, which JWS forbids (RFC 7518 §3.4 wants
// the fixed-size R||S concatenation), and RSA signatures whose length is not the modulus size.
import type { JwsAlgorithm } from '../types';

/** RFC 7518 §3.4: R||S, each the size of the curve order. RFC 8037 §3.1: Ed25519 signatures are 64 bytes. */
const FIXED_SIGNATURE_BYTES: Partial<Record<JwsAlgorithm, number>> = {
  ES256: 64,
  ES384: 96,
  ES512: 132,
  EdDSA: 64,
  Ed25519: 64,
};

/** A sentence explaining why `signature` cannot be valid for `alg` (and, for RSA, a key of `rsaBits`), or ''. */
export function describeSignatureShape(alg: JwsAlgorithm, signature: Uint8Array, rsaBits?: number): string {
  const length = signature.length;
  const expected = FIXED_SIGNATURE_BYTES[alg];
  if (expected !== undefined && length !== expected) {
    const looksDer = alg.startsWith('ES') && signature[0] === 0x30 && length >= expected - 2 && length <= expected + 9;
    return looksDer
      ? ` The signature is ${length} bytes and starts like a DER (ASN.1) sequence: ${alg} needs the raw ${expected}-byte R||S form (RFC 7518 §3.4), so whatever made the token must convert its ECDSA signature.`
      : ` The signature is ${length} bytes; ${alg} signatures are always ${expected} bytes, so it was cut short, padded, or made for another algorithm.`;
  }
  if ((alg.startsWith('RS') || alg.startsWith('PS')) && rsaBits !== undefined && length !== Math.ceil(rsaBits / 8)) {
    return ` The signature is ${length} bytes, but an RSA ${rsaBits} key makes ${Math.ceil(rsaBits / 8)}-byte signatures: it was made with another key size, or it was cut short.`;
  }
  return '';
}
