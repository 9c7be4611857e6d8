// Tokens made without the engine or jose (tests/fixtures/profiles/generate.mjs: JWS assembled by hand, signed by
// node:crypto or the openssl CLI): each profile's correct tokens pass, and each broken token fails exactly the
// rules it breaks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkProfile,
  decodeToken,
  type ProfileExpectations,
  type ProfileId,
  type VerifyOptions,
} from '../../src/core';

type Case = {
  id: string;
  profile: ProfileId;
  description: string;
  madeBy: string;
  token: string;
  expected: ProfileExpectations;
  options: VerifyOptions;
  verdict: 'pass' | 'fail';
  failing: string[];
  warning: string[];
};

const { cases } = JSON.parse(readFileSync(new URL('../fixtures/profiles/tokens.json', import.meta.url), 'utf8')) as {
  cases: Case[];
};

const ids = (checks: { id: string; state: string }[], state: string) =>
  checks
    .filter((c) => c.state === state)
    .map((c) => c.id)
    .sort();

describe('token profiles on tokens made by node:crypto and openssl', () => {
  it('has a correct token and broken tokens for every profile', () => {
    for (const profile of ['id_token', 'access_token', 'client_assertion', 'logout_token', 'dpop_proof']) {
      const mine = cases.filter((c) => c.profile === profile);
      expect(mine.filter((c) => c.verdict === 'pass').length, profile).toBeGreaterThanOrEqual(2);
      expect(mine.filter((c) => c.verdict === 'fail').length, profile).toBeGreaterThanOrEqual(7);
    }
  });

  for (const c of cases) {
    it(`${c.verdict === 'pass' ? 'passes' : `fails ${c.failing.join(', ')} of`} ${c.id}: ${c.description} (${c.madeBy})`, async () => {
      const result = await checkProfile(decodeToken(c.token), c.profile, c.expected, c.options);
      expect(result.profile).toBe(c.profile);
      expect(result.state).toBe(c.verdict);
      expect(ids(result.checks, 'fail')).toEqual([...c.failing].sort());
      expect(ids(result.checks, 'warn')).toEqual([...c.warning].sort());
      for (const check of result.checks) expect(check.reference).toMatch(/§/);
    });
  }

  it('recognises every correct token in auto, by the clue the profile order gives', async () => {
    for (const c of cases.filter((x) => x.verdict === 'pass')) {
      const result = await checkProfile(decodeToken(c.token), 'auto', c.expected, c.options);
      expect(result.profile, c.id).toBe(c.profile);
      expect(result.state, c.id).toBe('pass');
    }
  });
});
