// RFC 8037 Appendix A: Ed25519 in JOSE. Ed25519 signatures are deterministic (RFC 8032 §5.1.6), so the
// engine must reproduce A.4 byte for byte. Vectors: tests/fixtures/rfc8037-appendix-a.json.
import { describe, expect, it } from 'vitest';
import { decodeToken, jwkThumbprint, signToken, verifyToken } from '../../src/core';
import { base64url, forgePayload, jwksText, pemOfJwk, rfc8037, tamperSegment } from '../fixtures/fixtures';

const PRIVATE = rfc8037['A.1'].key;
const PUBLIC = rfc8037['A.2'].key;
const A4 = rfc8037['A.4'];

describe('RFC 8037 Appendix A fixtures are byte-exact', () => {
  it('A.4 header and payload encode to the RFC base64url', () => {
    expect(base64url(A4.headerText)).toBe(A4.headerB64u);
    expect(base64url(A4.payloadText ?? '')).toBe(A4.payloadB64u);
    expect(A4.compact).toBe(`${A4.headerB64u}.${A4.payloadB64u}.${A4.signatureB64u}`);
  });
});

describe('RFC 8037 A.3: JWK thumbprint', () => {
  it('computes the RFC 7638 thumbprint of the A.2 public key', async () => {
    expect(await jwkThumbprint(PUBLIC)).toBe(rfc8037['A.3'].thumbprint);
  });

  it('computes the same thumbprint from the A.1 private key', async () => {
    expect(await jwkThumbprint(PRIVATE)).toBe(rfc8037['A.3'].thumbprint);
  });
});

describe('RFC 8037 A.4: Ed25519 signing', () => {
  it('reproduces the RFC signature exactly with the A.1 private JWK', async () => {
    const token = await signToken(A4.headerText, A4.payloadText ?? '', { text: JSON.stringify(PRIVATE) });
    expect(token, 'sign: EdDSA over the RFC header and the text payload "Example of Ed25519 signing"').toBe(A4.compact);
  });

  it('reproduces the RFC signature exactly with the A.1 key as PKCS#8 PEM (converted by node:crypto)', async () => {
    const token = await signToken(A4.headerText, A4.payloadText ?? '', { text: pemOfJwk(PRIVATE, 'pkcs8') });
    expect(token).toBe(A4.compact);
  });

  it('decodes the A.4 token: EdDSA header, text payload, 64-byte signature', () => {
    const decoded = decodeToken(A4.compact);
    expect(decoded.header).toEqual({ alg: 'EdDSA' });
    expect(decoded.payloadIsJson).toBe(false);
    expect(decoded.payloadText).toBe('Example of Ed25519 signing');
    expect(decoded.signature).toHaveLength(64);
  });
});

describe('RFC 8037 A.5: Ed25519 validation', () => {
  it.each([
    ['A.2 public JWK', JSON.stringify(PUBLIC)],
    ['A.1 private JWK (public half derived)', JSON.stringify(PRIVATE)],
    ['SPKI PEM converted by node:crypto', pemOfJwk(PUBLIC, 'spki')],
    ['PKCS#8 PEM converted by node:crypto', pemOfJwk(PRIVATE, 'pkcs8')],
    ['JWKS holding the key', jwksText({ ...PUBLIC, kid: 'rfc8037' })],
  ])('verifies the A.4 token with the %s', async (_label, text) => {
    const result = await verifyToken(A4.compact, { text });
    expect(result.signature, result.message).toBe('verified');
    expect(result.claims, result.claimsMessage).toBe('none');
  });

  it('does not verify a flipped signature or payload character', async () => {
    for (const segment of [1, 2] as const) {
      const result = await verifyToken(tamperSegment(A4.compact, segment), { text: JSON.stringify(PUBLIC) });
      expect(result.signature, `segment ${segment}: ${result.message}`).toBe('invalid');
    }
  });

  it('signs with the fully-specified alg "Ed25519" (RFC 9864) and verifies it with the RFC key', async () => {
    const token = await signToken('{"alg":"Ed25519"}', '{"sub":"rfc8037"}', { text: JSON.stringify(PRIVATE) });
    expect(decodeToken(token).alg).toBe('Ed25519');
    const result = await verifyToken(token, { text: JSON.stringify(PUBLIC) });
    expect(result.signature, result.message).toBe('verified');
    const forged = await verifyToken(forgePayload(token, { sub: 'mallory' }), { text: JSON.stringify(PUBLIC) });
    expect(forged.signature, forged.message).toBe('invalid');
  });
});
