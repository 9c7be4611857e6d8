// Wrong keys, tampering and hostile headers: each gives its state, its code and words, and nothing throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JWE_ERROR_CODES, decryptToken, encryptToken, type DecryptResult } from '../../src/core/jwe';
import { keyPair } from '../fixtures/fixtures';
import { jwcrypto, type JwcryptoKey } from '../fixtures/jwe/fixtures';

const b64 = (value: string | Uint8Array): string => Buffer.from(value).toString('base64url');
const rsa = jwcrypto.keys.rsa as JwcryptoKey;
const p256 = jwcrypto.keys['P-256'] as JwcryptoKey;
const p384 = jwcrypto.keys['P-384'] as JwcryptoKey;
const OCT16 = '0123456789abcdef';

async function make(header: Record<string, unknown>, text: string, plaintext = '{"sub":"a"}'): Promise<string> {
  const made = await encryptToken(plaintext, JSON.stringify(header), { text });
  if (!made.ok) throw new Error(made.message);
  return made.token;
}

/** The token with its protected header replaced (the rest kept, so only the header is hostile). */
function withHeader(token: string, header: unknown): string {
  return [b64(JSON.stringify(header)), ...token.split('.').slice(1)].join('.');
}

function expectVerdict(result: DecryptResult, state: DecryptResult['state'], code: string, words: RegExp): void {
  expect(result.state, result.message).toBe(state);
  expect(result.code, result.message).toBe(code);
  expect(result.message).toMatch(words);
  expect(JWE_ERROR_CODES).toContain(result.code);
}

describe('the key: no key, wrong key, wrong kind of key', () => {
  it('no key: state no-key, and says which key to paste', async () => {
    const token = await make({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }, rsa.publicSpkiPem ?? '');
    const result = await decryptToken(token, { text: '  ' });
    expectVerdict(result, 'no-key', 'key-empty', /^No key: paste an RSA key \(the recipient's private key/);
    expect(result.header).toEqual({ alg: 'RSA-OAEP-256', enc: 'A256GCM' });
  });

  it('a public key: "the key is a public key; decryption needs the private key"', async () => {
    const token = await make({ alg: 'RSA-OAEP', enc: 'A128GCM' }, rsa.publicSpkiPem ?? '');
    for (const text of [rsa.publicSpkiPem ?? '', JSON.stringify(rsa.publicJwk)]) {
      const result = await decryptToken(token, { text });
      expectVerdict(result, 'error', 'key-public', /the key is a public key .*; decryption needs the private key/i);
    }
    const ecdh = await make({ alg: 'ECDH-ES', enc: 'A128GCM' }, p256.publicSpkiPem ?? '');
    expectVerdict(await decryptToken(ecdh, { text: p256.publicSpkiPem ?? '' }), 'error', 'key-public', /private key/);
  });

  it('another RSA key: failed, "authentication tag does not match: the token was changed or the key is wrong"', async () => {
    const token = await make({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }, rsa.publicSpkiPem ?? '');
    const result = await decryptToken(token, { text: keyPair('rsa-2048').privatePkcs8Pem });
    expectVerdict(
      result,
      'failed',
      'decryption-failed',
      /^Authentication tag does not match: the token was changed or the key is wrong/,
    );
  });

  it('an RSA key for an ECDH-ES token: "this key is RSA … but the token\'s alg … needs an EC key"', async () => {
    const token = await make({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM' }, p256.publicSpkiPem ?? '');
    const result = await decryptToken(token, { text: rsa.privatePkcs8Pem ?? '' });
    expectVerdict(
      result,
      'error',
      'key-type',
      /^This key is an RSA 2048 private key, but the token's alg ECDH-ES\+A256KW needs an EC key \(P-256, P-384 or P-521\) or an X25519 key/,
    );
  });

  it('an EC key for an RSA-OAEP token, and a shared secret for RSA-OAEP', async () => {
    const token = await make({ alg: 'RSA-OAEP', enc: 'A256GCM' }, rsa.publicSpkiPem ?? '');
    expectVerdict(
      await decryptToken(token, { text: p256.privatePkcs8Pem ?? '' }),
      'error',
      'key-type',
      /EC P-256 private key, but .* needs an RSA key/,
    );
    expectVerdict(
      await decryptToken(token, { text: 'hunter2' }),
      'error',
      'key-type',
      /shared secret of 7 bytes .* needs an RSA key/,
    );
  });

  it('an Ed25519 key for ECDH-ES says it only signs', async () => {
    const token = await make({ alg: 'ECDH-ES', enc: 'A256GCM' }, p256.publicSpkiPem ?? '');
    const result = await decryptToken(token, { text: keyPair('ed25519').privatePkcs8Pem });
    expectVerdict(result, 'error', 'key-type', /Ed25519 key, which only signs/);
  });

  it("an EC key on another curve than the token's epk", async () => {
    const token = await make({ alg: 'ECDH-ES', enc: 'A256GCM' }, p256.publicSpkiPem ?? '');
    const result = await decryptToken(token, { text: p384.privatePkcs8Pem ?? '' });
    expectVerdict(result, 'error', 'key-curve', /ephemeral key \(epk\) is on P-256, but this key is on P-384/);
  });

  it('a shared key of the wrong size for A256KW and for dir', async () => {
    const kw = await make({ alg: 'A256KW', enc: 'A128GCM' }, '0123456789abcdef0123456789abcdef');
    expectVerdict(
      await decryptToken(kw, { text: OCT16 }),
      'error',
      'key-size',
      /^The key must be 32 bytes \(256 bits\) for A256KW; this one is 16 bytes/,
    );
    const dir = await make({ alg: 'dir', enc: 'A256CBC-HS512' }, 'x'.repeat(64));
    expectVerdict(
      await decryptToken(dir, { text: 'x'.repeat(32) }),
      'error',
      'key-size',
      /key must be 64 bytes \(512 bits\) for dir with A256CBC-HS512; this one is 32 bytes/,
    );
  });

  it('a shared key whose size is right under another encoding says which encoding', async () => {
    const secret = new Uint8Array(32).fill(7);
    const made = await encryptToken('hi', '{"alg":"dir","enc":"A256GCM"}', {
      text: b64(secret),
      secretEncoding: 'base64url',
    });
    if (!made.ok) throw new Error(made.message);
    const result = await decryptToken(made.token, { text: b64(secret) });
    expectVerdict(
      result,
      'error',
      'key-size',
      /read as base64url it is 32 bytes: switch the secret encoding to base64url/,
    );
    expect(result.matchingSecretEncoding).toBe('base64url');
  });

  it('a password typed in the wrong encoding: failed, and the encoding that works is named', async () => {
    const made = await encryptToken('hi', '{"alg":"PBES2-HS256+A128KW","enc":"A128GCM"}', {
      text: 'c2VjcmV0',
      secretEncoding: 'base64url',
    });
    if (!made.ok) throw new Error(made.message);
    const result = await decryptToken(made.token, { text: 'c2VjcmV0' });
    expectVerdict(result, 'failed', 'secret-encoding', /but it does when the secret is read as base64url/);
    expect(result.matchingSecretEncoding).toBe('base64url');
  });

  it('a JWK that declares another alg', async () => {
    const token = await make({ alg: 'A128KW', enc: 'A128GCM' }, OCT16);
    const result = await decryptToken(token, { text: JSON.stringify({ kty: 'oct', alg: 'A128GCMKW', k: b64(OCT16) }) });
    expectVerdict(result, 'error', 'key-alg', /declares "alg": "A128GCMKW", so it may not be used with A128KW/);
  });

  it('an RSA key under 2048 bits: jose refuses it, and the message says so', async () => {
    const token = await make({ alg: 'RSA-OAEP', enc: 'A128GCM' }, rsa.publicSpkiPem ?? '');
    const result = await decryptToken(token, { text: keyPair('rsa-1024-legacy').privatePkcs8Pem });
    expectVerdict(result, 'error', 'key-weak-rsa', /RSA 1024; jose refuses RSA keys under 2048 bits/);
  });

  it('a JWKS whose keys do not fit, with and without the token kid', async () => {
    const token = await make({ alg: 'A128KW', enc: 'A128GCM', kid: 'wanted' }, OCT16);
    const set = JSON.stringify({ keys: [rsa.privateJwk, p256.privateJwk] });
    expectVerdict(
      await decryptToken(token, { text: set }),
      'error',
      'kid-not-found',
      /^The token's kid 'wanted' is not in this JWKS, and none of its 2 keys fits A128KW/,
    );
    const wrong = JSON.stringify({ keys: [{ kty: 'oct', kid: 'other', k: b64('fedcba9876543210') }] });
    expectVerdict(
      await decryptToken(token, { text: wrong }),
      'failed',
      'decryption-failed',
      /kid 'wanted' is not in this JWKS/,
    );
  });

  it("unreadable key text is an error with the key reader's words", async () => {
    const token = await make({ alg: 'RSA-OAEP', enc: 'A128GCM' }, rsa.publicSpkiPem ?? '');
    const result = await decryptToken(token, { text: '-----BEGIN PRIVATE KEY-----\nMIIB\n' });
    expect(result.state).toBe('error');
    expect(result.code).toBe('key-unreadable');
  });
});

describe('tampering: any change fails the authentication tag', () => {
  const parts = ['header', 'encrypted key', 'initialisation vector', 'ciphertext', 'authentication tag'];
  it.each(parts.map((name, index) => [name, index] as const))('a changed %s', async (_name, index) => {
    const token = await make({ alg: 'A128KW', enc: 'A128CBC-HS256' }, OCT16);
    const segments = token.split('.');
    const bytes = Buffer.from(segments[index] ?? '', 'base64url');
    // The header is changed as JSON (a new member), the rest by flipping a bit.
    if (index === 0) segments[0] = b64(JSON.stringify({ ...JSON.parse(bytes.toString()), x: 1 }));
    else {
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
      segments[index] = b64(bytes);
    }
    const result = await decryptToken(segments.join('.'), { text: OCT16 });
    expect(result.state, result.message).toBe('failed');
    expect(result.code).toBe('decryption-failed');
  });

  it('a dir token with a tag cut short is refused as damaged, not decrypted', async () => {
    const token = await make({ alg: 'dir', enc: 'A128GCM' }, OCT16);
    const segments = token.split('.');
    segments[4] = (segments[4] ?? '').slice(0, 10);
    const result = await decryptToken(segments.join('.'), { text: OCT16 });
    expect(result.state).not.toBe('decrypted');
  });
});

describe('hostile and broken headers are refused before any key work, with words', () => {
  let base = '';
  const pbes2 = async () => make({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }, 'pw');

  it('a PBES2 p2c over the cap is refused at once, naming the count and the cap', async () => {
    const token = await pbes2();
    const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const started = performance.now();
    const result = await decryptToken(withHeader(token, { ...header, p2c: 2147483647 }), { text: 'pw' });
    const elapsed = performance.now() - started;
    expectVerdict(result, 'error', 'p2c-too-large', /2,147,483,647 PBKDF2 iterations; the limit here is 10,000/);
    expect(elapsed).toBeLessThan(500);
    // Also without a key: the header alone decides.
    expect((await decryptToken(withHeader(token, { ...header, p2c: 10_001 }), { text: '' })).code).toBe(
      'p2c-too-large',
    );
    // And a higher cap, when the caller chooses one, lets a larger count through.
    const raised = await decryptToken(
      withHeader(token, { ...header, p2c: 10_001 }),
      { text: 'pw' },
      { maxPbes2Count: 20_000 },
    );
    expect(raised.code).toBe('decryption-failed');
  });

  it.each([
    ['p2c: -1', { p2c: -1 }, 'p2c-invalid', /positive whole number/],
    ['p2c: 1.5', { p2c: 1.5 }, 'p2c-invalid', /positive whole number/],
    ['p2c: "1000"', { p2c: '1000' }, 'p2c-invalid', /positive whole number/],
    ['p2s of 4 bytes', { p2s: b64('abcd') }, 'p2s-invalid', /at least 8 bytes/],
  ])('PBES2 with %s', async (_name, change, code, words) => {
    const token = await pbes2();
    const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expectVerdict(
      await decryptToken(withHeader(token, { ...header, ...change }), { text: 'pw' }),
      'error',
      code,
      words,
    );
  });

  it.each([
    [
      'an unknown alg',
      { alg: 'FOO', enc: 'A128GCM' },
      'alg-unsupported',
      /"alg": "FOO" is not a JWE key management algorithm/,
    ],
    ['alg RSA1_5', { alg: 'RSA1_5', enc: 'A128GCM' }, 'alg-unsupported', /RSA1_5 .* is not supported/],
    ['no alg', { enc: 'A128GCM' }, 'alg-missing', /has no "alg"/],
    ['alg: 5', { alg: 5, enc: 'A128GCM' }, 'alg-missing', /"alg" is 5, not an algorithm name/],
    [
      'an unknown enc',
      { alg: 'A128KW', enc: 'A512GCM' },
      'enc-unsupported',
      /"enc": "A512GCM" is not a content encryption algorithm/,
    ],
    ['the old draft enc A128CBC+HS256', { alg: 'A128KW', enc: 'A128CBC+HS256' }, 'enc-unsupported', /old JWE draft/],
    ['no enc', { alg: 'A128KW' }, 'enc-missing', /has no "enc"/],
    ['zip GZIP', { alg: 'A128KW', enc: 'A128GCM', zip: 'GZIP' }, 'zip-unsupported', /"zip": "GZIP" is not supported/],
    [
      'crit ["exp"]',
      { alg: 'A128KW', enc: 'A128GCM', crit: ['exp'] },
      'crit-unsupported',
      /"crit" marks "exp" as critical/,
    ],
    ['ECDH-ES without epk', { alg: 'ECDH-ES', enc: 'A128GCM' }, 'header-invalid', /"epk" is missing/],
    [
      'an epk with its private key',
      { alg: 'ECDH-ES', enc: 'A128GCM', epk: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA', d: 'AA' } },
      'header-invalid',
      /private members \("d"\)/,
    ],
    [
      'an epk on secp256k1',
      { alg: 'ECDH-ES', enc: 'A128GCM', epk: { kty: 'EC', crv: 'secp256k1', x: 'AA', y: 'AA' } },
      'header-invalid',
      /not a usable public key/,
    ],
    [
      'A128GCMKW without iv',
      { alg: 'A128GCMKW', enc: 'A128GCM', tag: b64(new Uint8Array(16)) },
      'header-invalid',
      /12-byte \(96-bit\) IV/,
    ],
  ] as const)('%s', async (_name, header, code, words) => {
    base ||= await make({ alg: 'A128KW', enc: 'A128GCM' }, OCT16);
    const result = await decryptToken(withHeader(base, header), { text: OCT16 });
    expectVerdict(result, 'error', code, words);
    expect(result.header).toEqual(header);
  });

  it.each([
    ['a header that is a JSON array', () => withHeader(base, ['alg']), /JSON but an array, not an object/],
    ['a header that is not JSON', () => [b64('{"alg":'), ...base.split('.').slice(1)].join('.'), /not valid JSON/],
    [
      'a "*" in the ciphertext',
      () =>
        base
          .split('.')
          .map((s, i) => (i === 3 ? `${s.slice(0, 2)}*${s.slice(3)}` : s))
          .join('.'),
      /ciphertext contains "\*"/,
    ],
    ['four parts', () => base.split('.').slice(0, 4).join('.'), /Found 4 parts/],
    ['an empty token', () => '', /No token/],
    ['three megabytes', () => 'a'.repeat(3 * 1024 * 1024), /limit is 2097152/],
  ])("%s: token-invalid, with the decoder's words", async (_name, build, words) => {
    base ||= await make({ alg: 'A128KW', enc: 'A128GCM' }, OCT16);
    expectVerdict(await decryptToken(build(), { text: OCT16 }), 'error', 'token-invalid', words);
  });

  it('a signed token (JWS) is not a JWE: not-jwe', async () => {
    const result = await decryptToken('eyJhbGciOiJIUzI1NiJ9.e30.c2ln', { text: OCT16 });
    expectVerdict(result, 'error', 'not-jwe', /signed token \(JWS, three parts\), not an encrypted one/);
  });

  it('broken JSON serializations: token-invalid', async () => {
    for (const text of [
      '{"ciphertext": 5}',
      '{"ciphertext":"AA","recipients":{}}',
      '{"ciphertext":"AA","protected":"e30"',
      '{"ciphertext":"AA"}',
    ]) {
      const result = await decryptToken(text, { text: OCT16 });
      expect(result.code, text).toBe('token-invalid');
    }
  });

  it('a zip bomb stops at the decompression limit', async () => {
    const token = await make({ alg: 'A128KW', enc: 'A128GCM', zip: 'DEF' }, OCT16, 'a'.repeat(1_000_000));
    expect(token.length).toBeLessThan(10_000);
    const result = await decryptToken(token, { text: OCT16 });
    expectVerdict(result, 'error', 'decompression-failed', /inflates past the limit of 250000 bytes/);
  });
});

describe('never throws', () => {
  it('for arbitrary token text and key text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.string({ maxLength: 60 }), async (token, key) => {
        const result = await decryptToken(token, { text: key });
        expect(['decrypted', 'failed', 'no-key', 'error']).toContain(result.state);
        expect(result.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('for five-part tokens with arbitrary JSON headers', async () => {
    const token = await make({ alg: 'A128KW', enc: 'A128GCM' }, OCT16);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (header) => {
        const result = await decryptToken(withHeader(token, header), { text: OCT16 });
        expect(['failed', 'no-key', 'error', 'decrypted']).toContain(result.state);
        if (result.code !== undefined) expect(JWE_ERROR_CODES).toContain(result.code);
      }),
      { numRuns: 150 },
    );
  });

  it('encryptToken returns a code for a bad header, a bad key or an unknown alg', async () => {
    const cases: [string, string, string][] = [
      ['{"alg":"A128KW","enc":"A128GCM"', OCT16, 'header-json'],
      ['{"alg":"A128KW","alg":"dir","enc":"A128GCM"}', OCT16, 'header-duplicate'],
      ['{"enc":"A128GCM"}', OCT16, 'alg-missing'],
      ['{"alg":"RSA1_5","enc":"A128GCM"}', OCT16, 'alg-unsupported'],
      ['{"alg":"A128KW"}', OCT16, 'enc-missing'],
      ['{"alg":"A128KW","enc":"A128GCM"}', '', 'key-empty'],
      ['{"alg":"A128KW","enc":"A128GCM"}', 'short', 'key-size'],
      ['{"alg":"RSA-OAEP","enc":"A128GCM"}', OCT16, 'key-type'],
      ['{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2c":100000}', 'pw', 'p2c-too-large'],
      ['{"alg":"A128KW","enc":"A128GCM","zip":"LZW"}', OCT16, 'zip-unsupported'],
    ];
    for (const [header, key, code] of cases) {
      const result = await encryptToken('x', header, { text: key });
      expect(result.ok ? 'ok' : result.code, header).toBe(code);
    }
  });
});
