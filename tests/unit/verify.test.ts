import { constants, createHmac, createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeToken } from '../../src/core/token';
import { isAlgorithmAvailable, verifyDecodedToken, verifyToken } from '../../src/core/verify';
import { keyPair } from '../fixtures/fixtures';

// Tokens are made with node:crypto, independently of the engine's own signToken.
const b64u = (data: string | Buffer) => Buffer.from(data).toString('base64url');

function token(header: object, payload: object | string, signer: (input: Buffer) => Buffer): string {
  const input = `${b64u(JSON.stringify(header))}.${b64u(typeof payload === 'string' ? payload : JSON.stringify(payload))}`;
  return `${input}.${b64u(signer(Buffer.from(input)))}`;
}

const hmac = (alg: string, secret: Buffer | string) => (input: Buffer) =>
  createHmac(`sha${alg.slice(2)}`, secret)
    .update(input)
    .digest();
const rsaSign =
  (key: KeyObject, hash = 'sha256', pss = false) =>
  (input: Buffer) =>
    sign(
      hash,
      input,
      pss ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(hash.slice(3)) / 8 } : key,
    );
const ecSign =
  (key: KeyObject, hash = 'sha256') =>
  (input: Buffer) =>
    sign(hash, input, { key, dsaEncoding: 'ieee-p1363' });
const edSign = (key: KeyObject) => (input: Buffer) => sign(null, input, key);

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsa2 = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 });
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const p521 = generateKeyPairSync('ec', { namedCurve: 'P-521' });
const ed = generateKeyPairSync('ed25519');
const spki = (k: KeyObject) => k.export({ type: 'spki', format: 'pem' }) as string;
const jwk = (k: KeyObject, extra: object = {}) => ({ ...k.export({ format: 'jwk' }), ...extra });

const NOW = Date.UTC(2026, 0, 1) / 1000;
const payload = { sub: 'u1', iat: NOW - 60, exp: NOW + 3600 };
const options = { now: NOW * 1000 };

describe('verifyToken: signatures', () => {
  it('says there is no signature to check in a token cut short, whatever the key', async () => {
    const whole = token({ alg: 'HS256', typ: 'JWT' }, payload, hmac('HS256', 'a-string-secret-at-least-256-bits-long'));
    const cut = whole.slice(0, whole.lastIndexOf('.'));
    const r = await verifyToken(cut, { text: 'a-string-secret-at-least-256-bits-long' }, options);
    expect(r).toMatchObject({ signature: 'error', code: 'token-partial', claims: 'valid' });
    expect(r.message).toBe('There is no signature to check: the token has no signature part (it was cut short).');
  });

  it('verifies HS256 with a utf8 secret', async () => {
    const t = token({ alg: 'HS256', typ: 'JWT' }, payload, hmac('HS256', 'a-string-secret-at-least-256-bits-long'));
    const r = await verifyToken(t, { text: 'a-string-secret-at-least-256-bits-long' }, options);
    expect(r).toMatchObject({ signature: 'verified', claims: 'valid', keyLabel: 'HMAC secret, 38 bytes (utf8)' });
    expect(r.message).toBe('Signature verified with HMAC secret, 38 bytes (utf8).');
  });

  it.each([
    ['RS256', rsaSign(rsa.privateKey), spki(rsa.publicKey)],
    ['RS512', rsaSign(rsa.privateKey, 'sha512'), rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }) as string],
    ['PS384', rsaSign(rsa.privateKey, 'sha384', true), JSON.stringify(jwk(rsa.publicKey))],
    ['ES256', ecSign(p256.privateKey), spki(p256.publicKey)],
    ['ES512', ecSign(p521.privateKey, 'sha512'), JSON.stringify(jwk(p521.publicKey))],
    ['EdDSA', edSign(ed.privateKey), spki(ed.publicKey)],
    ['Ed25519', edSign(ed.privateKey), JSON.stringify(jwk(ed.publicKey))],
  ])('verifies %s', async (alg, signer, key) => {
    const r = await verifyToken(token({ alg }, payload, signer), { text: key }, options);
    expect(r.signature).toBe('verified');
  });

  it('verifies with a private key by deriving its public half', async () => {
    const t = token({ alg: 'ES256' }, payload, ecSign(p256.privateKey));
    const r = await verifyToken(
      t,
      { text: p256.privateKey.export({ type: 'sec1', format: 'pem' }) as string },
      options,
    );
    expect(r.signature).toBe('verified');
    expect(r.message).toBe('Signature verified with the public half of PEM private key (SEC1), EC P-256.');
  });

  it('verifies with an X.509 certificate and names its subject', async () => {
    const k = keyPair('ec-p384');
    const t = token({ alg: 'ES384' }, payload, ecSign(createPrivateKey(k.privatePkcs8Pem), 'sha384'));
    const r = await verifyToken(t, { text: k.certPem ?? '' }, options);
    expect(r).toMatchObject({
      signature: 'verified',
      keyLabel: 'X.509 certificate (CN=JWT Workbench test EC P-384), EC P-384',
    });
  });

  it('reports a wrong key naming the key', async () => {
    const t = token({ alg: 'RS256' }, payload, rsaSign(rsa2.privateKey));
    const r = await verifyToken(t, { text: spki(rsa.publicKey) }, options);
    expect(r).toMatchObject({ signature: 'invalid', code: 'signature' });
    expect(r.message).toMatch(
      /^Signature does not match: the key is RSA 2048 but the token was signed with a different key/,
    );
  });

  it('reports a tampered payload as invalid', async () => {
    const t = token({ alg: 'ES256' }, payload, ecSign(p256.privateKey));
    const [h, , s] = t.split('.');
    const r = await verifyToken(
      `${h}.${b64u(JSON.stringify({ ...payload, sub: 'admin' }))}.${s}`,
      { text: spki(p256.publicKey) },
      options,
    );
    expect(r.signature).toBe('invalid');
  });

  it('says when an ES256 signature was left in DER form instead of R||S', async () => {
    const der = (input: Buffer) => sign('sha256', input, { key: p256.privateKey, dsaEncoding: 'der' });
    const r = await verifyToken(token({ alg: 'ES256' }, payload, der), { text: spki(p256.publicKey) }, options);
    expect(r.signature).toBe('invalid');
    expect(r.message).toContain('starts like a DER (ASN.1) sequence: ES256 needs the raw 64-byte R||S form');
  });

  it('says when an RSA signature does not have the key size', async () => {
    const short = (input: Buffer) => rsaSign(rsa.privateKey)(input).subarray(0, 200);
    const r = await verifyToken(token({ alg: 'RS256' }, payload, short), { text: spki(rsa.publicKey) }, options);
    expect(r.signature).toBe('invalid');
    expect(r.message).toContain('The signature is 200 bytes, but an RSA 2048 key makes 256-byte signatures');
  });

  it('adds no shape note to a well-formed signature by another key', async () => {
    const r = await verifyToken(token({ alg: 'ES256' }, payload, ecSign(p256.privateKey)), {
      text: spki(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey),
    });
    expect(r.signature).toBe('invalid');
    expect(r.message).not.toContain('The signature is');
  });

  it('explains a key that does not fit the algorithm', async () => {
    const t = token({ alg: 'RS256' }, payload, rsaSign(rsa.privateKey));
    const r = await verifyToken(t, { text: spki(p256.publicKey) }, options);
    expect(r).toMatchObject({
      signature: 'error',
      code: 'mismatch',
      message: 'This is an EC P-256 key; RS256 needs an RSA key.',
    });
  });

  it('never verifies alg none, whatever its case', async () => {
    for (const alg of ['none', 'None', 'NONE']) {
      const t = `${b64u(JSON.stringify({ alg }))}.${b64u(JSON.stringify(payload))}.`;
      const r = await verifyToken(t, { text: 'secret' }, options);
      expect(r).toMatchObject({ signature: 'invalid', code: 'alg-none' });
    }
  });

  it('verifies a legacy RSA-1024 token through WebCrypto, with a weak-key warning', async () => {
    for (const [alg, signer] of [
      ['RS256', rsaSign(rsa1024.privateKey)],
      ['PS256', rsaSign(rsa1024.privateKey, 'sha256', true)],
    ] as const) {
      const r = await verifyToken(token({ alg }, payload, signer), { text: spki(rsa1024.publicKey) }, options);
      expect(r).toMatchObject({ signature: 'verified', code: 'weak-rsa' });
      expect(r.message).toMatch(/RSA 1024, under the 2048 bits/);
    }
    const wrong = await verifyToken(
      token({ alg: 'RS256' }, payload, rsaSign(rsa.privateKey)),
      { text: spki(rsa1024.publicKey) },
      options,
    );
    expect(wrong.signature).toBe('invalid');
  });

  it('reports decode errors with the token error code', async () => {
    expect(await verifyToken('abc', { text: 'x' })).toMatchObject({
      signature: 'error',
      code: 'token-parts',
      claims: 'none',
    });
    expect(await verifyToken('', { text: 'x' })).toMatchObject({ signature: 'error', code: 'token-empty' });
  });

  it('asks for a key when none is given', async () => {
    const t = token({ alg: 'HS256' }, payload, hmac('HS256', 'k'));
    expect(await verifyToken(t, { text: '' }, options)).toMatchObject({ signature: 'error', code: 'empty' });
  });

  it('passes on key detection errors', async () => {
    const t = token({ alg: 'RS256' }, payload, rsaSign(rsa.privateKey));
    const r = await verifyToken(t, { text: '{"keys": []}' }, options);
    expect(r).toMatchObject({ signature: 'error', code: 'jwks-empty' });
  });

  it('says when the runtime lacks an algorithm (ML-DSA on Node 20)', async () => {
    const available = await isAlgorithmAvailable('ML-DSA-44');
    expect(await isAlgorithmAvailable('RS256')).toBe(true);
    expect(await isAlgorithmAvailable('Ed25519')).toBe(true);
    expect(await isAlgorithmAvailable('XX')).toBe(false);
    if (available) return;
    const t = `${b64u(JSON.stringify({ alg: 'ML-DSA-44' }))}.${b64u('{}')}.${b64u('sig')}`;
    const r = await verifyToken(t, { text: '{"kty":"AKP","alg":"ML-DSA-44","pub":"AAAA"}' }, options);
    expect(r).toMatchObject({ signature: 'error', code: 'unsupported' });
    expect(r.message).toContain('not supported by this browser/runtime');
  });
});

describe('verifyToken: secret encodings', () => {
  const secret = Buffer.from('3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhs', 'base64');
  const t = token({ alg: 'HS256' }, payload, hmac('HS256', secret));

  it('says which other reading of the secret verifies', async () => {
    const r = await verifyToken(t, { text: secret.toString('base64url') }, options);
    expect(r).toMatchObject({ signature: 'invalid', code: 'secret-encoding', matchingSecretEncoding: 'base64url' });
    expect(r.message).toMatch(/read as utf8.*read as base64url.*switch the secret encoding/);
  });

  it('verifies once the right reading is chosen', async () => {
    expect((await verifyToken(t, { text: secret.toString('hex'), secretEncoding: 'hex' }, options)).signature).toBe(
      'verified',
    );
    expect(
      (await verifyToken(t, { text: secret.toString('base64'), secretEncoding: 'base64' }, options)).signature,
    ).toBe('verified');
  });

  it('suggests a reading when the text is not valid in the chosen one', async () => {
    const r = await verifyToken(t, { text: secret.toString('base64url'), secretEncoding: 'hex' }, options);
    expect(r).toMatchObject({ code: 'secret-encoding', matchingSecretEncoding: 'base64url' });
  });

  it('says when spaces or a line break around the secret are the problem', async () => {
    const plain = token({ alg: 'HS256' }, payload, hmac('HS256', 'my-secret'));
    const r = await verifyToken(plain, { text: 'my-secret\n' }, options);
    expect(r).toMatchObject({ signature: 'invalid', code: 'secret-whitespace' });
    expect(r.message).toMatch(/without the spaces or line breaks/);
  });

  it('says plainly when no reading matches', async () => {
    const r = await verifyToken(t, { text: 'wrong' }, options);
    expect(r).toMatchObject({ signature: 'invalid', code: 'signature' });
    expect(r.matchingSecretEncoding).toBeUndefined();
  });
});

describe('verifyToken: JWKS', () => {
  const jwks = JSON.stringify({
    keys: [
      jwk(rsa2.publicKey, { kid: 'old', alg: 'RS256' }),
      jwk(rsa.publicKey, { kid: 'current' }),
      jwk(p256.publicKey, { kid: 'ec' }),
    ],
  });

  it('selects the key by kid and reports it', async () => {
    const r = await verifyToken(
      token({ alg: 'RS256', kid: 'current' }, payload, rsaSign(rsa.privateKey)),
      { text: jwks },
      options,
    );
    expect(r).toMatchObject({ signature: 'verified', kid: 'current' });
    expect(r.message).toContain("kid 'current'");
  });

  it('says when the key named by kid does not verify', async () => {
    const t = token({ alg: 'RS256', kid: 'old' }, payload, rsaSign(rsa.privateKey));
    const r = await verifyToken(t, { text: jwks }, options);
    expect(r).toMatchObject({ signature: 'invalid', code: 'signature' });
    expect(r.message).toBe(
      "Signature does not match: the key kid 'old' (RSA 2048) is not the one the token was signed with, or the token was modified.",
    );
  });

  it('names every key tried when none verifies a token without kid', async () => {
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const r = await verifyToken(token({ alg: 'ES256' }, payload, ecSign(stranger.privateKey)), { text: jwks }, options);
    expect(r.message).toBe("Signature does not match: none of the keys verified it; tried 1 key (kid 'ec', EC P-256).");
  });

  it('tries every compatible key when the token has no kid', async () => {
    const r = await verifyToken(token({ alg: 'RS256' }, payload, rsaSign(rsa.privateKey)), { text: jwks }, options);
    expect(r).toMatchObject({ signature: 'verified', kid: 'current' });
  });

  it('names the missing kid and how many keys were tried', async () => {
    const r = await verifyToken(
      token(
        { alg: 'RS256', kid: 'abc' },
        payload,
        rsaSign(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey),
      ),
      { text: jwks },
      options,
    );
    expect(r).toMatchObject({ signature: 'invalid', code: 'kid-not-found' });
    expect(r.message).toMatch(
      /kid 'abc' not in this JWKS, and no other key of it verifies the token either; tried 2 keys/,
    );
  });

  it('refuses a token whose kid the JWKS lacks, naming the key that would verify it (as jose and PyJWT do)', async () => {
    const r = await verifyToken(
      token({ alg: 'ES256', kid: 'nope' }, payload, ecSign(p256.privateKey)),
      { text: jwks },
      options,
    );
    expect(r).toMatchObject({ signature: 'invalid', code: 'kid-not-found' });
    expect(r.message).toMatch(/^kid 'nope' is not in this JWKS; key 'ec' would verify it if the token named it\./);
  });

  it('says when no key of the set fits the algorithm', async () => {
    const r = await verifyToken(token({ alg: 'EdDSA' }, payload, edSign(ed.privateKey)), { text: jwks }, options);
    expect(r).toMatchObject({ signature: 'error', code: 'mismatch' });
    expect(r.message).toMatch(/None of its 3 keys fits EdDSA/);
  });
});

describe('verifyToken: time claims after the signature', () => {
  it('reports "signature verified, but expired"', async () => {
    const t = token({ alg: 'HS256' }, { sub: 'x', exp: NOW - 180 }, hmac('HS256', 'k'));
    const r = await verifyToken(t, { text: 'k' }, options);
    expect(r).toMatchObject({ signature: 'verified', claims: 'expired' });
    expect(r.message).toMatch(/^Signature verified.* But /);
    expect(r.claimsMessage).toMatch(/3 minutes ago/);
  });

  it('honours the clock and leeway', async () => {
    const t = token({ alg: 'HS256' }, { nbf: NOW + 30, exp: NOW + 60 }, hmac('HS256', 'k'));
    expect((await verifyToken(t, { text: 'k' }, options)).claims).toBe('not-yet-valid');
    expect((await verifyToken(t, { text: 'k' }, { ...options, leewaySeconds: 60 })).claims).toBe('valid');
    expect((await verifyToken(t, { text: 'k' }, { now: (NOW + 120) * 1000 })).claims).toBe('expired');
  });

  it('honours a maximum age of iat', async () => {
    const t = token({ alg: 'HS256' }, { iat: NOW - 600, exp: NOW + 600 }, hmac('HS256', 'k'));
    const r = await verifyToken(t, { text: 'k' }, { ...options, maxAgeSeconds: 300 });
    expect(r).toMatchObject({ signature: 'verified', claims: 'expired' });
    expect(r.claimsMessage).toMatch(/maximum age of 300 s/);
    expect((await verifyToken(t, { text: 'k' }, { ...options, maxAgeSeconds: 900 })).claims).toBe('valid');
  });

  it('gives claims "none" without exp or nbf, and for a non-JSON payload', async () => {
    expect(
      (await verifyToken(token({ alg: 'HS256' }, { iat: NOW }, hmac('HS256', 'k')), { text: 'k' }, options)).claims,
    ).toBe('none');
    const text = await verifyToken(token({ alg: 'HS256' }, 'plain text', hmac('HS256', 'k')), { text: 'k' }, options);
    expect(text).toMatchObject({ signature: 'verified', claims: 'none' });
  });

  it('does not verify an embedded jwk header: only the key given is used', async () => {
    const attacker = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const t = token({ alg: 'ES256', jwk: jwk(attacker.publicKey) }, payload, ecSign(attacker.privateKey));
    expect((await verifyToken(t, { text: spki(p256.publicKey) }, options)).signature).toBe('invalid');
    expect((await verifyToken(t, { text: '' }, options)).signature).toBe('error');
  });
});

describe('verifyToken on arbitrary input', () => {
  it('never throws and always gives a verdict', async () => {
    const good = token({ alg: 'ES256', kid: 'x' }, payload, ecSign(p256.privateKey));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(good), fc.string(), fc.constant(`${good.slice(0, -3)}`)),
        fc.oneof(fc.string(), fc.json(), fc.constant(spki(p256.publicKey)), fc.constant('{"keys":[{"kty":"EC"}]}')),
        async (t, key) => {
          const r = await verifyToken(t, { text: key }, options);
          expect(['verified', 'invalid', 'error']).toContain(r.signature);
          expect(r.message.length).toBeGreaterThan(0);
          if (r.signature === 'verified') expect(t).toBe(good);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('verifyDecodedToken', () => {
  const secret = 'a-string-secret-at-least-256-bits-long';
  // A large claim set, as the Decode view holds it already decoded (1 MB payloads).
  const big = { ...payload, groups: Array.from({ length: 20_000 }, (_, i) => `group-${i}:read write`) };

  it('gives the verdict verifyToken gives, for the valid token and a tampered one', async () => {
    const valid = token({ alg: 'HS256', typ: 'JWT' }, big, hmac('HS256', secret));
    const [h, , s] = valid.split('.');
    const tampered = `${h}.${b64u(JSON.stringify({ ...big, sub: 'admin' }))}.${s}`;
    for (const t of [valid, tampered]) {
      const fromDecoded = await verifyDecodedToken(decodeToken(t), { text: secret }, options);
      expect(fromDecoded).toEqual(await verifyToken(t, { text: secret }, options));
    }
    expect((await verifyDecodedToken(decodeToken(valid), { text: secret }, options)).signature).toBe('verified');
    expect((await verifyDecodedToken(decodeToken(tampered), { text: secret }, options)).signature).toBe('invalid');
  });

  it('checks the time claims of the decoded payload', async () => {
    const expired = token({ alg: 'HS256' }, { ...payload, exp: NOW - 10 }, hmac('HS256', secret));
    const r = await verifyDecodedToken(decodeToken(expired), { text: secret }, options);
    expect(r).toMatchObject({ signature: 'verified', claims: 'expired' });
  });
});

describe('verifyToken: large tokens (checked with WebCrypto directly above 64 K characters)', () => {
  const big = { ...payload, groups: Array.from({ length: 3_000 }, (_, i) => `group-${i}:read write admin`) };
  const tamper = (t: string) => {
    const [h, , s] = t.split('.');
    return `${h}.${b64u(JSON.stringify({ ...big, sub: 'admin' }))}.${s}`;
  };

  it.each([
    ['HS256', hmac('HS256', 'a-string-secret-at-least-256-bits-long'), 'a-string-secret-at-least-256-bits-long'],
    ['HS512', hmac('HS512', 'a-string-secret-at-least-256-bits-long'), 'a-string-secret-at-least-256-bits-long'],
    ['RS256', rsaSign(rsa.privateKey), spki(rsa.publicKey)],
    ['PS384', rsaSign(rsa.privateKey, 'sha384', true), JSON.stringify(jwk(rsa.publicKey))],
    ['ES256', ecSign(p256.privateKey), spki(p256.publicKey)],
    ['ES512', ecSign(p521.privateKey, 'sha512'), JSON.stringify(jwk(p521.publicKey))],
    ['EdDSA', edSign(ed.privateKey), spki(ed.publicKey)],
  ])('verifies a %s token over 64 K characters, and finds its tampered copy invalid', async (alg, signer, key) => {
    const t = token({ alg }, big, signer);
    expect(t.length).toBeGreaterThan(64 * 1024);
    expect(await verifyToken(t, { text: key }, options)).toMatchObject({ signature: 'verified', claims: 'valid' });
    expect(await verifyToken(tamper(t), { text: key }, options)).toMatchObject({
      signature: 'invalid',
      code: 'signature',
    });
  });

  it('says so when the key is not the one a large token was signed with', async () => {
    const t = token({ alg: 'RS256' }, big, rsaSign(rsa.privateKey));
    expect((await verifyToken(t, { text: spki(rsa2.publicKey) }, options)).signature).toBe('invalid');
  });

  it('leaves a large token with crit to jose, which refuses an unknown critical member', async () => {
    const t = token({ alg: 'HS256', crit: ['exp-policy'], 'exp-policy': 1 }, big, hmac('HS256', 'k'.repeat(32)));
    expect(await verifyToken(t, { text: 'k'.repeat(32) }, options)).toMatchObject({
      signature: 'error',
      code: 'jws-invalid',
    });
  });
});
