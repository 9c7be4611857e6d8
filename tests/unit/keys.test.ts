import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectKey, describeKeyMismatch, importKeyForAlgorithm, loadKeys, decodeSecret } from '../../src/core/keys';
import { KeyError } from '../../src/core/errors';
import { bitString, oidTlv, sequence } from '../../src/core/lib/der';
import { generatedKeys, keyPair } from '../fixtures/fixtures';
import { KEY_ERROR_CODES, SECRET_ENCODINGS, type KeyDetection } from '../../src/core/types';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 });
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const ed = generateKeyPairSync('ed25519');

const pem = {
  rsaPkcs1Private: rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
  rsaPkcs1Public: rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }) as string,
  rsaPkcs8: rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  rsaSpki: rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string,
  ecSec1: p256.privateKey.export({ type: 'sec1', format: 'pem' }) as string,
  ecPkcs8: p256.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  ecSpki: p256.publicKey.export({ type: 'spki', format: 'pem' }) as string,
  edPkcs8: ed.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  edSpki: ed.publicKey.export({ type: 'spki', format: 'pem' }) as string,
  encrypted: rsa.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }) as string,
  legacyEncrypted: rsa.privateKey.export({
    type: 'pkcs1',
    format: 'pem',
    cipher: 'aes-256-cbc',
    passphrase: 'pw',
  }) as string,
};

function expectKey(d: KeyDetection) {
  if (d.kind !== 'key') throw new Error(`expected a key, got ${JSON.stringify(d)}`);
  return d;
}

function expectError(d: KeyDetection, code: string) {
  if (d.kind !== 'error') throw new Error(`expected error ${code}, got ${JSON.stringify(d)}`);
  expect(d.code).toBe(code);
  return d;
}

describe('detectKey: labels', () => {
  it.each([
    [pem.rsaPkcs1Private, 'PEM private key (PKCS#1), RSA 2048', 'pem-pkcs1-private'],
    [pem.rsaPkcs1Public, 'PEM public key (PKCS#1), RSA 2048', 'pem-pkcs1-public'],
    [pem.rsaPkcs8, 'PEM private key (PKCS#8), RSA 2048', 'pem-pkcs8'],
    [pem.rsaSpki, 'PEM public key (SPKI), RSA 2048', 'pem-spki'],
    [pem.ecSec1, 'PEM private key (SEC1), EC P-256', 'pem-sec1'],
    [pem.ecPkcs8, 'PEM private key (PKCS#8), EC P-256', 'pem-pkcs8'],
    [pem.ecSpki, 'PEM public key (SPKI), EC P-256', 'pem-spki'],
    [pem.edPkcs8, 'PEM private key (PKCS#8), OKP Ed25519', 'pem-pkcs8'],
    [pem.edSpki, 'PEM public key (SPKI), OKP Ed25519', 'pem-spki'],
  ])('labels %#: %s', (text, label, format) => {
    const d = expectKey(detectKey({ text }));
    expect(d.label).toBe(label);
    expect(d.key.format).toBe(format);
  });

  it('labels JWKs with their kind and privacy', () => {
    const jwk = (k: { export(o: { format: 'jwk' }): object }) => JSON.stringify(k.export({ format: 'jwk' }));
    expect(
      detectKey({ text: jwk(ed.privateKey) }).kind === 'key' && detectKey({ text: jwk(ed.privateKey) }),
    ).toMatchObject({
      label: 'JWK private key, OKP Ed25519',
    });
    expect(expectKey(detectKey({ text: jwk(ed.publicKey) })).label).toBe('JWK public key, OKP Ed25519');
    expect(expectKey(detectKey({ text: jwk(rsa.publicKey) })).label).toBe('JWK public key, RSA 2048');
    expect(expectKey(detectKey({ text: jwk(rsa.privateKey) })).label).toBe('JWK private key, RSA 2048');
    expect(expectKey(detectKey({ text: jwk(p384.publicKey) })).label).toBe('JWK public key, EC P-384');
    expect(expectKey(detectKey({ text: '{"kty":"oct","k":"AAAAAAAAAAAAAAAAAAAAAA"}' })).label).toBe(
      'JWK secret key, oct, 128 bits',
    );
  });

  it('labels an X.509 certificate with its CN, and uses the first of a chain', () => {
    // Certificates made by the openssl CLI in tests/fixtures/generate.mjs.
    const leaf = keyPair('rsa-2048').certPem ?? '';
    const ca = keyPair('ec-p256').certPem ?? '';
    const d = expectKey(detectKey({ text: leaf }));
    expect(d.label).toBe('X.509 certificate (CN=JWT Workbench test RSA 2048), RSA 2048');
    expect(d.key).toMatchObject({ format: 'pem-x509', isPrivate: false, bits: 2048 });
    const chain = expectKey(detectKey({ text: leaf + ca }));
    expect(chain.label).toBe(d.label);
    expect(chain.warnings.join(' ')).toMatch(/chain of 2 certificates.*first/);
    expect(expectKey(detectKey({ text: ca })).label).toBe(
      'X.509 certificate (CN=JWT Workbench test EC P-256), EC P-256',
    );
    expect(expectKey(detectKey({ text: keyPair('ed25519').certPem ?? '' })).label).toMatch(
      /^X\.509 certificate \(CN=.*\), OKP Ed25519$/,
    );
  });

  it('recognises ML-DSA keys (SPKI by OID, AKP JWK), even where WebCrypto cannot use them', () => {
    // FIPS 204 ML-DSA-65 public keys are 1952 bytes; the OID is id-ml-dsa-65 (2.16.840.1.101.3.4.3.18).
    const spkiDer = sequence(sequence(oidTlv('2.16.840.1.101.3.4.3.18')), bitString(new Uint8Array(1952)));
    const text = `-----BEGIN PUBLIC KEY-----\n${Buffer.from(spkiDer).toString('base64')}\n-----END PUBLIC KEY-----`;
    expect(expectKey(detectKey({ text })).label).toBe('PEM public key (SPKI), ML-DSA-65');
    const jwk = { kty: 'AKP', alg: 'ML-DSA-44', pub: Buffer.alloc(1312).toString('base64url') };
    expect(expectKey(detectKey({ text: JSON.stringify(jwk) })).key).toMatchObject({
      family: 'AKP',
      curve: 'ML-DSA-44',
      isPrivate: false,
    });
    expectError(detectKey({ text: JSON.stringify({ ...jwk, alg: 'ML-DSA-99' }) }), 'jwk-members');
  });

  it('labels HMAC secrets with their byte length and reading', () => {
    const d = detectKey({ text: 'a-string-secret-at-least-256-bits-long' });
    expect(d).toMatchObject({
      kind: 'secret',
      label: 'HMAC secret, 38 bytes (utf8)',
      byteLength: 38,
      encoding: 'utf8',
    });
    const hex = detectKey({ text: '00112233445566778899aabbccddeeff', secretEncoding: 'hex' });
    expect(hex).toMatchObject({ label: 'HMAC secret, 16 bytes (hex)', byteLength: 16 });
    const bad = detectKey({ text: 'xyz', secretEncoding: 'hex' });
    expect(bad).toMatchObject({ kind: 'secret', label: 'HMAC secret, not valid hex' });
    expect(bad.kind === 'secret' && bad.byteLength).toBe(undefined);
  });

  it('lists the other readings a secret is valid under', () => {
    const d = detectKey({ text: 'deadbeef' });
    expect(d.kind === 'secret' && d.alternativeEncodings).toEqual(['base64url', 'base64', 'hex']);
    const plain = detectKey({ text: 'my secret!' });
    expect(plain.kind === 'secret' && plain.alternativeEncodings).toEqual([]);
    const b64 = detectKey({ text: 'a+b/', secretEncoding: 'base64' });
    expect(b64.kind === 'secret' && b64.alternativeEncodings).toEqual(['utf8']);
  });

  it('flags a public key pasted as a secret (bare base64 SPKI, OpenSSH line)', () => {
    const body = pem.rsaSpki.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
    expect(detectKey({ text: body })).toMatchObject({ kind: 'secret', looksLikePublicKey: true });
    expect(detectKey({ text: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG me@host' })).toMatchObject({
      looksLikePublicKey: true,
    });
    expect(detectKey({ text: 'your-256-bit-secret' })).toMatchObject({ looksLikePublicKey: false });
  });

  it('reads the openssl CLI defaults: ecparam -genkey (EC PARAMETERS first), genrsa -traditional, genpkey', () => {
    const o = generatedKeys.opensslKeys;
    const ecparam = o['ec-p256-ecparam']?.privatePem ?? '';
    expect(ecparam).toContain('BEGIN EC PARAMETERS');
    expect(expectKey(detectKey({ text: ecparam })).label).toBe('PEM private key (SEC1), EC P-256');
    expect(expectKey(detectKey({ text: o['ec-p384-ecparam-noout']?.privatePem ?? '' })).label).toBe(
      'PEM private key (SEC1), EC P-384',
    );
    expect(expectKey(detectKey({ text: o['rsa-2048-genrsa-traditional']?.privatePem ?? '' })).label).toBe(
      'PEM private key (PKCS#1), RSA 2048',
    );
    expect(expectKey(detectKey({ text: o['ed25519-genpkey']?.privatePem ?? '' })).label).toBe(
      'PEM private key (PKCS#8), OKP Ed25519',
    );
    const params = ecparam.slice(0, ecparam.indexOf('-----BEGIN EC PRIVATE KEY'));
    expectError(detectKey({ text: params }), 'unsupported');
  });

  it('reads PEM with literal \\n escapes copied from JSON', () => {
    const d = expectKey(detectKey({ text: pem.ecSpki.trim().replace(/\n/g, '\\n') }));
    expect(d.label).toBe('PEM public key (SPKI), EC P-256');
    expect(d.warnings.join(' ')).toContain('escapes');
  });

  it('warns about RSA keys under 2048 bits', () => {
    const d = expectKey(detectKey({ text: rsa1024.publicKey.export({ type: 'spki', format: 'pem' }) as string }));
    expect(d.label).toBe('PEM public key (SPKI), RSA 1024');
    expect(d.warnings.join(' ')).toMatch(/RSA 1024 is under the 2048 bits/);
  });

  it('describes a JWKS, skipping unusable keys with reasons', () => {
    const good = { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'a' };
    const text = JSON.stringify({
      keys: [good, { kty: 'RSA', kid: 'b', use: 'enc', n: 'AQAB', e: 'AQAB' }, { kty: 'EC', crv: 'P-256', x: 'AA' }],
    });
    const d = detectKey({ text });
    if (d.kind !== 'jwks') throw new Error(JSON.stringify(d));
    expect(d.label).toBe('JWKS, 1 key (2 skipped)');
    expect(d.keys[0]).toMatchObject({ kid: 'a', family: 'RSA', bits: 2048 });
    expect(d.skipped).toEqual([
      { index: 1, reason: expect.stringContaining('encryption key') },
      { index: 2, reason: expect.stringContaining('"y"') },
    ]);
  });

  it('returns empty for blank input, saying what whitespace it holds', () => {
    expect(detectKey({ text: '  \n ' })).toEqual({ kind: 'empty', blank: '3 spaces and 1 line break' });
  });
});

describe('detectKey: every KeyError code', () => {
  const tested = new Set<string>();
  const check = (d: KeyDetection, code: string, words: RegExp) => {
    const e = expectError(d, code);
    expect(e.message).toMatch(words);
    tested.add(code);
  };

  it('empty: loadKeys on blank text', async () => {
    await expect(loadKeys({ text: '' })).rejects.toMatchObject({ code: 'empty' });
    tested.add('empty');
  });

  it('pem-truncated: cut-off data, missing END, missing BEGIN', () => {
    const lines = pem.rsaSpki.trim().split('\n');
    const cut = [...lines.slice(0, 4), lines[lines.length - 1]].join('\n');
    check(detectKey({ text: cut }), 'pem-truncated', /ends early.*copy the whole key/);
    check(detectKey({ text: lines.slice(0, -1).join('\n') }), 'pem-truncated', /no "-----END PUBLIC KEY-----" line/);
    check(detectKey({ text: lines.slice(1).join('\n') }), 'pem-truncated', /without its BEGIN line/);
  });

  it('pem-label: mismatched BEGIN/END, unknown label, content that does not fit the label', () => {
    check(detectKey({ text: pem.rsaSpki.replace('END PUBLIC KEY', 'END RSA PUBLIC KEY') }), 'pem-label', /must match/);
    check(
      detectKey({ text: pem.rsaSpki.replace(/PUBLIC KEY/g, 'FOO BAR') }),
      'pem-label',
      /"FOO BAR" is not a key label/,
    );
    check(
      detectKey({ text: pem.rsaPkcs1Public.replace(/RSA PUBLIC KEY/g, 'PUBLIC KEY') }),
      'pem-label',
      /label says "PUBLIC KEY" but the content is an RSA public key \(PKCS#1/,
    );
  });

  it('pem-multiple: a private and a public key pasted together', () => {
    check(detectKey({ text: pem.ecPkcs8 + pem.ecSpki }), 'pem-multiple', /2 PEM blocks.*PRIVATE KEY, PUBLIC KEY/);
  });

  it('pem-encrypted: PKCS#8 with a password and legacy OpenSSL encryption', () => {
    check(detectKey({ text: pem.encrypted }), 'pem-encrypted', /openssl pkcs8 -in k\.pem -out plain\.pem/);
    check(detectKey({ text: pem.legacyEncrypted }), 'pem-encrypted', /Proc-Type/);
  });

  it('der: non-base64 characters and a broken structure', () => {
    check(detectKey({ text: pem.rsaSpki.replace(/\n(.)/, '\n*$1') }), 'der', /'\*'/);
    check(
      detectKey({ text: '-----BEGIN PUBLIC KEY-----\nMAMCAQA=\n-----END PUBLIC KEY-----' }),
      'der',
      /not a valid key structure/,
    );
  });

  it('jwk-json: broken JSON', () => {
    check(detectKey({ text: '{"kty": "RSA",' }), 'jwk-json', /does not parse/);
  });

  it('jwk-members: missing members are named', () => {
    check(detectKey({ text: '{"kty":"RSA","e":"AQAB"}' }), 'jwk-members', /missing "n"/);
    check(detectKey({ text: '{"n":"AQAB"}' }), 'jwk-members', /missing "kty"/);
    const priv = rsa.privateKey.export({ format: 'jwk' }) as Record<string, string>;
    const { p: _p, qi: _qi, ...partial } = priv;
    check(detectKey({ text: JSON.stringify(partial) }), 'jwk-members', /missing "p", "qi"/);
  });

  it('jwks-empty', () => {
    check(detectKey({ text: '{"keys": []}' }), 'jwks-empty', /no keys/);
  });

  it('too-large: key text over 4 MiB, refused before parsing', () => {
    check(detectKey({ text: `{"keys":[${' '.repeat(4 * 1024 * 1024)}]}` }), 'too-large', /limit is 4,194,304/);
  });

  it('unsupported: Ed448, X25519, secp256k1, OpenSSH', () => {
    const ed448 = generateKeyPairSync('ed448').publicKey.export({ type: 'spki', format: 'pem' }) as string;
    check(detectKey({ text: ed448 }), 'unsupported', /Ed448/);
    check(detectKey({ text: '{"kty":"OKP","crv":"X25519","x":"AAAA"}' }), 'unsupported', /key agreement/);
    const k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey.export({
      type: 'spki',
      format: 'pem',
    }) as string;
    check(detectKey({ text: k1 }), 'unsupported', /secp256k1/);
    check(
      detectKey({ text: '-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----' }),
      'unsupported',
      /ssh-keygen/,
    );
  });

  it('mismatch, public-for-signing, secret-encoding, weak-rsa: from import and decode', async () => {
    const [ec] = await loadKeys({ text: pem.ecSpki });
    await expect(importKeyForAlgorithm(ec!, 'RS256', 'verify')).rejects.toMatchObject({
      code: 'mismatch',
      message: 'this is an EC P-256 key; RS256 needs an RSA key',
    });
    await expect(importKeyForAlgorithm(ec!, 'ES384', 'verify')).rejects.toMatchObject({
      message: 'ES384 needs a P-384 key, this is P-256',
    });
    await expect(importKeyForAlgorithm(ec!, 'ES256', 'sign')).rejects.toMatchObject({ code: 'public-for-signing' });
    expect(() => decodeSecret('zz', 'hex')).toThrow(KeyError);
    await expect(loadKeys({ text: 'not hex', secretEncoding: 'hex' })).rejects.toMatchObject({
      code: 'secret-encoding',
    });
    const [weak] = await loadKeys({ text: rsa1024.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string });
    await expect(importKeyForAlgorithm(weak!, 'RS256', 'sign')).rejects.toMatchObject({ code: 'weak-rsa' });
    for (const c of ['mismatch', 'public-for-signing', 'secret-encoding', 'weak-rsa']) tested.add(c);
  });

  it('covers every KeyErrorCode', () => {
    expect([...tested].sort()).toEqual([...KEY_ERROR_CODES].sort());
  });
});

describe('mismatch messages', () => {
  const base = { format: 'pem-spki', isPrivate: false, label: '' } as const;
  it.each([
    [{ ...base, family: 'RSA', bits: 2048 }, 'ES256', 'this is an RSA 2048 key; ES256 needs an EC P-256 key'],
    [{ ...base, family: 'OKP', curve: 'Ed25519' }, 'PS256', 'this is an OKP Ed25519 key; PS256 needs an RSA key'],
    [{ ...base, family: 'EC', curve: 'P-521' }, 'EdDSA', 'this is an EC P-521 key; EdDSA needs an Ed25519 key'],
    [
      { ...base, family: 'RSA', bits: 2048 },
      'HS256',
      'this is an RSA 2048 key; HS256 needs an HMAC secret (a shared key). Using a public key as an HMAC secret is the key-confusion attack (RFC 8725 §2.1)',
    ],
    [
      { ...base, format: 'secret', isPrivate: true, family: 'oct', bits: 256 },
      'RS256',
      'this is an HMAC secret; RS256 needs an RSA key',
    ],
    [
      { ...base, format: 'jwk', family: 'RSA', bits: 2048, alg: 'RS384' },
      'RS256',
      'this key declares "alg": "RS384", so it may not be used with RS256',
    ],
    [
      { ...base, family: 'AKP', curve: 'ML-DSA-44' },
      'ML-DSA-65',
      'ML-DSA-65 needs an ML-DSA-65 key, this is ML-DSA-44',
    ],
    [{ ...base, family: 'RSA', bits: 2048 }, 'XS256', '"XS256" is not a JWS algorithm this workbench knows'],
  ] as const)('%# %s', (key, alg, message) => {
    expect(describeKeyMismatch({ ...key }, alg)).toEqual(message);
  });

  it('accepts fitting pairs', () => {
    expect(describeKeyMismatch({ ...base, family: 'EC', curve: 'P-521' }, 'ES512')).toBeUndefined();
    expect(describeKeyMismatch({ ...base, family: 'OKP', curve: 'Ed25519', alg: 'EdDSA' }, 'Ed25519')).toBeUndefined();
  });
});

describe('importKeyForAlgorithm', () => {
  it('imports every PEM kind, wrapping PKCS#1 and SEC1 for WebCrypto', async () => {
    for (const [text, alg, usage, type] of [
      [pem.rsaPkcs1Private, 'RS256', 'sign', 'private'],
      [pem.rsaPkcs1Public, 'PS384', 'verify', 'public'],
      [pem.ecSec1, 'ES256', 'sign', 'private'],
      [pem.edPkcs8, 'EdDSA', 'sign', 'private'],
      [pem.edSpki, 'Ed25519', 'verify', 'public'],
    ] as const) {
      const [key] = await loadKeys({ text });
      const imported = await importKeyForAlgorithm(key!, alg, usage);
      expect(imported).toBeInstanceOf(CryptoKey);
      expect((imported as CryptoKey).type).toBe(type);
    }
  });

  it('derives the public half of a private key for verify (PEM and JWK)', async () => {
    for (const text of [
      pem.rsaPkcs1Private,
      pem.ecSec1,
      pem.edPkcs8,
      JSON.stringify(p256.privateKey.export({ format: 'jwk' })),
    ]) {
      const [key] = await loadKeys({ text });
      const alg = key!.description.family === 'RSA' ? 'RS256' : key!.description.family === 'EC' ? 'ES256' : 'EdDSA';
      const imported = (await importKeyForAlgorithm(key!, alg, 'verify')) as CryptoKey;
      expect(imported.type).toBe('public');
      expect(imported.usages).toEqual(['verify']);
    }
  });

  it('returns the secret bytes for HMAC, under the chosen reading', async () => {
    const [key] = await loadKeys({ text: 'c2VjcmV0', secretEncoding: 'base64url' });
    expect(new TextDecoder().decode((await importKeyForAlgorithm(key!, 'HS256', 'sign')) as Uint8Array)).toBe('secret');
  });

  it('loads every usable key of a JWKS', async () => {
    const keys = await loadKeys({
      text: JSON.stringify({
        keys: [
          { ...p256.publicKey.export({ format: 'jwk' }), kid: 'x' },
          { ...ed.publicKey.export({ format: 'jwk' }), kid: 'y' },
        ],
      }),
    });
    expect(keys.map((k) => [k.index, k.description.kid, k.description.label])).toEqual([
      [0, 'x', 'JWK public key, EC P-256'],
      [1, 'y', 'JWK public key, OKP Ed25519'],
    ]);
  });
});

describe('detectKey on arbitrary input', () => {
  const labels = ['PUBLIC KEY', 'PRIVATE KEY', 'RSA PRIVATE KEY', 'RSA PUBLIC KEY', 'EC PRIVATE KEY', 'CERTIFICATE'];
  const wrap = (label: string, bytes: Uint8Array) =>
    `-----BEGIN ${label}-----\n${Buffer.from(bytes).toString('base64')}\n-----END ${label}-----`;

  it('never throws, whatever the text (strings, JSON, PEM around random or mutated DER)', () => {
    const real = new Uint8Array(rsa.publicKey.export({ type: 'spki', format: 'der' }));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.tuple(fc.constantFrom(...labels), fc.uint8Array({ maxLength: 300 })).map(([l, b]) => wrap(l, b)),
          fc
            .tuple(fc.constantFrom(...labels), fc.nat(real.length - 1), fc.integer({ min: 0, max: 255 }))
            .map(([l, i, v]) => {
              const b = real.slice();
              b[i] = v;
              return wrap(l, b);
            }),
        ),
        fc.constantFrom(...SECRET_ENCODINGS),
        (text, secretEncoding) => {
          const d = detectKey({ text, secretEncoding });
          expect(['empty', 'secret', 'key', 'jwks', 'error']).toContain(d.kind);
          if (d.kind === 'error') expect(KEY_ERROR_CODES).toContain(d.code);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
