// The JWE algorithms jose implements over WebCrypto (RFC 7518 §4 key management, §5 content encryption),
// what key each needs, and what each does in plain words. Everything else in src/core/jwe reads these tables.

/** Key management algorithms (`alg`), in the order the UI lists them. */
export const JWE_KEY_ALGORITHMS = [
  'RSA-OAEP',
  'RSA-OAEP-256',
  'RSA-OAEP-384',
  'RSA-OAEP-512',
  'ECDH-ES',
  'ECDH-ES+A128KW',
  'ECDH-ES+A192KW',
  'ECDH-ES+A256KW',
  'A128KW',
  'A192KW',
  'A256KW',
  'A128GCMKW',
  'A192GCMKW',
  'A256GCMKW',
  'dir',
  'PBES2-HS256+A128KW',
  'PBES2-HS384+A192KW',
  'PBES2-HS512+A256KW',
] as const;
export type JweKeyAlgorithm = (typeof JWE_KEY_ALGORITHMS)[number];

/** Content encryption algorithms (`enc`). */
export const JWE_CONTENT_ENCRYPTIONS = [
  'A128GCM',
  'A192GCM',
  'A256GCM',
  'A128CBC-HS256',
  'A192CBC-HS384',
  'A256CBC-HS512',
] as const;
export type JweContentEncryption = (typeof JWE_CONTENT_ENCRYPTIONS)[number];

/**
 * What the key box must hold for an `alg`: an RSA key, an EC or X25519 key (ECDH), a shared key of a fixed
 * size (AES key wrap), exactly the content key (`dir`, its size set by `enc`), or a password (PBES2).
 */
export type JweKeyKind = 'RSA' | 'ECDH' | 'oct' | 'dir' | 'password';

export type JweAlgorithmInfo = {
  key: JweKeyKind;
  /** Size of the shared key for AES key wrap (A*KW, A*GCMKW), or of the derived wrapping key (PBES2, ECDH-ES+A*KW). */
  keyBits?: number;
  /** One line for menus: "RSAES-OAEP with SHA-256". */
  title: string;
  /** What the algorithm does, in words the UI can show beside the header. */
  description: string;
  reference: string;
};

// RSA-OAEP-384 and -512 are not in RFC 7518: the IANA JOSE registry took them from the W3C Web Cryptography API.
const rsa = (hash: string, registry: string): JweAlgorithmInfo => ({
  key: 'RSA',
  title: `RSAES-OAEP with ${hash}`,
  description: `The content key is encrypted to the recipient's RSA public key with RSAES-OAEP (${hash}${hash === 'SHA-1' ? ', the OAEP default' : ''}); only the matching RSA private key opens it.`,
  reference: registry,
});

const ecdh = (wrapBits?: number): JweAlgorithmInfo => ({
  key: 'ECDH',
  ...(wrapBits !== undefined ? { keyBits: wrapBits } : {}),
  title: wrapBits ? `ECDH-ES, then AES-${wrapBits} key wrap` : 'ECDH-ES, direct key agreement',
  description: wrapBits
    ? `The sender made a one-time key pair (epk in the header); ECDH between it and the recipient's key, through Concat KDF, gives an AES-${wrapBits} key that wraps the content key.`
    : "The sender made a one-time key pair (epk in the header); ECDH between it and the recipient's key, through Concat KDF, gives the content key itself, so the encrypted key part is empty.",
  reference: 'RFC 7518 §4.6; RFC 8037 §3.2',
});

const aesKw = (bits: number): JweAlgorithmInfo => ({
  key: 'oct',
  keyBits: bits,
  title: `AES-${bits} key wrap`,
  description: `The content key is wrapped (RFC 3394) with a ${bits}-bit (${bits / 8}-byte) shared key that both sides hold.`,
  reference: 'RFC 7518 §4.4',
});

const aesGcmKw = (bits: number): JweAlgorithmInfo => ({
  key: 'oct',
  keyBits: bits,
  title: `AES-${bits} GCM key wrap`,
  description: `The content key is encrypted with AES-GCM under a ${bits}-bit (${bits / 8}-byte) shared key; that step's IV and tag are the header's "iv" and "tag".`,
  reference: 'RFC 7518 §4.7',
});

const pbes2 = (hash: number, bits: number): JweAlgorithmInfo => ({
  key: 'password',
  keyBits: bits,
  title: `PBES2: PBKDF2-HMAC-SHA-${hash}, then AES-${bits} key wrap`,
  description: `A password is stretched with PBKDF2 (HMAC-SHA-${hash}, "p2c" iterations, salted with "p2s") into an AES-${bits} key that wraps the content key.`,
  reference: 'RFC 7518 §4.8',
});

export const JWE_ALGORITHM_INFO: Record<JweKeyAlgorithm, JweAlgorithmInfo> = {
  'RSA-OAEP': rsa('SHA-1', 'RFC 7518 §4.3'),
  'RSA-OAEP-256': rsa('SHA-256', 'RFC 7518 §4.3'),
  'RSA-OAEP-384': rsa('SHA-384', 'IANA JOSE registry (W3C Web Cryptography API); RFC 7518 §4.3'),
  'RSA-OAEP-512': rsa('SHA-512', 'IANA JOSE registry (W3C Web Cryptography API); RFC 7518 §4.3'),
  'ECDH-ES': ecdh(),
  'ECDH-ES+A128KW': ecdh(128),
  'ECDH-ES+A192KW': ecdh(192),
  'ECDH-ES+A256KW': ecdh(256),
  A128KW: aesKw(128),
  A192KW: aesKw(192),
  A256KW: aesKw(256),
  A128GCMKW: aesGcmKw(128),
  A192GCMKW: aesGcmKw(192),
  A256GCMKW: aesGcmKw(256),
  dir: {
    key: 'dir',
    title: 'Direct encryption with a shared key',
    description:
      'The shared key is the content key itself (no key is wrapped, so the encrypted key part is empty); its size is set by "enc".',
    reference: 'RFC 7518 §4.5',
  },
  'PBES2-HS256+A128KW': pbes2(256, 128),
  'PBES2-HS384+A192KW': pbes2(384, 192),
  'PBES2-HS512+A256KW': pbes2(512, 256),
};

export type JweEncryptionInfo = {
  /** Size of the content encryption key; for CBC-HMAC it is the MAC key and the AES key together. */
  cekBits: number;
  ivBytes: number;
  tagBytes: number;
  title: string;
  description: string;
  reference: string;
};

const gcm = (bits: number): JweEncryptionInfo => ({
  cekBits: bits,
  ivBytes: 12,
  tagBytes: 16,
  title: `AES-${bits} GCM`,
  description: `The content is encrypted with AES-${bits} in Galois/Counter Mode; the 16-byte tag authenticates the ciphertext and the protected header.`,
  reference: 'RFC 7518 §5.3',
});

const cbc = (bits: number, hash: number): JweEncryptionInfo => ({
  cekBits: bits * 2,
  ivBytes: 16,
  tagBytes: hash / 16,
  title: `AES-${bits} CBC with HMAC-SHA-${hash}`,
  description: `The content is encrypted with AES-${bits} in CBC mode and authenticated with HMAC-SHA-${hash} over the protected header, IV and ciphertext (the tag is the first ${hash / 16} bytes of the MAC); the ${bits * 2}-bit content key is the MAC key followed by the AES key.`,
  reference: 'RFC 7518 §5.2',
});

export const JWE_ENCRYPTION_INFO: Record<JweContentEncryption, JweEncryptionInfo> = {
  A128GCM: gcm(128),
  A192GCM: gcm(192),
  A256GCM: gcm(256),
  'A128CBC-HS256': cbc(128, 256),
  'A192CBC-HS384': cbc(192, 384),
  'A256CBC-HS512': cbc(256, 512),
};

/** Names people meet that jose does not implement, and why, so the refusal names them. */
export const UNSUPPORTED_JWE_ALGORITHMS: Readonly<Record<string, string>> = {
  RSA1_5:
    'RSA1_5 (RSAES-PKCS1-v1_5) is not supported: it is open to padding-oracle attacks (Bleichenbacher), jose removed it and RFC 8725 §3.2 says to avoid it. Re-encrypt with RSA-OAEP-256.',
  'ECDH-1PU':
    'ECDH-1PU (authenticated ECDH, an IETF draft) is not supported by jose; use ECDH-ES, and sign the content if the sender must be known.',
  'ECDH-1PU+A128KW': 'ECDH-1PU (an IETF draft) is not supported by jose; use ECDH-ES+A128KW.',
  'ECDH-1PU+A192KW': 'ECDH-1PU (an IETF draft) is not supported by jose; use ECDH-ES+A192KW.',
  'ECDH-1PU+A256KW': 'ECDH-1PU (an IETF draft) is not supported by jose; use ECDH-ES+A256KW.',
  'RSA-OAEP-224': 'RSA-OAEP with SHA-224 is not a registered JWE algorithm; use RSA-OAEP-256.',
  C20PKW: 'C20PKW (ChaCha20-Poly1305 key wrap, an IETF draft) is not supported by jose or WebCrypto.',
  XC20PKW: 'XC20PKW (XChaCha20-Poly1305 key wrap, an IETF draft) is not supported by jose or WebCrypto.',
};

export const UNSUPPORTED_JWE_ENCRYPTIONS: Readonly<Record<string, string>> = {
  'A128CBC+HS256':
    '"A128CBC+HS256" is the spelling of an old JWE draft; RFC 7518 names it "A128CBC-HS256" (and computes the tag differently), so this token was made by outdated software.',
  'A256CBC+HS512':
    '"A256CBC+HS512" is the spelling of an old JWE draft; RFC 7518 names it "A256CBC-HS512" (and computes the tag differently), so this token was made by outdated software.',
  C20P: 'C20P (ChaCha20-Poly1305, an IETF draft) is not supported by jose or WebCrypto.',
  XC20P: 'XC20P (XChaCha20-Poly1305, an IETF draft) is not supported by jose or WebCrypto.',
};

export function isJweKeyAlgorithm(alg: unknown): alg is JweKeyAlgorithm {
  return typeof alg === 'string' && Object.hasOwn(JWE_ALGORITHM_INFO, alg);
}

export function isJweContentEncryption(enc: unknown): enc is JweContentEncryption {
  return typeof enc === 'string' && Object.hasOwn(JWE_ENCRYPTION_INFO, enc);
}

/** The size a shared key must have for `alg` (and `enc` for dir), in bits; undefined for RSA, ECDH and passwords. */
export function sharedKeyBits(alg: JweKeyAlgorithm, enc: JweContentEncryption): number | undefined {
  const info = JWE_ALGORITHM_INFO[alg];
  if (info.key === 'dir') return JWE_ENCRYPTION_INFO[enc].cekBits;
  return info.key === 'oct' ? info.keyBits : undefined;
}

/** The largest PBES2 iteration count (`p2c`) decryption accepts by default: jose's own default (10 000). */
export const MAX_PBES2_COUNT = 10_000;
/** RFC 7518 §4.8.1.2 recommends at least 1000 iterations. */
export const MIN_PBES2_COUNT = 1000;
/**
 * The iteration count encryptToken uses when the header gives none: 8192 (as in RFC 7520 §5.3), the largest
 * power of two under the caps JOSE libraries adopted after the p2c denial-of-service reports (10 000 in jose
 * and erlang-jose, 16 384 in jwcrypto), so the tokens open everywhere.
 */
export const DEFAULT_PBES2_COUNT = 8192;
/** Largest plaintext after `zip: DEF` decompression (jose's default, 250 000 bytes): a zip bomb stops there. */
export const MAX_DECOMPRESSED_BYTES = 250_000;
