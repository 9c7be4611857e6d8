// Decode view journeys: open a link, read the parts and claims, verify with a secret, see what a
// wrong key or a tampered payload does, and paste tokens in the shapes people copy them.
import { test, expect } from './fixtures';
import { randomBytes } from 'node:crypto';
import {
  defaultPayload,
  expectEditorText,
  expectSignature,
  guardPage,
  hs256,
  nowSeconds,
  openToken,
  waitForMonaco,
} from './helpers';

const SECRET = 'correct horse battery staple, but longer than 32 bytes';

test('opens /#token=… and shows header, payload, claims; no key means no-key', async ({ page }) => {
  const guard = guardPage(page);
  const token = hs256(defaultPayload(), SECRET);
  await openToken(page, token);
  await expectEditorText(page, 'header-editor', 'HS256');
  await expectEditorText(page, 'payload-editor', 'Grace Hopper');
  await expectSignature(page, 'no-key');
  await expect(page.getByTestId('claims-status')).toHaveAttribute('data-state', 'valid');
  const aud = page.getByTestId('claims-table').locator('tr[data-claim="aud"] li');
  await expect(aud).toHaveText(['api', 'web']);
  await expect(page.getByTestId('token-error')).toHaveCount(0);
  guard.check();
});

test('verifies with the right secret, and says invalid for a wrong one', async ({ page }) => {
  const guard = guardPage(page);
  await openToken(page, hs256(defaultPayload(), SECRET));
  await page.getByTestId('key-input').fill(SECRET);
  await expectSignature(page, 'verified');
  await expect(page.getByTestId('key-kind')).toContainText(/secret/i);
  await page.getByTestId('key-input').fill(`${SECRET}!`);
  await expectSignature(page, 'invalid');
  await expect(page.getByTestId('signature-status')).toContainText(/invalid/i);
  guard.check();
});

test('verifies with a base64url secret once secret-encoding says so', async ({ page }) => {
  const secret = randomBytes(32);
  await openToken(page, hs256(defaultPayload(), secret));
  await page.getByTestId('key-input').fill(secret.toString('base64url'));
  await page.getByTestId('secret-encoding').selectOption('base64url');
  await expectSignature(page, 'verified');
  await page.getByTestId('secret-encoding').selectOption('utf8');
  await expectSignature(page, 'invalid');
});

test('editing the payload rebuilds the token and the signature no longer verifies', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const token = hs256(defaultPayload(), SECRET);
  await openToken(page, token);
  await page.getByTestId('key-input').fill(SECRET);
  await expectSignature(page, 'verified');
  await waitForMonaco(page, 'payload-editor');
  const tampered = JSON.stringify({ ...defaultPayload(), name: 'Mallory', admin: true });
  await page.evaluate((text) => navigator.clipboard.writeText(text), tampered);
  await page.getByTestId('payload-editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.getByTestId('token-input')).not.toHaveValue(token);
  const [header, , signature] = token.split('.');
  const rebuilt = await page.getByTestId('token-input').inputValue();
  expect(rebuilt.split('.')[0]).toBe(header);
  expect(rebuilt.split('.')[2]).toBe(signature);
  expect(JSON.parse(Buffer.from(rebuilt.split('.')[1] ?? '', 'base64url').toString())).toMatchObject({
    name: 'Mallory',
    admin: true,
  });
  await expectSignature(page, 'invalid');
});

test('normalises a pasted Authorization header value and says what it removed', async ({ page }) => {
  const token = hs256(defaultPayload(), SECRET);
  await page.goto('/');
  const wrapped = `Bearer "${token.slice(0, 40)}\n${token.slice(40)}"`;
  await page.getByTestId('token-input').fill(wrapped);
  await expect(page.getByTestId('token-input')).toHaveValue(token);
  await expect(page.getByTestId('token-normalized')).toContainText(/Bearer|scheme/i);
  await expectEditorText(page, 'payload-editor', 'Grace Hopper');
});

test('an expired token shows the expired verdict and badge; a future nbf shows not-yet-valid', async ({ page }) => {
  const now = nowSeconds();
  await openToken(page, hs256({ sub: 'a', iat: now - 7200, exp: now - 3600 }, SECRET));
  await expect(page.getByTestId('claims-status')).toHaveAttribute('data-state', 'expired');
  await expect(page.locator('tr[data-claim="exp"] [data-badge="expired"]')).toBeVisible();
  await page.getByTestId('token-input').fill(hs256({ sub: 'a', nbf: now + 3600, exp: now + 7200 }, SECRET));
  await expect(page.getByTestId('claims-status')).toHaveAttribute('data-state', 'not-yet-valid');
  await page.getByTestId('token-input').fill(hs256({ sub: 'a', iat: now }, SECRET));
  await expect(page.getByTestId('claims-status')).toHaveAttribute('data-state', 'none');
});

test('claim descriptions appear on focus as an accessible tooltip', async ({ page }) => {
  await openToken(page, hs256(defaultPayload(), SECRET));
  const name = page.locator('tr[data-claim="exp"] button');
  await name.focus();
  const tooltipId = await name.getAttribute('aria-describedby');
  expect(tooltipId).toBeTruthy();
  await expect(page.locator(`[id="${tooltipId}"]`)).toBeVisible();
  await expect(page.locator(`[id="${tooltipId}"]`)).toContainText(/expir/i);
  await page.keyboard.press('Escape');
  await expect(page.locator(`[id="${tooltipId}"]`)).toBeHidden();
  await expect(name).toBeFocused();
});

test('lint findings list severity and a reference', async ({ page }) => {
  await openToken(page, hs256(defaultPayload(), 'secret'));
  await page.getByTestId('key-input').fill('secret');
  await expectSignature(page, 'verified');
  const finding = page.getByTestId('lint-findings').locator('li').first();
  await expect(finding).toHaveAttribute('data-severity', /error|warning|info/);
  await expect(finding).toContainText(/RFC|CVE/);
});

test('a claim holding U+2028 and U+2029 opens no native dialog, and the token is never rewritten', async ({ page }) => {
  const dialogs: string[] = [];
  // Accepting is what rewrote the token: Monaco's prompt offered to remove "unusual line terminators".
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  const token = hs256(defaultPayload({ note: 'line\u2028separator and paragraph\u2029separator' }), SECRET);
  await openToken(page, token);
  await waitForMonaco(page, 'payload-editor');
  await page.getByTestId('payload-editor').locator('.monaco-editor .view-lines').click();
  await page.getByTestId('key-input').fill(SECRET);
  await expectSignature(page, 'verified');
  // Nothing may happen here: give a dialog, or the edit after it, time to show.
  await page.waitForTimeout(1_500);
  expect(dialogs).toEqual([]);
  await expect(page.getByTestId('token-input')).toHaveValue(token);
  await expectSignature(page, 'verified');
});
