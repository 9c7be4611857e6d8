// Tokens made by another implementation: jwcrypto (Python), every alg/enc pair, nested tokens, zip, and the
// JSON serializations. Made by tests/fixtures/jwe/generate.py; the JSON is committed, so no Python runs here.
import { describe, expect, it } from 'vitest';
import { decryptToken, lintJwe } from '../../src/core/jwe';
import { verifyToken } from '../../src/core/verify';
import { decryptionKeyText, jwcrypto, jwcryptoJwk, type JwcryptoKey } from '../fixtures/jwe/fixtures';

const key = (id: string): JwcryptoKey => {
  const found = jwcrypto.keys[id];
  if (!found) throw new Error(`no fixture key ${id}`);
  return found;
};
const named = jwcrypto.tokens.map((t) => [`${t.alg} with ${t.enc}${t.curve ? ` on ${t.curve}` : ''}`, t] as const);

describe('decrypts every token jwcrypto made', () => {
  it('the fixtures hold every alg/enc pair (ECDH-ES on four curves)', () => {
    const pairs = new Set(jwcrypto.tokens.map((t) => `${t.alg} ${t.enc}`));
    expect(pairs.size).toBe(18 * 6);
    expect(jwcrypto.tokens).toHaveLength(14 * 6 + 4 * 6 * 4);
  });

  it.each(named)('%s, with the PEM private key or the shared key', async (_name, t) => {
    const result = await decryptToken(t.token, decryptionKeyText(key(t.key)));
    expect(result.state, result.message).toBe('decrypted');
    expect(result.plaintext).toBe(jwcrypto.plaintext);
    expect(result.plaintextIsJson).toBe(true);
    expect(result.header).toMatchObject({ alg: t.alg, enc: t.enc, kid: key(t.key).kid });
  });

  it.each(named)('%s, with the JWK', async (_name, t) => {
    const result = await decryptToken(t.token, { text: JSON.stringify(jwcryptoJwk(key(t.key))) });
    expect(result.state, result.message).toBe('decrypted');
    expect(result.plaintext).toBe(jwcrypto.plaintext);
  });

  it('picks the key named by the token kid from a JWKS holding every fixture key', async () => {
    const set = JSON.stringify({ keys: Object.values(jwcrypto.keys).map(jwcryptoJwk) });
    for (const t of jwcrypto.tokens.filter((_, i) => i % 7 === 0)) {
      const result = await decryptToken(t.token, { text: set });
      expect(result.state, `${t.alg} ${t.enc}: ${result.message}`).toBe('decrypted');
      expect(result.kid).toBe(key(t.key).kid);
    }
  });

  it('decrypts with the RSA key as PKCS#1 PEM and the EC key as SEC1 PEM', async () => {
    const rsa = jwcrypto.tokens.find((t) => t.alg === 'RSA-OAEP-512' && t.enc === 'A256CBC-HS512');
    const ec = jwcrypto.tokens.find((t) => t.alg === 'ECDH-ES+A192KW' && t.curve === 'P-521');
    const a = await decryptToken(rsa?.token ?? '', { text: key('rsa').privatePkcs1Pem ?? '' });
    const b = await decryptToken(ec?.token ?? '', { text: key('P-521').privateSec1Pem ?? '' });
    expect([a.state, b.state]).toEqual(['decrypted', 'decrypted']);
  });
});

describe('nested tokens and compression made by jwcrypto', () => {
  it('a signed JWT inside: the inner token is handed over and verifies with the signer key', async () => {
    const nested = jwcrypto.nested.signed;
    const result = await decryptToken(nested.token, decryptionKeyText(key(nested.key)));
    expect(result.inner).toMatchObject({ token: nested.inner, kind: 'jws', reason: 'cty', alg: 'ES256' });
    for (const text of [jwcrypto.nested.signerPublicPem, JSON.stringify(jwcrypto.nested.signerPublicJwk)]) {
      const verdict = await verifyToken(result.inner?.token ?? '', { text });
      expect(verdict.signature, verdict.message).toBe('verified');
      expect(verdict.claims).toBe('valid');
    }
  });

  it('an unsecured JWT (alg none) inside is detected, and the security review calls it an error', async () => {
    const nested = jwcrypto.nested.unsecured;
    const result = await decryptToken(nested.token, decryptionKeyText(key(nested.key)));
    expect(result.state).toBe('decrypted');
    expect(result.inner).toMatchObject({ token: nested.inner, unsecured: true, alg: 'none' });
    const findings = lintJwe(result);
    expect(findings[0]).toMatchObject({ id: 'jwe-inner-alg-none', severity: 'error' });
  });

  it('a signed JWT inside without cty is still found, with a warning that cty is missing', async () => {
    const nested = jwcrypto.nested.signedWithoutCty;
    const result = await decryptToken(nested.token, decryptionKeyText(key(nested.key)));
    expect(result.inner).toMatchObject({ token: nested.inner, reason: 'shape' });
    expect(result.warnings.join(' ')).toMatch(/lacks cty "JWT"/);
  });

  it('decrypts a zip DEF token (jose inflates it)', async () => {
    const result = await decryptToken(jwcrypto.zip.token, decryptionKeyText(key(jwcrypto.zip.key)));
    expect(result.state, result.message).toBe('decrypted');
    expect(result.plaintext).toBe(jwcrypto.plaintext);
    expect(lintJwe(result).map((f) => f.id)).toContain('jwe-zip');
  });
});

describe('JSON serializations made by jwcrypto', () => {
  it('general JWE with two recipients: each key opens it and the result says which recipient', async () => {
    const { json, keys } = jwcrypto.json.jweGeneral;
    for (const [index, id] of keys.entries()) {
      const result = await decryptToken(JSON.stringify(json), decryptionKeyText(key(id)));
      expect(result.state, result.message).toBe('decrypted');
      expect(result.serialization).toBe('general');
      expect(result.recipientIndex).toBe(index);
      expect(result.plaintext).toBe(jwcrypto.plaintext);
      expect(result.message).toContain(`recipient ${index + 1} of 2`);
    }
  });

  it('flattened JWE with an unprotected kid', async () => {
    const { json, key: id } = jwcrypto.json.jweFlattened;
    const result = await decryptToken(JSON.stringify(json, null, 2), decryptionKeyText(key(id)));
    expect(result.state, result.message).toBe('decrypted');
    expect(result.serialization).toBe('flattened');
    expect(result.header).toMatchObject({ alg: 'ECDH-ES+A128KW', kid: 'ec-P-256' });
    expect(result.protectedHeader?.kid).toBeUndefined();
  });
});
