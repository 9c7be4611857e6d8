// Shared types of the engine. Every module of src/core speaks these; the UI only ever sees these.
// Pure TypeScript: no React, no DOM (enforced by eslint.config.js).

/** JWS algorithms the workbench knows, in the order the UI lists them (RFC 7518, RFC 8037, draft-ietf-cose-dilithium). */
export const JWS_ALGORITHMS = [
  'HS256',
  'HS384',
  'HS512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
  'ML-DSA-44',
  'ML-DSA-65',
  'ML-DSA-87',
] as const;
export type JwsAlgorithm = (typeof JWS_ALGORITHMS)[number];
/** `none` is not a JWS algorithm in the signing sense (RFC 7518 §3.6); it is listed separately. */
export type AlgorithmChoice = JwsAlgorithm | 'none';

/** Which key family each algorithm needs; the UI and the mismatch messages read this table. */
export const ALGORITHM_FAMILY = {
  HS256: 'oct',
  HS384: 'oct',
  HS512: 'oct',
  RS256: 'RSA',
  RS384: 'RSA',
  RS512: 'RSA',
  PS256: 'RSA',
  PS384: 'RSA',
  PS512: 'RSA',
  ES256: 'EC',
  ES384: 'EC',
  ES512: 'EC',
  EdDSA: 'OKP',
  Ed25519: 'OKP',
  'ML-DSA-44': 'AKP',
  'ML-DSA-65': 'AKP',
  'ML-DSA-87': 'AKP',
} as const satisfies Record<JwsAlgorithm, KeyFamily>;

/** JWK `kty` values, plus AKP (the draft "Algorithm Key Pair" type used by ML-DSA). */
export type KeyFamily = 'oct' | 'RSA' | 'EC' | 'OKP' | 'AKP';

/** How the text of an HMAC secret is turned into bytes. `base64` is standard base64 (`+`, `/`, padding). */
export const SECRET_ENCODINGS = ['utf8', 'base64url', 'base64', 'hex'] as const;
export type SecretEncoding = (typeof SECRET_ENCODINGS)[number];

/**
 * What a key is read for: `sig` (JWS signing and verification, the default) or `enc` (JWE key management,
 * where X25519 keys and `"use": "enc"` JWKS entries are the usable ones).
 */
export type KeyPurpose = 'sig' | 'enc';

/** Anything the user pasted into the key box, plus how to read it if it is a secret. */
export type KeyInput = { text: string; secretEncoding?: SecretEncoding };

/** Formats `detectKey` recognises. */
export type KeyFormat =
  | 'secret'
  | 'pem-spki'
  | 'pem-pkcs8'
  | 'pem-pkcs8-encrypted'
  | 'pem-pkcs1-private'
  | 'pem-pkcs1-public'
  | 'pem-sec1'
  | 'pem-x509'
  | 'jwk'
  | 'jwks';

/** A description of one key, good for a label ("PEM private key (PKCS#1), RSA 2048"). */
export type KeyDescription = {
  format: KeyFormat;
  family: KeyFamily;
  isPrivate: boolean;
  /** RSA modulus size, or HMAC secret size, in bits. */
  bits?: number;
  /** EC curve (`P-256`…) or OKP curve (`Ed25519`), or the ML-DSA parameter set. */
  curve?: string;
  kid?: string;
  /** `alg` the key declares (JWK `alg`), if any. */
  alg?: string;
  /** Human label, e.g. "PEM public key (SPKI), RSA 2048". */
  label: string;
};

/** Result of classifying pasted key text (synchronous, cheap: runs on every keystroke). */
export type KeyDetection =
  /** `blank`: the text is not empty but only whitespace, described ("3 spaces and 1 line break"). */
  | { kind: 'empty'; blank?: string }
  | {
      kind: 'secret';
      label: string;
      encoding: SecretEncoding;
      /** Length of the secret in bytes under `encoding`; undefined if the text is not valid in that encoding. */
      byteLength?: number;
      /** Readings under which the text is also valid (for the "did you mean base64?" hint). */
      alternativeEncodings: SecretEncoding[];
      /** True when the "secret" looks like a PEM/JWK public key (key-confusion attack, RFC 8725 §2.1). */
      looksLikePublicKey: boolean;
    }
  | { kind: 'key'; label: string; key: KeyDescription; warnings: string[] }
  | {
      kind: 'jwks';
      label: string;
      keys: KeyDescription[];
      skipped: { index: number; reason: string }[];
      warnings: string[];
    }
  | { kind: 'error'; code: KeyErrorCode; label: string; message: string };

export const KEY_ERROR_CODES = [
  'empty',
  'pem-truncated',
  'pem-label',
  'pem-multiple',
  'pem-encrypted',
  'der',
  'jwk-json',
  'jwk-members',
  'jwks-empty',
  'unsupported',
  'mismatch',
  'public-for-signing',
  'secret-encoding',
  'weak-rsa',
  // Key text over MAX_KEY_TEXT_LENGTH: refused before it is parsed.
  'too-large',
] as const;
export type KeyErrorCode = (typeof KEY_ERROR_CODES)[number];

export const TOKEN_ERROR_CODES = [
  'empty',
  'parts',
  'base64url',
  'base64',
  'padding',
  'characters',
  'json',
  'header-not-object',
  'jwe',
  'too-large',
] as const;
export type TokenErrorCode = (typeof TOKEN_ERROR_CODES)[number];
export type TokenPart = 'header' | 'payload' | 'signature' | 'encrypted_key' | 'iv' | 'ciphertext' | 'tag';

export type VerifyOptions = {
  /** Clock for exp/nbf/iat, in milliseconds since the epoch ("check as of this date"). Default: Date.now(). */
  now?: number;
  /** Clock skew tolerance in seconds. Default: 0. */
  leewaySeconds?: number;
  /**
   * Maximum age of `iat` in seconds: a token issued longer ago is too old (claims state `expired`, with a message
   * saying it is by maximum age). Unset: `iat` alone decides nothing.
   */
  maxAgeSeconds?: number;
  /**
   * The payload of a detached JWS (`header..signature`, RFC 7515 Appendix F) as the signer had it before
   * base64url encoding, read as UTF-8. With `b64: false` (RFC 7797) these bytes are what was signed. Ignored
   * when the token carries its payload.
   */
  detachedPayload?: string;
};

/**
 * Why a verification did not end in "verified" (or, for `weak-rsa`, what qualifies it): the key's own problems
 * (KEY_ERROR_CODES) and the verifier's.
 */
export const VERIFY_RESULT_CODES = [
  ...KEY_ERROR_CODES,
  'alg-none',
  'alg-missing',
  'alg-unsupported',
  'secret-whitespace',
  'signature',
  'kid-not-found',
  // A token cut short: header alone, or header.payload without a signature.
  'token-partial',
  // A detached JWS (RFC 7515 Appendix F) verified without its payload.
  'detached-payload-missing',
  // An SD-JWT whose issuer-signed JWT does not decode.
  'issuer-jwt',
  'jws-invalid',
  'verify-failed',
  'internal',
] as const;
/** `token-<code>`: verifyToken was given text that does not decode (TOKEN_ERROR_CODES). */
export type VerifyResultCode = (typeof VERIFY_RESULT_CODES)[number] | `token-${TokenErrorCode}` | 'token';

/** Why signing refused the header or payload (key problems are KeyErrors with KEY_ERROR_CODES). */
export const SIGN_ERROR_CODES = [
  'header-json',
  'header-duplicate',
  'payload-json',
  'alg-missing',
  'alg-unknown',
  'alg-none',
  'b64',
  'b64-crit',
  'b64-payload',
  'jose',
] as const;
export type SignErrorCode = (typeof SIGN_ERROR_CODES)[number];

export type SignatureState = 'verified' | 'invalid' | 'error';
export type ClaimsState = 'valid' | 'expired' | 'not-yet-valid' | 'none';

export type VerifyResult = {
  signature: SignatureState;
  claims: ClaimsState;
  /** Human-readable reason, one or two sentences. */
  message: string;
  /** The JWKS key (its kid) that matched, if any. */
  kid?: string;
  /** Stable code of why verification did not succeed (a KeyErrorCode or a verify code). */
  code?: VerifyResultCode;
  /** When an HMAC secret did not verify as given but did under another reading. */
  matchingSecretEncoding?: SecretEncoding;
  /** Label of the key that verified (or was tried). */
  keyLabel?: string;
  /** Short explanation of the time-claims verdict ("expired 3 minutes ago"). */
  claimsMessage: string;
  /**
   * The verdict's title when "Signature verified" alone would claim more than is true, e.g. "Verified, with a
   * 512-bit key anyone can forge" (code `weak-rsa`).
   */
  headline?: string;
};

export type Severity = 'error' | 'warning' | 'info';
export type LintFinding = {
  id: string;
  severity: Severity;
  message: string;
  /** RFC section or CVE, e.g. "RFC 8725 §3.1". */
  reference: string;
};
