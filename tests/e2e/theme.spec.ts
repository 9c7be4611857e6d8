// Theme: follows the system until chosen, the choice survives a reload, Monaco follows it; and the
// only things in localStorage after a session are preferences, never the token or the key.
import { test, expect } from './fixtures';
import { defaultPayload, expectSignature, hs256, openToken, waitForMonaco } from './helpers';

const SECRET = 'a secret that must never reach storage 1234567890';

test('follows the system, remembers an explicit choice, and Monaco follows the page', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openToken(page, hs256(defaultPayload(), SECRET));
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expect(page.getByTestId('theme-system')).toHaveAttribute('aria-pressed', 'true');
  await waitForMonaco(page, 'payload-editor');
  await expect(page.getByTestId('payload-editor').locator('.monaco-editor')).toHaveClass(/vs-dark/);
  await page.getByTestId('theme-light').click();
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await expect(page.getByTestId('payload-editor').locator('.monaco-editor')).not.toHaveClass(/vs-dark/);
  await page.reload();
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await expect(page.getByTestId('theme-light')).toHaveAttribute('aria-pressed', 'true');
});

test('after decoding, verifying and signing, storage holds preferences only', async ({ page }) => {
  const token = hs256(defaultPayload(), SECRET);
  await openToken(page, token);
  await page.getByTestId('key-input').fill(SECRET);
  await expectSignature(page, 'verified');
  await page.getByTestId('theme-dark').click();
  await page.getByTestId('mode-encode').click();
  await expect(page.getByTestId('token-output')).toHaveAttribute('data-state', 'done');
  const stored = await page.evaluate(() => ({
    local: Object.entries(localStorage),
    session: Object.entries(sessionStorage),
  }));
  const everything = JSON.stringify(stored);
  expect(everything).not.toContain(SECRET);
  expect(everything).not.toContain(token.split('.')[1]);
  expect(stored.local.map(([key]) => key).every((key) => key.startsWith('jwt-workbench:'))).toBe(true);
  expect(page.url()).not.toContain(encodeURIComponent(SECRET).slice(0, 10));
});
