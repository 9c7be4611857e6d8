// RFC 7515 Appendix A: the published JWS examples, verified (and, where the algorithm is deterministic,
// reproduced) by the engine. Vectors: tests/fixtures/rfc7515-appendix-a.json.
import { describe, expect, it } from 'vitest';
import { SignError, decodeToken, signToken, verifyToken } from '../../src/core';
import { base64url, forgePayload, jwksText, pemOfJwk, publicJwkOf, rfc7515, tamperSegment } from '../fixtures/fixtures';

const A1 = rfc7515['A.1'];
const A2 = rfc7515['A.2'];
const A3 = rfc7515['A.3'];
const A4 = rfc7515['A.4'];
const A5 = rfc7515['A.5'];
/** All A.1–A.3 payloads carry exp 1300819380 (2011-03-22T18:43:00Z); this clock is one minute before it. */
const BEFORE_EXP = 1300819320 * 1000;

function jwkOf(vector: { key?: Record<string, string> }): Record<string, string> {
  if (!vector.key) throw new Error('fixture vector has no key');
  return vector.key;
}

describe('RFC 7515 Appendix A fixtures are byte-exact', () => {
  it.each(['A.1', 'A.2', 'A.3', 'A.4', 'A.5'] as const)('%s header and payload encode to the RFC base64url', (id) => {
    const vector = rfc7515[id];
    const [header, payload] = vector.compact.split('.');
    expect(base64url(vector.headerText)).toBe(vector.headerB64u);
    expect(header).toBe(vector.headerB64u);
    expect(base64url(vector.payloadText ?? '')).toBe(vector.payloadB64u);
    expect(payload).toBe(vector.payloadB64u);
  });
});

describe('RFC 7515 A.1: HS256', () => {
  const jwk = jwkOf(A1);

  it('decodes the header with its CRLF formatting kept in headerText', () => {
    const decoded = decodeToken(A1.compact);
    expect(decoded.header).toEqual({ typ: 'JWT', alg: 'HS256' });
    expect(decoded.headerText).toBe(A1.headerText);
    expect(decoded.payload).toEqual({ iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true });
    expect(decoded.alg).toBe('HS256');
  });

  it('verifies with the oct JWK, and reports the 2011 exp as expired', async () => {
    const result = await verifyToken(A1.compact, { text: JSON.stringify(jwk) });
    expect(result.signature, result.message).toBe('verified');
    expect(result.claims, result.claimsMessage).toBe('expired');
  });

  it('reports the time claims as valid when checked as of a minute before exp', async () => {
    const result = await verifyToken(A1.compact, { text: JSON.stringify(jwk) }, { now: BEFORE_EXP });
    expect(result.signature, result.message).toBe('verified');
    expect(result.claims, result.claimsMessage).toBe('valid');
  });

  it('verifies with the JWK "k" value pasted as a base64url secret', async () => {
    const result = await verifyToken(A1.compact, { text: jwk.k ?? '', secretEncoding: 'base64url' });
    expect(result.signature, result.message).toBe('verified');
  });

  it('says the secret matched as base64url when it was read as utf8', async () => {
    const result = await verifyToken(A1.compact, { text: jwk.k ?? '', secretEncoding: 'utf8' });
    expect(result.signature, result.message).toBe('invalid');
    expect(
      result.matchingSecretEncoding,
      'verify: a secret that only verifies under another reading must name that reading',
    ).toBe('base64url');
  });

  it('does not verify with a different secret, nor with a forged payload', async () => {
    const wrong = await verifyToken(A1.compact, {
      text: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ',
      secretEncoding: 'base64url',
    });
    expect(wrong.signature, wrong.message).toBe('invalid');
    const forged = await verifyToken(forgePayload(A1.compact, { iss: 'mallory' }), { text: JSON.stringify(jwk) });
    expect(forged.signature, forged.message).toBe('invalid');
  });

  // The RFC header has a CRLF and a leading space inside it. signToken re-serialises the header members (jose's
  // CompactSign), so it cannot produce those octets; the RFC token itself is verified above instead. What signing
  // must keep: every header member, and the payload octets as typed (CRLFs included).
  it('signs the RFC header members and payload octets with the RFC key, and the result verifies', async () => {
    const token = await signToken(A1.headerText, A1.payloadText ?? '', { text: JSON.stringify(jwk) });
    const decoded = decodeToken(token);
    expect(decoded.header).toEqual({ typ: 'JWT', alg: 'HS256' });
    expect(token.split('.')[1], 'sign: the payload text must be signed as typed').toBe(A1.payloadB64u);
    const result = await verifyToken(token, { text: JSON.stringify(jwk) });
    expect(result.signature, result.message).toBe('verified');
  });

  it('does not verify with a flipped signature character', async () => {
    const result = await verifyToken(tamperSegment(A1.compact, 2), { text: JSON.stringify(jwk) });
    expect(result.signature, result.message).toBe('invalid');
  });
});

describe('RFC 7515 A.2: RS256 (RSASSA-PKCS1-v1_5 is deterministic)', () => {
  const jwk = jwkOf(A2);

  it.each([
    ['public JWK', JSON.stringify(publicJwkOf(jwk))],
    ['private JWK (public half derived)', JSON.stringify(jwk)],
    ['SPKI PEM converted by node:crypto', pemOfJwk(jwk, 'spki')],
    ['PKCS#1 public PEM converted by node:crypto', pemOfJwk(jwk, 'pkcs1-public')],
    ['PKCS#1 private PEM converted by node:crypto', pemOfJwk(jwk, 'pkcs1-private')],
    ['JWKS holding the key', jwksText({ ...publicJwkOf(jwk), kid: 'rfc7515-a2' })],
  ])('verifies with the %s', async (_label, text) => {
    const result = await verifyToken(A2.compact, { text });
    expect(result.signature, result.message).toBe('verified');
  });

  it('reproduces the RFC signature exactly from the RFC header and payload texts', async () => {
    const token = await signToken(A2.headerText, A2.payloadText ?? '', { text: JSON.stringify(jwk) });
    expect(token, 'sign: must sign the payload text as typed (CRLF kept) and the header {"alg":"RS256"}').toBe(
      A2.compact,
    );
  });

  it('does not verify a forged payload', async () => {
    const result = await verifyToken(forgePayload(A2.compact, { iss: 'mallory' }), {
      text: JSON.stringify(publicJwkOf(jwk)),
    });
    expect(result.signature, result.message).toBe('invalid');
  });
});

describe('RFC 7515 A.3: ES256', () => {
  const jwk = jwkOf(A3);

  it.each([
    ['public JWK', JSON.stringify(publicJwkOf(jwk))],
    ['private JWK (public half derived)', JSON.stringify(jwk)],
    ['SPKI PEM converted by node:crypto', pemOfJwk(jwk, 'spki')],
    ['SEC1 private PEM converted by node:crypto', pemOfJwk(jwk, 'sec1')],
    ['PKCS#8 private PEM converted by node:crypto', pemOfJwk(jwk, 'pkcs8')],
  ])('verifies with the %s', async (_label, text) => {
    const result = await verifyToken(A3.compact, { text }, { now: BEFORE_EXP });
    expect(result.signature, result.message).toBe('verified');
    expect(result.claims, result.claimsMessage).toBe('valid');
  });

  it('signs the RFC header and payload with the RFC key (ECDSA is randomised) and verifies the result', async () => {
    const token = await signToken(A3.headerText, A3.payloadText ?? '', { text: JSON.stringify(jwk) });
    const [header, payload, signature = ''] = token.split('.');
    expect(header).toBe(A3.headerB64u);
    expect(payload, 'sign: the payload text must be signed as typed').toBe(A3.payloadB64u);
    expect(Buffer.from(signature, 'base64url')).toHaveLength(64);
    const result = await verifyToken(token, { text: JSON.stringify(publicJwkOf(jwk)) });
    expect(result.signature, result.message).toBe('verified');
  });

  it('does not verify with the A.4 P-521 key, and says why', async () => {
    const result = await verifyToken(A3.compact, { text: JSON.stringify(publicJwkOf(jwkOf(A4))) });
    expect(result.signature).not.toBe('verified');
    expect(result.message).toMatch(/P-521|P-256/);
  });
});

describe('RFC 7515 A.4: ES512 over a non-JSON payload', () => {
  const jwk = jwkOf(A4);

  it('decodes "Payload" as text, not JSON', () => {
    const decoded = decodeToken(A4.compact);
    expect(decoded.payloadIsJson).toBe(false);
    expect(decoded.payloadText).toBe('Payload');
    expect(decoded.signature).toHaveLength(132);
  });

  it.each([
    ['public JWK', JSON.stringify(publicJwkOf(jwk))],
    ['private JWK (public half derived)', JSON.stringify(jwk)],
    ['SPKI PEM converted by node:crypto', pemOfJwk(jwk, 'spki')],
  ])('verifies with the %s, with no time claims to check', async (_label, text) => {
    const result = await verifyToken(A4.compact, { text });
    expect(result.signature, result.message).toBe('verified');
    expect(result.claims, result.claimsMessage).toBe('none');
  });
});

describe('RFC 7515 A.5: unsecured JWS', () => {
  it('decodes as unsecured with an empty signature', () => {
    const decoded = decodeToken(A5.compact);
    expect(decoded.unsecured).toBe(true);
    expect(decoded.alg).toBe('none');
    expect(decoded.signature).toHaveLength(0);
    expect(decoded.payload).toEqual({ iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true });
  });

  it.each([
    ['the A.1 HMAC key', JSON.stringify(jwkOf(A1))],
    ['the A.2 RSA public key', JSON.stringify(publicJwkOf(jwkOf(A2)))],
    ['an empty key', ''],
  ])('never verifies, with %s', async (_label, text) => {
    const result = await verifyToken(A5.compact, { text }, { now: BEFORE_EXP });
    expect(result.signature, `alg none must never verify; got: ${result.message}`).not.toBe('verified');
    expect(result.message).toMatch(/none|unsecured/i);
  });

  it('never verifies when the A.1 token is stripped of its signature and relabelled alg none', async () => {
    const [, payload] = A1.compact.split('.');
    const stripped = `${base64url('{"alg":"none"}')}.${payload}.`;
    const result = await verifyToken(stripped, { text: JSON.stringify(jwkOf(A1)) });
    expect(result.signature).not.toBe('verified');
  });

  it('refuses to sign alg none unless asked explicitly', async () => {
    await expect(signToken(A5.headerText, A5.payloadText ?? '', { text: '' })).rejects.toBeInstanceOf(SignError);
  });

  it('produces the RFC unsecured token when alg none is asked for explicitly', async () => {
    const token = await signToken(A5.headerText, A5.payloadText ?? '', { text: '' }, { allowNone: true });
    expect(token).toBe(A5.compact);
  });
});
