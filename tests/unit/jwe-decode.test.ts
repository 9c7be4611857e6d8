// Decoding a JWE for display: five named parts with their ranges, the header explained member by member,
// shape warnings; and decodeToken staying the JWS decoder.
import { describe, expect, it } from 'vitest';
import { TokenError } from '../../src/core/errors';
import { decodeJwe, decodeJweJson, explainJweHeader, JWE_PARTS } from '../../src/core/jwe';
import { decodeToken } from '../../src/core/token';
import { jwcrypto } from '../fixtures/jwe/fixtures';
import { rfc7516, rfc7520jwe } from '../fixtures/jwe/fixtures';

const b64 = (value: string | Uint8Array): string => Buffer.from(value).toString('base64url');
const A1 = rfc7516['A.1'].compact;

describe('decodeJwe: the five parts', () => {
  it('names the parts and gives each one its [start, end) range in the normalised token', () => {
    const decoded = decodeJwe(A1);
    expect(JWE_PARTS).toEqual(['header', 'encrypted_key', 'iv', 'ciphertext', 'tag']);
    for (const part of JWE_PARTS) {
      const [start, end] = decoded.ranges[part];
      expect(decoded.normalized.slice(start, end)).toBe(decoded.segments[part]);
    }
    expect(decoded.segments.iv).toBe('48V1_ALb6US04U3b');
    expect(decoded.headerText).toBe('{"alg":"RSA-OAEP","enc":"A256GCM"}');
    expect([decoded.alg, decoded.enc]).toEqual(['RSA-OAEP', 'A256GCM']);
  });

  it('normalises like decodeToken: Bearer prefix, quotes and line breaks are removed and reported', () => {
    const pasted = `Bearer "${A1.slice(0, 100)}\n${A1.slice(100)}"`;
    const decoded = decodeJwe(pasted);
    expect(decoded.normalized).toBe(A1);
    expect(decoded.changes.join(' ')).toMatch(/Bearer.*double quotes.*line break/);
  });

  it('an empty encrypted key (dir, ECDH-ES) keeps its range, of zero length', () => {
    const token = jwcrypto.tokens.find((t) => t.alg === 'dir')?.token ?? '';
    const decoded = decodeJwe(token);
    expect(decoded.segments.encrypted_key).toBe('');
    expect(decoded.ranges.encrypted_key[0]).toBe(decoded.ranges.encrypted_key[1]);
    expect(decoded.sizes.encrypted_key).toBe(0);
    expect(decoded.warnings).toEqual([]);
  });

  it('warns about an encrypted key where none belongs, a missing one, and IV and tag sizes that do not fit enc', () => {
    const [, key, iv, ciphertext, tag] = A1.split('.');
    const dirHeader = b64('{"alg":"dir","enc":"A256GCM"}');
    const dir = decodeJwe([dirHeader, key, iv, ciphertext, tag].join('.'));
    expect(dir.warnings.map((w) => w.code)).toEqual(['encrypted-key-unexpected']);
    const kw = decodeJwe([b64('{"alg":"A128KW","enc":"A128CBC-HS256"}'), '', iv, ciphertext, tag].join('.'));
    expect(kw.warnings.map((w) => w.code)).toEqual(['encrypted-key-missing', 'iv-size']);
    expect(kw.warnings[1]?.message).toMatch(/initialisation vector is 12 bytes; A128CBC-HS256 uses 16/);
    const short = decodeJwe([A1.split('.')[0], key, iv, ciphertext, (tag ?? '').slice(0, 8)].join('.'));
    expect(short.warnings.map((w) => [w.code, w.part])).toEqual([['tag-size', 'tag']]);
  });

  it('warns about a missing or unknown alg and enc, and a repeated header member', () => {
    const rest = A1.split('.').slice(1).join('.');
    const odd = decodeJwe(`${b64('{"alg":"RSA1_5","alg":"RSA-OAEP","zip":"DEF"}')}.${rest}`);
    expect(odd.warnings.map((w) => w.code)).toEqual(['duplicate-member', 'enc-missing']);
    const unknown = decodeJwe(`${b64('{"alg":"X","enc":"Y"}')}.${rest}`);
    expect(unknown.warnings.map((w) => w.code)).toEqual(['alg-unsupported', 'enc-unsupported']);
  });

  it('throws TokenError with the part and offset for broken tokens', () => {
    const cases: [string, string, string | undefined][] = [
      ['eyJhbGciOiJIUzI1NiJ9.e30.c2ln', 'parts', undefined],
      [A1.replace('48V1', '48V*'), 'base64url', 'iv'],
      [`${b64('[1]')}.${A1.split('.').slice(1).join('.')}`, 'header-not-object', 'header'],
      ['', 'empty', undefined],
    ];
    for (const [token, code, part] of cases) {
      try {
        decodeJwe(token);
        expect.unreachable(token);
      } catch (error) {
        expect(error).toBeInstanceOf(TokenError);
        expect((error as TokenError).code).toBe(code);
        expect((error as TokenError).part).toBe(part);
      }
    }
  });

  it('a JWS given to decodeJwe says it is a signed token', () => {
    expect(() => decodeJwe('eyJhbGciOiJIUzI1NiJ9.e30.c2ln')).toThrow(/Three parts is a signed token \(JWS\)/);
  });
});

describe('decodeToken stays the JWS decoder', () => {
  it('still throws TokenError code jwe for a compact JWE, with the protected header', () => {
    try {
      decodeToken(A1);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TokenError);
      expect((error as TokenError).code).toBe('jwe');
      expect((error as TokenError).jweHeader).toEqual({ alg: 'RSA-OAEP', enc: 'A256GCM' });
    }
  });
});

describe('explainJweHeader: the header in words', () => {
  it('explains alg, enc, kid, epk, cty, zip, apu/apv with their RFC sections', () => {
    const header = rfc7520jwe['5.4'].protected ?? {};
    const rows = explainJweHeader({ ...header, cty: 'JWT', zip: 'DEF', apu: b64('Alice'), apv: b64('Bob') });
    const by = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(by.alg?.description).toMatch(/^ECDH-ES, then AES-128 key wrap\. The sender made a one-time key pair/);
    expect(by.alg?.reference).toBe('RFC 7516 §4.1.1; RFC 7518 §4.6; RFC 8037 §3.2');
    expect(by.enc?.description).toMatch(/^AES-128 GCM\./);
    expect(by.kid?.description).toMatch(/Which of the recipient's keys/);
    expect(by.epk?.description).toMatch(/one-time public key \(EC on P-384\)/);
    expect(by.cty?.description).toMatch(/nested token/);
    expect(by.zip?.description).toMatch(/DEFLATE before encryption.*\(CRIME\/BREACH\)/);
    expect(by.apu?.description).toMatch(/sender \(5 bytes\)/);
    expect(rows.every((r) => r.problem === undefined)).toBe(true);
    expect(rows.map((r) => r.name)).toEqual([...Object.keys(header), 'cty', 'zip', 'apu', 'apv']);
  });

  it('explains p2c and p2s, and flags a count over the limit or under the recommended minimum', () => {
    const good = explainJweHeader(rfc7520jwe['5.3'].protected ?? {});
    expect(good.find((r) => r.name === 'p2c')?.description).toMatch(/PBKDF2 8192 times/);
    expect(good.find((r) => r.name === 'p2s')?.description).toMatch(/salt \(16 bytes\)/);
    const hostile = explainJweHeader({ alg: 'PBES2-HS256+A128KW', p2c: 5_000_000, p2s: 'AA' });
    expect(hostile.find((r) => r.name === 'p2c')?.problem).toMatch(/Over the limit of 10000/);
    expect(hostile.find((r) => r.name === 'p2s')?.problem).toMatch(/at least 8 bytes/);
    expect(explainJweHeader({ p2c: 100 })[0]?.description).toMatch(/Under the 1000 RFC 7518 recommends/);
  });

  it('names unsupported algorithms as a problem, and unknown members as not registered', () => {
    const rows = explainJweHeader({ alg: 'RSA1_5', enc: 'A128CBC+HS256', crit: ['x'], foo: 1 });
    expect(rows[0]?.problem).toMatch(/RSA1_5 .* not supported/);
    expect(rows[1]?.problem).toMatch(/old JWE draft/);
    expect(rows[2]?.problem).toMatch(/refused/);
    expect(rows[3]).toMatchObject({ name: 'foo', display: '1', title: 'Other member' });
  });
});

describe('decodeJweJson', () => {
  it('reads flattened JSON: one recipient, joint header', () => {
    const decoded = decodeJweJson(JSON.stringify(rfc7516['A.5'].json));
    expect(decoded.serialization).toBe('flattened');
    expect(decoded.protectedHeader).toEqual({ enc: 'A128CBC-HS256' });
    expect(decoded.unprotected).toEqual({ jku: 'https://server.example.com/keys.jwks' });
    expect(decoded.recipients).toHaveLength(1);
    expect(decoded.explanation.map((r) => r.name)).toEqual(['enc', 'jku', 'alg', 'kid']);
  });

  it('warns when a member is in two header parts', () => {
    const json = { ...rfc7516['A.5'].json, unprotected: { alg: 'A128KW' } };
    expect(decodeJweJson(JSON.stringify(json)).warnings[0]).toMatch(/"alg" appears in more than one header part/);
  });

  it('throws TokenError for JSON that is not a JWE', () => {
    expect(() => decodeJweJson('{"ciphertext":')).toThrow(TokenError);
    expect(() => decodeJweJson('{"iv":"AA"}')).toThrow(/needs a "ciphertext"/);
    expect(() => decodeJweJson('{"ciphertext":"AA","protected":"e30","recipients":[]}')).toThrow(/non-empty array/);
    expect(() => decodeJweJson('{"ciphertext":"AA"}')).toThrow(/no header at all/);
  });
});
