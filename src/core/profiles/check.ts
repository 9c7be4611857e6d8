// The profile verdict: each rule of the profile judged (recognised first in `auto`), and one overall state that
// fails when any rule fails. Warnings and unchecked rules do not fail a token.
import type { DecodedToken } from '../token';
import { checkAccessToken } from './access-token';
import { checkClientAssertion } from './client-assertion';
import { checkDpopProof } from './dpop-proof';
import { checkIdToken } from './id-token';
import { checkLogoutToken } from './logout-token';
import { recognizeProfile } from './recognize';
import { makeContext, type RuleContext } from './rules';
import {
  PROFILE_LABELS,
  type ProfileCheck,
  type ProfileCheckState,
  type ProfileChoice,
  type ProfileExpectations,
  type ProfileId,
  type ProfileOptions,
  type ProfileResult,
} from './types';

const CHECKERS: Record<ProfileId, (ctx: RuleContext) => Promise<ProfileCheck[]>> = {
  id_token: checkIdToken,
  access_token: checkAccessToken,
  client_assertion: checkClientAssertion,
  logout_token: checkLogoutToken,
  dpop_proof: checkDpopProof,
};

function count(checks: ProfileCheck[]): Record<ProfileCheckState, number> {
  const counts: Record<ProfileCheckState, number> = { pass: 0, fail: 0, warn: 0, unchecked: 0 };
  for (const check of checks) counts[check.state] += 1;
  return counts;
}

function summary(profile: ProfileId, checks: ProfileCheck[], counts: Record<ProfileCheckState, number>): string {
  const label = PROFILE_LABELS[profile];
  const failing = checks.filter((c) => c.state === 'fail').map((c) => c.id);
  const extra = [
    counts.warn > 0 ? `${counts.warn} warning${counts.warn === 1 ? '' : 's'}` : '',
    counts.unchecked > 0 ? `${counts.unchecked} not checked` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const tail = extra ? `; ${extra}` : '';
  return failing.length === 0
    ? `${label}: every rule checked passes (${counts.pass})${tail}.`
    : `${label}: ${failing.length === 1 ? '1 rule fails' : `${failing.length} rules fail`} (${failing.join(', ')})${tail}.`;
}

/**
 * Judges `decoded` against `profile` (or the recognised one in `auto`) with the expected values and clock given.
 * Never throws for a decodable token; an empty expected value leaves its rules `unchecked`.
 */
export async function checkProfile(
  decoded: DecodedToken,
  profile: ProfileChoice,
  expected: ProfileExpectations = {},
  options: ProfileOptions = {},
): Promise<ProfileResult> {
  const recognition = profile === 'auto' ? recognizeProfile(decoded) : undefined;
  const judged = profile === 'auto' ? recognition?.profile : profile;
  if (judged === undefined) {
    return {
      state: 'none',
      profile: undefined,
      ...(recognition ? { recognition } : {}),
      checks: [],
      counts: { pass: 0, fail: 0, warn: 0, unchecked: 0 },
      message: recognition?.message ?? 'No profile applies.',
    };
  }
  const checks = await CHECKERS[judged](makeContext(decoded, expected, options));
  const counts = count(checks);
  return {
    state: counts.fail > 0 ? 'fail' : 'pass',
    profile: judged,
    ...(recognition ? { recognition } : {}),
    checks,
    counts,
    message: summary(judged, checks, counts),
  };
}
