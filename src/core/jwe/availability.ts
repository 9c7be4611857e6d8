// What this runtime's WebCrypto can do for JWE. Chromium has no 192-bit AES (importKey refuses 24-byte AES
// keys), and X25519 arrived in browsers only recently; Node 20 has both. jose hides a refused key unwrap
// behind a random content key (so it reads as "wrong key"), hence the probe before decrypting.
import {
  JWE_ALGORITHM_INFO,
  isJweContentEncryption,
  isJweKeyAlgorithm,
  type JweContentEncryption,
  type JweKeyAlgorithm,
} from './algorithms';

const probes = new Map<string, Promise<boolean>>();

function probe(name: string, run: () => Promise<unknown>): Promise<boolean> {
  let result = probes.get(name);
  if (!result) {
    result = run().then(
      () => true,
      () => false,
    );
    probes.set(name, result);
  }
  return result;
}

/** AES-192 in every mode JWE uses (key wrap, GCM, and the CBC half of A192CBC-HS384). */
function aes192(): Promise<boolean> {
  return probe('AES-192', async () => {
    const bytes = new Uint8Array(24);
    await crypto.subtle.importKey('raw', bytes, 'AES-KW', false, ['wrapKey']);
    await crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt']);
    await crypto.subtle.importKey('raw', bytes, 'AES-CBC', false, ['encrypt']);
  });
}

function x25519(): Promise<boolean> {
  return probe('X25519', () => crypto.subtle.generateKey({ name: 'X25519' }, false, ['deriveBits']));
}

function needsAes192(alg: JweKeyAlgorithm, enc: JweContentEncryption | undefined): boolean {
  const info = JWE_ALGORITHM_INFO[alg];
  return (info.key !== 'RSA' && info.keyBits === 192) || enc === 'A192GCM' || enc === 'A192CBC-HS384';
}

/**
 * Why this runtime cannot run `alg` with `enc` (and, for ECDH-ES, a key on `curve`), in words; undefined when
 * it can.
 */
export async function describeRuntimeGap(
  alg: JweKeyAlgorithm,
  enc: JweContentEncryption | undefined,
  curve?: string,
): Promise<string | undefined> {
  if (needsAes192(alg, enc) && !(await aes192())) {
    const what = enc === 'A192GCM' || enc === 'A192CBC-HS384' ? enc : alg;
    return `${what} needs 192-bit AES, which this browser's WebCrypto does not support (Chromium has none); choose a 128- or 256-bit variant`;
  }
  if (JWE_ALGORITHM_INFO[alg].key === 'ECDH' && curve === 'X25519' && !(await x25519())) {
    return `${alg} with an X25519 key needs WebCrypto X25519, which this browser/runtime lacks; use an EC P-256 key, or a newer browser`;
  }
  return undefined;
}

/** Whether this runtime can decrypt and encrypt with `alg` and `enc` (`curve`: the ECDH key's curve, if known). */
export async function isJweAlgorithmAvailable(alg: string, enc?: string, curve?: string): Promise<boolean> {
  if (!isJweKeyAlgorithm(alg)) return false;
  if (enc !== undefined && !isJweContentEncryption(enc)) return false;
  return (await describeRuntimeGap(alg, enc, curve)) === undefined;
}
