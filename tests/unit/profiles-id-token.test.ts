// OpenID Connect ID token rules (OIDC Core §2, §3.1.3.7, §3.1.3.8, §3.2.2.9, §3.3.2.10): each rule passing and
// failing. Hashes are computed here with node:crypto, independently of the engine.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CLOCK, failing, judge, messageOf, T, verdicts, without } from './profiles-helpers';

const CLIENT = 's6BhdRkqt3';
const ISSUER = 'https://server.example.com';
const ACCESS_TOKEN = 'jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y';
const CODE = 'Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk';

function halfHash(value: string, hash: 'sha256' | 'sha384' | 'sha512'): string {
  const digest = createHash(hash).update(value, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

const HEADER = { alg: 'RS256', kid: '1e9gdk7' };
const CLAIMS = {
  iss: ISSUER,
  sub: '248289761001',
  aud: CLIENT,
  nonce: 'n-0S6_WzA2Mj',
  auth_time: T - 60,
  iat: T,
  exp: T + 3600,
  at_hash: halfHash(ACCESS_TOKEN, 'sha256'),
  c_hash: halfHash(CODE, 'sha256'),
};
const EXPECTED = {
  iss: ISSUER,
  aud: CLIENT,
  nonce: 'n-0S6_WzA2Mj',
  accessToken: ACCESS_TOKEN,
  code: CODE,
  maxAge: 300,
};

const idToken = (
  claims: Record<string, unknown> = CLAIMS,
  expected: object = EXPECTED,
  options = CLOCK,
  header = HEADER,
) => judge('id_token', header, claims, expected, options);

describe('ID token profile', () => {
  it('passes every rule of a complete ID token when every expected value is given', async () => {
    const result = await idToken();
    expect(result.state).toBe('pass');
    expect(result.profile).toBe('id_token');
    expect(Object.values(verdicts(result)).every((s) => s === 'pass')).toBe(true);
    expect(Object.keys(verdicts(result))).toEqual([
      'alg',
      'iss',
      'iss-expected',
      'sub',
      'aud',
      'aud-expected',
      'azp',
      'exp',
      'iat',
      'nonce',
      'at_hash',
      'c_hash',
      'auth_time',
    ]);
    expect(result.message).toMatch(/every rule checked passes \(13\)/);
  });

  it('cites OIDC Core sections, with the step of §3.1.3.7 for the client-side checks', async () => {
    const refs = Object.fromEntries((await idToken()).checks.map((c) => [c.id, c.reference]));
    expect(refs['iss-expected']).toBe('OIDC Core §3.1.3.7 step 2');
    expect(refs['aud-expected']).toBe('OIDC Core §3.1.3.7 step 3');
    expect(refs.nonce).toBe('OIDC Core §3.1.3.7 step 11');
    expect(refs.at_hash).toMatch(/§3\.1\.3\.8/);
    expect(refs.c_hash).toMatch(/§3\.3\.2\.10/);
  });

  it('fails an unsecured (alg none) ID token', async () => {
    const result = await idToken(CLAIMS, EXPECTED, CLOCK, { alg: 'none' } as typeof HEADER);
    expect(failing(result)).toEqual(['alg']);
    expect(result.state).toBe('fail');
    expect(result.message).toMatch(/1 rule fails \(alg\)/);
  });

  it('fails a missing iss, and an iss other than the expected issuer (exactly, trailing slash included)', async () => {
    expect(failing(await idToken(without(CLAIMS, 'iss')))).toEqual(['iss', 'iss-expected']);
    const slash = await idToken({ ...CLAIMS, iss: `${ISSUER}/` });
    expect(failing(slash)).toEqual(['iss-expected']);
    expect(messageOf(slash, 'iss-expected')).toMatch(/trailing slash/);
  });

  it('leaves iss-expected unchecked, saying what to fill, when no issuer is expected', async () => {
    const result = await idToken(CLAIMS, { ...EXPECTED, iss: '  ' });
    expect(verdicts(result)['iss-expected']).toBe('unchecked');
    expect(messageOf(result, 'iss-expected')).toMatch(/Fill the expected issuer/);
    expect(result.state).toBe('pass');
  });

  it('fails a missing sub, a sub that is not a string and one over 255 characters', async () => {
    expect(failing(await idToken(without(CLAIMS, 'sub')))).toEqual(['sub']);
    expect(failing(await idToken({ ...CLAIMS, sub: 42 }))).toEqual(['sub']);
    expect(failing(await idToken({ ...CLAIMS, sub: 'x'.repeat(256) }))).toEqual(['sub']);
    expect(failing(await idToken({ ...CLAIMS, sub: 'x'.repeat(255) }))).toEqual([]);
  });

  it('checks that aud contains the client id, read from clientId or else from the expected audience', async () => {
    expect(failing(await idToken({ ...CLAIMS, aud: 'other-client' }))).toEqual(['aud-expected']);
    expect(failing(await idToken({ ...CLAIMS, aud: ['other-client', CLIENT], azp: CLIENT }))).toEqual([]);
    const byClientId = await idToken(CLAIMS, { ...EXPECTED, aud: '', clientId: CLIENT });
    expect(verdicts(byClientId)['aud-expected']).toBe('pass');
    const none = await idToken(CLAIMS, { ...EXPECTED, aud: undefined });
    expect(verdicts(none)['aud-expected']).toBe('unchecked');
  });

  it('fails a missing or malformed aud', async () => {
    expect(failing(await idToken(without(CLAIMS, 'aud')))).toEqual(['aud', 'aud-expected']);
    expect(failing(await idToken({ ...CLAIMS, aud: [CLIENT, 7] }))).toEqual(['aud', 'aud-expected']);
  });

  it('requires azp when aud has several values, and azp to be the client', async () => {
    const two = [CLIENT, 'https://api.example.com'];
    expect(verdicts(await idToken({ ...CLAIMS, aud: two }))).toMatchObject({ azp: 'fail' });
    expect(verdicts(await idToken({ ...CLAIMS, aud: two, azp: CLIENT }))).toMatchObject({ azp: 'pass' });
    expect(verdicts(await idToken({ ...CLAIMS, aud: two, azp: 'other' }))).toMatchObject({ azp: 'fail' });
    expect(verdicts(await idToken({ ...CLAIMS, azp: 'other' }))).toMatchObject({ azp: 'fail' });
    const unknownClient = await idToken({ ...CLAIMS, aud: two, azp: CLIENT }, { ...EXPECTED, aud: undefined });
    expect(verdicts(unknownClient).azp).toBe('unchecked');
  });

  it('fails an expired ID token, but not within the leeway; and a missing exp', async () => {
    const expired = { ...CLAIMS, exp: T + 10 };
    expect(failing(await idToken(expired))).toEqual(['exp']);
    expect(failing(await idToken(expired, EXPECTED, { ...CLOCK, leewaySeconds: 30 }))).toEqual([]);
    expect(failing(await idToken(without(CLAIMS, 'exp')))).toEqual(['exp']);
    expect(failing(await idToken({ ...CLAIMS, exp: '1700003600' }))).toEqual(['exp']);
  });

  it('judges exp as of the chosen time', async () => {
    expect(failing(await idToken(CLAIMS, EXPECTED, { now: (T + 7200) * 1000 }))).toEqual(
      expect.arrayContaining(['exp']),
    );
    expect(failing(await idToken(CLAIMS, EXPECTED, { now: (T + 100) * 1000 }))).toEqual([]);
  });

  it('fails a missing iat and an iat older than the maximum age; warns about an iat in the future', async () => {
    expect(failing(await idToken(without(CLAIMS, 'iat')))).toEqual(['iat']);
    const old = await idToken(CLAIMS, EXPECTED, { ...CLOCK, maxAgeSeconds: 20 });
    expect(failing(old)).toEqual(['iat']);
    expect(messageOf(old, 'iat')).toMatch(/maximum age of 20 s/);
    expect(failing(await idToken(CLAIMS, EXPECTED, { ...CLOCK, maxAgeSeconds: 20, leewaySeconds: 15 }))).toEqual([]);
    const future = await idToken({ ...CLAIMS, iat: T + 300, auth_time: T });
    expect(verdicts(future).iat).toBe('warn');
    expect(future.state).toBe('pass');
  });

  it('fails an nbf in the future', async () => {
    expect(verdicts(await idToken({ ...CLAIMS, nbf: T + 120 })).nbf).toBe('fail');
    expect(verdicts(await idToken({ ...CLAIMS, nbf: T })).nbf).toBe('pass');
    expect(verdicts(await idToken(CLAIMS)).nbf).toBeUndefined();
  });

  it('compares nonce with the expected one, and says to fill it when none is expected', async () => {
    expect(failing(await idToken({ ...CLAIMS, nonce: 'other' }))).toEqual(['nonce']);
    expect(failing(await idToken(without(CLAIMS, 'nonce')))).toEqual(['nonce']);
    const unchecked = await idToken(CLAIMS, { ...EXPECTED, nonce: '' });
    expect(verdicts(unchecked).nonce).toBe('unchecked');
    expect(messageOf(unchecked, 'nonce')).toMatch(/fill the expected nonce/);
  });

  it('checks at_hash as the left half of the SHA-256, SHA-384 or SHA-512 hash the alg names', async () => {
    for (const [alg, hash] of [
      ['RS384', 'sha384'],
      ['PS512', 'sha512'],
      ['ES256', 'sha256'],
      ['HS512', 'sha512'],
    ] as const) {
      const claims = { ...CLAIMS, at_hash: halfHash(ACCESS_TOKEN, hash), c_hash: halfHash(CODE, hash) };
      expect(failing(await idToken(claims, EXPECTED, CLOCK, { ...HEADER, alg })), alg).toEqual([]);
      const wrong = { ...claims, at_hash: halfHash(ACCESS_TOKEN, hash === 'sha256' ? 'sha512' : 'sha256') };
      expect(failing(await idToken(wrong, EXPECTED, CLOCK, { ...HEADER, alg })), alg).toEqual(['at_hash']);
    }
  });

  it('uses SHA-512 for at_hash and c_hash of an EdDSA (Ed25519) ID token, and says so', async () => {
    const claims = { ...CLAIMS, at_hash: halfHash(ACCESS_TOKEN, 'sha512'), c_hash: halfHash(CODE, 'sha512') };
    const result = await idToken(claims, EXPECTED, CLOCK, { alg: 'EdDSA', kid: 'ed' });
    expect(failing(result)).toEqual([]);
    expect(messageOf(result, 'at_hash')).toMatch(/SHA-512.*Ed25519/);
  });

  it('fails an at_hash or c_hash of another access token or code', async () => {
    expect(failing(await idToken(CLAIMS, { ...EXPECTED, accessToken: 'another-token' }))).toEqual(['at_hash']);
    expect(failing(await idToken(CLAIMS, { ...EXPECTED, code: 'another-code' }))).toEqual(['c_hash']);
  });

  it('warns when an access token or code is given but the ID token has no hash for it', async () => {
    const result = await idToken(without(CLAIMS, 'at_hash', 'c_hash'));
    expect(verdicts(result)).toMatchObject({ at_hash: 'warn', c_hash: 'warn' });
    expect(result.state).toBe('pass');
  });

  it('leaves at_hash and c_hash unchecked when nothing is given to compare with, naming the input', async () => {
    const result = await idToken(CLAIMS, { ...EXPECTED, accessToken: undefined, code: undefined });
    expect(verdicts(result)).toMatchObject({ at_hash: 'unchecked', c_hash: 'unchecked' });
    expect(messageOf(result, 'at_hash')).toMatch(/fill the access token/);
    const neither = await idToken(without(CLAIMS, 'at_hash', 'c_hash'), {
      ...EXPECTED,
      accessToken: undefined,
      code: undefined,
    });
    expect(verdicts(neither)).toMatchObject({ at_hash: 'unchecked', c_hash: 'unchecked' });
  });

  it('warns that an alg without a hash (ML-DSA) cannot have its at_hash checked', async () => {
    const result = await idToken(CLAIMS, EXPECTED, CLOCK, { alg: 'ML-DSA-44', kid: 'x' });
    expect(verdicts(result)).toMatchObject({ at_hash: 'warn', c_hash: 'warn' });
  });

  it('requires a recent auth_time when max_age was asked, and leaves it unchecked otherwise', async () => {
    expect(failing(await idToken({ ...CLAIMS, auth_time: T - 3600 }))).toEqual(['auth_time']);
    expect(failing(await idToken(without(CLAIMS, 'auth_time')))).toEqual(['auth_time']);
    expect(failing(await idToken({ ...CLAIMS, auth_time: 'yesterday' }))).toEqual(['auth_time']);
    const noMaxAge = await idToken(CLAIMS, { ...EXPECTED, maxAge: undefined });
    expect(verdicts(noMaxAge).auth_time).toBe('unchecked');
    expect(messageOf(noMaxAge, 'auth_time')).toMatch(/fill max_age/);
  });

  it('fails every required claim of an empty payload, and a payload that is not JSON', async () => {
    const empty = await idToken({}, {});
    expect(failing(empty)).toEqual(['iss', 'sub', 'aud', 'exp', 'iat']);
    const text = await judge('id_token', HEADER, 'not an object', {});
    expect(text.state).toBe('fail');
  });
});
