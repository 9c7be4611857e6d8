// OpenID Connect Back-Channel Logout token rules (§2.4, §2.6): each rule passing, failing or warning.
import { describe, expect, it } from 'vitest';
import { BACKCHANNEL_LOGOUT_EVENT } from '../../src/core';
import { CLOCK, failing, judge, messageOf, T, verdicts, without } from './profiles-helpers';

const HEADER = { typ: 'logout+jwt', alg: 'RS256' };
const CLAIMS = {
  iss: 'https://server.example.com',
  sub: '248289761001',
  aud: 's6BhdRkqt3',
  iat: T,
  exp: T + 120,
  jti: 'bWJq',
  sid: '08a5019c-17e1-4977-8f42-65a12843ea02',
  events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
};
const EXPECTED = { iss: 'https://server.example.com', aud: 's6BhdRkqt3' };

const logout = (
  claims: Record<string, unknown> = CLAIMS,
  header: Record<string, unknown> = HEADER,
  expected: object = EXPECTED,
  options = CLOCK,
) => judge('logout_token', header, claims, expected, options);

describe('Back-channel logout token profile', () => {
  it('passes every rule of a correct logout token', async () => {
    const result = await logout();
    expect(result.state).toBe('pass');
    expect(verdicts(result)).toEqual({
      typ: 'pass',
      alg: 'pass',
      iss: 'pass',
      'iss-expected': 'pass',
      aud: 'pass',
      'aud-expected': 'pass',
      iat: 'pass',
      exp: 'pass',
      jti: 'pass',
      events: 'pass',
      'sid-or-sub': 'pass',
      'no-nonce': 'pass',
    });
  });

  it('only warns when typ is not logout+jwt (recommended, not required)', async () => {
    for (const header of [{ ...HEADER, typ: 'JWT' }, without(HEADER, 'typ')]) {
      const result = await logout(CLAIMS, header);
      expect(verdicts(result).typ).toBe('warn');
      expect(result.state).toBe('pass');
      expect(result.message).toMatch(/1 warning/);
    }
    expect(verdicts(await logout(CLAIMS, { ...HEADER, typ: 'application/logout+jwt' })).typ).toBe('pass');
  });

  it('fails without the back-channel logout event in events', async () => {
    expect(failing(await logout(without(CLAIMS, 'events')))).toEqual(['events']);
    expect(failing(await logout({ ...CLAIMS, events: [BACKCHANNEL_LOGOUT_EVENT] }))).toEqual(['events']);
    expect(failing(await logout({ ...CLAIMS, events: { 'http://schemas.openid.net/event/other': {} } }))).toEqual([
      'events',
    ]);
    expect(failing(await logout({ ...CLAIMS, events: { [BACKCHANNEL_LOGOUT_EVENT]: 'yes' } }))).toEqual(['events']);
    const filled = await logout({ ...CLAIMS, events: { [BACKCHANNEL_LOGOUT_EVENT]: { reason: 'x' } } });
    expect(verdicts(filled).events).toBe('pass');
    expect(messageOf(filled, 'events')).toMatch(/should be empty/);
  });

  it('needs sid or sub, and passes with either alone', async () => {
    expect(failing(await logout(without(CLAIMS, 'sid', 'sub')))).toEqual(['sid-or-sub']);
    expect(failing(await logout(without(CLAIMS, 'sid')))).toEqual([]);
    expect(failing(await logout(without(CLAIMS, 'sub')))).toEqual([]);
  });

  it('fails a logout token carrying a nonce', async () => {
    expect(failing(await logout({ ...CLAIMS, nonce: 'n-0S6' }))).toEqual(['no-nonce']);
  });

  it('checks iss and aud as for an ID token, with aud the client id', async () => {
    expect(failing(await logout({ ...CLAIMS, iss: 'https://evil.example' }))).toEqual(['iss-expected']);
    expect(failing(await logout({ ...CLAIMS, aud: 'other-client' }))).toEqual(['aud-expected']);
    expect(verdicts(await logout(CLAIMS, HEADER, { iss: EXPECTED.iss, clientId: 's6BhdRkqt3' }))['aud-expected']).toBe(
      'pass',
    );
    expect(verdicts(await logout(CLAIMS, HEADER, {}))).toMatchObject({
      'iss-expected': 'unchecked',
      'aud-expected': 'unchecked',
    });
  });

  it('requires iat, exp and jti, and fails an expired one', async () => {
    expect(failing(await logout(without(CLAIMS, 'iat')))).toEqual(['iat']);
    expect(failing(await logout(without(CLAIMS, 'exp')))).toEqual(['exp']);
    expect(failing(await logout(without(CLAIMS, 'jti')))).toEqual(['jti']);
    expect(failing(await logout({ ...CLAIMS, exp: T + 10 }))).toEqual(['exp']);
  });

  it('fails alg none', async () => {
    expect(failing(await logout(CLAIMS, { typ: 'logout+jwt', alg: 'none' }))).toEqual(['alg']);
  });
});
