// The token kind classifier the page dispatches on: cheap, pure, one table.
import { describe, expect, it } from 'vitest';
import { KIND_RULES, TOKEN_KINDS, classifyToken } from '../../src/core/token-kind';
import { rfc7516 } from '../fixtures/jwe/fixtures';
import { jwcrypto, rfc7520jwsJson, rfc7797 } from '../fixtures/jwe/fixtures';

const JWS = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln';

describe('classifyToken', () => {
  it.each([
    ['a compact JWS', JWS, 'jws-compact'],
    ['an unsecured JWS (empty signature)', 'eyJhbGciOiJub25lIn0.e30.', 'jws-compact'],
    ['a detached JWS (header..signature)', rfc7797['4.2'].compactDetached, 'jws-detached'],
    ['a compact JWE', rfc7516['A.1'].compact, 'jwe-compact'],
    [
      'a compact JWE with an empty encrypted key',
      jwcrypto.tokens.find((t) => t.alg === 'dir')?.token ?? '',
      'jwe-compact',
    ],
    ['a flattened JWE JSON', JSON.stringify(rfc7516['A.5'].json), 'jwe-json-flattened'],
    ['a general JWE JSON', JSON.stringify(rfc7516['A.4'].json, null, 2), 'jwe-json-general'],
    ['a flattened JWS JSON', JSON.stringify(rfc7520jwsJson['4.6'].json_flat), 'jws-json-flattened'],
    ['a general JWS JSON', JSON.stringify(rfc7520jwsJson['4.8'].json), 'jws-json-general'],
    ['nothing', '  \n', 'empty'],
    ['four parts', 'a.b.c.d', 'other'],
    ['an opaque token', 'abc123', 'other'],
    [
      'an SD-JWT: an issuer JWT, a disclosure and an empty key binding (RFC 9901)',
      `${JWS}~WyJzYWx0IiwiYSIsMV0~`,
      'sd-jwt',
    ],
    ['JSON that is no JOSE object', '{"sub":"a"}', 'other'],
  ])('%s', (_name, text, kind) => {
    expect(classifyToken(text).kind).toBe(kind);
  });

  it('gives the normalised compact token, or the trimmed JSON text', () => {
    expect(classifyToken(`Bearer "${JWS}"\n`)).toEqual({ kind: 'jws-compact', text: JWS });
    expect(classifyToken('  {"ciphertext":"AA","iv":"AA"}  ')).toEqual({
      kind: 'jwe-json-flattened',
      text: '{"ciphertext":"AA","iv":"AA"}',
    });
  });

  it('sends broken JSON that names a JOSE member to that kind, so its decoder reports where it breaks', () => {
    expect(classifyToken('{"protected":"e30","ciphertext":"AA",').kind).toBe('jwe-json-flattened');
    expect(classifyToken('{"payload":"e30","signatures":[').kind).toBe('jws-json-general');
  });

  it('every rule names a kind from TOKEN_KINDS', () => {
    for (const rule of KIND_RULES) expect(TOKEN_KINDS).toContain(rule.kind);
  });
});
