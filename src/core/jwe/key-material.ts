// Keys for JWE: which pasted key fits an alg/enc (with the reason in words when it does not), and importing
// it into WebCrypto for jose. The key box is read by the same reader as for signatures (PEM PKCS#8/PKCS#1/
// SEC1/SPKI/X.509, JWK, JWKS, secrets in any encoding), with the `enc` purpose so X25519 keys are usable.
import type { JWK } from 'jose';
import { SECRET_ENCODINGS, type KeyDescription, type KeyInput, type SecretEncoding } from '../types';
import { keyKindText, article } from '../lib/key-describe';
import { decodeSecret, type LoadedKey } from '../lib/key-detect';
import { base64urlDecode, isValidSecret } from '../lib/key-encoding';
import { JWE_ALGORITHM_INFO, sharedKeyBits, type JweContentEncryption, type JweKeyAlgorithm } from './algorithms';
import { problem, type JweProblem } from './codes';

export type JweKeyUse = 'decrypt' | 'encrypt';

const EC_CURVES = ['P-256', 'P-384', 'P-521'];
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'priv'];
const METADATA = ['use', 'key_ops', 'alg', 'ext', 'kid', 'x5c', 'x5t', 'x5t#S256', 'x5u'];

function bytesText(bits: number): string {
  return `${bits}-bit (${bits / 8}-byte)`;
}

/** "an RSA 2048 private key", "a shared secret of 16 bytes (read as utf8)". */
export function describeJweKey(d: KeyDescription, encoding?: SecretEncoding): string {
  if (d.family === 'oct') {
    const bytes = d.bits !== undefined ? `${d.bits / 8} byte${d.bits === 8 ? '' : 's'}` : 'unknown size';
    return d.format === 'secret'
      ? `a shared secret of ${bytes}${encoding ? ` (read as ${encoding})` : ''}`
      : `a JWK oct key of ${bytes}`;
  }
  const kind = keyKindText(d);
  return `${article(kind)} ${kind} ${d.isPrivate ? 'private' : 'public'} key`;
}

/**
 * The key's label for JWE messages: the reader labels a typed secret an "HMAC secret", which is a signing word;
 * here it is a shared secret, or for PBES2 a password.
 */
export function jweKeyLabel(key: LoadedKey, alg?: JweKeyAlgorithm): string {
  const d = key.description;
  if (d.format !== 'secret') return d.label;
  const what = alg !== undefined && JWE_ALGORITHM_INFO[alg].key === 'password' ? 'Password' : 'Shared secret';
  const bytes = (d.bits ?? 0) / 8;
  return `${what}, ${bytes} byte${bytes === 1 ? '' : 's'}${key.secretEncoding ? ` (${key.secretEncoding})` : ''}`;
}

/** What `alg` needs, in words. */
export function describeJweKeyNeed(alg: JweKeyAlgorithm, enc: JweContentEncryption, use: JweKeyUse): string {
  const info = JWE_ALGORITHM_INFO[alg];
  const half = use === 'decrypt' ? 'private' : 'public';
  switch (info.key) {
    case 'RSA':
      return `an RSA key (the recipient's ${half} key, 2048 bits or more)`;
    case 'ECDH':
      return `an EC key (P-256, P-384 or P-521) or an X25519 key (the recipient's ${half} key)`;
    case 'oct':
      return `a ${bytesText(info.keyBits ?? 0)} shared key`;
    case 'dir':
      return `a ${bytesText(sharedKeyBits(alg, enc) ?? 0)} shared key, exactly the ${enc} content key`;
    case 'password':
      return 'a password (the key box text, or a JWK oct key)';
  }
}

/** Other readings of a secret's text under which it has `bits` bits. */
function otherSizedReadings(text: string, current: SecretEncoding | undefined, bits: number): SecretEncoding[] {
  return SECRET_ENCODINGS.filter((encoding) => {
    if (encoding === (current ?? 'utf8')) return false;
    const clean = encoding === 'utf8' ? text : text.trim();
    return isValidSecret(clean, encoding) && decodeSecret(text, encoding).length * 8 === bits;
  });
}

export type KeyFit = { ok: true } | { ok: false; problem: JweProblem; matchingSecretEncoding?: SecretEncoding };

/**
 * Whether `key` can do `use` for `alg`/`enc`. `epkCurve`: the curve of the token's ephemeral key (decrypting
 * ECDH-ES), which the key must share. `input`: the key box, to suggest another reading of a secret.
 */
export function fitJweKey(
  key: LoadedKey,
  alg: JweKeyAlgorithm,
  enc: JweContentEncryption,
  use: JweKeyUse,
  context: { epkCurve?: string; input?: KeyInput } = {},
): KeyFit {
  const d = key.description;
  const info = JWE_ALGORITHM_INFO[alg];
  const what = describeJweKey(d, key.secretEncoding);
  const subject = use === 'decrypt' ? `the token's alg ${alg}` : `alg ${alg}`;
  const wrongType = (): KeyFit => ({
    ok: false,
    problem: problem('key-type', `this key is ${what}, but ${subject} needs ${describeJweKeyNeed(alg, enc, use)}`),
  });
  if (d.alg !== undefined && d.alg !== alg && !(info.key === 'dir' && d.alg === enc)) {
    return {
      ok: false,
      problem: problem('key-alg', `this key declares "alg": "${d.alg}", so it may not be used with ${alg}`),
    };
  }
  switch (info.key) {
    case 'RSA': {
      if (d.family !== 'RSA') return wrongType();
      if (use === 'decrypt' && !d.isPrivate) {
        return {
          ok: false,
          problem: problem('key-public', `the key is a public key (${d.label}); decryption needs the private key`),
        };
      }
      if (d.bits !== undefined && d.bits < 2048) {
        return {
          ok: false,
          problem: problem(
            'key-weak-rsa',
            `the key is RSA ${d.bits}; jose refuses RSA keys under 2048 bits for ${alg} (RFC 7518 §4.3 requires 2048)`,
          ),
        };
      }
      return { ok: true };
    }
    case 'ECDH': {
      const isEc = d.family === 'EC' && EC_CURVES.includes(d.curve ?? '');
      const isX25519 = d.family === 'OKP' && d.curve === 'X25519';
      if (d.family === 'OKP' && d.curve === 'Ed25519') {
        return {
          ok: false,
          problem: problem(
            'key-type',
            `this is an Ed25519 key, which only signs; ${subject} needs an X25519 key (or an EC key) for key agreement`,
          ),
        };
      }
      if (!isEc && !isX25519) return wrongType();
      if (use === 'decrypt' && !d.isPrivate) {
        return {
          ok: false,
          problem: problem('key-public', `the key is a public key (${d.label}); decryption needs the private key`),
        };
      }
      if (context.epkCurve !== undefined && context.epkCurve !== d.curve) {
        return {
          ok: false,
          problem: problem(
            'key-curve',
            `the token's ephemeral key (epk) is on ${context.epkCurve}, but this key is on ${d.curve ?? 'another curve'}: the token was encrypted to a ${context.epkCurve} key`,
          ),
        };
      }
      return { ok: true };
    }
    case 'password': {
      if (d.family !== 'oct') return wrongType();
      if (d.bits === 0) return { ok: false, problem: problem('key-empty', 'the password is empty') };
      return { ok: true };
    }
    case 'oct':
    case 'dir': {
      if (d.family !== 'oct') return wrongType();
      const bits = sharedKeyBits(alg, enc) ?? 0;
      if (d.bits === bits) return { ok: true };
      const size = `the key must be ${bits / 8} bytes (${bits} bits) for ${alg}${info.key === 'dir' ? ` with ${enc}` : ''}; this one is ${(d.bits ?? 0) / 8} bytes (${d.bits ?? 0} bits)`;
      const readings =
        d.format === 'secret' && context.input ? otherSizedReadings(context.input.text, key.secretEncoding, bits) : [];
      const reading = readings[0];
      return {
        ok: false,
        problem: problem(
          'key-size',
          reading
            ? `${size}; read as ${reading} it is ${bits / 8} bytes: switch the secret encoding to ${reading}`
            : size,
        ),
        ...(reading ? { matchingSecretEncoding: reading } : {}),
      };
    }
  }
}

function importParams(alg: JweKeyAlgorithm, d: KeyDescription): RsaHashedImportParams | EcKeyImportParams | Algorithm {
  if (JWE_ALGORITHM_INFO[alg].key === 'RSA') {
    // RFC 7518 §4.3: plain RSA-OAEP is OAEP with SHA-1 (and MGF1 with SHA-1).
    return { name: 'RSA-OAEP', hash: alg === 'RSA-OAEP' ? 'SHA-1' : `SHA-${alg.slice(9)}` };
  }
  return d.curve === 'X25519' ? { name: 'X25519' } : { name: 'ECDH', namedCurve: d.curve ?? '' };
}

function jwkForImport(jwk: JWK, publicOnly: boolean): JsonWebKey {
  const out: Record<string, unknown> = { ...jwk };
  for (const m of METADATA) delete out[m];
  if (publicOnly) for (const m of PRIVATE_MEMBERS) delete out[m];
  return out as JsonWebKey;
}

function importFailure(alg: JweKeyAlgorithm, error: unknown): JweProblem {
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'NotSupportedError' || /not supported|unrecognized/i.test(detail)) {
    return problem('runtime-unsupported', `this browser's WebCrypto cannot import this key for ${alg} (${detail})`);
  }
  return problem('key-unreadable', `WebCrypto could not import this key for ${alg}: ${detail}`);
}

export type ImportedJweKey = { ok: true; key: CryptoKey | Uint8Array } | { ok: false; problem: JweProblem };

/**
 * The key as jose takes it: raw bytes for shared keys and passwords, a CryptoKey for RSA and ECDH (the private
 * key to decrypt; to encrypt the public key, derived from a private one when that is what was pasted).
 * Call fitJweKey first.
 */
export async function importJweKey(key: LoadedKey, alg: JweKeyAlgorithm, use: JweKeyUse): Promise<ImportedJweKey> {
  const d = key.description;
  if (d.family === 'oct') {
    const bytes = key.secret ?? (key.jwk?.k !== undefined ? base64urlDecode(key.jwk.k) : undefined);
    if (!bytes) return { ok: false, problem: problem('key-empty', 'the shared key is empty') };
    return { ok: true, key: bytes };
  }
  const params = importParams(alg, d);
  const isRsa = JWE_ALGORITHM_INFO[alg].key === 'RSA';
  const privateUsages: KeyUsage[] = isRsa ? ['decrypt'] : ['deriveBits'];
  const publicUsages: KeyUsage[] = isRsa ? ['encrypt'] : [];
  try {
    if (use === 'decrypt') {
      if (key.der) {
        const bytes = new Uint8Array(key.der.bytes);
        return { ok: true, key: await crypto.subtle.importKey('pkcs8', bytes, params, false, privateUsages) };
      }
      if (key.jwk) {
        return {
          ok: true,
          key: await crypto.subtle.importKey('jwk', jwkForImport(key.jwk, false), params, false, privateUsages),
        };
      }
    } else {
      let jwk: JsonWebKey | undefined;
      if (key.der?.format === 'spki') {
        const bytes = new Uint8Array(key.der.bytes);
        return { ok: true, key: await crypto.subtle.importKey('spki', bytes, params, true, publicUsages) };
      }
      if (key.der) {
        const bytes = new Uint8Array(key.der.bytes);
        const priv = await crypto.subtle.importKey('pkcs8', bytes, params, true, privateUsages);
        jwk = await crypto.subtle.exportKey('jwk', priv);
      } else if (key.jwk) {
        jwk = key.jwk as JsonWebKey;
      }
      if (jwk) {
        const pub = jwkForImport(jwk as JWK, true);
        return { ok: true, key: await crypto.subtle.importKey('jwk', pub, params, true, publicUsages) };
      }
    }
  } catch (error) {
    return { ok: false, problem: importFailure(alg, error) };
  }
  return { ok: false, problem: problem('key-unreadable', 'this key has no key material to import') };
}
