// Stable codes for every way decrypting or encrypting can fail. The UI switches on these; the words that go
// with them are in each result's `message`.

export const JWE_ERROR_CODES = [
  // The token itself
  'not-jwe', // a signed token (JWS) or something else was given
  'token-invalid', // parts, base64url or header JSON are broken (the decoder's TokenError says where)
  'alg-missing',
  'enc-missing',
  'alg-unsupported', // RSA1_5, drafts, unknown names
  'enc-unsupported',
  'zip-unsupported', // a zip other than DEF, or DEF outside the protected header
  'crit-unsupported', // crit names an extension jose does not understand
  'header-invalid', // epk, iv/tag (GCMKW), apu/apv, or a member of the wrong type
  'p2c-too-large', // PBES2 iteration count over the cap: refused before any work
  'p2c-invalid',
  'p2s-invalid',
  'runtime-unsupported', // this browser's WebCrypto lacks the algorithm (AES-192 in Chromium, X25519 in old ones)
  // The key
  'key-empty',
  'key-unreadable', // the key box holds something the key reader refuses (see the message)
  'key-public', // decryption needs the private key
  'key-type', // RSA for ECDH, an EC key for A256KW, …
  'key-curve', // the token's epk and the key are on different curves
  'key-size', // a shared key of the wrong length for A*KW or dir
  'key-weak-rsa', // RSA under 2048 bits: jose refuses it
  'key-alg', // the JWK says "alg": something else
  'kid-not-found', // the JWKS has no key that fits
  'secret-encoding', // the secret text is not valid in the chosen encoding
  // The verdict
  'decryption-failed', // the authentication tag does not match: wrong key, or the token was changed
  'decompression-failed', // zip: DEF data that does not inflate, or inflates past the limit
  // Encrypting
  'header-json', // the header text is not one JSON object
  'header-duplicate', // a member appears twice
  'encrypt-failed',
  'internal',
] as const;
export type JweErrorCode = (typeof JWE_ERROR_CODES)[number];

/** A failure on the way to a verdict: carried as a value, turned into a result by decrypt/encrypt. */
export type JweProblem = { code: JweErrorCode; message: string };

export function problem(code: JweErrorCode, message: string): JweProblem {
  return { code, message };
}

/** Upper-cases the first letter: messages are built from clauses that also appear mid-sentence. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
