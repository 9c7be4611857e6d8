// Stable codes of the SD-JWT verdicts. The UI switches on these, never on the words.

/** Why the SD-JWT structure verdict is `error` (RFC 9901 §4, §7.1). */
export const SD_JWT_PROBLEM_CODES = [
  /** Not an SD-JWT at all: no `~`, and not the JWS JSON Serialization with `disclosures`. */
  'not-sd-jwt',
  /** Larger than the token size limit. */
  'too-large',
  /** The compact or JSON form is broken: an empty part between two `~`, the trailing `~` missing, a KB part that is not a JWT. */
  'structure',
  /** The Issuer-signed JWT does not decode (the message says why, as for a plain JWT). */
  'issuer-jwt',
  /** The Issuer-signed JWT's payload is not a JSON object. */
  'payload-not-object',
  /** A disclosure is not base64url text. */
  'disclosure-base64url',
  /** A disclosure does not decode to UTF-8 JSON. */
  'disclosure-json',
  /** A disclosure is not a JSON array of 2 (array element) or 3 (object property) elements. */
  'disclosure-shape',
  /** A disclosure's salt is not a string. */
  'disclosure-salt',
  /** A disclosure's claim name is not a string. */
  'disclosure-name',
  /** A disclosure's claim name is `_sd` or `...`. */
  'disclosure-reserved-name',
  /** A disclosure no digest refers to: forged, or taken from another SD-JWT. */
  'disclosure-unreferenced',
  /** The same disclosure was sent twice. */
  'disclosure-repeated',
  /** A property disclosure (3 elements) referenced from an array, or an array-element disclosure (2) from `_sd`. */
  'disclosure-kind',
  /** A digest appears more than once in the payload and the disclosures. */
  'digest-repeated',
  /** A disclosure would overwrite a claim already present at its level. */
  'claim-overwrite',
  /** `_sd` is not an array of strings. */
  'sd-not-array',
  /** `...` used other than as the only key of an array element holding a digest string. */
  'ellipsis-misused',
  /** `_sd_alg` names no hash algorithm of the IANA registry. */
  'sd-alg-unknown',
  /** `_sd_alg` is a registered hash this runtime's WebCrypto cannot compute (sha3-*, blake2*, k12-*). */
  'sd-alg-unsupported',
  /** `_sd_alg` is a truncated hash (sha-256-32 …), unfit for security use (RFC 9901 §9.4). */
  'sd-alg-weak',
  /** `_sd_alg` is not a string. */
  'sd-alg-invalid',
  /** `_sd_alg` inside a nested object (it may appear only at the top level, RFC 9901 §4.1.1). */
  'sd-alg-nested',
  /** The payload and disclosures nest deeper than the processor follows. */
  'too-deep',
] as const;

/** The checks of a Key Binding JWT (RFC 9901 §4.3, §7.3 step 5), in the order they are run. */
export const KEY_BINDING_CHECK_IDS = [
  'format',
  'typ',
  'holder-key',
  'signature',
  'sd-hash',
  'iat',
  'aud',
  'nonce',
  'time',
] as const;

/** Why issuing or presenting an SD-JWT failed (besides `key-…` and `sign-…` codes passed on from the signer). */
export const SD_JWT_MAKE_ERROR_CODES = [
  'payload-json',
  'header-json',
  'path',
  'path-not-found',
  'path-reserved',
  'decoys',
  'sd-alg',
  'holder-key',
  'sd-jwt',
  'unknown-disclosure',
  'kb-input',
] as const;
