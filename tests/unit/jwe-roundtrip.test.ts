// encryptToken then decryptToken, for every alg/enc pair the workbench supports, with the keys in every form
// the key box takes. Keys come from the jwcrypto fixtures (no RSA key generation at test time).
import { describe, expect, it } from 'vitest';
import {
  JWE_CONTENT_ENCRYPTIONS,
  JWE_KEY_ALGORITHMS,
  decryptToken,
  encryptToken,
  type JweContentEncryption,
  type JweKeyAlgorithm,
} from '../../src/core/jwe';
import { signToken } from '../../src/core/sign';
import { verifyToken } from '../../src/core/verify';
import { decodeToken } from '../../src/core/token';
import { keyPair } from '../fixtures/fixtures';
import { decryptionKeyText, encryptionKeyText, jwcrypto, type JwcryptoKey } from '../fixtures/jwe/fixtures';

const PLAINTEXT = '{"sub":"zoë","scope":"read write","exp":4102444800}';
const CURVES = ['P-256', 'P-384', 'P-521', 'X25519'] as const;
const ENC_BYTES: Record<JweContentEncryption, number> = {
  A128GCM: 16,
  A192GCM: 24,
  A256GCM: 32,
  'A128CBC-HS256': 32,
  'A192CBC-HS384': 48,
  'A256CBC-HS512': 64,
};

function keyFor(alg: JweKeyAlgorithm, enc: JweContentEncryption, curve = 'P-256'): JwcryptoKey {
  const keys = jwcrypto.keys;
  const pick = (id: string): JwcryptoKey => {
    const key = keys[id];
    if (!key) throw new Error(`no fixture key ${id}`);
    return key;
  };
  if (alg.startsWith('RSA-OAEP')) return pick('rsa');
  if (alg.startsWith('ECDH-ES')) return pick(curve);
  if (alg.startsWith('PBES2')) return pick('password');
  if (alg === 'dir') return pick(`oct-${ENC_BYTES[enc]}`);
  return pick(`oct-${Number(alg.slice(1, 4)) / 8}`);
}

const PAIRS = JWE_KEY_ALGORITHMS.filter((a) => !a.startsWith('ECDH')).flatMap((alg) =>
  JWE_CONTENT_ENCRYPTIONS.map((enc) => [alg, enc] as const),
);
const ECDH_PAIRS = JWE_KEY_ALGORITHMS.filter((a) => a.startsWith('ECDH')).flatMap((alg) =>
  JWE_CONTENT_ENCRYPTIONS.flatMap((enc) => CURVES.map((curve) => [alg, enc, curve] as const)),
);

async function roundTrip(alg: JweKeyAlgorithm, enc: JweContentEncryption, curve?: string) {
  const key = keyFor(alg, enc, curve);
  const made = await encryptToken(PLAINTEXT, JSON.stringify({ alg, enc }), encryptionKeyText(key));
  if (!made.ok) throw new Error(`${made.code}: ${made.message}`);
  expect(made.header).toMatchObject({ alg, enc });
  return { made, opened: await decryptToken(made.token, decryptionKeyText(key)) };
}

describe('every alg/enc pair round-trips (encryptToken, then decryptToken)', () => {
  it.each(PAIRS)('%s with %s', async (alg, enc) => {
    const { opened } = await roundTrip(alg, enc);
    expect(opened.state, opened.message).toBe('decrypted');
    expect(opened.plaintext).toBe(PLAINTEXT);
    expect(opened.payload).toEqual(JSON.parse(PLAINTEXT));
    expect(opened.alg).toBe(alg);
    expect(opened.enc).toBe(enc);
  });

  it.each(ECDH_PAIRS)('%s with %s on %s', async (alg, enc, curve) => {
    const { made, opened } = await roundTrip(alg, enc, curve);
    expect(made.header.epk).toMatchObject({ crv: curve });
    expect(opened.state, opened.message).toBe('decrypted');
    expect(opened.plaintext).toBe(PLAINTEXT);
  });

  it('the covered pairs are exactly 18 algs times 6 encs (ECDH-ES on four curves)', () => {
    expect(JWE_KEY_ALGORITHMS).toHaveLength(18);
    expect(JWE_CONTENT_ENCRYPTIONS).toHaveLength(6);
    expect(PAIRS.length + ECDH_PAIRS.length / CURVES.length).toBe(18 * 6);
  });
});

describe('the key box takes every key form', () => {
  const rsa = jwcrypto.keys.rsa as JwcryptoKey;
  const p256 = jwcrypto.keys['P-256'] as JwcryptoKey;
  const x25519 = jwcrypto.keys.X25519 as JwcryptoKey;
  const header = (alg: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ alg, enc: 'A256GCM', ...extra });

  it('encrypts to a public JWK and decrypts with the private JWK, the PKCS#1 PEM and the PKCS#8 PEM', async () => {
    const made = await encryptToken('hello', header('RSA-OAEP-256'), { text: JSON.stringify(rsa.publicJwk) });
    if (!made.ok) throw new Error(made.message);
    for (const text of [JSON.stringify(rsa.privateJwk), rsa.privatePkcs1Pem ?? '', rsa.privatePkcs8Pem ?? '']) {
      const opened = await decryptToken(made.token, { text });
      expect(opened.state, opened.message).toBe('decrypted');
      expect(opened.plaintext).toBe('hello');
    }
  });

  it('decrypts ECDH-ES with an EC key in SEC1 PEM and an X25519 key in PKCS#8 PEM and JWK', async () => {
    const ec = await encryptToken('hi', header('ECDH-ES'), { text: p256.publicSpkiPem ?? '' });
    const x = await encryptToken('hi', header('ECDH-ES+A128KW'), { text: JSON.stringify(x25519.publicJwk) });
    if (!ec.ok || !x.ok) throw new Error('encryption failed');
    expect((await decryptToken(ec.token, { text: p256.privateSec1Pem ?? '' })).plaintext).toBe('hi');
    expect((await decryptToken(x.token, { text: x25519.privatePkcs8Pem ?? '' })).plaintext).toBe('hi');
    expect((await decryptToken(x.token, { text: JSON.stringify(x25519.privateJwk) })).plaintext).toBe('hi');
  });

  it('encrypts to the public half when given a private key', async () => {
    const made = await encryptToken('hi', header('RSA-OAEP'), { text: rsa.privatePkcs8Pem ?? '' });
    if (!made.ok) throw new Error(made.message);
    expect((await decryptToken(made.token, { text: rsa.privatePkcs8Pem ?? '' })).state).toBe('decrypted');
  });

  it('encrypts to the JWKS entry named by the header kid, and decrypts with the JWKS entry named by the token kid', async () => {
    const publicSet = JSON.stringify({ keys: [p256.publicJwk, rsa.publicJwk, x25519.publicJwk] });
    const made = await encryptToken('hi', header('RSA-OAEP-256', { kid: rsa.kid }), { text: publicSet });
    if (!made.ok) throw new Error(made.message);
    expect(made.kid).toBe(rsa.kid);
    const privateSet = JSON.stringify({ keys: [p256.privateJwk, x25519.privateJwk, rsa.privateJwk] });
    const opened = await decryptToken(made.token, { text: privateSet });
    expect(opened.state, opened.message).toBe('decrypted');
    expect(opened.kid).toBe(rsa.kid);
    expect(opened.message).toContain(`kid '${rsa.kid}'`);
  });

  it('without a kid, tries every JWKS key that fits the alg', async () => {
    const made = await encryptToken('hi', header('ECDH-ES'), { text: x25519.publicSpkiPem ?? '' });
    if (!made.ok) throw new Error(made.message);
    const privateSet = JSON.stringify({ keys: [rsa.privateJwk, p256.privateJwk, x25519.privateJwk] });
    const opened = await decryptToken(made.token, { text: privateSet });
    expect(opened.state, opened.message).toBe('decrypted');
    expect(opened.kid).toBe(x25519.kid);
  });

  it.each(['utf8', 'base64url', 'base64', 'hex'] as const)('reads a shared key as %s', async (encoding) => {
    const bytes = Buffer.from('0123456789abcdef0123456789abcdef');
    const text = encoding === 'utf8' ? bytes.toString('utf8') : bytes.toString(encoding);
    const made = await encryptToken('hi', header('A256KW'), { text, secretEncoding: encoding });
    if (!made.ok) throw new Error(made.message);
    const jwk = JSON.stringify({ kty: 'oct', k: bytes.toString('base64url') });
    expect((await decryptToken(made.token, { text: jwk })).plaintext).toBe('hi');
    expect((await decryptToken(made.token, { text, secretEncoding: encoding })).plaintext).toBe('hi');
  });

  it('takes a PBES2 password as UTF-8 text, and as a JWK oct key holding its bytes', async () => {
    const password = 'correct horse – battery staple';
    const made = await encryptToken('hi', JSON.stringify({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }), {
      text: password,
    });
    if (!made.ok) throw new Error(made.message);
    expect(made.header.p2c).toBe(8192);
    expect(typeof made.header.p2s).toBe('string');
    expect((await decryptToken(made.token, { text: password })).plaintext).toBe('hi');
    const jwk = JSON.stringify({ kty: 'oct', k: Buffer.from(password).toString('base64url') });
    expect((await decryptToken(made.token, { text: jwk })).plaintext).toBe('hi');
  });

  it('honours a p2c and p2s written in the header', async () => {
    const p2s = Buffer.from('sixteen byte salt').toString('base64url');
    const made = await encryptToken(
      'hi',
      JSON.stringify({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', p2c: 2000, p2s }),
      {
        text: 'pw',
      },
    );
    if (!made.ok) throw new Error(made.message);
    expect(made.header).toMatchObject({ p2c: 2000, p2s });
    expect((await decryptToken(made.token, { text: 'pw' })).state).toBe('decrypted');
  });

  it('keeps every header member the user wrote, in order, and replaces computed ones with a note', async () => {
    const made = await encryptToken(
      'hi',
      JSON.stringify({ typ: 'JWT', alg: 'ECDH-ES+A256KW', enc: 'A128GCM', kid: 'k1', epk: { kty: 'EC' }, x: 1 }),
      { text: p256.publicSpkiPem ?? '' },
    );
    if (!made.ok) throw new Error(made.message);
    expect(Object.keys(made.header).slice(0, 5)).toEqual(['typ', 'alg', 'enc', 'kid', 'x']);
    expect(made.header.epk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(made.warnings.join(' ')).toMatch(/"epk" is computed/);
  });
});

describe('nested tokens, both ways', () => {
  const rsa = jwcrypto.keys.rsa as JwcryptoKey;
  const signer = keyPair('ec-p256');

  it('signs, encrypts with cty JWT added, decrypts, and the inner token verifies with the signing key', async () => {
    const signed = await signToken('{"alg":"ES256","typ":"JWT"}', '{"sub":"a","exp":4102444800}', {
      text: signer.privatePkcs8Pem,
    });
    const made = await encryptToken(signed, '{"alg":"RSA-OAEP-256","enc":"A256GCM"}', {
      text: rsa.publicSpkiPem ?? '',
    });
    if (!made.ok) throw new Error(made.message);
    expect(made.header.cty).toBe('JWT');
    expect(made.warnings.join(' ')).toMatch(/cty/);
    const opened = await decryptToken(made.token, { text: rsa.privatePkcs8Pem ?? '' });
    expect(opened.inner).toMatchObject({ token: signed, kind: 'jws', reason: 'cty', alg: 'ES256', unsecured: false });
    expect(opened.message).toMatch(/signed token \(JWS, alg ES256\)/);
    expect(decodeToken(opened.inner?.token ?? '').payload).toEqual({ sub: 'a', exp: 4102444800 });
    const inner = await verifyToken(opened.inner?.token ?? '', { text: signer.publicSpkiPem });
    expect(inner.signature).toBe('verified');
  });

  it('does not add cty when the header names one, or when asked not to', async () => {
    const signed = await signToken('{"alg":"HS256"}', '{}', { text: 'a-string-secret-at-least-256-bits-long' });
    const own = await encryptToken(signed, '{"alg":"dir","enc":"A128GCM","cty":"jwt"}', {
      text: 'AAAAAAAAAAAAAAAAAAAAAA',
      secretEncoding: 'base64url',
    });
    const off = await encryptToken(
      signed,
      '{"alg":"dir","enc":"A128GCM"}',
      { text: '0123456789abcdef' },
      { markNested: false },
    );
    expect(own.ok && own.header.cty).toBe('jwt');
    expect(off.ok && off.header.cty).toBeUndefined();
  });

  it('an inner unsecured token (alg none) is flagged', async () => {
    const unsecured = await signToken('{"alg":"none"}', '{"admin":true}', { text: '' }, { allowNone: true });
    const made = await encryptToken(unsecured, '{"alg":"A128KW","enc":"A128GCM"}', { text: '0123456789abcdef' });
    if (!made.ok) throw new Error(made.message);
    const opened = await decryptToken(made.token, { text: '0123456789abcdef' });
    expect(opened.inner?.unsecured).toBe(true);
    expect(opened.message).toMatch(/unsecured token/);
  });
});

describe('the key cache', () => {
  it('parses and imports the key box once while its text and encoding stay the same', async () => {
    const { analyzeJweKey, importJweKeyCached } = await import('../../src/core/jwe/key-cache');
    const rsa = jwcrypto.keys.rsa as JwcryptoKey;
    const input = { text: rsa.privatePkcs8Pem ?? '' };
    const analysis = analyzeJweKey(input);
    expect(analyzeJweKey({ ...input })).toBe(analysis);
    expect(analyzeJweKey({ ...input, secretEncoding: 'hex' })).not.toBe(analysis);
    const [key] = analysis.keys;
    if (!key) throw new Error('no key');
    const first = importJweKeyCached(input, key, 'RSA-OAEP-256', 'decrypt');
    expect(importJweKeyCached(input, key, 'RSA-OAEP-256', 'decrypt')).toBe(first);
    expect(importJweKeyCached(input, key, 'RSA-OAEP', 'decrypt')).not.toBe(first);
    expect((await first).ok).toBe(true);
  });
});
