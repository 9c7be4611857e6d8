// RFC 7516 Appendix A and RFC 7520 §5–6: the published JWE examples decrypt to the published plaintext, in
// every serialization the RFC gives. RSA1_5 (RFC 7516 A.2, RFC 7520 §5.1) is refused by name.
import { describe, expect, it } from 'vitest';
import { decodeJwe, decodeJweJson, decryptToken } from '../../src/core/jwe';
import { verifyToken } from '../../src/core/verify';
import { rfc7516, rfc7520jwe, type Rfc7520Jwe } from '../fixtures/jwe/fixtures';

const jwk = (value: unknown): { text: string } => ({ text: JSON.stringify(value) });

describe('RFC 7516 Appendix A', () => {
  it('A.1 (RSA-OAEP, A256GCM) decrypts to "The true sign of intelligence…"', async () => {
    const v = rfc7516['A.1'];
    const result = await decryptToken(v.compact, jwk(v.key));
    expect(result.state, result.message).toBe('decrypted');
    expect(result.plaintext).toBe(v.plaintext);
    expect(result.plaintext).toBe('The true sign of intelligence is not knowledge but imagination.');
    expect(result.plaintextIsJson).toBe(false);
  });

  it('A.1 decodes to five named parts with the RFC sizes (256-byte key, 12-byte IV, 16-byte tag)', () => {
    const decoded = decodeJwe(rfc7516['A.1'].compact);
    expect(decoded.header).toEqual({ alg: 'RSA-OAEP', enc: 'A256GCM' });
    expect(decoded.sizes).toEqual({ encrypted_key: 256, iv: 12, ciphertext: 63, tag: 16 });
    expect(decoded.warnings).toEqual([]);
  });

  it('A.2 (RSA1_5) is refused by name with a stable code, and its header is still shown', async () => {
    const v = rfc7516['A.2'];
    const result = await decryptToken(v.compact, jwk(v.key));
    expect(result.state).toBe('error');
    expect(result.code).toBe('alg-unsupported');
    expect(result.message).toMatch(/^RSA1_5 \(RSAES-PKCS1-v1_5\) is not supported/);
    expect(result.header).toEqual({ alg: 'RSA1_5', enc: 'A128CBC-HS256' });
  });

  it('A.3 (A128KW, A128CBC-HS256) decrypts to "Live long and prosper."', async () => {
    const v = rfc7516['A.3'];
    const result = await decryptToken(v.compact, jwk(v.key));
    expect(result.plaintext).toBe('Live long and prosper.');
    // The same key as the base64url text of "k".
    const asText = await decryptToken(v.compact, { text: String(v.key.k), secretEncoding: 'base64url' });
    expect(asText.plaintext).toBe('Live long and prosper.');
  });

  it('A.4 (general JSON): the A128KW recipient (kid 7) opens it; the RSA1_5 one is refused by name', async () => {
    const v = rfc7516['A.4'];
    const text = JSON.stringify(v.json);
    const decoded = decodeJweJson(text);
    expect(decoded.serialization).toBe('general');
    expect(decoded.recipients.map((r) => [r.alg, r.kid])).toEqual([
      ['RSA1_5', '2011-04-29'],
      ['A128KW', '7'],
    ]);
    expect(decoded.recipients[1]?.joint).toEqual({
      enc: 'A128CBC-HS256',
      jku: 'https://server.example.com/keys.jwks',
      alg: 'A128KW',
      kid: '7',
    });
    const opened = await decryptToken(text, jwk(v.keys['7']));
    expect(opened.state, opened.message).toBe('decrypted');
    expect(opened.recipientIndex).toBe(1);
    expect(opened.plaintext).toBe(v.plaintext);
    const refused = await decryptToken(text, jwk(v.keys['2011-04-29']));
    expect(refused.state).toBe('error');
    expect(refused.code).toBe('alg-unsupported');
    expect(refused.message).toMatch(/Recipient 1: RSA1_5/);
  });

  it('A.5 (flattened JSON) decrypts with the A.3 key', async () => {
    const v = rfc7516['A.5'];
    const result = await decryptToken(JSON.stringify(v.json), jwk(v.key));
    expect(result.serialization).toBe('flattened');
    expect(result.plaintext).toBe(v.plaintext);
  });
});

const SUPPORTED = ['5.2', '5.3', '5.4', '5.5', '5.6', '5.7', '5.8', '5.9', '5.10', '5.11', '5.12', '5.13'] as const;

function keyBox(v: Rfc7520Jwe): { text: string } {
  if (v.password !== undefined) return { text: v.password };
  return v.keys ? jwk({ keys: v.keys }) : jwk(v.key);
}

function forms(v: Rfc7520Jwe): [string, string][] {
  const out: [string, string][] = [];
  if (v.compact) out.push(['compact', v.compact]);
  if (v.json) out.push(['general JSON', JSON.stringify(v.json)]);
  if (v.json_flat) out.push(['flattened JSON', JSON.stringify(v.json_flat)]);
  return out;
}

describe('RFC 7520 §5: every published JWE decrypts to the published plaintext', () => {
  it.each(SUPPORTED)('§%s in each serialization the RFC gives', async (section) => {
    const v = rfc7520jwe[section];
    expect(forms(v).length).toBeGreaterThan(0);
    for (const [form, token] of forms(v)) {
      const result = await decryptToken(token, keyBox(v));
      expect(result.state, `${form}: ${result.message}`).toBe('decrypted');
      expect(result.plaintext, form).toBe(v.plaintext);
    }
  });

  it('§5.3 (PBES2-HS512+A256KW, p2c 8192) takes the password with its en dashes as UTF-8', async () => {
    const v = rfc7520jwe['5.3'];
    expect(v.password).toContain('\u2013');
    const result = await decryptToken(v.compact ?? '', { text: v.password ?? '' });
    expect(result.header).toMatchObject({ p2c: 8192, cty: 'jwk-set+json' });
    expect(result.payload).toMatchObject({ keys: expect.any(Array) });
  });

  it('§5.9 (zip DEF) inflates the compressed plaintext', async () => {
    const v = rfc7520jwe['5.9'];
    const result = await decryptToken(v.compact ?? '', keyBox(v));
    expect(result.header.zip).toBe('DEF');
    expect(result.plaintext).toBe(v.plaintext);
  });

  it('§5.10 (additional authenticated data): changing the aad breaks the tag', async () => {
    const v = rfc7520jwe['5.10'];
    const json = { ...v.json_flat, aad: String(v.json_flat?.aad).replace(/^./, 'A') };
    const result = await decryptToken(JSON.stringify(json), keyBox(v));
    expect(result.state).toBe('failed');
    expect(result.code).toBe('decryption-failed');
  });

  it('§5.13 (three recipients): each of the EC and AES-GCM key wrap keys opens it; the RSA1_5 one is refused', async () => {
    const v = rfc7520jwe['5.13'];
    const keys = v.keys ?? [];
    const text = JSON.stringify(v.json);
    const byKey = await Promise.all(keys.map((key) => decryptToken(text, jwk(key))));
    expect(byKey.map((r) => r.state)).toEqual(['error', 'decrypted', 'decrypted']);
    expect(byKey.map((r) => r.recipientIndex)).toEqual([undefined, 1, 2]);
    expect(byKey[0]?.code).toBe('alg-unsupported');
  });

  it('§5.1 (RSA1_5) is refused by name in all three serializations', async () => {
    const v = rfc7520jwe['5.1'];
    for (const [form, token] of forms(v)) {
      const result = await decryptToken(token, keyBox(v));
      expect(result.code, form).toBe('alg-unsupported');
      expect(result.message, form).toMatch(/RSA1_5/);
    }
  });
});

describe('RFC 7520 §6: nesting signatures and encryption', () => {
  it('decrypts to the PS256 JWT, which verifies with the signer key (RSA-OAEP, A128GCM, cty JWT)', async () => {
    const v = rfc7520jwe['6'];
    const result = await decryptToken(v.compact, jwk(v.key));
    expect(result.header).toMatchObject({ alg: 'RSA-OAEP', enc: 'A128GCM', cty: 'JWT' });
    expect(result.inner).toMatchObject({ token: v.innerCompact, kind: 'jws', reason: 'cty', alg: 'PS256' });
    const inner = await verifyToken(result.inner?.token ?? '', jwk(v.signingKey), { now: 1300819000 * 1000 });
    expect(inner.signature, inner.message).toBe('verified');
    expect(inner.claims).toBe('valid');
  });
});
