// Encryption keys: generated keys work at once (the public half encrypts, the private half decrypts), the
// public half exports as PEM, JWK and JWKS, and the key reader reads keys for encryption.
import { describe, expect, it } from 'vitest';
import { KeyError } from '../../src/core/errors';
import {
  decryptToken,
  encryptToken,
  exportPublicEncryptionKey,
  generateEncryptionKey,
  type EncryptionCurve,
} from '../../src/core/jwe';
import { jwkThumbprint } from '../../src/core/keygen';
import { detectKey } from '../../src/core/keys';
import { keyPair } from '../fixtures/fixtures';
import { jwcrypto, type JwcryptoKey } from '../fixtures/jwe/fixtures';

async function works(
  alg: string,
  enc: string,
  publicText: string,
  privateText: string,
  encoding?: 'base64url' | 'utf8',
) {
  const made = await encryptToken('hi', JSON.stringify({ alg, enc }), {
    text: publicText,
    ...(encoding ? { secretEncoding: encoding } : {}),
  });
  if (!made.ok) throw new Error(made.message);
  return decryptToken(made.token, { text: privateText, ...(encoding ? { secretEncoding: encoding } : {}) });
}

describe('generateEncryptionKey', () => {
  it('RSA-OAEP-256: a 2048-bit pair whose public PEM, JWK and JWKS encrypt to the PKCS#8 private key', async () => {
    const key = await generateEncryptionKey('RSA-OAEP-256');
    expect(key.label).toBe('RSA 2048 key pair for RSA-OAEP-256');
    expect(key.privateText).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(key.publicJwk).toMatchObject({ kty: 'RSA', alg: 'RSA-OAEP-256', use: 'enc', kid: key.kid });
    expect(key.publicJwk?.d).toBeUndefined();
    expect(key.kid).toBe(await jwkThumbprint(key.publicJwk ?? {}));
    for (const text of [key.publicPem ?? '', JSON.stringify(key.publicJwk), key.publicJwks ?? '']) {
      expect((await works('RSA-OAEP-256', 'A256GCM', text, key.privateText)).plaintext).toBe('hi');
    }
    expect((await works('RSA-OAEP-256', 'A256GCM', key.publicPem ?? '', JSON.stringify(key.privateJwk))).state).toBe(
      'decrypted',
    );
  });

  it.each(['P-256', 'P-384', 'P-521', 'X25519'] as const)('ECDH-ES on %s', async (curve: EncryptionCurve) => {
    const key = await generateEncryptionKey('ECDH-ES', { curve });
    expect(key.publicJwk?.crv).toBe(curve);
    expect(key.label).toBe(`${curve === 'X25519' ? 'OKP' : 'EC'} ${curve} key pair for ECDH-ES`);
    expect((await works('ECDH-ES', 'A128GCM', key.publicPem ?? '', key.privateText)).plaintext).toBe('hi');
  });

  it('A256KW: a random 32-byte shared key as base64url, and as an oct JWK', async () => {
    const key = await generateEncryptionKey('A256KW');
    expect(key.secretEncoding).toBe('base64url');
    expect(Buffer.from(key.privateText, 'base64url')).toHaveLength(32);
    expect(key.privateJwk).toMatchObject({ kty: 'oct', k: key.privateText, alg: 'A256KW', use: 'enc' });
    expect((await works('A256KW', 'A256GCM', key.privateText, key.privateText, 'base64url')).plaintext).toBe('hi');
  });

  it.each([
    ['A128GCM', 16],
    ['A192GCM', 24],
    ['A256GCM', 32],
    ['A128CBC-HS256', 32],
    ['A192CBC-HS384', 48],
    ['A256CBC-HS512', 64],
  ] as const)('dir for %s: a %i-byte key', async (enc, bytes) => {
    const key = await generateEncryptionKey('dir', { enc });
    expect(key.enc).toBe(enc);
    expect(Buffer.from(key.privateText, 'base64url')).toHaveLength(bytes);
    expect((await works('dir', enc, key.privateText, key.privateText, 'base64url')).plaintext).toBe('hi');
  });

  it('PBES2: a random password read as UTF-8', async () => {
    const key = await generateEncryptionKey('PBES2-HS512+A256KW');
    expect(key.privateText).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(key.secretEncoding).toBe('utf8');
    expect((await works('PBES2-HS512+A256KW', 'A256GCM', key.privateText, key.privateText)).plaintext).toBe('hi');
  });
});

describe('exportPublicEncryptionKey', () => {
  it('exports the public half of RSA, EC and X25519 private keys with use enc', async () => {
    for (const id of ['rsa', 'P-384', 'X25519']) {
      const key = jwcrypto.keys[id] as JwcryptoKey;
      const exported = await exportPublicEncryptionKey({ text: key.privatePkcs8Pem ?? '' });
      expect(exported.pem).toBe(key.publicSpkiPem);
      const { kid: _kid, ...members } = key.publicJwk ?? {};
      expect(exported.jwk).toMatchObject({ ...members, use: 'enc' });
      expect(exported.jwk.d).toBeUndefined();
      expect(JSON.parse(exported.jwks)).toEqual({ keys: [exported.jwk] });
    }
  });

  it('keeps the kid a JWK has, and refuses a shared key', async () => {
    const key = jwcrypto.keys['P-256'] as JwcryptoKey;
    expect((await exportPublicEncryptionKey({ text: JSON.stringify(key.privateJwk) })).kid).toBe('ec-P-256');
    await expect(exportPublicEncryptionKey({ text: 'secret' })).rejects.toThrow(KeyError);
  });
});

describe('the key reader, reading for encryption', () => {
  it('accepts X25519 keys as PEM and JWK, which it refuses for signatures', () => {
    const key = jwcrypto.keys.X25519 as JwcryptoKey;
    for (const text of [key.privatePkcs8Pem ?? '', key.publicSpkiPem ?? '', JSON.stringify(key.privateJwk)]) {
      const forEnc = detectKey({ text }, 'enc');
      expect(forEnc.kind === 'key' && forEnc.key).toMatchObject({ family: 'OKP', curve: 'X25519' });
      expect(detectKey({ text }).kind).toBe('error');
    }
  });

  it('in a JWKS keeps the use enc keys and skips the signing keys', () => {
    const set = JSON.stringify({
      keys: [
        { ...(jwcrypto.keys.rsa as JwcryptoKey).publicJwk, use: 'enc' },
        { ...JSON.parse(JSON.stringify(keyPair('ec-p256').publicJwk)), use: 'sig' },
        { kty: 'oct', k: 'AAAAAAAAAAAAAAAAAAAAAA', alg: 'HS256' },
      ],
    });
    const forEnc = detectKey({ text: set }, 'enc');
    expect(forEnc.kind === 'jwks' && forEnc.keys.length).toBe(1);
    expect(forEnc.kind === 'jwks' && forEnc.skipped.map((s) => s.reason)).toEqual([
      '"use": "sig": a signing key, not an encryption key',
      '"alg": "HS256" is not an encryption algorithm',
    ]);
    const forSig = detectKey({ text: set });
    expect(forSig.kind === 'jwks' && forSig.keys.length).toBe(2);
  });
});
