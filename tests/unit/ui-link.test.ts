// The link reader and writer of the UI (docs/interface.md §1), and the JSON helpers the store uses: pure
// functions, so they are tested here rather than through the browser.
import { describe, expect, it } from 'vitest';
import { buildLink, readLink } from '../../src/state/link';
import { compactJson, payloadToSign, rebuildToken, refreshedPayload } from '../../src/core/payload-bytes';
import { withMembers } from '../../src/state/jsonParts';

describe('readLink', () => {
  it('reads #token= and #mode=encode', () => {
    const plan = readLink('', '#token=a.b.c&mode=encode');
    expect(plan.tokens).toEqual([{ name: 'token', token: 'a.b.c' }]);
    expect(plan.mode).toBe('encode');
    expect(plan.problems).toEqual([]);
    expect(plan.replaceUrl).toBeUndefined();
  });

  it('keeps every token of an implicit-flow redirect and ignores its other members silently', () => {
    const plan = readLink('', '#id_token=i.d.t&access_token=a.c.t&token_type=Bearer&expires_in=3600&state=xyz');
    expect(plan.tokens.map((t) => t.name)).toEqual(['id_token', 'access_token']);
    expect(plan.problems).toEqual([]);
  });

  it('moves ?token= and ?value= into the fragment and keeps other query members', () => {
    expect(readLink('?token=a.b.c', '', '/').replaceUrl).toBe('/#token=a.b.c');
    expect(readLink('?utm=x&value=a.b.c', '#mode=encode', '/app/').replaceUrl).toBe(
      '/app/?utm=x#value=a.b.c&mode=encode',
    );
  });

  it('keeps "+" in a URL-encoded or raw PEM (URLSearchParams would turn it into a space)', () => {
    expect(readLink('', '#publicKey=ab%2Bcd+ef').publicKey).toBe('ab+cd+ef');
  });

  it('reports unknown, empty and badly encoded parameters instead of throwing', () => {
    const plan = readLink('', '#token=%E0%A4%A&frob=1&mode=sideways&value=&secretEncoding=rot13');
    expect(plan.tokens).toEqual([]);
    expect(plan.problems).toHaveLength(5);
    expect(plan.secretEncoding).toBeUndefined();
  });
});

describe('buildLink', () => {
  const base = { origin: 'http://127.0.0.1:4173', pathname: '/', token: 'a.b.c' };

  it('puts only the token in the fragment by default', () => {
    expect(buildLink({ ...base, mode: 'decode' })).toBe('http://127.0.0.1:4173/#token=a.b.c');
    expect(buildLink({ ...base, mode: 'encode' })).toBe('http://127.0.0.1:4173/#mode=encode&token=a.b.c');
  });

  it('writes a public key as publicKey= and a secret as key= with its encoding, both readable back', () => {
    const pem = '-----BEGIN PUBLIC KEY-----\nMFkw+/=\n-----END PUBLIC KEY-----';
    const publicLink = buildLink({
      ...base,
      mode: 'decode',
      key: { text: pem, isPublic: true, secretEncoding: 'utf8' },
    });
    expect(readLink('', new URL(publicLink).hash).publicKey).toBe(pem);
    const secretLink = buildLink({
      ...base,
      mode: 'decode',
      key: { text: 's3cr3t+/', isPublic: false, secretEncoding: 'base64' },
    });
    const plan = readLink('', new URL(secretLink).hash);
    expect(plan.key).toBe('s3cr3t+/');
    expect(plan.secretEncoding).toBe('base64');
    expect(plan.publicKey).toBeUndefined();
  });
});

describe('JSON helpers', () => {
  it('compactJson drops whitespace between tokens only, keeping strings and number spelling', () => {
    const text = '{\n  "a": "x  y\\" z",\n  "big": 12345678901234567890,\n  "f": 1.50\n}';
    expect(compactJson(text)).toBe('{"a":"x  y\\" z","big":12345678901234567890,"f":1.50}');
  });

  it('withMembers sets and removes members, and refuses what is not an object', () => {
    expect(JSON.parse(withMembers('{"a":1,"b":2}', { b: undefined, c: 3 }) ?? '')).toEqual({ a: 1, c: 3 });
    expect(withMembers('[1]', { a: 1 })).toBeUndefined();
    expect(withMembers('{', { a: 1 })).toBeUndefined();
  });

  it('rebuildToken re-encodes the edited part and keeps the others byte for byte', () => {
    const segments = { header: 'HDR', payload: 'PAY', signature: 'SIG' };
    const result = rebuildToken(segments, 'payload', '{ "sub": "é" }');
    expect(result).toEqual({ ok: true, token: `HDR.${Buffer.from('{"sub":"é"}').toString('base64url')}.SIG` });
    expect(rebuildToken(segments, 'header', '[1]').ok).toBe(false);
    expect(rebuildToken(segments, 'payload', '{').ok).toBe(false);
  });
});

describe('payloadToSign (the bytes the Encode view signs)', () => {
  it('compacts a JSON object, refreshing its times only when asked', () => {
    const text = JSON.stringify({ sub: 'x', iat: 1000, exp: 1300 }, null, 2);
    expect(payloadToSign(text)).toBe('{"sub":"x","iat":1000,"exp":1300}');
    expect(payloadToSign(text, { refreshTimesAt: 5000 })).toBe('{"sub":"x","iat":5000,"exp":5300}');
  });

  it("leaves text that is not a JSON object as typed, so the signer points at the user's own text", () => {
    expect(payloadToSign('{"sub": "x",\n')).toBe('{"sub": "x",\n');
    expect(payloadToSign('[1, 2]')).toBe('[1, 2]');
    expect(payloadToSign('not json')).toBe('not json');
  });
});

describe('refreshedPayload ("refresh iat/exp on every change")', () => {
  it('moves iat to now and keeps exp and nbf at the same distance from it', () => {
    const text = JSON.stringify({ sub: 'x', iat: 1000, nbf: 1010, exp: 1300 }, null, 2);
    expect(JSON.parse(refreshedPayload(text, 5000.7))).toEqual({ sub: 'x', iat: 5000, nbf: 5010, exp: 5300 });
  });

  it('leaves text that is not a JSON object as typed', () => {
    expect(refreshedPayload('{"iat": 1,', 5000)).toBe('{"iat": 1,');
  });
});
