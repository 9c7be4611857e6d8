// Chaos: ≥300 seeded random and mutated tokens and keys pasted into the real page one after
// another with no waits. After each: the boxes keep what was pasted (or the token box holds it
// normalised, and says what it removed), the page shows a verdict
// (`signature-status`, or `decryption-status` for five parts) with words, and `token-error` appears exactly when the engine refuses the token,
// with the engine's code. At the end: no uncaught page error, no console error, no CSP violation.
// Reproduce a failure with CHAOS_SEED=<seed> (the default seed is fixed).
import { test, expect } from './fixtures';
import { decodeJwe } from '../../src/core/jwe/decode';
import { classifyToken } from '../../src/core/token-kind';
import { decodeToken, detectKey, normalizeToken, TokenError } from '../../src/core';
import { chaosCorpus } from './chaos-corpus';
import { watchPage } from './csp-guard';

const SEED = Number(process.env.CHAOS_SEED ?? 0x5eed_2026);
const COUNT = Number(process.env.CHAOS_COUNT ?? 320);

function expectedTokenError(token: string): string | undefined {
  if (token === '') return 'empty';
  // Five parts are an encrypted token: the page shows the JWE decoder's own verdict on it.
  if (classifyToken(token).kind === 'jwe-compact') return expectedJweError(token);
  try {
    decodeToken(token);
    return undefined;
  } catch (error) {
    if (error instanceof TokenError) return error.code;
    throw error;
  }
}

function expectedJweError(token: string): string | undefined {
  try {
    decodeJwe(token);
    return undefined;
  } catch (error) {
    if (error instanceof TokenError) return error.code;
    throw error;
  }
}

test(`chaos: ${COUNT} seeded tokens and keys (seed ${SEED}) never crash the page and always get a verdict`, async ({
  page,
}) => {
  test.setTimeout(300_000);
  const corpus = chaosCorpus(SEED, COUNT);
  expect(corpus.length).toBeGreaterThanOrEqual(300);
  const watch = await watchPage(page);
  await page.goto('/');
  const tokenBox = page.getByTestId('token-input');
  const keyBox = page.getByTestId('key-input');
  await expect(tokenBox).toBeVisible();
  for (const chaos of corpus) {
    const label = `seed ${SEED} case ${chaos.index} (${chaos.kind}): ${JSON.stringify(chaos.token.slice(0, 80))} / ${JSON.stringify(chaos.key.slice(0, 60))}`;
    const errorsBefore = watch.pageErrors.length + watch.consoleErrors.length;
    await tokenBox.fill(chaos.token);
    await keyBox.fill(chaos.key);
    const code = expectedTokenError(chaos.token);
    // The box keeps what was pasted, except that a Bearer prefix, quotes, whitespace or a trailing comma
    // are removed by design, and the page says so (token-normalized).
    const normalized = normalizeToken(chaos.token);
    if (normalized.changes.length > 0) {
      await expect(page.getByTestId('token-normalized'), label).toHaveText(/Normalised: \S/);
    }
    const keyKind = detectKey({ text: chaos.key }).kind;
    // Five parts make an encrypted token, whose verdict is decryption-status; every other kind has signature-status.
    const verdict = page.getByTestId('signature-status').or(page.getByTestId('decryption-status'));
    await expect(verdict.first(), label).toHaveText(/\S/);
    await expect(page.getByTestId('key-kind'), label).toHaveAttribute('data-kind', keyKind);
    if (code) {
      await expect(page.getByTestId('token-error'), label).toHaveAttribute('data-code', code);
      await expect(page.getByTestId('token-error'), label).toHaveText(/\S/);
    } else {
      await expect(page.getByTestId('token-error'), label).toHaveCount(0);
    }
    const kept = await page.evaluate(
      ({ token, key }) => {
        const differs = (id: string, typed: string) => {
          const value = (document.querySelector(`[data-testid="${id}"]`) as HTMLTextAreaElement).value;
          if (value === typed) return '';
          let at = 0;
          while (at < typed.length && value[at] === typed[at]) at++;
          return `${id} differs at ${at}: typed ${JSON.stringify(typed.slice(at, at + 12))}, box ${JSON.stringify(value.slice(at, at + 12))}`;
        };
        return differs('token-input', token) + differs('key-input', key);
      },
      { token: normalized.changes.length > 0 ? normalized.token : chaos.token, key: chaos.key },
    );
    expect(kept, `${label}: the boxes keep what was pasted`).toBe('');
    expect(
      watch.pageErrors.length + watch.consoleErrors.length,
      `${label}: ${[...watch.pageErrors, ...watch.consoleErrors].join(' | ')}`,
    ).toBe(errorsBefore);
  }
  await expect(page.getByRole('alert').filter({ hasText: /panel hit a problem/ })).toHaveCount(0);
  await watch.expectClean();
});
