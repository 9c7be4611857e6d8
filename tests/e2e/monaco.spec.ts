// Monaco is bundled, lazy and JSON-only: the page decodes before it arrives, it loads from our own
// origin (workers included), pasting JSON into it (Ctrl+A, Ctrl+V) changes the token, and a syntax
// error shows under the editor.
import { test, expect, type Page } from './fixtures';
import { defaultPayload, expectEditorText, guardPage, hs256, openToken, waitForMonaco } from './helpers';

/** The payload segment of the token box, decoded: what an edit in the payload editor rebuilt. */
async function tokenBoxPayload(page: Page): Promise<string> {
  const value = await page.getByTestId('token-input').inputValue();
  return Buffer.from(value.split('.')[1] ?? '', 'base64url').toString();
}

test('decoded JSON is visible before Monaco, then Monaco takes over', async ({ page }) => {
  const guard = guardPage(page);
  await openToken(page, hs256(defaultPayload(), 'k'));
  await expectEditorText(page, 'payload-editor', 'Grace Hopper');
  await waitForMonaco(page, 'payload-editor');
  await expectEditorText(page, 'payload-editor', 'Grace Hopper');
  guard.check();
});

test('Monaco is fetched only when an editor is wanted; a focused plain editor hands over its caret', async ({
  page,
}) => {
  const monacoRequests: string[] = [];
  page.on('request', (request) => {
    if (/MonacoJsonEditor|editor\.worker|json\.worker/.test(request.url())) monacoRequests.push(request.url());
  });
  await openToken(page, hs256(defaultPayload(), 'k'));
  await expectEditorText(page, 'payload-editor', 'Grace Hopper');
  await page.waitForLoadState('networkidle');
  expect(monacoRequests, 'nothing of Monaco before an editor is wanted').toEqual([]);
  await expect(page.getByTestId('payload-editor')).toHaveAttribute('data-editor', 'plain');

  // Keyboard focus (no pointer) into the plain editor, caret just before "Grace".
  const plain = page.getByTestId('payload-editor').locator('textarea');
  await plain.evaluate((element: HTMLTextAreaElement) => {
    const at = element.value.indexOf('Grace');
    element.focus();
    element.setSelectionRange(at, at);
  });
  await expect(page.getByTestId('payload-editor')).toHaveAttribute('data-editor', 'monaco', { timeout: 20_000 });
  expect(monacoRequests.length).toBeGreaterThan(0);
  await expect
    .poll(() =>
      page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="payload-editor"] .monaco-editor'))),
    )
    .toBe(true);
  await page.keyboard.type('Z');
  await expect.poll(() => tokenBoxPayload(page)).toContain('"ZGrace Hopper"');
});

test('Ctrl+A, Ctrl+V of JSON into the payload editor changes the payload (Decode view)', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const token = hs256(defaultPayload(), 'k');
  await openToken(page, token);
  await waitForMonaco(page, 'payload-editor');
  await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify({ sub: 'pasted', role: 'admin' }));
  await page.getByTestId('payload-editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => tokenBoxPayload(page)).toBe('{"sub":"pasted","role":"admin"}');
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'no-key');
});

test('Ctrl+A, Ctrl+V into the Encode header editor changes the header and the output', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#mode=encode');
  await page.getByTestId('key-input').fill('an HMAC secret that is comfortably longer than 32 bytes');
  await waitForMonaco(page, 'header-editor');
  await page.evaluate((text) => navigator.clipboard.writeText(text), '{"alg":"HS384","typ":"JWT","kid":"pasted"}');
  await page.getByTestId('header-editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.getByTestId('alg-select')).toHaveValue('HS384');
  await expect
    .poll(async () => {
      const token = (await page.getByTestId('token-output').innerText()).trim();
      return JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()).kid;
    })
    .toBe('pasted');
});

test('a JSON syntax error shows a marker and a message under the editor', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#mode=encode');
  await waitForMonaco(page, 'payload-editor');
  await page.evaluate((text) => navigator.clipboard.writeText(text), '{"sub": "x",, "n": 1}');
  await page.getByTestId('payload-editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.getByText(/Payload JSON:/)).toBeVisible();
  await expect(page.getByTestId('payload-editor').locator('.squiggly-error')).not.toHaveCount(0, { timeout: 15_000 });
});

/**
 * Key presses as fast as the keyboard sends them. If the owner's text reached Monaco after a key press that
 * changed it, the older text would be put back and the caret thrown to the end of the document (the next
 * letter would land after the closing brace): every letter must be in the token, in order.
 */
async function typeFastInPayloadEditor(page: Page, letters: string): Promise<void> {
  await page.getByTestId('payload-editor').locator('.view-lines').click();
  await page.evaluate((text) => navigator.clipboard.writeText(text), '{"sub":"x"}');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expectEditorText(page, 'payload-editor', '"x"');
  // The caret goes just before the closing quote of "x".
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  for (const letter of letters) await page.keyboard.press(letter);
}

const FAST_LETTERS = 'abcdefghijklmnopqrstuvwxyz'.repeat(4);

test('fast typing in the Encode payload editor keeps every key where the caret is', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#mode=encode');
  await page.getByTestId('alg-select').selectOption('HS256');
  await page.getByTestId('key-input').fill('an HMAC secret that is comfortably longer than 32 bytes');
  await waitForMonaco(page, 'payload-editor');
  await typeFastInPayloadEditor(page, FAST_LETTERS);
  await expect
    .poll(async () => {
      const token = (await page.getByTestId('token-output').innerText()).trim();
      return Buffer.from(token.split('.')[1] ?? '', 'base64url').toString();
    })
    .toBe(JSON.stringify({ sub: `x${FAST_LETTERS}` }));
  await expect(page.getByText(/Payload JSON:/)).toHaveCount(0);
});

test('fast typing in the Decode payload editor rebuilds the token with every key in place', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openToken(page, hs256(defaultPayload(), 'k'));
  await waitForMonaco(page, 'payload-editor');
  await typeFastInPayloadEditor(page, FAST_LETTERS);
  await expect.poll(() => tokenBoxPayload(page)).toBe(JSON.stringify({ sub: `x${FAST_LETTERS}` }));
});
