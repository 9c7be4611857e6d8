// `_sd_alg` (RFC 9901 §4.1.1): a "Hash Name String" of the IANA Named Information Hash Algorithm registry,
// computed with WebCrypto `digest`. sha-256/384/512 always work; sha3-* only where the runtime's WebCrypto has it
// (WICG "Modern Algorithms"; Node 20 and Chromium 156 lack it), probed once: a hand-written Keccak for a hash no
// issuer is known to use would cost more than it gives, so such a token is reported as unsupported instead.
import { encodeBase64url } from '../lib/token-base64url';
import type { SdAlgInfo } from './types';

const WEBCRYPTO_NAMES: Readonly<Record<string, string>> = {
  'sha-256': 'SHA-256',
  'sha-384': 'SHA-384',
  'sha-512': 'SHA-512',
  'sha3-224': 'SHA3-224',
  'sha3-256': 'SHA3-256',
  'sha3-384': 'SHA3-384',
  'sha3-512': 'SHA3-512',
};
// Registered, but truncated: RFC 9901 §9.4 calls them unfit for security applications.
const TRUNCATED = ['sha-256-128', 'sha-256-120', 'sha-256-96', 'sha-256-64', 'sha-256-32'];
// Registered, and no WebCrypto implementation exists for them.
const NOT_IN_WEBCRYPTO = ['blake2s-256', 'blake2b-256', 'blake2b-512', 'k12-256', 'k12-512'];

export const DEFAULT_SD_ALG = 'sha-256';

const probes = new Map<string, Promise<boolean>>();

function webCryptoHas(name: string): Promise<boolean> {
  let probe = probes.get(name);
  if (!probe) {
    probe = crypto.subtle
      .digest(name, new Uint8Array(0))
      .then(() => true)
      .catch(() => false);
    probes.set(name, probe);
  }
  return probe;
}

/** Reads the top-level `_sd_alg` and says whether its digests can be computed here. */
export async function resolveSdAlg(payload: Record<string, unknown>): Promise<SdAlgInfo> {
  if (!Object.hasOwn(payload, '_sd_alg')) return { name: DEFAULT_SD_ALG, source: 'default', state: 'supported' };
  const value = payload._sd_alg;
  if (typeof value !== 'string') {
    return {
      name: JSON.stringify(value) ?? String(value),
      source: 'claim',
      state: 'invalid',
      message: `"_sd_alg" must be a string naming a hash algorithm, such as "sha-256"; it is ${JSON.stringify(value)}.`,
    };
  }
  const info = { name: value, source: 'claim' as const };
  const webName = WEBCRYPTO_NAMES[value];
  if (webName !== undefined) {
    if (await webCryptoHas(webName)) return { ...info, state: 'supported' };
    return {
      ...info,
      state: 'unsupported',
      message: `"_sd_alg": "${value}" is a registered hash, but this browser's WebCrypto cannot compute it, so no disclosure can be matched to its digest.`,
    };
  }
  if (TRUNCATED.includes(value)) {
    return {
      ...info,
      state: 'weak',
      message: `"_sd_alg": "${value}" is a truncated hash, unfit for security use (RFC 9901 §9.4): a forged disclosure with the same digest is within reach.`,
    };
  }
  if (NOT_IN_WEBCRYPTO.includes(value)) {
    return {
      ...info,
      state: 'unsupported',
      message: `"_sd_alg": "${value}" is a registered hash, but WebCrypto has no implementation of it, so no disclosure can be matched to its digest.`,
    };
  }
  const lower = value.toLowerCase();
  const hint = WEBCRYPTO_NAMES[lower] !== undefined ? ` The value is case-sensitive: did you mean "${lower}"?` : '';
  return {
    ...info,
    state: 'unknown',
    message: `"_sd_alg": "${value}" is not a hash name of the IANA Named Information Hash Algorithm registry (RFC 9901 §4.1.1).${hint}`,
  };
}

/** The WebCrypto name for a supported `_sd_alg` value. */
export function webCryptoHashName(sdAlg: string): string | undefined {
  return WEBCRYPTO_NAMES[sdAlg];
}

/** base64url(hash(ASCII bytes of `text`)): the digest of a disclosure (§4.2.3) and `sd_hash` (§4.3.1). */
export async function sdDigest(webCryptoName: string, text: string): Promise<string> {
  const bytes = await crypto.subtle.digest(webCryptoName, new TextEncoder().encode(text));
  return encodeBase64url(new Uint8Array(bytes));
}
