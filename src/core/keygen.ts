// Key generation and export: WebCrypto generates, we export PKCS#8/SPKI PEM and JWK with an RFC 7638 kid.
// Big RSA sizes take a while; the UI imports this module lazily (lazy by default).
import { calculateJwkThumbprint, type JWK } from 'jose';
import { KeyError } from './errors';
import { ALGORITHM_FAMILY, type JwsAlgorithm, type KeyInput } from './types';
import { loadKeys, webCryptoParams } from './keys';
import { isJwsAlgorithm, keyKindText } from './lib/key-describe';
import type { LoadedKey } from './lib/key-detect';
import { base64Encode, base64urlEncode, utf8Encode } from './lib/key-encoding';
import { isAlgorithmAvailable } from './verify';

export type GeneratedKey = {
  alg: JwsAlgorithm;
  /** RFC 7638 thumbprint (SHA-256) of the public JWK, or of the oct JWK for HMAC. */
  kid: string;
  /** PKCS#8 PEM private key, or for HS* a random secret used as the UTF-8 text it is (secretEncoding utf8). */
  privateText: string;
  publicPem?: string;
  /** Public JWK with kid, alg and use. */
  publicJwk?: JWK;
  /** `{"keys":[publicJwk]}`, pretty-printed. */
  publicJwks?: string;
  /** e.g. "EC P-256 key pair for ES256", "HMAC secret, 43 characters (256 random bits)". */
  label: string;
};

export type PublicKeyExport = { pem: string; jwk: JWK; jwks: string; kid: string };

/** RFC 7468 PEM text with 64-character lines. */
export function toPem(label: string, der: ArrayBuffer | Uint8Array): string {
  const body = base64Encode(der instanceof Uint8Array ? der : new Uint8Array(der)).replace(/.{64}(?=.)/g, '$&\n');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** RFC 7638 JWK thumbprint, SHA-256, base64url. Works on private JWKs too (only the public members count). */
export function jwkThumbprint(jwk: JWK): Promise<string> {
  return calculateJwkThumbprint(jwk, 'sha256');
}

const META = ['key_ops', 'ext', 'd', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'priv', 'k'];

function publicMembers(jwk: JsonWebKey | JWK): JWK {
  const out: Record<string, unknown> = { ...jwk };
  for (const m of META) delete out[m];
  return out as JWK;
}

/** A public key as PEM and JWK, from a public CryptoKey that is extractable. */
async function exportPublic(publicKey: CryptoKey, extra: Partial<JWK>): Promise<PublicKeyExport> {
  const jwk0 = publicMembers(await crypto.subtle.exportKey('jwk', publicKey));
  // WebCrypto fills `alg` from the import parameters (RS256 for any RSA key here); only AKP keys own theirs.
  if (jwk0.kty !== 'AKP') delete jwk0.alg;
  const kid = extra.kid ?? (await jwkThumbprint(jwk0));
  const jwk: JWK = { ...jwk0, ...extra, kid };
  const pem = toPem('PUBLIC KEY', await crypto.subtle.exportKey('spki', publicKey));
  return { pem, jwk, kid, jwks: JSON.stringify({ keys: [jwk] }, null, 2) };
}

// Letters and digits only: safe unquoted in a shell, a YAML or .env file, a URL and a JSON string.
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * An HMAC secret that works as the text it looks like: servers and libraries that take a string (PyJWT,
 * jsonwebtoken, most configs) use its UTF-8 bytes, so it is generated as characters, not as encoded bytes.
 * It carries at least `bits` random bits (RFC 7518 §3.2: a key at least as large as the hash output) and is
 * at least bits/8 bytes long. Rejection sampling keeps every character equally likely.
 */
export function randomSecretText(bits: number): string {
  const length = Math.ceil(bits / Math.log2(SECRET_ALPHABET.length));
  const limit = 256 - (256 % SECRET_ALPHABET.length);
  let out = '';
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && out.length < length) out += SECRET_ALPHABET[byte % SECRET_ALPHABET.length];
    }
  }
  return out;
}

/** Generates a key for `alg`. RSA size defaults to 2048. Throws KeyError `unsupported` when the runtime lacks alg. */
export async function generateKey(
  alg: JwsAlgorithm,
  options: { modulusLength?: 2048 | 3072 | 4096 } = {},
): Promise<GeneratedKey> {
  if (!isJwsAlgorithm(alg)) throw new KeyError('unsupported', `"${String(alg)}" is not a JWS algorithm`);
  const family = ALGORITHM_FAMILY[alg];
  if (family === 'oct') {
    const bits = Number(alg.slice(2));
    const secret = randomSecretText(bits);
    return {
      alg,
      kid: await jwkThumbprint({ kty: 'oct', k: base64urlEncode(utf8Encode(secret)) }),
      privateText: secret,
      label: `HMAC secret, ${secret.length} characters (${bits} random bits)`,
    };
  }
  if (!(await isAlgorithmAvailable(alg))) {
    throw new KeyError('unsupported', `${alg} is not supported by this browser/runtime (its WebCrypto lacks it).`);
  }
  const modulusLength = options.modulusLength ?? 2048;
  const params =
    family === 'RSA'
      ? { ...(webCryptoParams(alg) as RsaHashedImportParams), modulusLength, publicExponent: Uint8Array.of(1, 0, 1) }
      : webCryptoParams(alg);
  const pair = (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
  const privateText = toPem('PRIVATE KEY', await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const exported = await exportPublic(pair.publicKey, { alg, use: 'sig' });
  const kind = keyKindText({
    family,
    bits: modulusLength,
    curve: family === 'EC' ? (params as EcKeyImportParams).namedCurve : family === 'OKP' ? 'Ed25519' : alg,
  });
  return {
    alg,
    kid: exported.kid,
    privateText,
    publicPem: exported.pem,
    publicJwk: exported.jwk,
    publicJwks: exported.jwks,
    label: `${kind} key pair for ${alg}`,
  };
}

/** WebCrypto parameters that fit a key, whatever algorithm it will later be used with. */
function paramsForKey(key: LoadedKey): Algorithm | RsaHashedImportParams | EcKeyImportParams {
  const d = key.description;
  switch (d.family) {
    case 'RSA':
      return webCryptoParams('RS256');
    case 'EC':
      return { name: 'ECDSA', namedCurve: d.curve ?? '' };
    case 'OKP':
      return { name: 'Ed25519' };
    default:
      return { name: d.curve ?? '' };
  }
}

/** The public half of any private (or public) key input, as SPKI PEM, JWK and JWKS, with an RFC 7638 kid. */
export async function exportPublicKey(input: KeyInput): Promise<PublicKeyExport> {
  const [key] = await loadKeys(input);
  if (!key) throw new KeyError('empty', 'no key to export');
  const d = key.description;
  if (d.family === 'oct') {
    throw new KeyError('mismatch', 'an HMAC secret has no public half: the same secret signs and verifies');
  }
  const params = paramsForKey(key);
  const extra: Partial<JWK> = {};
  if (d.kid !== undefined) extra.kid = d.kid;
  if (d.alg !== undefined) extra.alg = d.alg;
  if (key.jwk?.use !== undefined) extra.use = key.jwk.use;
  try {
    let jwk: JsonWebKey;
    if (key.jwk) jwk = publicMembers(key.jwk) as JsonWebKey;
    else if (key.der) {
      const imported = await crypto.subtle.importKey(
        key.der.format,
        new Uint8Array(key.der.bytes),
        params,
        true,
        key.der.format === 'pkcs8' ? ['sign'] : ['verify'],
      );
      jwk = publicMembers(await crypto.subtle.exportKey('jwk', imported)) as JsonWebKey;
    } else throw new KeyError('unsupported', 'this key has no key material to export');
    // WebCrypto checks `alg` against the import parameters; AKP keys need it, the others do not.
    if (d.family !== 'AKP') delete jwk.alg;
    delete jwk.use;
    const publicKey = await crypto.subtle.importKey('jwk', jwk, params, true, ['verify']);
    return await exportPublic(publicKey, extra);
  } catch (error) {
    if (error instanceof KeyError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new KeyError('unsupported', `the public half of this ${keyKindText(d)} key could not be exported: ${detail}`);
  }
}
