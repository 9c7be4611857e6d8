// Every decode error code the core documents reaches the page as `token-error[data-code]`, with what
// and where, the offending character marked, and the last good token kept on screen (greyed out).
import { test, expect } from './fixtures';
import { b64url, defaultPayload, expectEditorText, guardPage, hs256, openToken } from './helpers';

const header = b64url('{"alg":"HS256","typ":"JWT"}');
const payload = b64url('{"sub":"x"}');

const CASES: { name: string; code: string; input: string; where?: RegExp }[] = [
  { name: 'two parts, the first not a header', code: 'parts', input: `${payload.slice(0, 5)}x.${payload}` },
  { name: 'four parts', code: 'parts', input: `${header}.${payload}.sig.extra` },
  { name: 'only dots', code: 'parts', input: '..' },
  {
    name: 'a character outside base64url',
    code: 'base64url',
    input: `${header}.${payload.slice(0, 3)}!${payload.slice(4)}.sig`,
    where: /payload, character/,
  },
  { name: 'standard base64 alphabet', code: 'base64', input: `${header}.${payload}.ab+cd/ef`, where: /signature/ },
  { name: 'base64 padding', code: 'padding', input: `${header}=.${payload}.sig`, where: /header/ },
  { name: 'header not JSON', code: 'json', input: `${b64url('{"alg":')}.${payload}.sig`, where: /header/ },
  { name: 'header an array', code: 'header-not-object', input: `${b64url('[1,2]')}.${payload}.sig` },
  {
    name: 'zero-width space from a chat app',
    code: 'characters',
    input: `${header}.${payload.slice(0, 4)}\u200b${payload.slice(4)}.sig`,
    where: /payload/,
  },
  // Five parts are an encrypted token: the JWE panels take over and their decoder says what is wrong.
  {
    name: 'a JWE whose parts are cut to one character',
    code: 'base64url',
    input: `${b64url('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.a.b.c.d`,
    where: /encrypted key/,
  },
];

for (const { name, code, input, where } of CASES) {
  test(`token-error ${code}: ${name}`, async ({ page }) => {
    const guard = guardPage(page);
    const good = hs256(defaultPayload(), 'k');
    await openToken(page, good);
    await page.getByTestId('token-input').fill(input);
    const error = page.getByTestId('token-error');
    await expect(error).toHaveAttribute('data-code', code);
    await expect(error).toBeVisible();
    if (where) await expect(error).toContainText(where);
    if (input.split('.').length === 5) {
      await expect(page.getByTestId('decryption-status')).toContainText('nothing to decrypt');
    } else {
      // The panels keep the last good token, dimmed.
      await expectEditorText(page, 'payload-editor', 'Grace Hopper');
    }
    guard.check();
  });
}

test('token-error empty when the box is cleared, and the marked character is the offending one', async ({ page }) => {
  await openToken(page, hs256(defaultPayload(), 'k'));
  await page.getByTestId('token-input').fill('');
  await expect(page.getByTestId('token-error')).toHaveAttribute('data-code', 'empty');
  await page.getByTestId('token-input').fill(`${header}.${payload.slice(0, 3)}!${payload.slice(4)}.sig`);
  await expect(page.locator('.token-bad')).toHaveText('!');
});

test('a token cut short is decoded as far as it goes, and says what is missing and that there is no signature', async ({
  page,
}) => {
  const guard = guardPage(page);
  const whole = hs256(defaultPayload({ sub: 'cut-short' }), 'a shared secret for this token only');
  await openToken(page, whole);
  await page.getByTestId('key-input').fill('a shared secret for this token only');
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');

  await page.getByTestId('token-input').fill(whole.slice(0, whole.lastIndexOf('.')));
  await expect(page.getByTestId('token-error')).toHaveCount(0);
  await expect(page.getByTestId('token-partial')).toHaveAttribute('data-missing', 'signature');
  await expect(page.getByTestId('token-partial')).toContainText('The signature is missing');
  await expectEditorText(page, 'payload-editor', '"cut-short"');
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'error');
  await expect(page.getByTestId('signature-status')).toContainText('No signature to check');

  await page.getByTestId('token-input').fill(whole.slice(0, whole.indexOf('.')));
  await expect(page.getByTestId('token-partial')).toHaveAttribute('data-missing', 'payload signature');
  await expect(page.getByTestId('token-partial')).toContainText('Only the header is here');
  await expectEditorText(page, 'header-editor', '"HS256"');
  await expect(page.getByTestId('signature-status')).toContainText('no payload and no signature part');
  guard.check();
});
