// The token-kind dispatch names SD-JWTs exactly as the SD-JWT engine recognises them: compact, with a key-binding
// JWT, and RFC 9901 §8's JSON serializations (whose `disclosures` sit in the unprotected header, not at the top).
import { describe, expect, it } from 'vitest';
import { classifyToken } from '../../src/core/token-kind';
import { rfc9901 } from '../fixtures/sdjwt/fixtures';

const JWT = rfc9901.section5.issuerJwt;

describe('classifyToken and SD-JWTs', () => {
  it.each([
    ['an issued SD-JWT', rfc9901.section5.issued],
    ['an SD-JWT+KB', rfc9901.section5.presentation],
    ['an SD-JWT without disclosures', `${JWT}~`],
    ['one pasted with a Bearer prefix', `Bearer ${rfc9901.section5.issued}`],
    ['the Flattened JSON serialization', JSON.stringify(rfc9901['8.2'].issued)],
    ['the General JSON serialization with a KB-JWT', JSON.stringify(rfc9901['8.3'].presentation, null, 2)],
  ])('names %s sd-jwt', (_what, text) => {
    expect(classifyToken(text).kind).toBe('sd-jwt');
  });

  it.each([
    ['a plain JWT', JWT, 'jws-compact'],
    ['prose with a tilde', 'hello ~ world', 'other'],
    ['a JWT with a tilde inside a segment', `${JWT.slice(0, 20)}~${JWT.slice(20)}`, 'other'],
    [
      'a JWS JSON serialization without disclosures',
      '{"payload":"e30","protected":"e30","signature":"x"}',
      'jws-json-flattened',
    ],
    ['a JSON object that only names disclosures', '{"disclosures":[]}', 'other'],
  ])('does not name %s sd-jwt', (_what, text, kind) => {
    expect(classifyToken(text).kind).toBe(kind);
  });
});
