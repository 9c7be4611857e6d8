// Helpers for the token-profile tests: tokens built from a header and claims (their signature is a placeholder,
// which only the DPoP profile checks), a fixed clock, and the verdict of each rule by id.
import {
  checkProfile,
  decodeToken,
  type DecodedToken,
  type ProfileChoice,
  type ProfileExpectations,
  type ProfileResult,
  type VerifyOptions,
} from '../../src/core';

/** The iat of the tokens the tests build; the clock stands 30 s later. */
export const T = 1700000000;
export const CLOCK: VerifyOptions = { now: (T + 30) * 1000 };

const b64 = (text: string) => Buffer.from(text).toString('base64url');

export function unsignedToken(header: Record<string, unknown>, claims: unknown): DecodedToken {
  return decodeToken(`${b64(JSON.stringify(header))}.${b64(JSON.stringify(claims))}.c2lnbmF0dXJl`);
}

export function without<T extends Record<string, unknown>>(object: T, ...names: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([k]) => !names.includes(k)));
}

export type Verdicts = Record<string, string>;

/** Rule id → state. */
export function verdicts(result: ProfileResult): Verdicts {
  return Object.fromEntries(result.checks.map((c) => [c.id, c.state]));
}

export function failing(result: ProfileResult): string[] {
  return result.checks.filter((c) => c.state === 'fail').map((c) => c.id);
}

export function messageOf(result: ProfileResult, id: string): string {
  return result.checks.find((c) => c.id === id)?.message ?? '';
}

export async function judge(
  profile: ProfileChoice,
  header: Record<string, unknown>,
  claims: unknown,
  expected: ProfileExpectations = {},
  options: VerifyOptions = CLOCK,
): Promise<ProfileResult> {
  return checkProfile(unsignedToken(header, claims), profile, expected, options);
}
