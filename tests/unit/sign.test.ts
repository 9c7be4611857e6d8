import { createPublicKey, generateKeyPairSync, verify as nodeVerify, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyError, SignError } from '../../src/core/errors';
import { signToken } from '../../src/core/sign';
import { verifyToken } from '../../src/core/verify';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ed = generateKeyPairSync('ed25519');
const pkcs1 = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
const sec1 = p256.privateKey.export({ type: 'sec1', format: 'pem' }) as string;
const part = (token: string, i: number) => Buffer.from(token.split('.')[i] ?? '', 'base64url').toString('utf8');

describe('signToken', () => {
  it('keeps every header member the user wrote, in order', async () => {
    const header = '{"alg":"HS256","typ":"at+jwt","kid":"k-1","x-custom":{"a":[1,2]}}';
    const token = await signToken(header, '{"sub":"1"}', { text: 'secret' });
    expect(part(token, 0)).toBe(header);
  });

  it('signs the payload text exactly as typed (whitespace and CRLF kept)', async () => {
    const payload = '{\r\n  "sub": "1",\n  "n": 1.0\n}';
    const token = await signToken('{"alg":"HS256"}', payload, { text: 'secret' });
    expect(part(token, 1)).toBe(payload);
    const input = token.split('.').slice(0, 2).join('.');
    expect(token.split('.')[2]).toBe(createHmac('sha256', 'secret').update(input).digest('base64url'));
  });

  it('signs a payload that is not JSON', async () => {
    const token = await signToken('{"alg":"HS256"}', 'just some text', { text: 'secret' });
    expect(part(token, 1)).toBe('just some text');
  });

  it('produces signatures node:crypto accepts (PKCS#1 RSA, SEC1 EC, Ed25519 PEM)', async () => {
    const rs = await signToken('{"alg":"RS256"}', '{}', { text: pkcs1 });
    const [h, p, s] = rs.split('.');
    expect(nodeVerify('sha256', Buffer.from(`${h}.${p}`), rsa.publicKey, Buffer.from(s!, 'base64url'))).toBe(true);
    const es = await signToken('{"alg":"ES256"}', '{}', { text: sec1 });
    const [eh, ep, esig] = es.split('.');
    expect(
      nodeVerify(
        'sha256',
        Buffer.from(`${eh}.${ep}`),
        { key: createPublicKey(p256.privateKey), dsaEncoding: 'ieee-p1363' },
        Buffer.from(esig!, 'base64url'),
      ),
    ).toBe(true);
    const eddsa = await signToken('{"alg":"EdDSA"}', '{}', {
      text: ed.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    });
    const [dh, dp, ds] = eddsa.split('.');
    expect(nodeVerify(null, Buffer.from(`${dh}.${dp}`), ed.publicKey, Buffer.from(ds!, 'base64url'))).toBe(true);
  });

  it.each(['HS384', 'HS512', 'RS384', 'PS256', 'PS512', 'ES256', 'Ed25519'])(
    'round-trips %s through verifyToken',
    async (alg) => {
      const keys: Record<string, [string, string]> = {
        HS: ['s3cr3t', 's3cr3t'],
        RS: [pkcs1, rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string],
        PS: [
          JSON.stringify(rsa.privateKey.export({ format: 'jwk' })),
          JSON.stringify(rsa.publicKey.export({ format: 'jwk' })),
        ],
        ES: [sec1, p256.publicKey.export({ type: 'spki', format: 'pem' }) as string],
        Ed: [
          JSON.stringify(ed.privateKey.export({ format: 'jwk' })),
          ed.publicKey.export({ type: 'spki', format: 'pem' }) as string,
        ],
      };
      const [signWith, verifyWith] = keys[alg.slice(0, 2)]!;
      const token = await signToken(JSON.stringify({ alg }), '{"sub":"x"}', { text: signWith });
      expect((await verifyToken(token, { text: verifyWith })).signature).toBe('verified');
    },
  );

  it('uses the JWKS key named by the header kid', async () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwks = JSON.stringify({
      keys: [
        { ...other.privateKey.export({ format: 'jwk' }), kid: 'a' },
        { ...p256.privateKey.export({ format: 'jwk' }), kid: 'b' },
      ],
    });
    const token = await signToken('{"alg":"ES256","kid":"b"}', '{}', { text: jwks });
    const result = await verifyToken(token, { text: p256.publicKey.export({ type: 'spki', format: 'pem' }) as string });
    expect(result.signature).toBe('verified');
  });

  it('reports header and payload JSON errors with position', async () => {
    const bad = signToken('{"alg":"HS256",\n  "typ": }', '{}', { text: 's' });
    await expect(bad).rejects.toBeInstanceOf(SignError);
    await expect(bad).rejects.toMatchObject({ code: 'header-json', line: 2, offset: 25 });
    await expect(bad).rejects.toThrow(/line 2, column 10/);
    await expect(signToken('{"alg":"HS256"}', '{"sub": 1,}', { text: 's' })).rejects.toMatchObject({
      code: 'payload-json',
      offset: 10,
    });
    await expect(signToken('[1, 2]', '{}', { text: 's' })).rejects.toMatchObject({ code: 'header-json' });
    await expect(signToken('{"alg":"HS256","alg":"none"}', '{}', { text: 's' })).rejects.toMatchObject({
      code: 'header-duplicate',
    });
  });

  it('requires a known alg', async () => {
    await expect(signToken('{"typ":"JWT"}', '{}', { text: 's' })).rejects.toMatchObject({ code: 'alg-missing' });
    await expect(signToken('{"alg":256}', '{}', { text: 's' })).rejects.toMatchObject({ code: 'alg-missing' });
    await expect(signToken('{"alg":"HS999"}', '{}', { text: 's' })).rejects.toMatchObject({ code: 'alg-unknown' });
  });

  it('produces an unsecured token only when asked', async () => {
    await expect(signToken('{"alg":"none"}', '{"a":1}', { text: '' })).rejects.toMatchObject({ code: 'alg-none' });
    const token = await signToken('{"alg":"none","typ":"JWT"}', '{"a":1}', { text: '' }, { allowNone: true });
    expect(token).toBe(
      `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"a":1}').toString('base64url')}.`,
    );
  });

  it('throws KeyErrors for a missing, wrong or public key', async () => {
    await expect(signToken('{"alg":"HS256"}', '{}', { text: '' })).rejects.toMatchObject({ code: 'empty' });
    const mismatch = signToken('{"alg":"RS256"}', '{}', { text: sec1 });
    await expect(mismatch).rejects.toBeInstanceOf(KeyError);
    await expect(mismatch).rejects.toMatchObject({
      code: 'mismatch',
      message: 'this is an EC P-256 key; RS256 needs an RSA key',
    });
    const pub = p256.publicKey.export({ type: 'spki', format: 'pem' }) as string;
    await expect(signToken('{"alg":"ES256"}', '{}', { text: pub })).rejects.toMatchObject({
      code: 'public-for-signing',
    });
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string;
    await expect(signToken('{"alg":"RS256"}', '{}', { text: weak })).rejects.toMatchObject({ code: 'weak-rsa' });
  });

  it('signs with a crit header whose members are present', async () => {
    const token = await signToken('{"alg":"HS256","crit":["exp"],"exp":1}', '{}', { text: 's' });
    expect(JSON.parse(part(token, 0))).toEqual({ alg: 'HS256', crit: ['exp'], exp: 1 });
    await expect(signToken('{"alg":"HS256","crit":["nope"]}', '{}', { text: 's' })).rejects.toMatchObject({
      code: 'jose',
    });
  });
});
