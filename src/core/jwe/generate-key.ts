// Key generation for encryption, in the style of keygen.ts: WebCrypto generates, the private half comes out
// as PKCS#8 PEM (or the shared key as base64url), the public half as SPKI PEM, JWK and JWKS with an RFC 7638
// kid and "use": "enc".
import type { JWK } from 'jose';
import { KeyError } from '../errors';
import { jwkThumbprint, toPem, type PublicKeyExport } from '../keygen';
import type { KeyInput, SecretEncoding } from '../types';
import { analyzeKey } from '../lib/key-detect';
import { base64urlEncode, utf8Encode } from '../lib/key-encoding';
import { keyKindText } from '../lib/key-describe';
import {
  JWE_ALGORITHM_INFO,
  isJweKeyAlgorithm,
  sharedKeyBits,
  type JweContentEncryption,
  type JweKeyAlgorithm,
} from './algorithms';
import { describeRuntimeGap } from './availability';

export type EncryptionCurve = 'P-256' | 'P-384' | 'P-521' | 'X25519';

export type GeneratedEncryptionKey = {
  alg: JweKeyAlgorithm;
  /** For dir: the enc the key is sized for. */
  enc?: JweContentEncryption;
  /** RFC 7638 thumbprint (SHA-256) of the public JWK, or of the oct JWK. */
  kid: string;
  /**
   * What goes in the key box to decrypt: a PKCS#8 PEM private key, or a shared key as base64url, or a PBES2
   * password; read it with `secretEncoding` when set.
   */
  privateText: string;
  secretEncoding?: SecretEncoding;
  /** The private (or shared) key as a JWK with kid, alg and "use": "enc". */
  privateJwk: JWK;
  publicPem?: string;
  publicJwk?: JWK;
  /** `{"keys":[publicJwk]}`, pretty-printed. */
  publicJwks?: string;
  /** e.g. "RSA 2048 key pair for RSA-OAEP-256", "256-bit shared key for A256KW". */
  label: string;
};

const META = ['key_ops', 'ext', 'd', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

function publicMembers(jwk: JsonWebKey | JWK): JWK {
  const out: Record<string, unknown> = { ...jwk };
  for (const m of META) delete out[m];
  delete out.alg;
  return out as JWK;
}

async function exportPair(
  pair: CryptoKeyPair,
  extra: Partial<JWK>,
): Promise<{ publicExport: PublicKeyExport; privateJwk: JWK; privateText: string }> {
  const publicJwk0 = publicMembers(await crypto.subtle.exportKey('jwk', pair.publicKey));
  const kid = await jwkThumbprint(publicJwk0);
  const jwk: JWK = { ...publicJwk0, kid, ...extra };
  const privateRaw = (await crypto.subtle.exportKey('jwk', pair.privateKey)) as Record<string, unknown>;
  delete privateRaw.key_ops;
  delete privateRaw.ext;
  delete privateRaw.alg;
  return {
    publicExport: {
      pem: toPem('PUBLIC KEY', await crypto.subtle.exportKey('spki', pair.publicKey)),
      jwk,
      jwks: JSON.stringify({ keys: [jwk] }, null, 2),
      kid,
    },
    privateJwk: { ...(privateRaw as JWK), kid, ...extra },
    privateText: toPem('PRIVATE KEY', await crypto.subtle.exportKey('pkcs8', pair.privateKey)),
  };
}

/**
 * Generates a key for `alg`: an RSA-OAEP key pair (2048 bits by default), an ECDH key pair (P-256 by default,
 * or X25519), a random shared key of the size A*KW / A*GCMKW need, a dir key sized for `enc` (A256GCM by
 * default), or a random PBES2 password. Throws KeyError `unsupported` when the runtime lacks it.
 */
export async function generateEncryptionKey(
  alg: JweKeyAlgorithm,
  options: { enc?: JweContentEncryption; curve?: EncryptionCurve; modulusLength?: 2048 | 3072 | 4096 } = {},
): Promise<GeneratedEncryptionKey> {
  if (!isJweKeyAlgorithm(alg)) throw new KeyError('unsupported', `"${String(alg)}" is not a JWE algorithm`);
  const enc = options.enc ?? 'A256GCM';
  const info = JWE_ALGORITHM_INFO[alg];
  const gap = await describeRuntimeGap(alg, info.key === 'dir' ? enc : undefined, options.curve);
  if (gap) throw new KeyError('unsupported', gap);
  const extra: Partial<JWK> = { alg, use: 'enc' };
  switch (info.key) {
    case 'oct':
    case 'dir': {
      const bits = sharedKeyBits(alg, enc) ?? 256;
      const k = base64urlEncode(crypto.getRandomValues(new Uint8Array(bits / 8)));
      const kid = await jwkThumbprint({ kty: 'oct', k });
      return {
        alg,
        ...(info.key === 'dir' ? { enc } : {}),
        kid,
        privateText: k,
        secretEncoding: 'base64url',
        privateJwk: { kty: 'oct', k, kid, ...extra },
        label: `${bits}-bit shared key for ${alg}${info.key === 'dir' ? ` with ${enc}` : ''} (base64url)`,
      };
    }
    case 'password': {
      // 18 random bytes as base64url: 24 characters a person can copy, read as UTF-8 like any typed password.
      const password = base64urlEncode(crypto.getRandomValues(new Uint8Array(18)));
      const k = base64urlEncode(utf8Encode(password));
      const kid = await jwkThumbprint({ kty: 'oct', k });
      return {
        alg,
        kid,
        privateText: password,
        secretEncoding: 'utf8',
        privateJwk: { kty: 'oct', k, kid, ...extra },
        label: `random password for ${alg} (read as utf8)`,
      };
    }
    case 'RSA': {
      const modulusLength = options.modulusLength ?? 2048;
      const hash = alg === 'RSA-OAEP' ? 'SHA-1' : `SHA-${alg.slice(9)}`;
      const pair = (await crypto.subtle.generateKey(
        { name: 'RSA-OAEP', hash, modulusLength, publicExponent: Uint8Array.of(1, 0, 1) },
        true,
        ['encrypt', 'decrypt'],
      )) as CryptoKeyPair;
      const out = await exportPair(pair, extra);
      return {
        alg,
        kid: out.publicExport.kid,
        privateText: out.privateText,
        privateJwk: out.privateJwk,
        publicPem: out.publicExport.pem,
        publicJwk: out.publicExport.jwk,
        publicJwks: out.publicExport.jwks,
        label: `RSA ${modulusLength} key pair for ${alg}`,
      };
    }
    case 'ECDH': {
      const curve = options.curve ?? 'P-256';
      const params = curve === 'X25519' ? { name: 'X25519' } : { name: 'ECDH', namedCurve: curve };
      const pair = (await crypto.subtle.generateKey(params, true, ['deriveBits'])) as CryptoKeyPair;
      const out = await exportPair(pair, extra);
      const kind = keyKindText({ family: curve === 'X25519' ? 'OKP' : 'EC', curve });
      return {
        alg,
        kid: out.publicExport.kid,
        privateText: out.privateText,
        privateJwk: out.privateJwk,
        publicPem: out.publicExport.pem,
        publicJwk: out.publicExport.jwk,
        publicJwks: out.publicExport.jwks,
        label: `${kind} key pair for ${alg}`,
      };
    }
  }
}

/**
 * The public half of an encryption key (RSA, EC or X25519; private or public, PEM or JWK) as SPKI PEM, JWK with
 * "use": "enc", and JWKS, with an RFC 7638 kid. Throws KeyError (a shared key has no public half).
 */
export async function exportPublicEncryptionKey(input: KeyInput): Promise<PublicKeyExport> {
  const { detection, keys } = analyzeKey(input, 'enc');
  if (detection.kind === 'error') throw new KeyError(detection.code, detection.message);
  const [key] = keys;
  if (!key) throw new KeyError('empty', 'no key to export: paste an RSA, EC or X25519 key');
  const d = key.description;
  if (d.family === 'oct') {
    throw new KeyError('mismatch', 'a shared key has no public half: the same key encrypts and decrypts');
  }
  if (d.family !== 'RSA' && d.family !== 'EC' && !(d.family === 'OKP' && d.curve === 'X25519')) {
    throw new KeyError('mismatch', `${d.label} is not an encryption key (RSA, EC or X25519)`);
  }
  const params =
    d.family === 'RSA'
      ? { name: 'RSA-OAEP', hash: 'SHA-256' }
      : d.curve === 'X25519'
        ? { name: 'X25519' }
        : { name: 'ECDH', namedCurve: d.curve ?? '' };
  const privateUsages: KeyUsage[] = d.family === 'RSA' ? ['decrypt'] : ['deriveBits'];
  const publicUsages: KeyUsage[] = d.family === 'RSA' ? ['encrypt'] : [];
  try {
    let jwk: JWK;
    if (key.jwk) jwk = publicMembers(key.jwk);
    else if (key.der) {
      const bytes = new Uint8Array(key.der.bytes);
      const imported =
        key.der.format === 'pkcs8'
          ? await crypto.subtle.importKey('pkcs8', bytes, params, true, privateUsages)
          : await crypto.subtle.importKey('spki', bytes, params, true, publicUsages);
      jwk = publicMembers(await crypto.subtle.exportKey('jwk', imported));
    } else throw new KeyError('unsupported', 'this key has no key material to export');
    const clean = { ...jwk } as Record<string, unknown>;
    for (const m of ['use', 'kid', 'x5c', 'x5t', 'x5t#S256', 'x5u']) delete clean[m];
    const publicKey = await crypto.subtle.importKey('jwk', clean as JsonWebKey, params, true, publicUsages);
    const exported = publicMembers(await crypto.subtle.exportKey('jwk', publicKey));
    const kid = d.kid ?? (await jwkThumbprint(exported));
    const out: JWK = { ...exported, kid, ...(d.alg !== undefined ? { alg: d.alg } : {}), use: 'enc' };
    return {
      pem: toPem('PUBLIC KEY', await crypto.subtle.exportKey('spki', publicKey)),
      jwk: out,
      jwks: JSON.stringify({ keys: [out] }, null, 2),
      kid,
    };
  } catch (error) {
    if (error instanceof KeyError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new KeyError('unsupported', `the public half of this ${keyKindText(d)} key could not be exported: ${detail}`);
  }
}
