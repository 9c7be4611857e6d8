// Recognising the profile in auto: the clues are tried in a fixed order (typ, the logout event, the client
// assertion's shape, the ID token's claims), and the first that fits decides.
import { describe, expect, it } from 'vitest';
import {
  BACKCHANNEL_LOGOUT_EVENT,
  checkProfile,
  isProfileId,
  PROFILE_CHOICES,
  PROFILE_IDS,
  recognizeProfile,
} from '../../src/core';
import { CLOCK, T, unsignedToken } from './profiles-helpers';

const ID_CLAIMS = { iss: 'https://op.example.com', sub: 'u1', aud: 'c1', exp: T + 60, iat: T };
const EVENTS = { events: { [BACKCHANNEL_LOGOUT_EVENT]: {} } };
const recognize = (header: Record<string, unknown>, payload: unknown) => recognizeProfile({ header, payload });

describe('recognizeProfile', () => {
  it('reads typ first: at+jwt, logout+jwt and dpop+jwt, with or without application/, in any case', () => {
    expect(recognize({ typ: 'at+jwt' }, ID_CLAIMS)).toEqual({
      profile: 'access_token',
      clue: 'typ',
      message: 'typ is "at+jwt".',
    });
    expect(recognize({ typ: 'application/at+jwt' }, {}).profile).toBe('access_token');
    expect(recognize({ typ: 'Logout+JWT' }, {}).profile).toBe('logout_token');
    expect(recognize({ typ: 'dpop+jwt' }, { ...ID_CLAIMS, ...EVENTS }).profile).toBe('dpop_proof');
  });

  it('then the back-channel logout event, before the shapes of a client assertion or an ID token', () => {
    expect(recognize({ typ: 'JWT' }, { ...ID_CLAIMS, ...EVENTS })).toMatchObject({
      profile: 'logout_token',
      clue: 'events',
    });
    expect(recognize({}, { iss: 'c', sub: 'c', jti: 'j', ...EVENTS }).profile).toBe('logout_token');
    expect(recognize({}, { events: { 'urn:other': {} } }).profile).toBeUndefined();
  });

  it('then iss equal to sub with a jti and no nonce: a client assertion', () => {
    const assertion = { iss: 'c1', sub: 'c1', aud: 'https://as/token', jti: 'j', exp: T + 60, iat: T };
    expect(recognize({ alg: 'RS256' }, assertion)).toMatchObject({
      profile: 'client_assertion',
      clue: 'client-assertion-shape',
    });
    expect(recognize({}, { ...assertion, nonce: 'n' })).toMatchObject({ profile: 'id_token', clue: 'id-token-claims' });
    expect(recognize({}, { ...assertion, jti: undefined }).profile).toBe('id_token');
    expect(recognize({}, { iss: 'c1', sub: 'c2', jti: 'j' }).profile).toBeUndefined();
  });

  it('then iss, sub, aud, exp and iat all present: an ID token', () => {
    expect(recognize({}, ID_CLAIMS)).toMatchObject({ profile: 'id_token', clue: 'id-token-claims' });
    for (const missing of ['iss', 'sub', 'aud', 'exp', 'iat']) {
      const claims: Record<string, unknown> = { ...ID_CLAIMS };
      delete claims[missing];
      expect(recognize({}, claims).profile, missing).toBeUndefined();
    }
  });

  it('otherwise finds no profile, and says to pick one', () => {
    expect(recognize({ typ: 'JWT' }, { sub: 'x' })).toMatchObject({ profile: undefined, clue: 'none' });
    expect(recognize({}, 'text').message).toMatch(/pick a profile/);
  });
});

describe('checkProfile', () => {
  it('gives state none and no checks when auto finds no profile', async () => {
    const result = await checkProfile(unsignedToken({ alg: 'HS256' }, { sub: 'x' }), 'auto', {}, CLOCK);
    expect(result).toMatchObject({ state: 'none', profile: undefined, checks: [], recognition: { clue: 'none' } });
  });

  it('judges the profile asked for, whatever the token looks like, without a recognition', async () => {
    const result = await checkProfile(unsignedToken({ typ: 'at+jwt', alg: 'RS256' }, ID_CLAIMS), 'id_token', {}, CLOCK);
    expect(result.profile).toBe('id_token');
    expect(result.recognition).toBeUndefined();
  });

  it('counts the checks by state', async () => {
    const result = await checkProfile(unsignedToken({ alg: 'RS256' }, ID_CLAIMS), 'auto', {}, CLOCK);
    const total = result.counts.pass + result.counts.fail + result.counts.warn + result.counts.unchecked;
    expect(total).toBe(result.checks.length);
    expect(result.counts.unchecked).toBeGreaterThan(0);
    expect(result.message).toMatch(/not checked/);
  });

  it('lists the profile-select values of the page', () => {
    expect(PROFILE_CHOICES).toEqual([
      'auto',
      'id_token',
      'access_token',
      'client_assertion',
      'logout_token',
      'dpop_proof',
    ]);
    expect(PROFILE_IDS.every(isProfileId)).toBe(true);
    expect(isProfileId('auto')).toBe(false);
  });
});
