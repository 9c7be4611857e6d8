// Compact JWS assembly for the pack. Signed with WebCrypto directly rather than jose's CompactSign: the cases need
// what jose rightly refuses (an unknown `crit`, an empty HMAC key, a P-256 key under ES384), and the payload
// segment of the loaded token must be kept byte for byte.
import type { JwsAlgorithm } from '../types';
import { ALGORITHM_FAMILY } from '../types';
import { base64urlEncode, utf8Encode } from '../lib/key-encoding';

export type Header = Record<string, unknown>;

export function encodeJsonSegment(value: unknown): string {
  return base64urlEncode(utf8Encode(JSON.stringify(value)));
}

/**
 * The header with `changes` applied: a member already there keeps its place, a new one goes at the end,
 * `undefined` removes it. Only the named members differ from the control's header.
 */
export function editHeader(header: Header, changes: Header): Header {
  const out: Header = { ...header };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete out[name];
    else out[name] = value;
  }
  return out;
}

export function signingInputOf(headerSegment: string, payloadSegment: string): Uint8Array {
  return utf8Encode(`${headerSegment}.${payloadSegment}`);
}

/** WebCrypto sign parameters for `alg` (RFC 7518 §3.3–3.5: PSS salt as long as the hash; ECDSA output is r || s). */
export function signParams(alg: JwsAlgorithm): AlgorithmIdentifier | RsaPssParams | EcdsaParams {
  const hash = `SHA-${alg.slice(2)}`;
  switch (ALGORITHM_FAMILY[alg]) {
    case 'RSA':
      return alg.startsWith('PS') ? { name: 'RSA-PSS', saltLength: Number(alg.slice(2)) / 8 } : 'RSASSA-PKCS1-v1_5';
    case 'EC':
      return { name: 'ECDSA', hash };
    case 'OKP':
      return 'Ed25519';
    case 'AKP':
      return alg;
    case 'oct':
      return 'HMAC';
  }
}

/** HMAC-SHA-n of `data` under `key`, which may be empty. */
export async function hmac(hashBits: 256 | 384 | 512, key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  // WebCrypto refuses a zero-length HMAC key. RFC 2104 §2 pads every key shorter than the hash block with zero
  // bytes, so the empty key and the one-byte key 0x00 are the same key.
  const material = key.length === 0 ? new Uint8Array(1) : key;
  const imported = await crypto.subtle.importKey(
    'raw',
    new Uint8Array(material),
    { name: 'HMAC', hash: `SHA-${hashBits}` },
    false,
    ['sign'],
  );
  return new Uint8Array(await crypto.subtle.sign('HMAC', imported, new Uint8Array(data)));
}

export function hmacBits(alg: 'HS256' | 'HS384' | 'HS512'): 256 | 384 | 512 {
  return Number(alg.slice(2)) as 256 | 384 | 512;
}

/** A compact JWS from a header object and a payload segment kept as it is. */
export async function assembleJws(
  header: Header,
  payloadSegment: string,
  sign: (signingInput: Uint8Array) => Promise<Uint8Array>,
): Promise<string> {
  const headerSegment = encodeJsonSegment(header);
  const signature = await sign(signingInputOf(headerSegment, payloadSegment));
  return `${headerSegment}.${payloadSegment}.${base64urlEncode(signature)}`;
}

/** An HMAC-signed token (`header.alg` must be the HS algorithm matching `alg`). */
export function hmacJws(
  alg: 'HS256' | 'HS384' | 'HS512',
  key: Uint8Array,
  header: Header,
  payloadSegment: string,
): Promise<string> {
  return assembleJws(header, payloadSegment, (input) => hmac(hmacBits(alg), key, input));
}

/** A token signed with a CryptoKey under `alg`. */
export function cryptoKeyJws(alg: JwsAlgorithm, key: CryptoKey, header: Header, payloadSegment: string) {
  return assembleJws(
    header,
    payloadSegment,
    async (input) => new Uint8Array(await crypto.subtle.sign(signParams(alg), key, new Uint8Array(input))),
  );
}

export function isHmacAlg(alg: string | undefined): alg is 'HS256' | 'HS384' | 'HS512' {
  return alg === 'HS256' || alg === 'HS384' || alg === 'HS512';
}
