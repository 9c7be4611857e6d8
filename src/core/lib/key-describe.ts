// Words for keys: labels ("PEM private key (PKCS#1), RSA 2048") and mismatch sentences
// ("this is an EC P-256 key; RS256 needs an RSA key"). One place, so every screen says the same thing.
import { ALGORITHM_FAMILY, type JwsAlgorithm, type KeyDescription, type KeyFamily } from '../types';

/** "RSA 2048", "EC P-256", "OKP Ed25519", "ML-DSA-65", "HMAC secret (256 bits)". */
export function keyKindText(key: { family: KeyFamily; bits?: number; curve?: string }): string {
  switch (key.family) {
    case 'RSA':
      return key.bits ? `RSA ${key.bits}` : 'RSA';
    case 'EC':
      return `EC ${key.curve ?? '(unknown curve)'}`;
    case 'OKP':
      return `OKP ${key.curve ?? ''}`.trim();
    case 'AKP':
      return key.curve ?? 'ML-DSA';
    case 'oct':
      return key.bits !== undefined ? `HMAC secret (${key.bits} bits)` : 'HMAC secret';
  }
}

/** "a" or "an" for how the word is spoken: vowels, and acronyms whose letter name starts with a vowel sound
 * ("an RSA", "an HMAC", "an ML-DSA", "an Ed25519", "a P-256"). */
export function article(word: string): string {
  return /^[AEIOFHLMNRSX]/.test(word) ? 'an' : 'a';
}

export function isJwsAlgorithm(alg: string): alg is JwsAlgorithm {
  return Object.hasOwn(ALGORITHM_FAMILY, alg);
}

/** What an algorithm needs, in words: "an RSA key", "a P-384 key", "an HMAC secret". */
export function algorithmNeeds(alg: JwsAlgorithm): string {
  switch (ALGORITHM_FAMILY[alg]) {
    case 'oct':
      return 'an HMAC secret (a shared key)';
    case 'RSA':
      return 'an RSA key';
    case 'EC':
      return `an EC ${requiredCurve(alg)} key`;
    case 'OKP':
      return 'an Ed25519 key';
    case 'AKP':
      return `an ${alg} key`;
  }
}

/** Curve or parameter set an algorithm pins (RFC 7518 §3.4, RFC 8037, ML-DSA draft). */
export function requiredCurve(alg: JwsAlgorithm): string | undefined {
  const table: Partial<Record<JwsAlgorithm, string>> = {
    ES256: 'P-256',
    ES384: 'P-384',
    ES512: 'P-521',
    EdDSA: 'Ed25519',
    Ed25519: 'Ed25519',
    'ML-DSA-44': 'ML-DSA-44',
    'ML-DSA-65': 'ML-DSA-65',
    'ML-DSA-87': 'ML-DSA-87',
  };
  return table[alg];
}

/** Plain-words reason why `key` cannot be used with `alg`, or undefined when it can. */
export function describeKeyMismatch(key: KeyDescription, alg: string): string | undefined {
  if (alg === 'none') return 'alg "none" takes no key: the token is unsecured';
  if (!isJwsAlgorithm(alg)) return `"${alg}" is not a JWS algorithm this workbench knows`;
  const family = ALGORITHM_FAMILY[alg];
  const kind = keyKindText(key);
  if (key.family !== family) {
    const what = key.family === 'oct' ? 'an HMAC secret' : `${article(kind)} ${kind} key`;
    const confusion =
      family === 'oct' && !key.isPrivate
        ? '. Using a public key as an HMAC secret is the key-confusion attack (RFC 8725 §2.1)'
        : '';
    return `this is ${what}; ${alg} needs ${algorithmNeeds(alg)}${confusion}`;
  }
  const curve = requiredCurve(alg);
  if (curve && key.curve !== curve)
    return `${alg} needs ${article(curve)} ${curve} key, this is ${key.curve ?? 'another curve'}`;
  if (
    key.alg &&
    key.alg !== alg &&
    !(alg === 'Ed25519' && key.alg === 'EdDSA') &&
    !(alg === 'EdDSA' && key.alg === 'Ed25519')
  ) {
    return `this key declares "alg": "${key.alg}", so it may not be used with ${alg}`;
  }
  return undefined;
}
