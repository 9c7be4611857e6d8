import { spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { detectKey } from '../../src/core/keys';
import { exportPublicKey, generateKey, jwkThumbprint, randomSecretText } from '../../src/core/keygen';
import { signToken } from '../../src/core/sign';
import { isAlgorithmAvailable, verifyToken } from '../../src/core/verify';

// jsonwebtoken (auth0's Node library) ships no types; only its verify is used here.
const jsonwebtoken = createRequire(import.meta.url)('jsonwebtoken') as {
  verify(token: string, secret: string, options: { algorithms: string[] }): unknown;
};
// PyJWT (Debian's python3-jwt, installed by .ci/run) verifies with the secret given as a str, as servers do.
const PYJWT_VERIFY = 'import sys, jwt; jwt.decode(sys.argv[1], sys.argv[2], algorithms=[sys.argv[3]]); print("ok")';

describe('generateKey', () => {
  it.each([
    ['RS256', 'RSA 2048 key pair for RS256', 'PEM private key (PKCS#8), RSA 2048'],
    ['PS384', 'RSA 2048 key pair for PS384', 'PEM private key (PKCS#8), RSA 2048'],
    ['ES256', 'EC P-256 key pair for ES256', 'PEM private key (PKCS#8), EC P-256'],
    ['ES384', 'EC P-384 key pair for ES384', 'PEM private key (PKCS#8), EC P-384'],
    ['ES512', 'EC P-521 key pair for ES512', 'PEM private key (PKCS#8), EC P-521'],
    ['EdDSA', 'OKP Ed25519 key pair for EdDSA', 'PEM private key (PKCS#8), OKP Ed25519'],
    ['Ed25519', 'OKP Ed25519 key pair for Ed25519', 'PEM private key (PKCS#8), OKP Ed25519'],
  ] as const)(
    'generates %s: PEM pair, JWK with RFC 7638 kid, JWKS; signs and verifies',
    async (alg, label, detected) => {
      const key = await generateKey(alg);
      expect(key.label).toBe(label);
      expect(detectKey({ text: key.privateText })).toMatchObject({ kind: 'key', label: detected });
      expect(key.publicJwk).toMatchObject({ alg, use: 'sig', kid: key.kid });
      expect(key.publicJwk).not.toHaveProperty('d');
      // The kid is the thumbprint node:crypto's own JWK export gives the same answer for.
      const nodeJwk = createPublicKey(key.publicPem!).export({ format: 'jwk' });
      expect(await jwkThumbprint(nodeJwk as never)).toBe(key.kid);
      expect(createPrivateKey(key.privateText).asymmetricKeyType).toBe(
        createPublicKey(key.publicPem!).asymmetricKeyType,
      );
      expect(JSON.parse(key.publicJwks!)).toEqual({ keys: [key.publicJwk] });
      const token = await signToken(JSON.stringify({ alg, kid: key.kid }), '{"sub":"k"}', { text: key.privateText });
      const result = await verifyToken(token, { text: key.publicJwks! });
      expect(result).toMatchObject({ signature: 'verified', kid: key.kid });
    },
  );

  it('generates RSA 3072 and 4096 on request', async () => {
    const key = await generateKey('RS512', { modulusLength: 3072 });
    expect(key.label).toBe('RSA 3072 key pair for RS512');
    expect(createPublicKey(key.publicPem!).asymmetricKeyDetails?.modulusLength).toBe(3072);
    const big = await generateKey('PS256', { modulusLength: 4096 });
    expect(createPrivateKey(big.privateText).asymmetricKeyDetails?.modulusLength).toBe(4096);
  }, 60_000);

  it.each([
    ['HS256', 32, 43],
    ['HS384', 48, 65],
    ['HS512', 64, 86],
  ] as const)(
    'generates a random %s secret of at least the hash size, used as the UTF-8 text it is',
    async (alg, bytes, length) => {
      const a = await generateKey(alg);
      const b = await generateKey(alg);
      expect(a.privateText).not.toBe(b.privateText);
      expect(a.privateText).toMatch(new RegExp(`^[A-Za-z0-9]{${length}}$`));
      expect(Buffer.byteLength(a.privateText, 'utf8')).toBeGreaterThanOrEqual(bytes);
      // log2(62) bits per character: at least the hash size in randomness.
      expect(a.privateText.length * Math.log2(62)).toBeGreaterThanOrEqual(bytes * 8);
      expect(a.label).toBe(`HMAC secret, ${length} characters (${bytes * 8} random bits)`);
      expect(a.kid).toBe(await jwkThumbprint({ kty: 'oct', k: Buffer.from(a.privateText).toString('base64url') }));
      const token = await signToken(JSON.stringify({ alg }), '{}', { text: a.privateText });
      // The default reading (utf8) verifies: no encoding to pick.
      expect((await verifyToken(token, { text: a.privateText })).signature).toBe('verified');
      // Libraries that take the secret as a string accept it as it stands: jsonwebtoken, and PyJWT.
      expect(() => jsonwebtoken.verify(token, a.privateText, { algorithms: [alg] })).not.toThrow();
      const run = spawnSync('/usr/bin/python3', ['-c', PYJWT_VERIFY, token, a.privateText, alg], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toBe('ok');
    },
  );

  it('draws every character of the alphabet with about the same frequency (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 200; i++) for (const ch of randomSecretText(512)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(62);
    const values = [...counts.values()];
    // 17,200 draws over 62 characters: about 277 each; a biased draw would skew the first 8 characters by ~25%.
    expect(Math.min(...values)).toBeGreaterThan(200);
    expect(Math.max(...values)).toBeLessThan(360);
  });

  it('generates ML-DSA where WebCrypto has it, and says so where it does not', async () => {
    if (await isAlgorithmAvailable('ML-DSA-44')) {
      const key = await generateKey('ML-DSA-44');
      expect(key.publicJwk).toMatchObject({ kty: 'AKP', alg: 'ML-DSA-44' });
    } else {
      await expect(generateKey('ML-DSA-44')).rejects.toMatchObject({
        code: 'unsupported',
        message: expect.stringContaining('not supported by this browser/runtime'),
      });
    }
  });
});

describe('jwkThumbprint', () => {
  it('matches RFC 7638 §3.1', async () => {
    const jwk = {
      kty: 'RSA',
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      e: 'AQAB',
      alg: 'RS256',
      kid: '2011-04-29',
    };
    expect(await jwkThumbprint(jwk)).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });
});

describe('exportPublicKey', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-521' });
  const ed = generateKeyPairSync('ed25519');

  it.each([
    ['PKCS#1 RSA', rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string, rsa.publicKey],
    ['SEC1 EC', ec.privateKey.export({ type: 'sec1', format: 'pem' }) as string, ec.publicKey],
    ['PKCS#8 Ed25519', ed.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, ed.publicKey],
    ['private JWK', JSON.stringify(ec.privateKey.export({ format: 'jwk' })), ec.publicKey],
    ['public SPKI', rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string, rsa.publicKey],
  ])('derives the public half of a %s key', async (_name, text, expected) => {
    const out = await exportPublicKey({ text });
    expect(out.pem).toBe(expected.export({ type: 'spki', format: 'pem' }));
    expect(out.jwk).toEqual({ ...expected.export({ format: 'jwk' }), kid: out.kid });
    expect(out.kid).toBe(await jwkThumbprint(expected.export({ format: 'jwk' }) as never));
    expect(JSON.parse(out.jwks)).toEqual({ keys: [out.jwk] });
  });

  it('keeps the kid, alg and use of a JWK', async () => {
    const text = JSON.stringify({ ...ec.privateKey.export({ format: 'jwk' }), kid: 'mine', alg: 'ES512', use: 'sig' });
    const out = await exportPublicKey({ text });
    expect(out.jwk).toMatchObject({ kid: 'mine', alg: 'ES512', use: 'sig' });
    expect(out.jwk).not.toHaveProperty('d');
  });

  it('refuses an HMAC secret: it has no public half', async () => {
    await expect(exportPublicKey({ text: 'secret' })).rejects.toMatchObject({ code: 'mismatch' });
  });
});
