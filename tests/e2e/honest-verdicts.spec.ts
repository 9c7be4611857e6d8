// Verdicts that say no more than is true, as the page shows them: a weak RSA key in the verdict's title, a
// claim written 1e309 shown as written, a key box holding only whitespace, a byte order mark and a
// non-canonical last character named where they are, and shell syntax in a kid. Tokens and keys are made
// with node:crypto.
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { test, expect } from './fixtures';
import type { Page } from './fixtures';
import { b64url, defaultPayload, expectSignature, guardPage, hs256, openToken } from './helpers';

const SECRET = 'a-string-secret-at-least-256-bits-long';

function hs256Bytes(header: Buffer | string, payload: Buffer | string): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
}

test('a 512-bit RSA key verifies, and the verdict title says anyone can forge with it', async ({ page }) => {
  const guard = guardPage(page);
  const weak = generateKeyPairSync('rsa', { modulusLength: 512 });
  const input = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${b64url(JSON.stringify(defaultPayload()))}`;
  const token = `${input}.${b64url(sign('sha256', Buffer.from(input), weak.privateKey))}`;
  await openToken(page, token);
  await page.getByTestId('key-input').fill(weak.publicKey.export({ type: 'spki', format: 'pem' }) as string);
  await expectSignature(page, 'verified');
  const status = page.getByTestId('signature-status');
  await expect(status).toHaveAttribute('data-code', 'weak-rsa');
  await expect(status.locator('p').first()).toHaveText(/Verified, with a 512-bit key anyone can forge/);
  guard.check();
});

test('exp: 1e309 is shown as written and called not a NumericDate', async ({ page }) => {
  const guard = guardPage(page);
  await openToken(page, hs256Bytes('{"alg":"HS256","typ":"JWT"}', '{"sub":"forever","exp":1e309}'));
  await expect(page.getByTestId('claims-table')).toContainText('1e309');
  await expect(page.getByTestId('claims-table')).not.toContainText('null');
  await expect(page.getByTestId('claims-status')).toContainText('exp is 1e309 as written');
  await expect(page.getByTestId('claims-status')).toContainText(/jose accepts it as a token that never expires/);
  await expect(page.getByTestId('claims-status')).toContainText(/PyJWT rejects/);
  guard.check();
});

test('a key box holding only whitespace says so instead of "No key yet"', async ({ page }) => {
  const guard = guardPage(page);
  await openToken(page, hs256(defaultPayload(), SECRET));
  await page.getByTestId('key-input').fill('  \n');
  await expectSignature(page, 'no-key');
  await expect(page.getByTestId('signature-status')).toContainText(/only whitespace \(2 spaces and 1 line break\)/);
  await expect(page.getByTestId('signature-status')).not.toContainText('No key yet');
  await expect(page.getByTestId('key-kind')).toContainText(/Only whitespace/);
  guard.check();
});

test('a byte order mark in the payload is named with its bytes, and the token still verifies', async ({ page }) => {
  const guard = guardPage(page);
  const payload = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"sub":"bom"}')]);
  await openToken(page, hs256Bytes('{"alg":"HS256"}', payload));
  await page.getByTestId('key-input').fill(SECRET);
  await expectSignature(page, 'verified');
  const warning = page.locator('[data-testid="token-warning"][data-code="bom"]');
  await expect(warning).toContainText('bytes 0–2 of the decoded payload: EF BB BF');
  guard.check();
});

test('a bad UTF-8 byte in the header is named by its offset', async ({ page }) => {
  const header = Buffer.concat([Buffer.from('{"alg":"'), Buffer.from([0xff]), Buffer.from('"}')]);
  await openToken(page, hs256Bytes(header, '{}'));
  await expect(page.getByTestId('token-error')).toHaveAttribute('data-code', 'json');
  await expect(page.getByTestId('token-error')).toContainText('byte 8 of the decoded header (0xFF)');
});

test('a signature whose last character is not canonical gets a note, yet verifies', async ({ page }) => {
  const guard = guardPage(page);
  const canonical = hs256(defaultPayload(), SECRET);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const last = canonical.at(-1) ?? 'A';
  const twin = canonical.slice(0, -1) + alphabet.charAt(alphabet.indexOf(last) | 1);
  await openToken(page, twin);
  await page.getByTestId('key-input').fill(SECRET);
  await expectSignature(page, 'verified');
  const note = page.locator('[data-testid="token-warning"][data-code="base64url-non-canonical"]');
  await expect(note).toContainText(`exactly like the one ending in "${last}"`);
  guard.check();
});

test('a kid with $(…) or backticks is flagged as shell syntax', async ({ page }) => {
  await openToken(page, hs256(defaultPayload(), SECRET, { alg: 'HS256', kid: '$(curl x|sh)`id`' }));
  await expect(page.getByText(/contains shell syntax/)).toBeVisible();
});

/**
 * A paste as the browser delivers it: the value, then an input event. Playwright's fill types megabytes far too
 * slowly, and waits for the box to keep the text, which a large key set's box does not (it is held, not drawn).
 */
async function pasteKey(page: Page, text: string): Promise<void> {
  await page.getByTestId('key-input').evaluate((element, value) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    setValue?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

test('a large key set is held, not drawn, and still verifies; key text over the limit is refused', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const guard = guardPage(page);
  const pairs = Array.from({ length: 4 }, () => generateKeyPairSync('ec', { namedCurve: 'P-256' }));
  // 400 keys (about 95,000 characters pretty-printed): over the size the box draws.
  const keys = Array.from({ length: 400 }, (_, i) => ({
    ...(pairs[i % 4]?.publicKey.export({ format: 'jwk' }) as Record<string, unknown>),
    kid: `key-${i}`,
    alg: 'ES256',
  }));
  const signer = pairs[1];
  if (!signer) throw new Error('no key');
  const input = `${b64url(JSON.stringify({ alg: 'ES256', kid: 'key-201' }))}.${b64url(JSON.stringify(defaultPayload()))}`;
  const signature = sign('sha256', Buffer.from(input), { key: signer.privateKey, dsaEncoding: 'ieee-p1363' });
  await openToken(page, `${input}.${b64url(signature)}`);
  const text = JSON.stringify({ keys }, null, 2);
  // A real paste (Ctrl+V): the page takes it over from the browser and the box never lays the text out.
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.getByTestId('key-input').focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expectSignature(page, 'verified');
  await expect(page.getByTestId('signature-status')).toContainText('key-201');
  await expect(page.getByTestId('key-collapsed')).toBeVisible();
  await expect(page.getByTestId('key-input')).toHaveValue('');
  await page.getByTestId('key-collapsed').getByRole('button').click();
  await expect(page.getByTestId('key-input')).toHaveValue(text);
  await pasteKey(page, `{"keys":[${' '.repeat(4 * 1024 * 1024)}]}`);
  await expect(page.getByTestId('key-kind')).toHaveAttribute('data-code', 'too-large');
  await expect(page.getByTestId('key-kind')).toContainText('the limit is 4,194,304 (4 MiB)');
  guard.check();
});
