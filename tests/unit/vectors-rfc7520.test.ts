// RFC 7520 §4.1–4.4: the JOSE cookbook signatures over the "Fellowship of the Ring" payload (which is text
// with U+2019 apostrophes, not JSON). RS256 and HS256 are deterministic and reproduced exactly; PS384 and
// ES512 are randomised, so the RFC tokens are verified. Vectors: tests/fixtures/rfc7520-section-4.json.
import { describe, expect, it } from 'vitest';
import { decodeToken, signToken, verifyToken } from '../../src/core';
import { base64url, forgePayload, jwksText, pemOfJwk, publicJwkOf, rfc7520, tamperSegment } from '../fixtures/fixtures';

const PAYLOAD = rfc7520.payload.text;
const KID = 'bilbo.baggins@hobbiton.example';
const rsa = rfc7520.keys.rsa.jwk;
const ec = rfc7520.keys.ec.jwk;
const oct = rfc7520.keys.oct.jwk;
const SECTIONS = ['4.1', '4.2', '4.3', '4.4'] as const;
const KEYS = { rsa, ec, oct };

describe('RFC 7520 fixtures are byte-exact', () => {
  it('the Figure 7 payload has two U+2019 apostrophes and one ASCII one, and encodes to Figure 8', () => {
    expect(PAYLOAD.match(/\u2019/g)).toHaveLength(2);
    expect(PAYLOAD).toContain("don't");
    expect(base64url(PAYLOAD)).toBe(rfc7520.payload.b64u);
  });

  it.each(SECTIONS)('§%s token is BASE64URL(header).BASE64URL(payload).signature', (section) => {
    const vector = rfc7520[section];
    const [header, payload] = vector.compact.split('.');
    expect(base64url(vector.headerText)).toBe(vector.headerB64u);
    expect(header).toBe(vector.headerB64u);
    expect(payload).toBe(rfc7520.payload.b64u);
  });
});

describe('RFC 7520 §4: decoding', () => {
  it.each(SECTIONS)('§%s decodes the kid and the text payload with its U+2019 apostrophes', (section) => {
    const vector = rfc7520[section];
    const decoded = decodeToken(vector.compact);
    expect(decoded.alg).toBe(vector.alg);
    expect(decoded.header.kid).toBe(vector.key === 'oct' ? oct.kid : KID);
    expect(decoded.payloadIsJson).toBe(false);
    expect(decoded.payloadText).toBe(PAYLOAD);
  });
});

describe('RFC 7520 §4: verifying the published tokens', () => {
  it.each(SECTIONS)('§%s verifies with the private JWK of §3 (public half derived)', async (section) => {
    const vector = rfc7520[section];
    const result = await verifyToken(vector.compact, { text: JSON.stringify(KEYS[vector.key]) });
    expect(result.signature, result.message).toBe('verified');
    expect(result.claims, result.claimsMessage).toBe('none');
  });

  it.each(['4.1', '4.2', '4.3'] as const)('§%s verifies with the public JWK and with the SPKI PEM', async (section) => {
    const vector = rfc7520[section];
    const jwk = KEYS[vector.key];
    for (const text of [JSON.stringify(publicJwkOf(jwk)), pemOfJwk(jwk, 'spki')]) {
      const result = await verifyToken(vector.compact, { text });
      expect(result.signature, result.message).toBe('verified');
    }
  });

  it('§4.4 verifies with the "k" value pasted as a base64url secret', async () => {
    const result = await verifyToken(rfc7520['4.4'].compact, { text: oct.k ?? '', secretEncoding: 'base64url' });
    expect(result.signature, result.message).toBe('verified');
  });

  it.each(['4.1', '4.2', '4.3'] as const)(
    '§%s picks the compatible key from a JWKS where the RSA and EC keys share the kid (as RFC 7520 §3 does)',
    async (section) => {
      const vector = rfc7520[section];
      const jwks = jwksText(publicJwkOf(rsa), publicJwkOf(ec));
      const result = await verifyToken(vector.compact, { text: jwks });
      expect(
        result.signature,
        `verify: kid "${KID}" matches an RSA and an EC key; ${vector.alg} must use the compatible one. Got: ${result.message}`,
      ).toBe('verified');
      expect(result.kid).toBe(KID);
    },
  );

  it.each(SECTIONS)('§%s does not verify with a flipped payload or signature character', async (section) => {
    const vector = rfc7520[section];
    for (const segment of [1, 2] as const) {
      const result = await verifyToken(tamperSegment(vector.compact, segment), {
        text: JSON.stringify(KEYS[vector.key]),
      });
      expect(result.signature, `segment ${segment}: ${result.message}`).toBe('invalid');
    }
  });

  it('§4.1 does not verify with the §4.2 PS384 signature swapped in (same key, other algorithm)', async () => {
    const [header, payload] = rfc7520['4.1'].compact.split('.');
    const pssSignature = rfc7520['4.2'].compact.split('.')[2];
    const result = await verifyToken(`${header}.${payload}.${pssSignature}`, {
      text: JSON.stringify(publicJwkOf(rsa)),
    });
    expect(result.signature, result.message).toBe('invalid');
  });
});

describe('RFC 7520 §4: signing', () => {
  it('§4.1 RS256 reproduces the RFC signature exactly', async () => {
    const vector = rfc7520['4.1'];
    const token = await signToken(vector.headerText, PAYLOAD, { text: JSON.stringify(rsa) });
    expect(token, 'sign: RS256 over the RFC header text and the Figure 7 text payload').toBe(vector.compact);
  });

  it('§4.1 RS256 reproduces the RFC signature exactly with the key as PKCS#1 PEM (converted by node:crypto)', async () => {
    const vector = rfc7520['4.1'];
    const token = await signToken(vector.headerText, PAYLOAD, { text: pemOfJwk(rsa, 'pkcs1-private') });
    expect(token).toBe(vector.compact);
  });

  it('§4.4 HS256 reproduces the RFC signature exactly with the oct JWK', async () => {
    const vector = rfc7520['4.4'];
    const token = await signToken(vector.headerText, PAYLOAD, { text: JSON.stringify(oct) });
    expect(token).toBe(vector.compact);
  });

  it('§4.4 HS256 reproduces the RFC signature exactly with the key as a base64url secret', async () => {
    const vector = rfc7520['4.4'];
    const token = await signToken(vector.headerText, PAYLOAD, { text: oct.k ?? '', secretEncoding: 'base64url' });
    expect(token).toBe(vector.compact);
  });

  it.each(['4.2', '4.3'] as const)(
    '§%s signs the RFC header and payload and verifies (randomised)',
    async (section) => {
      const vector = rfc7520[section];
      const jwk = KEYS[vector.key];
      const token = await signToken(vector.headerText, PAYLOAD, { text: JSON.stringify(jwk) });
      expect(token.split('.').slice(0, 2).join('.')).toBe(`${vector.headerB64u}.${rfc7520.payload.b64u}`);
      const result = await verifyToken(token, { text: JSON.stringify(publicJwkOf(jwk)) });
      expect(result.signature, result.message).toBe('verified');
      const forged = await verifyToken(forgePayload(vector.compact.replace(/\.[^.]*\./, '.e30.'), { x: 1 }), {
        text: JSON.stringify(publicJwkOf(jwk)),
      });
      expect(forged.signature, forged.message).toBe('invalid');
    },
  );
});
