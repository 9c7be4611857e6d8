// The examples menu: a fresh key generated in the page for each algorithm family, a signed example
// token that verifies, and not one request to another origin while doing it.
import { test, expect } from './fixtures';
import { verifyToken } from '../../src/core';
import { expectEditorText, expectSignature, guardPage } from './helpers';

for (const alg of ['HS256', 'RS256', 'PS256', 'ES256', 'EdDSA'] as const) {
  test(`Load example ${alg}: generated in the page, decoded and verified`, async ({ page }) => {
    const guard = guardPage(page);
    await page.goto('/');
    await page.getByTestId('example-alg').selectOption(alg);
    await page.getByTestId('example-load').click();
    await expectEditorText(page, 'header-editor', alg);
    await expectSignature(page, 'verified');
    await expect(page.getByTestId('claims-status')).toHaveAttribute('data-state', 'valid');
    const token = await page.getByTestId('token-input').inputValue();
    const keyText = await page.getByTestId('key-input').inputValue();
    expect((await verifyToken(token, { text: keyText, secretEncoding: 'utf8' })).signature).toBe('verified');
    guard.check();
  });
}

test('the example menu says what it picks: the algorithm of an example to load, not of the token on screen', async ({
  page,
}) => {
  await page.goto('/');
  const label = page.getByTestId('example-alg-label');
  await expect(label).toBeVisible();
  await expect(label).toHaveText('Try an example signed with');
  await expect(page.getByRole('combobox', { name: 'Try an example signed with' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Examples' })).toContainText('Load example');
});

test('a whole session (example, decode, encode, sign, copy) stays on the app origin', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const guard = guardPage(page);
  await page.goto('/');
  await page.getByTestId('example-alg').selectOption('ES256');
  await page.getByTestId('example-load').click();
  await expectSignature(page, 'verified');
  await page.getByTestId('mode-encode').click();
  await page.getByTestId('example-alg').selectOption('RS256');
  await page.getByTestId('example-load').click();
  await expect(page.getByTestId('alg-select')).toHaveValue('RS256');
  await expect(page.getByTestId('token-output')).toHaveAttribute('data-state', 'done');
  const signed = (await page.getByTestId('token-output').textContent()) ?? '';
  await page.getByTestId('copy-token').click();
  // The clipboard, not the 2-second "Copied" label, which a busy machine can miss.
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(signed);
  await page.getByTestId('mode-decode').click();
  await expectSignature(page, 'verified');
  guard.check();
});
