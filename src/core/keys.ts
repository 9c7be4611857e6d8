// Detect and import any pasted key: HMAC secret, PEM (SPKI, PKCS#8, PKCS#1, SEC1, X.509), JWK, JWKS.
import type { JWK } from 'jose';
import { KeyError } from './errors';
import { ALGORITHM_FAMILY, type JwsAlgorithm, type KeyDetection, type KeyInput, type KeyPurpose } from './types';
import { describeKeyMismatch, isJwsAlgorithm, keyKindText, requiredCurve } from './lib/key-describe';
import { analyzeKey, type KeyAnalysis, type LoadedKey } from './lib/key-detect';
import { base64urlDecode } from './lib/key-encoding';
import { createKeyTextCache } from './lib/key-text-cache';

export { decodeSecret, MAX_KEY_TEXT_LENGTH, type KeyAnalysis, type LoadedKey } from './lib/key-detect';
export { describeKeyMismatch } from './lib/key-describe';

/**
 * Classifies pasted key text. Synchronous and cheap: call it on every keystroke. Never throws. `purpose`
 * `enc` reads it as a JWE key (X25519 usable; in a JWKS, the encryption keys).
 */
export function detectKey(input: KeyInput, purpose: KeyPurpose = 'sig'): KeyDetection {
  return analyzeKey(input, purpose).detection;
}

/** Every usable key in the input (one, or each usable key of a JWKS). Throws KeyError when there is none. */
export async function loadKeys(input: KeyInput): Promise<LoadedKey[]> {
  return usableKeys(analyzeKey(input));
}

/** The keys of an analysis, or the KeyError saying why there is none (loadKeys without the parsing). */
export function usableKeys({ detection, keys }: KeyAnalysis): LoadedKey[] {
  if (detection.kind === 'empty')
    throw new KeyError('empty', 'no key: paste a secret, a PEM key or certificate, a JWK or a JWKS');
  if (detection.kind === 'error') throw new KeyError(detection.code, detection.message);
  if (detection.kind === 'secret' && keys.length === 0) {
    throw new KeyError(
      'secret-encoding',
      `the secret is not valid ${detection.encoding}; choose another secret encoding`,
    );
  }
  if (detection.kind === 'jwks' && keys.length === 0) {
    const reasons = detection.skipped.map((s) => `key ${s.index}: ${s.reason}`).join('; ');
    throw new KeyError('unsupported', `no key of this JWKS can verify signatures (${reasons})`);
  }
  return keys;
}

type ImportParams = RsaHashedImportParams | EcKeyImportParams | Algorithm;

/** WebCrypto parameters for a JWS algorithm (RFC 7518 §3, RFC 8037, ML-DSA draft). */
export function webCryptoParams(alg: JwsAlgorithm): ImportParams {
  const hash = `SHA-${alg.slice(2)}`;
  switch (ALGORITHM_FAMILY[alg]) {
    case 'RSA':
      return { name: alg.startsWith('PS') ? 'RSA-PSS' : 'RSASSA-PKCS1-v1_5', hash };
    case 'EC':
      return { name: 'ECDSA', namedCurve: requiredCurve(alg) ?? '' };
    case 'OKP':
      return { name: 'Ed25519' };
    case 'AKP':
      return { name: alg };
    case 'oct':
      return { name: 'HMAC', hash };
  }
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'priv', 'k'];

/** The JWK members WebCrypto should see: metadata (`alg`, `use`, `key_ops`) is checked by us, not by importKey. */
function importableJwk(jwk: JWK, publicOnly: boolean): JsonWebKey {
  const out: Record<string, unknown> = { ...jwk };
  for (const m of ['use', 'key_ops', 'ext', 'kid', 'x5c', 'x5t', 'x5t#S256', 'x5u']) delete out[m];
  // AKP keys carry their parameter set in `alg`, which WebCrypto requires.
  if (jwk.kty !== 'AKP') delete out.alg;
  if (publicOnly) for (const m of PRIVATE_MEMBERS) delete out[m];
  return out as JsonWebKey;
}

function runtimeError(alg: string, error: unknown): KeyError {
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'NotSupportedError' || /not supported|unrecognized|unknown algorithm/i.test(detail)) {
    return new KeyError('unsupported', `${alg} is not supported by this browser/runtime (its WebCrypto lacks it)`);
  }
  return new KeyError('der', `WebCrypto could not import this key for ${alg}: ${detail}`);
}

/** The public half of a private key: import it extractable, export as JWK, drop the private members. */
async function publicHalf(key: LoadedKey, params: ImportParams): Promise<CryptoKey> {
  let jwk: JsonWebKey;
  if (key.jwk) {
    jwk = importableJwk(key.jwk, true);
  } else if (key.der) {
    const priv = await crypto.subtle.importKey('pkcs8', new Uint8Array(key.der.bytes), params, true, ['sign']);
    jwk = await crypto.subtle.exportKey('jwk', priv);
    for (const m of [...PRIVATE_MEMBERS, 'key_ops', 'ext']) delete (jwk as Record<string, unknown>)[m];
  } else {
    throw new KeyError('unsupported', 'this key has no key material to import');
  }
  return crypto.subtle.importKey('jwk', jwk, params, true, ['verify']);
}

/**
 * Imports `key` for `alg`: a CryptoKey, or the raw secret bytes for HS*. A private key used to verify
 * yields its public half. Throws KeyError `mismatch`, `public-for-signing`, `unsupported` or `der`.
 */
export async function importKeyForAlgorithm(
  key: LoadedKey,
  alg: string,
  usage: 'sign' | 'verify',
): Promise<CryptoKey | Uint8Array> {
  const mismatch = describeKeyMismatch(key.description, alg);
  if (mismatch || !isJwsAlgorithm(alg)) throw new KeyError('mismatch', mismatch ?? `unknown algorithm ${alg}`);
  const d = key.description;
  if (d.family === 'oct') {
    const secret = key.secret ?? (key.jwk?.k !== undefined ? base64urlDecode(key.jwk.k) : undefined);
    if (!secret || secret.length === 0) throw new KeyError('empty', 'the HMAC secret is empty');
    return secret;
  }
  if (usage === 'sign' && !d.isPrivate) {
    throw new KeyError(
      'public-for-signing',
      `this is a public key (${d.label}); signing needs the private key (${keyKindText(d)} private key)`,
    );
  }
  if (usage === 'sign' && d.family === 'RSA' && d.bits !== undefined && d.bits < 2048) {
    throw new KeyError(
      'weak-rsa',
      `RSA ${d.bits} is under the 2048 bits RFC 7518 §3.3 requires; generate a 2048-bit key to sign`,
    );
  }
  const params = webCryptoParams(alg);
  try {
    if (usage === 'verify' && d.isPrivate) return await publicHalf(key, params);
    if (key.der)
      return await crypto.subtle.importKey(key.der.format, new Uint8Array(key.der.bytes), params, false, [usage]);
    if (key.jwk) return await crypto.subtle.importKey('jwk', importableJwk(key.jwk, false), params, false, [usage]);
  } catch (error) {
    if (error instanceof KeyError) throw error;
    throw runtimeError(alg, error);
  }
  throw new KeyError('unsupported', 'this key has no key material to import');
}

/**
 * A small cache of parsed and imported keys. Typing in the token box re-verifies with the same key on every
 * keystroke, and parsing a PEM and importing it into WebCrypto each time cost more than the verification
 * itself (keystroke -> verdict p95 <= 8 ms). An import is keyed by exactly what it depends on: the
 * key text, the secret encoding, the algorithm and the usage. The least recently used key text goes first.
 */
export type KeyCache = {
  /** `analyzeKey(input)`: the same object (and the same LoadedKeys) while the text and encoding stay the same. */
  analyze(input: KeyInput): KeyAnalysis;
  /**
   * `importKeyForAlgorithm(key, alg, usage)` for a key of `analyze(input).keys`, done once per (key text,
   * secret encoding, alg, usage). HMAC secrets come back as CryptoKeys too, so jose does not import them on
   * every call. A key that is not from `analyze(input)` is imported without caching.
   */
  importKey(input: KeyInput, key: LoadedKey, alg: string, usage: 'sign' | 'verify'): Promise<CryptoKey | Uint8Array>;
  /** Key texts held, at most the limit given to createKeyCache. */
  readonly size: number;
  clear(): void;
};

/** A JWKS can hold many keys: past this many imports for one key text, the oldest import is dropped. */
const MAX_IMPORTS_PER_TEXT = 64;

async function importCacheable(key: LoadedKey, alg: string, usage: 'sign' | 'verify'): Promise<CryptoKey | Uint8Array> {
  const imported = await importKeyForAlgorithm(key, alg, usage);
  if (!(imported instanceof Uint8Array) || !isJwsAlgorithm(alg)) return imported;
  try {
    return await crypto.subtle.importKey('raw', new Uint8Array(imported), webCryptoParams(alg), false, [usage]);
  } catch (error) {
    throw runtimeError(alg, error);
  }
}

export function createKeyCache(limit = 8): KeyCache {
  const entries = createKeyTextCache(limit, (input) => ({
    analysis: analyzeKey(input),
    imports: new Map<string, Promise<CryptoKey | Uint8Array>>(),
  }));
  return {
    analyze: (input) => entries.get(input).analysis,
    importKey(input, key, alg, usage) {
      const { analysis, imports } = entries.get(input);
      const index = analysis.keys.indexOf(key);
      if (index < 0) return importCacheable(key, alg, usage);
      const id = `${index}\u0000${alg}\u0000${usage}`;
      let imported = imports.get(id);
      if (!imported) {
        if (imports.size >= MAX_IMPORTS_PER_TEXT) imports.delete(imports.keys().next().value as string);
        imported = importCacheable(key, alg, usage);
        // A failed import (a key that does not fit alg…) fails the same way next time, so the rejection is
        // kept too; handled here, so that keeping it never reports an unhandled rejection.
        imported.catch(() => undefined);
        imports.set(id, imported);
      }
      return imported;
    },
    get size() {
      return entries.size;
    },
    clear: () => entries.clear(),
  };
}

/** The cache verifyToken, verifyDecodedToken and signToken use. */
export const sharedKeyCache: KeyCache = createKeyCache();
