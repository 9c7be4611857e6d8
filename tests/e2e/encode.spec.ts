// Encode view journeys: the token carries over from Decode, alg-select rewrites the header, every
// edit re-signs, the output verifies with the core (imported here, outside the page), and a key that
// does not fit the algorithm is said plainly while the last output stays, marked stale.
import { test, expect } from './fixtures';
import { verifyToken } from '../../src/core';
import { defaultPayload, expectEditorText, guardPage, hs256, openToken, rsaKeyPair } from './helpers';

const SECRET = 'an HMAC secret that is comfortably longer than 32 bytes';

test('signs HS256 live; the core verifies the output with the same secret', async ({ page }) => {
  const guard = guardPage(page);
  await page.goto('/#mode=encode');
  await expect(page.getByTestId('alg-select')).toBeVisible();
  await page.getByTestId('alg-select').selectOption('HS256');
  await page.getByTestId('key-input').fill(SECRET);
  const output = page.getByTestId('token-output');
  await expect(output).toHaveAttribute('data-state', 'done');
  const token = (await output.innerText()).trim();
  const result = await verifyToken(token, { text: SECRET });
  expect(result.signature).toBe('verified');
  guard.check();
});

test('alg-select rewrites the header alg; an RSA key signs RS256 and the public key verifies it', async ({ page }) => {
  const rsa = rsaKeyPair();
  await page.goto('/#mode=encode');
  await page.getByTestId('alg-select').selectOption('RS256');
  await expectEditorText(page, 'header-editor', 'RS256');
  await page.getByTestId('key-input').fill(rsa.privatePem);
  const output = page.getByTestId('token-output');
  await expect(output).toHaveAttribute('data-state', 'done');
  const token = (await output.innerText()).trim();
  expect(JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()).alg).toBe('RS256');
  expect((await verifyToken(token, { text: rsa.publicPem })).signature).toBe('verified');
});

test('a key that does not fit the algorithm: plain message, last output kept and marked stale', async ({ page }) => {
  const rsa = rsaKeyPair();
  await page.goto('/#mode=encode');
  await page.getByTestId('alg-select').selectOption('HS256');
  await page.getByTestId('key-input').fill(SECRET);
  await expect(page.getByTestId('token-output')).toHaveAttribute('data-state', 'done');
  const good = (await page.getByTestId('token-output').innerText()).trim();
  await page.getByTestId('alg-select').selectOption('ES256');
  await page.getByTestId('key-input').fill(rsa.privatePem);
  await expect(page.getByTestId('token-output')).toHaveAttribute('data-state', 'error');
  await expect(page.getByTestId('token-output')).toHaveAttribute('data-stale', 'true');
  await expect(page.getByTestId('sign-error')).toContainText(/RSA|EC|P-256/);
  expect((await page.getByTestId('token-output').innerText()).trim()).toBe(good);
});

test('the token carries over from Decode to Encode and back', async ({ page }) => {
  const token = hs256(defaultPayload({ name: 'Carry Over' }), SECRET);
  await openToken(page, token);
  await page.getByTestId('mode-encode').click();
  await expectEditorText(page, 'payload-editor', 'Carry Over');
  await page.getByTestId('key-input').fill(SECRET);
  await expect(page.getByTestId('token-output')).toHaveText(token);
  await page.getByTestId('mode-decode').click();
  await expect(page.getByTestId('token-input')).toHaveValue(token);
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
});

test('time helpers stamp iat, nbf and exp into the payload', async ({ page }) => {
  await page.goto('/#mode=encode');
  const before = Math.floor(Date.now() / 1000);
  await page.getByTestId('time-exp-300').click();
  await page.getByTestId('time-nbf-now').click();
  await page.getByTestId('key-input').fill(SECRET);
  await expect(page.getByTestId('token-output')).toHaveAttribute('data-state', 'done');
  const token = (await page.getByTestId('token-output').innerText()).trim();
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
  expect(payload.exp - before).toBeGreaterThanOrEqual(299);
  expect(payload.exp - before).toBeLessThanOrEqual(310);
  expect(payload.nbf).toBeGreaterThanOrEqual(before);
});

test('copy-token shows a visible confirmation', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#mode=encode');
  await page.getByTestId('key-input').fill(SECRET);
  await expect(page.getByTestId('token-output')).toHaveAttribute('data-state', 'done');
  await page.getByTestId('copy-token').click();
  await expect(page.getByTestId('copy-token')).toContainText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe((await page.getByTestId('token-output').innerText()).trim());
});

test('the Encode view shows the claims and the time verdict of the token it signs, under "Header & payload"', async ({
  page,
}) => {
  const now = Math.floor(Date.now() / 1000);
  await openToken(page, hs256({ sub: 'claims-in-encode', iat: now, exp: now + 110 * 60 }, SECRET));
  await page.getByTestId('mode-encode').click();
  await page.getByTestId('key-input').fill(SECRET);
  await expect(page.getByTestId('token-output')).toHaveAttribute('data-state', 'done');
  await expect(page.getByRole('region', { name: 'Header & payload' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Decoded' })).toHaveCount(0);
  await expect(page.getByTestId('claims-status')).toHaveAttribute('data-state', 'valid');
  const table = page.getByTestId('claims-table');
  await expect(table.locator('[data-claim="exp"]')).toContainText(/in 1 hour (49|50) minutes/);
  await expect(table.locator('[data-claim="iat"]')).toBeVisible();
});

test('a long request URL is shown whole, wrapped, never cut off', async ({ page }) => {
  await page.goto('/#mode=encode');
  await page.getByTestId('key-input').fill(SECRET);
  const url = `https://api.example.com/v1/organisations/6f1c2a/projects/alpha-beta-gamma/deployments/${'x'.repeat(120)}?include=all`;
  const box = page.getByTestId('snippet-url');
  await box.fill(url);
  await expect(box).toHaveValue(url);
  const fits = await box.evaluate((el) => ({
    width: el.scrollWidth <= el.clientWidth,
    height: el.scrollHeight <= el.clientHeight + 1,
  }));
  expect(fits).toEqual({ width: true, height: true });
  await box.press('Enter');
  await expect(box).toHaveValue(url);
  await expect(page.getByTestId('curl-snippet')).toContainText(url);
});
