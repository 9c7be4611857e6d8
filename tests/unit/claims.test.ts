import { describe, expect, it } from 'vitest';
import {
  checkTimeClaims,
  describeClaim,
  describedClaimNames,
  listClaims,
  renderRelativeTime,
  renderTime,
} from '../../src/core/claims';

// 2026-01-01T00:00:00Z, a fixed clock for every time test.
const NOW_S = 1767225600;
const NOW = NOW_S * 1000;

describe('renderRelativeTime', () => {
  it('says "just now" within a few seconds', () => {
    expect(renderRelativeTime(0)).toBe('just now');
    expect(renderRelativeTime(4)).toBe('just now');
    expect(renderRelativeTime(-4)).toBe('just now');
  });

  it('renders future and past in the largest unit and the next one down', () => {
    expect(renderRelativeTime(30)).toBe('in 30 seconds');
    expect(renderRelativeTime(4 * 60 + 59)).toBe('in 4 minutes 59 seconds');
    expect(renderRelativeTime(4 * 60)).toBe('in 4 minutes');
    expect(renderRelativeTime(-60)).toBe('1 minute ago');
    expect(renderRelativeTime(-3600)).toBe('1 hour ago');
    expect(renderRelativeTime(5 * 3600)).toBe('in 5 hours');
    expect(renderRelativeTime(-3 * 86400)).toBe('3 days ago');
    expect(renderRelativeTime(90 * 86400)).toBe('in 2 months 29 days');
    expect(renderRelativeTime(-3 * 365.2425 * 86400)).toBe('3 years ago');
  });

  it('never rounds a lifetime down to the larger unit alone (1 h 50 min is not "1 hour")', () => {
    expect(renderRelativeTime(110 * 60)).toBe('in 1 hour 50 minutes');
    expect(renderRelativeTime(47 * 3600)).toBe('in 1 day 23 hours');
    expect(renderRelativeTime(-(2 * 3600 + 59 * 60 + 59))).toBe('2 hours 59 minutes ago');
  });

  it('does not invent a phrase for a non-finite delta', () => {
    expect(renderRelativeTime(Number.NaN)).toBe('at an unknown time');
  });
});

describe('renderTime', () => {
  it('renders ISO UTC and a relative phrase', () => {
    expect(renderTime(NOW_S + 240, NOW)).toEqual({ iso: '2026-01-01T00:04:00Z', relative: 'in 4 minutes' });
    expect(renderTime(1300819380, NOW).iso).toBe('2011-03-22T18:43:00Z');
    expect(renderTime(NOW_S + 0.5, NOW).iso).toBe('2026-01-01T00:00:00.500Z');
  });

  it('says when a time is beyond what a date can show', () => {
    expect(renderTime(1e20, NOW).iso).toBe('out of range');
  });
});

describe('checkTimeClaims', () => {
  const check = (payload: unknown, leewaySeconds = 0) => checkTimeClaims(payload, { now: NOW, leewaySeconds });

  it('is valid while exp lies ahead and says when it expires', () => {
    const r = check({ exp: NOW_S + 240 });
    expect(r.state).toBe('valid');
    expect(r.message).toBe('Valid: expires in 4 minutes (2026-01-01T00:04:00Z).');
  });

  it('is expired at and after exp', () => {
    expect(check({ exp: NOW_S }).state).toBe('expired');
    const r = check({ exp: NOW_S - 3 * 86400 });
    expect(r.state).toBe('expired');
    expect(r.message).toMatch(/^Expired 3 days ago \(2025-12-29T00:00:00Z\)/);
  });

  it('applies the leeway to exp and nbf', () => {
    const r = check({ exp: NOW_S - 20 }, 60);
    expect(r.state).toBe('valid');
    expect(r.message).toMatch(/within the 60 s leeway/);
    expect(check({ exp: NOW_S - 61 }, 60).state).toBe('expired');
    expect(check({ nbf: NOW_S + 30 }, 60).state).toBe('valid');
    expect(check({ nbf: NOW_S + 61 }, 60).state).toBe('not-yet-valid');
  });

  it('is not yet valid before nbf', () => {
    const r = check({ nbf: NOW_S + 3600, exp: NOW_S + 7200 });
    expect(r.state).toBe('not-yet-valid');
    expect(r.message).toMatch(/becomes valid in 1 hour/);
  });

  it('is "none" when neither exp nor nbf is present, even with iat', () => {
    expect(check({ sub: 'x' }).state).toBe('none');
    expect(check({ iat: NOW_S - 10 }).state).toBe('none');
    expect(check('not an object').state).toBe('none');
  });

  it('notes an iat in the future without changing the state', () => {
    const r = check({ iat: NOW_S + 300, exp: NOW_S + 600 });
    expect(r.state).toBe('valid');
    expect(r.message).toMatch(/iat is in the future \(issued in 5 minutes/);
  });

  it('reports a non-numeric exp in the message and leaves the state to the other claims', () => {
    const r = check({ exp: '2026-02-01' });
    expect(r.state).toBe('none');
    expect(r.message).toMatch(/exp is "2026-02-01", not a number of seconds/);
    expect(check({ exp: 'soon', nbf: NOW_S + 100 }).state).toBe('not-yet-valid');
  });

  it('notices an exp written in milliseconds', () => {
    expect(check({ exp: NOW + 1000 }).message).toMatch(/exp looks like milliseconds/);
  });

  it('uses the real clock when none is given', () => {
    expect(checkTimeClaims({ exp: Date.now() / 1000 + 100 }).state).toBe('valid');
    expect(checkTimeClaims({ exp: Date.now() / 1000 - 100 }).state).toBe('expired');
  });

  it('counts a token older than the maximum age of iat as expired, saying it is by maximum age', () => {
    const aged = (payload: unknown, maxAgeSeconds: number, leewaySeconds = 0) =>
      checkTimeClaims(payload, { now: NOW, maxAgeSeconds, leewaySeconds });
    const old = aged({ iat: NOW_S - 600, exp: NOW_S + 3000 }, 300);
    expect(old.state).toBe('expired');
    expect(old.message).toMatch(/^Too old: issued 10 minutes ago .*maximum age of 300 s/);
    expect(aged({ iat: NOW_S - 600 }, 300).state).toBe('expired');
    expect(aged({ iat: NOW_S - 600 }, 300, 400).state).toBe('none');
    const young = aged({ iat: NOW_S - 60, exp: NOW_S + 3000 }, 300);
    expect(young.state).toBe('valid');
    expect(young.message).toMatch(/within the maximum age of 300 s/);
  });

  it('lets exp and nbf decide before the maximum age, and notes a maximum age with no iat to apply it to', () => {
    expect(checkTimeClaims({ iat: NOW_S - 600, exp: NOW_S - 1 }, { now: NOW, maxAgeSeconds: 300 }).message).toMatch(
      /^Expired/,
    );
    const noIat = checkTimeClaims({ exp: NOW_S + 60 }, { now: NOW, maxAgeSeconds: 300 });
    expect(noIat.state).toBe('valid');
    expect(noIat.message).toMatch(/maximum age of 300 s is set, but there is no usable iat/);
  });
});

describe('describeClaim', () => {
  it('describes the registered JWT claims and the common OIDC/OAuth ones with references', () => {
    const names =
      'iss sub aud exp nbf iat jti scope scp azp nonce auth_time acr amr sid at_hash c_hash email email_verified name given_name family_name preferred_username picture locale roles groups cnf client_id act may_act tid oid upn'.split(
        ' ',
      );
    for (const name of names) {
      const info = describeClaim(name);
      expect(info, name).toBeDefined();
      expect(info?.description.length).toBeGreaterThan(10);
      expect(info?.reference).not.toBe('');
    }
    expect(describedClaimNames().length).toBeGreaterThanOrEqual(names.length);
    expect(describeClaim('exp')).toMatchObject({ kind: 'time', reference: 'RFC 7519 §4.1.4' });
    expect(describeClaim('aud')?.kind).toBe('audience');
    expect(describeClaim('scope')?.reference).toMatch(/RFC 8693/);
  });

  it('returns undefined for a private claim', () => {
    expect(describeClaim('https://example.com/tenant')).toBeUndefined();
  });
});

describe('listClaims', () => {
  it('lists every claim in order with its description and time rendering', () => {
    const rows = listClaims({ sub: 'alice', exp: NOW_S + 240, custom: { a: 1 } }, NOW);
    expect(rows.map((r) => r.name)).toEqual(['sub', 'exp', 'custom']);
    expect(rows[0]).toMatchObject({ display: 'alice', info: { title: 'Subject' } });
    expect(rows[1]?.time).toEqual({ iso: '2026-01-01T00:04:00Z', relative: 'in 4 minutes' });
    expect(rows[1]?.badge).toBeUndefined();
    expect(rows[2]).toMatchObject({ display: '{"a":1}', info: undefined });
  });

  it('shows aud and scope-like claims as lists', () => {
    const rows = listClaims(
      {
        aud: 'api',
        scope: 'openid  profile email',
        scp: ['read', 'write'],
        scopes: { orders: ['read', 'write'], admin: true, nested: { deep: ['x'] } },
        roles: ['admin'],
        groups: 'a b',
        amr: ['pwd', 'otp'],
      },
      NOW,
    );
    const lists = Object.fromEntries(rows.map((r) => [r.name, r.list]));
    expect(lists).toEqual({
      aud: ['api'],
      scope: ['openid', 'profile', 'email'],
      scp: ['read', 'write'],
      scopes: ['orders: read', 'orders: write', 'admin', 'nested.deep: x'],
      roles: ['admin'],
      groups: ['a', 'b'],
      amr: ['pwd', 'otp'],
    });
    expect(listClaims({ aud: ['a', 'b'] }, NOW)[0]?.list).toEqual(['a', 'b']);
  });

  it('badges expired, not-yet-valid, future iat and invalid time claims', () => {
    const badges = (payload: Record<string, unknown>) =>
      Object.fromEntries(listClaims(payload, NOW).map((r) => [r.name, r.badge]));
    expect(badges({ exp: NOW_S - 1, nbf: NOW_S + 10, iat: NOW_S + 10 })).toEqual({
      exp: 'expired',
      nbf: 'not-yet-valid',
      iat: 'future-iat',
    });
    expect(badges({ exp: NOW_S + 1, nbf: NOW_S - 10, iat: NOW_S - 10 })).toEqual({
      exp: undefined,
      nbf: undefined,
      iat: undefined,
    });
    expect(badges({ exp: '1767225600', aud: 42 })).toEqual({ exp: 'invalid', aud: 'invalid' });
    expect(listClaims({ exp: NOW_S - 30 }, NOW, 60)[0]?.badge).toBeUndefined();
  });

  it('takes the leeway and the maximum age of iat as a clock, and badges a too-old iat as expired', () => {
    expect(listClaims({ exp: NOW_S - 30 }, NOW, { leewaySeconds: 60 })[0]?.badge).toBeUndefined();
    expect(listClaims({ exp: NOW_S - 30 }, NOW, { leewaySeconds: 10 })[0]?.badge).toBe('expired');
    const [iat] = listClaims({ iat: NOW_S - 600 }, NOW, { maxAgeSeconds: 300 });
    expect(iat).toMatchObject({ badge: 'expired', badgeReason: expect.stringMatching(/maximum age of 300 s/) });
    expect(listClaims({ iat: NOW_S - 600 }, NOW, { maxAgeSeconds: 300, leewaySeconds: 400 })[0]?.badge).toBeUndefined();
    expect(listClaims({ iat: NOW_S - 600 }, NOW)[0]?.badge).toBeUndefined();
  });

  it('has no rows for a payload that is not an object, and copes with deep nesting', () => {
    expect(listClaims([1, 2], NOW)).toEqual([]);
    expect(listClaims(undefined, NOW)).toEqual([]);
    const deep = JSON.parse(`{"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`) as unknown;
    // Whether JSON.stringify overflows depends on the engine's stack size; either way there is no exception.
    expect(listClaims(deep, NOW)[0]?.display).toMatch(/^(\(too deeply nested to display\)|\[\[)/);
  });
});
