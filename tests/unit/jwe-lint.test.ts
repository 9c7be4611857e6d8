// The security review for encrypted tokens: weak p2c, dir with a short or typed key, zip, an inner alg none,
// RSA1_5, and content nobody signed.
import { describe, expect, it } from 'vitest';
import { decodeJwe, decryptToken, encryptToken, lintJwe } from '../../src/core/jwe';
import { detectKey } from '../../src/core/keys';
import { signToken } from '../../src/core/sign';
import { jwcrypto, type JwcryptoKey } from '../fixtures/jwe/fixtures';

const ids = (header: Record<string, unknown>, context = {}) => lintJwe({ header }, context).map((f) => f.id);

describe('lintJwe', () => {
  it('a p2c under 1000 is a warning, over the cap an error that names the count', () => {
    const alg = 'PBES2-HS256+A128KW';
    expect(ids({ alg, enc: 'A128GCM', p2c: 999 })).toEqual(['jwe-p2c-low']);
    expect(ids({ alg, enc: 'A128GCM', p2c: 1000 })).toEqual([]);
    const [high] = lintJwe({ header: { alg, enc: 'A128GCM', p2c: 50_000_000 } });
    expect(high).toMatchObject({
      id: 'jwe-p2c-high',
      severity: 'error',
      reference: 'RFC 7518 §4.8.1.2; CVE-2022-36083',
    });
    expect(high?.message).toMatch(/p2c is 50000000, over the limit of 10000/);
  });

  it('a well-known password for PBES2 is a warning', () => {
    const header = { alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2c: 8192 };
    expect(ids(header, { keyText: 'password' })).toEqual(['jwe-weak-password']);
    expect(ids(header, { keyText: 'a long and unusual passphrase' })).toEqual([]);
  });

  it('dir with a 128-bit key, and dir with a key typed as text', () => {
    expect(ids({ alg: 'dir', enc: 'A128GCM' })).toEqual(['jwe-dir-short-key']);
    expect(ids({ alg: 'dir', enc: 'A128CBC-HS256' })).toEqual(['jwe-dir-short-key']);
    expect(ids({ alg: 'dir', enc: 'A256GCM' })).toEqual([]);
    const typed = '0123456789abcdef0123456789abcdef';
    const key = detectKey({ text: typed }, 'enc');
    expect(ids({ alg: 'dir', enc: 'A256GCM' }, { key, keyText: typed })).toEqual(['jwe-typed-key']);
    const random = detectKey({ text: Buffer.alloc(32, 9).toString('base64url'), secretEncoding: 'base64url' }, 'enc');
    expect(ids({ alg: 'dir', enc: 'A256GCM' }, { key: random, keyText: 'x' })).toEqual([]);
  });

  it('a zip header is a warning (RFC 8725 §3.6)', () => {
    const [zip] = lintJwe({ header: { alg: 'A128KW', enc: 'A128GCM', zip: 'DEF' } });
    expect(zip).toMatchObject({ id: 'jwe-zip', severity: 'warning' });
    expect(zip?.reference).toMatch(/RFC 8725 §2.4, §3.6/);
  });

  it('RSA1_5 is an error; unknown alg and enc are warnings; an epk with private members is an error', () => {
    expect(ids({ alg: 'RSA1_5', enc: 'A128GCM' })).toEqual(['jwe-rsa1_5']);
    expect(ids({ alg: 'X', enc: 'Y' })).toEqual(['jwe-alg-unknown', 'jwe-enc-unknown']);
    expect(ids({ alg: 'ECDH-ES', enc: 'A128GCM', epk: { kty: 'EC', d: 'x' } })).toEqual(['jwe-epk-private']);
  });

  it('works on a decoded JWE before decryption', () => {
    const token = jwcrypto.zip.token;
    expect(lintJwe(decodeJwe(token)).map((f) => f.id)).toEqual(['jwe-zip']);
  });

  it('after decryption: an inner alg none is an error, a missing cty a note, unsigned content a note', async () => {
    const rsa = jwcrypto.keys.rsa as JwcryptoKey;
    const none = await signToken('{"alg":"none"}', '{"admin":true}', { text: '' }, { allowNone: true });
    const made = await encryptToken(
      none,
      '{"alg":"RSA-OAEP-256","enc":"A256GCM"}',
      { text: rsa.publicSpkiPem ?? '' },
      { markNested: false },
    );
    if (!made.ok) throw new Error(made.message);
    const opened = await decryptToken(made.token, { text: rsa.privatePkcs8Pem ?? '' });
    const findings = lintJwe(opened);
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['jwe-inner-alg-none', 'error'],
      ['jwe-cty-missing', 'info'],
    ]);
    const plain = await encryptToken('{"sub":"a"}', '{"alg":"RSA-OAEP-256","enc":"A256GCM"}', {
      text: rsa.publicSpkiPem ?? '',
    });
    if (!plain.ok) throw new Error(plain.message);
    const openedPlain = await decryptToken(plain.token, { text: rsa.privatePkcs8Pem ?? '' });
    expect(lintJwe(openedPlain).map((f) => f.id)).toEqual(['jwe-unsigned-content']);
  });

  it('sorts errors first, then warnings, then notes', () => {
    const findings = lintJwe({
      header: { alg: 'dir', enc: 'A128GCM', zip: 'DEF' },
      inner: { token: 'a.b.', kind: 'jws', reason: 'shape', alg: 'none', unsecured: true },
    });
    expect(findings.map((f) => f.severity)).toEqual(['error', 'warning', 'warning', 'info']);
  });
});
