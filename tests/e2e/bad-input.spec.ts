// "Bad input: a clear message, nothing lost, never a crash". Every token and key case the
// issue lists, pasted into the real page: a specific visible message (words and data-code), the box
// keeps exactly what was pasted, and no page error or console error.
import { test, expect, type Page } from './fixtures';
import { generateKeyPairSync } from 'node:crypto';
import { keyPair } from '../fixtures/fixtures';
import { watchPage } from './csp-guard';
import { b64url, defaultPayload, expectEditorText, hs256 } from './helpers';

const header = b64url('{"alg":"HS256","typ":"JWT"}');
const payload = b64url('{"sub":"bad-input"}');
const signature = b64url('signature-bytes-0123456789');
const FIVE_MB = 5 * 1024 * 1024;

type TokenCase = { name: string; input: string; code: string; message: RegExp[] };

const TOKEN_CASES: TokenCase[] = [
  { name: 'empty', input: '', code: 'empty', message: [/No token yet/] },
  { name: 'only dots', input: '...', code: 'parts', message: [/only dots/] },
  // header.payload is decoded as far as it goes (token-errors.spec); two parts that are not a JOSE header are refused.
  { name: '2 parts', input: `${signature}.${payload}`, code: 'parts', message: [/Found 2 parts/, /cut short/] },
  { name: '4 parts', input: `${header}.${payload}.${signature}.x`, code: 'parts', message: [/Found 4 parts/] },
  {
    name: 'invalid base64url character',
    input: `${header}.${payload}.ab*cdefg`,
    code: 'base64url',
    message: [/"\*"/, /not a base64url character/, /Where: the signature, character/],
  },
  {
    name: 'padding',
    input: `${header}=.${payload}.${signature}`,
    code: 'padding',
    message: [/"=" padding/, /remove the trailing "="/, /Where: the header/],
  },
  {
    name: 'standard base64 by mistake',
    input: `${header}.${payload}.ab+cd/ef`,
    code: 'base64',
    message: [/standard base64, not base64url/, /wrong alphabet/],
  },
  {
    name: 'header is JSON but not an object',
    input: `${b64url('["alg","HS256"]')}.${payload}.${signature}`,
    code: 'header-not-object',
    message: [/JSON but an array, not an object/],
  },
  {
    name: 'header is not UTF-8',
    input: `${b64url(Buffer.from([0xff, 0xfe, 0x7b, 0x7d]))}.${payload}.${signature}`,
    code: 'json',
    message: [/not valid UTF-8/, /Where: the header/],
  },
  {
    name: 'zero-width space from a chat app',
    input: `${header}.${payload.slice(0, 5)}\u200b${payload.slice(5)}.${signature}`,
    code: 'characters',
    message: [/U\+200B ZERO WIDTH SPACE/, /in the payload/, /chat apps/],
  },
  {
    name: 'no-break space',
    input: `${header}\u00a0.${payload}.${signature}`,
    code: 'characters',
    message: [/U\+00A0 NO-BREAK SPACE/, /in the header/],
  },
  {
    name: 'non-ASCII letter',
    input: `${header}.${payload}é.${signature}`,
    code: 'characters',
    message: [/U\+00E9 "é"/, /in the payload/],
  },
];

async function expectBoxKeeps(page: Page, input: string): Promise<void> {
  const kept = await page
    .getByTestId('token-input')
    .evaluate((box: HTMLTextAreaElement, typed) => box.value === typed, input);
  expect(kept, 'the token box keeps exactly what was pasted').toBe(true);
}

for (const { name, input, code, message } of TOKEN_CASES) {
  test(`token, ${name}: ${code} with a specific message; the box keeps the text`, async ({ page }) => {
    const watch = await watchPage(page);
    await page.goto(`/#token=${hs256(defaultPayload(), 'k')}`);
    await expectEditorText(page, 'payload-editor', 'Grace Hopper');
    await page.getByTestId('token-input').fill(input);
    const error = page.getByTestId('token-error');
    await expect(error).toHaveAttribute('data-code', code);
    await expect(error).toBeVisible();
    for (const words of message) await expect(error).toContainText(words);
    await expectBoxKeeps(page, input);
    await watch.expectClean();
  });
}

test('token, payload that is not UTF-8: decoded with a visible warning, not an error', async ({ page }) => {
  const watch = await watchPage(page);
  await page.goto('/');
  const input = `${header}.${b64url(Buffer.from([0x7b, 0xc3, 0x28, 0x7d]))}.${signature}`;
  await page.getByTestId('token-input').fill(input);
  await expect(page.getByTestId('token-error')).toHaveCount(0);
  await expect(page.getByText(/not (valid )?UTF-8/).first()).toBeVisible();
  await expectBoxKeeps(page, input);
  await watch.expectClean();
});

test('token, 5 MB: refused at once with the documented 2 MiB limit; the box keeps all of it', async ({ page }) => {
  // Chromium alone needs tens of seconds to lay out 5 MB in a textarea on a busy machine.
  test.setTimeout(240_000);
  const watch = await watchPage(page);
  await page.goto('/');
  const input = `${header}.${'A'.repeat(FIVE_MB)}.${signature}`;
  // What a paste does, minus Playwright's per-character editing path (minutes for 5 MB): set the value
  // and fire the input event React listens to.
  await page.getByTestId('token-input').evaluate((box: HTMLTextAreaElement, text) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(box, text);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, input);
  const error = page.getByTestId('token-error');
  await expect(error).toHaveAttribute('data-code', 'too-large', { timeout: 120_000 });
  await expect(error).toContainText('2,097,152 (2 MiB)');
  await expect(error).toContainText(/only the token was pasted/);
  await expectBoxKeeps(page, input);
  // The page stays usable: a normal token decodes right after.
  await page.getByTestId('token-input').fill(hs256(defaultPayload(), 'k'));
  await expectEditorText(page, 'payload-editor', 'Grace Hopper');
  await watch.expectClean();
});

test('token, a 3 MiB paste (Ctrl+V): refused before the box takes it, the token there stays; 200 KB is taken', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const watch = await watchPage(page);
  const before = hs256(defaultPayload(), 'k');
  await page.goto(`/#token=${before}`);
  await expectEditorText(page, 'payload-editor', 'Grace Hopper');
  const box = page.getByTestId('token-input');
  const paste = async (text: string) => {
    await page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await box.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
  };
  const huge = `${header}.${'A'.repeat(3 * 1024 * 1024)}.${signature}`;
  await paste(huge);
  const error = page.getByTestId('token-error');
  await expect(error).toHaveAttribute('data-code', 'too-large');
  await expect(error).toContainText('Not pasted');
  await expect(error).toContainText(`The input is ${huge.length.toLocaleString('en-US')} characters`);
  await expect(error).toContainText('2,097,152 (2 MiB)');
  await expect(error).toContainText('still holds the token that was there before');
  await expectBoxKeeps(page, before);
  await expectEditorText(page, 'payload-editor', 'Grace Hopper');
  // Large but under the limit: taken over from the browser's paste, and in the box whole.
  const large = hs256({ ...defaultPayload(), blob: 'x'.repeat(150_000) }, 'k');
  await paste(large);
  await expect(page.getByTestId('token-large')).toBeVisible();
  await expect(error).toHaveCount(0);
  await expectBoxKeeps(page, large);
  await watch.expectClean();
});

test('token, 10,000 levels of nested JSON in the payload and the header: decoded, no crash', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = await watchPage(page);
  await page.goto('/');
  const deep = (inner: string) => '{"a":'.repeat(10_000) + inner + '}'.repeat(10_000);
  const nestedHeader = b64url(`{"alg":"HS256","x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
  for (const input of [
    `${header}.${b64url(deep('"deepest"'))}.${signature}`,
    `${nestedHeader}.${payload}.${signature}`,
  ]) {
    await page.getByTestId('token-input').fill(input);
    await expect(page.getByTestId('signature-status')).not.toHaveText('');
    await expect(page.getByTestId('payload-editor')).toBeVisible();
    await expect(page.locator('[data-testid="token-error"]:not([data-code="empty"])')).toHaveCount(0);
    await expectBoxKeeps(page, input);
  }
  await expect(page.getByRole('alert').filter({ hasText: /panel hit a problem/ })).toHaveCount(0);
  await watch.expectClean();
});

type KeyCase = { name: string; text: () => string; code: string; message: RegExp[] };

const rsa = keyPair('rsa-2048');
const ec = keyPair('ec-p256');

const KEY_CASES: KeyCase[] = [
  {
    name: 'truncated PEM',
    text: () => rsa.publicSpkiPem.slice(0, 200),
    code: 'pem-truncated',
    message: [/cut off/, /END PUBLIC KEY/],
  },
  {
    name: 'PEM with the wrong label',
    text: () => rsa.publicSpkiPem.replaceAll('PUBLIC KEY', 'PRIVATE KEY'),
    code: 'pem-label',
    message: [/label says "PRIVATE KEY" but the content is a public key/],
  },
  {
    name: 'two PEMs pasted together',
    text: () => rsa.privatePkcs8Pem + rsa.publicSpkiPem,
    code: 'pem-multiple',
    message: [/2 PEM blocks were pasted together/, /paste only one key/],
  },
  {
    name: 'JWK with missing members',
    text: () => JSON.stringify({ kty: 'RSA', e: 'AQAB' }),
    code: 'jwk-members',
    message: [/missing "n"/],
  },
  { name: 'JWKS with an empty keys array', text: () => '{"keys":[]}', code: 'jwks-empty', message: [/no keys/] },
  {
    name: 'encrypted PKCS#8',
    text: () =>
      generateKeyPairSync('ec', { namedCurve: 'P-256' })
        .privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' })
        .toString(),
    code: 'pem-encrypted',
    message: [/encrypted/, /not supported/, /openssl pkcs8/],
  },
];

for (const { name, text, code, message } of KEY_CASES) {
  test(`key, ${name}: ${code} with a specific message; the box keeps the text`, async ({ page }) => {
    const watch = await watchPage(page);
    await page.goto(`/#token=${hs256(defaultPayload(), 'k', { alg: 'RS256', typ: 'JWT' })}`);
    const keyText = text();
    await page.getByTestId('key-input').fill(keyText);
    const kind = page.getByTestId('key-kind');
    await expect(kind).toHaveAttribute('data-kind', 'error');
    await expect(kind).toHaveAttribute('data-code', code);
    for (const words of message) await expect(kind).toContainText(words);
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'error');
    await expect(page.getByTestId('signature-status')).not.toHaveText('');
    await expect(page.getByTestId('key-input')).toHaveValue(keyText);
    await watch.expectClean();
  });
}

test('key, certificate chain: the leaf is used and the chain is named', async ({ page }) => {
  const watch = await watchPage(page);
  await page.goto('/');
  const chain = `${rsa.certPem ?? ''}${ec.certPem ?? ''}`;
  expect(chain).toContain('BEGIN CERTIFICATE');
  await page.getByTestId('key-input').fill(chain);
  await expect(page.getByTestId('key-kind')).toHaveAttribute('data-kind', 'key');
  await expect(page.getByTestId('key-kind')).toContainText(/X\.509 certificate/);
  await expect(
    page.getByText(/a chain of 2 certificates was pasted; the first one \(the leaf\) is used/),
  ).toBeVisible();
  await expect(page.getByTestId('key-input')).toHaveValue(chain);
  await watch.expectClean();
});

test('key, a public key where signing needs a private key: public-for-signing in the Encode view', async ({ page }) => {
  const watch = await watchPage(page);
  await page.goto('/#mode=encode');
  await page.getByTestId('alg-select').selectOption('RS256');
  await page.getByTestId('key-input').fill(rsa.publicSpkiPem);
  const error = page.getByTestId('sign-error');
  await expect(error).toHaveAttribute('data-code', 'public-for-signing');
  await expect(error).toContainText(/public key/);
  await expect(error).toContainText(/signing needs the private key/);
  await expect(page.getByTestId('key-input')).toHaveValue(rsa.publicSpkiPem);
  await watch.expectClean();
});
