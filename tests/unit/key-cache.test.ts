import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKeyCache, sharedKeyCache } from '../../src/core/keys';
import { KeyError } from '../../src/core/errors';
import { decodeToken } from '../../src/core/token';
import { verifyDecodedToken, verifyToken } from '../../src/core/verify';
import { signToken } from '../../src/core/sign';

// Tokens are made with node:crypto, independently of the engine.
const b64u = (data: string | Buffer) => Buffer.from(data).toString('base64url');
const input = (alg: string) => `${b64u(JSON.stringify({ alg, typ: 'JWT' }))}.${b64u(JSON.stringify({ sub: 'cache' }))}`;
const hs256 = (secret: string | Buffer) => {
  const signed = input('HS256');
  return `${signed}.${b64u(createHmac('sha256', secret).update(signed).digest())}`;
};
const rs256 = (key: KeyObject) => {
  const signed = input('RS256');
  return `${signed}.${b64u(sign('sha256', Buffer.from(signed), key))}`;
};
const spki = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }) as string;

const rsaA = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsaB = generateKeyPairSync('rsa', { modulusLength: 2048 });
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });

afterEach(() => {
  vi.restoreAllMocks();
});

function firstKey(cache: ReturnType<typeof createKeyCache>, text: string, secretEncoding?: 'utf8' | 'base64url') {
  const key = cache.analyze({ text, secretEncoding }).keys[0];
  if (!key) throw new Error(`no key in ${text}`);
  return key;
}

describe('createKeyCache', () => {
  it('parses and imports a key once while its text, encoding and alg stay the same', async () => {
    const cache = createKeyCache();
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    const text = spki(rsaA.publicKey);
    const key = firstKey(cache, text);
    expect(cache.analyze({ text })).toBe(cache.analyze({ text }));
    const first = cache.importKey({ text }, key, 'RS256', 'verify');
    const second = cache.importKey({ text }, firstKey(cache, text), 'RS256', 'verify');
    expect(second).toBe(first);
    expect(await first).toBeInstanceOf(CryptoKey);
    expect(importKey).toHaveBeenCalledTimes(1);
  });

  it('imports again when the key text changes', async () => {
    const cache = createKeyCache();
    const a = spki(rsaA.publicKey);
    const b = spki(rsaB.publicKey);
    const keyA = await cache.importKey({ text: a }, firstKey(cache, a), 'RS256', 'verify');
    const keyB = await cache.importKey({ text: b }, firstKey(cache, b), 'RS256', 'verify');
    expect(keyB).not.toBe(keyA);
    expect(cache.size).toBe(2);
  });

  it('imports again when the secret encoding changes', async () => {
    const cache = createKeyCache();
    const text = 'c2VjcmV0LXRoYXQtaXMtbG9uZy1lbm91Z2gtZm9yLWhzMjU2';
    const asText = firstKey(cache, text, 'utf8');
    const asBase64url = firstKey(cache, text, 'base64url');
    expect(asBase64url).not.toBe(asText);
    expect(asText.secret).toEqual(new TextEncoder().encode(text));
    expect(asBase64url.secret).toEqual(new Uint8Array(Buffer.from(text, 'base64url')));
    const utf8Key = await cache.importKey({ text, secretEncoding: 'utf8' }, asText, 'HS256', 'verify');
    const b64Key = await cache.importKey({ text, secretEncoding: 'base64url' }, asBase64url, 'HS256', 'verify');
    expect(b64Key).not.toBe(utf8Key);
  });

  it('imports again for another alg, and for signing rather than verifying', async () => {
    const cache = createKeyCache();
    const text = rsaA.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const key = firstKey(cache, text);
    const rs = (await cache.importKey({ text }, key, 'RS256', 'verify')) as CryptoKey;
    const ps = (await cache.importKey({ text }, key, 'PS256', 'verify')) as CryptoKey;
    const signing = (await cache.importKey({ text }, key, 'RS256', 'sign')) as CryptoKey;
    expect(rs.algorithm.name).toBe('RSASSA-PKCS1-v1_5');
    expect(ps.algorithm.name).toBe('RSA-PSS');
    expect(rs.type).toBe('public');
    expect(signing.type).toBe('private');
    expect(signing.usages).toEqual(['sign']);
  });

  it('hands HMAC secrets over as CryptoKeys for the alg', async () => {
    const cache = createKeyCache();
    const text = 'a-secret-that-is-at-least-32-bytes-long';
    const key = (await cache.importKey({ text }, firstKey(cache, text), 'HS384', 'verify')) as CryptoKey;
    expect(key).toBeInstanceOf(CryptoKey);
    expect(key.algorithm).toMatchObject({ name: 'HMAC', hash: { name: 'SHA-384' } });
  });

  it('keeps at most `limit` key texts, dropping the least recently used', () => {
    const cache = createKeyCache(2);
    const a = cache.analyze({ text: 'secret-a' });
    cache.analyze({ text: 'secret-b' });
    expect(cache.analyze({ text: 'secret-a' })).toBe(a);
    cache.analyze({ text: 'secret-c' });
    expect(cache.size).toBe(2);
    expect(cache.analyze({ text: 'secret-a' })).toBe(a);
    const b = cache.analyze({ text: 'secret-b' });
    expect(cache.analyze({ text: 'secret-b' })).toBe(b);
    expect(cache.size).toBe(2);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.analyze({ text: 'secret-a' })).not.toBe(a);
  });

  it('keeps a failed import, which fails the same way again', async () => {
    const cache = createKeyCache();
    const text = spki(p256.publicKey);
    const key = firstKey(cache, text);
    const first = cache.importKey({ text }, key, 'RS256', 'verify');
    await expect(first).rejects.toBeInstanceOf(KeyError);
    await expect(first).rejects.toMatchObject({ code: 'mismatch' });
    expect(cache.importKey({ text }, key, 'RS256', 'verify')).toBe(first);
  });

  it('imports a key from elsewhere without keeping it', async () => {
    const cache = createKeyCache();
    const text = spki(rsaA.publicKey);
    const stranger = createKeyCache().analyze({ text }).keys[0];
    if (!stranger) throw new Error('no key');
    const first = cache.importKey({ text }, stranger, 'RS256', 'verify');
    expect(cache.importKey({ text }, stranger, 'RS256', 'verify')).not.toBe(first);
    expect(await first).toBeInstanceOf(CryptoKey);
  });
});

describe('the cache verifyToken and signToken share', () => {
  it('does not import the key again when the same key verifies the next token', async () => {
    const text = spki(rsaB.publicKey);
    expect((await verifyToken(rs256(rsaB.privateKey), { text })).signature).toBe('verified');
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    // A character in the middle of the signature: the last one of 342 carries 4 padding bits, so changing
    // it between 'A'..'P' changed no byte and the "tampered" token still verified (1 run in 4).
    const token = rs256(rsaB.privateKey);
    const at = token.lastIndexOf('.') + 100;
    const tampered = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
    expect((await verifyToken(tampered, { text })).signature).toBe('invalid');
    expect((await verifyToken(rs256(rsaB.privateKey), { text })).signature).toBe('verified');
    expect(importKey).not.toHaveBeenCalled();
  });

  it("never verifies a token with another key's cached import", async () => {
    const a = spki(rsaA.publicKey);
    const b = spki(rsaB.publicKey);
    const tokenA = rs256(rsaA.privateKey);
    const tokenB = rs256(rsaB.privateKey);
    for (let round = 0; round < 2; round += 1) {
      expect((await verifyToken(tokenA, { text: a })).signature).toBe('verified');
      expect((await verifyToken(tokenB, { text: a })).signature).toBe('invalid');
      expect((await verifyToken(tokenB, { text: b })).signature).toBe('verified');
      expect((await verifyToken(tokenA, { text: b })).signature).toBe('invalid');
    }
  });

  it('never verifies with a secret that differs by one character or by its encoding', async () => {
    const secret = 'c2VjcmV0LXRoYXQtaXMtbG9uZy1lbm91Z2gtZm9yLWhzMjU2';
    const token = hs256(secret);
    expect((await verifyToken(token, { text: secret })).signature).toBe('verified');
    expect((await verifyToken(token, { text: `${secret}x` })).signature).toBe('invalid');
    const asBase64url = await verifyToken(token, { text: secret, secretEncoding: 'base64url' });
    expect(asBase64url.signature).toBe('invalid');
    expect(asBase64url.matchingSecretEncoding).toBe('utf8');
    expect((await verifyToken(token, { text: secret })).signature).toBe('verified');
  });

  it('signs with the cached key what verifies with the public key', async () => {
    const text = rsaA.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const first = await signToken('{"alg":"RS256"}', '{"n":1}', { text });
    const second = await signToken('{"alg":"RS256"}', '{"n":2}', { text });
    for (const token of [first, second]) {
      expect((await verifyToken(token, { text: spki(rsaA.publicKey) })).signature).toBe('verified');
      expect((await verifyToken(token, { text: spki(rsaB.publicKey) })).signature).toBe('invalid');
    }
    expect(sharedKeyCache.size).toBeGreaterThan(0);
  });

  it('verifyDecodedToken gives the verdict verifyToken gives', async () => {
    const token = rs256(rsaA.privateKey);
    for (const text of [spki(rsaA.publicKey), spki(rsaB.publicKey), spki(p256.publicKey)]) {
      expect(await verifyDecodedToken(decodeToken(token), { text })).toEqual(await verifyToken(token, { text }));
    }
  });
});
