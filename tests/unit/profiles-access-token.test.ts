// RFC 9068 JWT access token rules (§2.1, §2.2, §4): each rule passing and failing, and the RFC's own example
// (§3, Figure 2), signed here with a generated key because the RFC publishes only its header and claims.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkProfile, decodeToken, generateKey, recognizeProfile, signToken } from '../../src/core';
import { CLOCK, failing, judge, messageOf, T, verdicts, without } from './profiles-helpers';

const RFC = JSON.parse(readFileSync(new URL('../fixtures/profiles/rfc-examples.json', import.meta.url), 'utf8')) as {
  rfc9068: {
    example: {
      section: string;
      headerText: string;
      claimsText: string;
      resource: string;
      issuer: string;
      clientId: string;
    };
  };
};

const HEADER = { typ: 'at+jwt', alg: 'RS256', kid: 'k1' };
const CLAIMS = {
  iss: 'https://as.example.com',
  sub: '5ba552d67',
  aud: 'https://rs.example.com/',
  exp: T + 600,
  iat: T,
  jti: 'dbe39bf3a3ba4238a513f51d6e1691c4',
  client_id: 's6BhdRkqt3',
  scope: 'read',
};
const EXPECTED = { iss: 'https://as.example.com', aud: 'https://rs.example.com/', clientId: 's6BhdRkqt3' };

const accessToken = (
  claims: Record<string, unknown> = CLAIMS,
  header: Record<string, unknown> = HEADER,
  expected: object = EXPECTED,
  options = CLOCK,
) => judge('access_token', header, claims, expected, options);

describe('RFC 9068 access token profile', () => {
  it('passes every rule of a complete access token', async () => {
    const result = await accessToken();
    expect(result.state).toBe('pass');
    expect(verdicts(result)).toEqual({
      typ: 'pass',
      alg: 'pass',
      iss: 'pass',
      'iss-expected': 'pass',
      exp: 'pass',
      aud: 'pass',
      'aud-expected': 'pass',
      sub: 'pass',
      client_id: 'pass',
      iat: 'pass',
      jti: 'pass',
    });
  });

  it('accepts typ at+jwt and application/at+jwt in any case, and fails JWT or no typ', async () => {
    for (const typ of ['at+jwt', 'application/at+jwt', 'AT+JWT', 'Application/At+Jwt']) {
      expect(failing(await accessToken(CLAIMS, { ...HEADER, typ })), typ).toEqual([]);
    }
    const jwt = await accessToken(CLAIMS, { ...HEADER, typ: 'JWT' });
    expect(failing(jwt)).toEqual(['typ']);
    expect(messageOf(jwt, 'typ')).toMatch(/ID tokens/);
    expect(failing(await accessToken(CLAIMS, without(HEADER, 'typ')))).toEqual(['typ']);
  });

  it('fails alg none', async () => {
    expect(failing(await accessToken(CLAIMS, { typ: 'at+jwt', alg: 'none' }))).toEqual(['alg']);
    expect(failing(await accessToken(CLAIMS, { typ: 'at+jwt' }))).toEqual(['alg']);
  });

  it.each(['exp', 'sub', 'client_id', 'iat', 'jti'])('fails when the required %s is missing', async (claim) => {
    expect(failing(await accessToken(without(CLAIMS, claim)))).toEqual([claim]);
  });

  it('fails a missing iss or aud, whose expected-value rules then fail too', async () => {
    expect(failing(await accessToken(without(CLAIMS, 'iss')))).toEqual(['iss', 'iss-expected']);
    expect(failing(await accessToken(without(CLAIMS, 'aud')))).toEqual(['aud', 'aud-expected']);
  });

  it('requires aud to include the expected resource (a list may hold others)', async () => {
    expect(failing(await accessToken({ ...CLAIMS, aud: ['https://a.example/', 'https://rs.example.com/'] }))).toEqual(
      [],
    );
    expect(failing(await accessToken({ ...CLAIMS, aud: 'https://other.example/' }))).toEqual(['aud-expected']);
    const unchecked = await accessToken(CLAIMS, HEADER, { iss: EXPECTED.iss });
    expect(verdicts(unchecked)['aud-expected']).toBe('unchecked');
    expect(messageOf(unchecked, 'aud-expected')).toMatch(/resource server's identifier/);
  });

  it('fails an issuer other than the expected one', async () => {
    expect(failing(await accessToken({ ...CLAIMS, iss: 'https://evil.example' }))).toEqual(['iss-expected']);
  });

  it('compares client_id with the client id when one is given', async () => {
    expect(failing(await accessToken({ ...CLAIMS, client_id: 'other' }))).toEqual(['client_id']);
    expect(
      failing(await accessToken({ ...CLAIMS, client_id: 'other' }, HEADER, { ...EXPECTED, clientId: undefined })),
    ).toEqual([]);
  });

  it('fails an expired token, honouring the leeway and the "as of" time', async () => {
    expect(failing(await accessToken({ ...CLAIMS, exp: T + 20 }))).toEqual(['exp']);
    expect(
      failing(await accessToken({ ...CLAIMS, exp: T + 20 }, HEADER, EXPECTED, { ...CLOCK, leewaySeconds: 11 })),
    ).toEqual([]);
    expect(failing(await accessToken(CLAIMS, HEADER, EXPECTED, { now: (T - 10) * 1000 }))).toEqual([]);
  });

  it('is recognised by its typ before anything else', () => {
    expect(recognizeProfile({ header: HEADER, payload: { ...CLAIMS, iss: 'x', sub: 'x' } })).toMatchObject({
      profile: 'access_token',
      clue: 'typ',
    });
  });

  it(`passes RFC 9068's example (${RFC.rfc9068.example.section}) as of its iat, signed with a generated RS256 key`, async () => {
    const example = RFC.rfc9068.example;
    const key = await generateKey('RS256');
    const token = await signToken(example.headerText, example.claimsText, { text: key.privateText });
    const decoded = decodeToken(token);
    expect(decoded.header.typ).toBe('at+JWT');
    const expected = { iss: example.issuer, aud: example.resource, clientId: example.clientId };
    const asOfIat = await checkProfile(decoded, 'auto', expected, { now: 1618354090 * 1000 });
    expect(asOfIat.recognition).toMatchObject({ profile: 'access_token', clue: 'typ' });
    expect(asOfIat.state).toBe('pass');
    expect(asOfIat.counts).toEqual({ pass: 11, fail: 0, warn: 0, unchecked: 0 });
    const afterExpiry = await checkProfile(decoded, 'access_token', expected, { now: 1639528912 * 1000 });
    expect(failing(afterExpiry)).toEqual(['exp']);
  });
});
