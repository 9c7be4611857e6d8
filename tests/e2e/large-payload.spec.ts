// Speed: a token whose payload is 1 MB (30,000 group names). What a user sees: the right verdict,
// the token box holding all of it, the long groups list and the payload shortened with honest counts, one
// click to see everything, and copy buttons that copy everything. Timings are the bench's business.
import { test, expect, type Page } from './fixtures';
import { watchPage } from './csp-guard';
import { editorText, expectEditorText, hs256, nowSeconds } from './helpers';

const SECRET = 'large-payload-secret-at-least-32-bytes';
const GROUPS = 30_000;

function largePayload(): Record<string, unknown> {
  const now = nowSeconds();
  const groups = Array.from({ length: GROUPS }, (_, i) => `group-${String(i).padStart(6, '0')}:read write admin`);
  return { sub: 'user-1mb', aud: 'api', iat: now, exp: now + 3600, groups };
}

/** What a paste does, without Playwright's per-character editing path (far too slow for 1.3 MB). */
async function pasteToken(page: Page, token: string): Promise<void> {
  await page.getByTestId('token-input').evaluate((box: HTMLTextAreaElement, text) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(box, text);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, token);
}

async function boxHolds(page: Page, token: string): Promise<boolean> {
  return page.getByTestId('token-input').evaluate((box: HTMLTextAreaElement, text) => box.value === text, token);
}

const clipboardText = (page: Page): Promise<string> => page.evaluate(() => navigator.clipboard.readText());

const withCommas = (n: number) => n.toLocaleString('en-US');

test.describe('a 1 MB payload in the Decode view', () => {
  test.setTimeout(120_000);
  const payload = largePayload();
  const token = hs256(payload, SECRET);

  test('verified; the box holds the whole token, drawn in part until focused', async ({ page }) => {
    const watch = await watchPage(page);
    await page.goto('/');
    await page.getByTestId('key-input').fill(SECRET);
    await pasteToken(page, token);
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
    await expect(page.getByTestId('claims-status')).toHaveAttribute('data-state', 'valid');
    expect(token.length).toBeGreaterThan(1_000_000);
    expect(await boxHolds(page, token), 'the token box keeps the whole token').toBe(true);

    const box = page.getByTestId('token-input');
    await expect(box).toHaveAttribute('data-display', 'collapsed');
    await expect(page.getByTestId('token-collapsed')).toContainText(
      `${withCommas(token.length - 2048)} more characters`,
    );
    await expect(page.getByTestId('token-large')).toContainText(`${withCommas(token.length)} characters long`);

    // Focus shows the whole token, and editing it works: one character less in the signature.
    await box.click();
    await expect(box).toHaveAttribute('data-display', 'plain');
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Backspace');
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'invalid');
    expect(await boxHolds(page, token.slice(0, -1))).toBe(true);
    await page.getByTestId('key-input').focus();
    await expect(box).toHaveAttribute('data-display', 'collapsed');
    await watch.expectClean();
  });

  test('a tampered copy is invalid', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('key-input').fill(SECRET);
    const [header, , signature] = token.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...payload, sub: 'admin' })).toString('base64url')}.${signature}`;
    await pasteToken(page, tampered);
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'invalid');
    await expect(page.locator('tr[data-claim="sub"]')).toContainText('admin');
  });

  test('the groups claim shows 50 entries and how many more; Show all lists every one', async ({ page }) => {
    await page.goto('/');
    await pasteToken(page, token);
    const groups = page.locator('tr[data-claim="groups"]');
    await expect(groups.locator('li')).toHaveCount(50);
    await expect(groups.locator('li').first()).toHaveText('group-000000:read write admin');
    await expect(groups.getByTestId('claim-more')).toHaveText(
      `… and ${withCommas(GROUPS - 50)} more (${withCommas(GROUPS)} in all)`,
    );
    await groups.getByTestId('claim-show-all').click();
    await expect(groups.locator('li')).toHaveCount(GROUPS, { timeout: 60_000 });
    await expect(groups.locator('li').last()).toHaveText(`group-0${GROUPS - 1}:read write admin`);
    await expect(groups.getByTestId('claim-more')).toHaveCount(0);
  });

  test('the payload editor previews the first lines with counts; copy copies all; Show all puts all of it in the editor', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    await pasteToken(page, token);
    const notice = page.getByTestId('payload-preview');
    const totalLines = JSON.stringify(payload, null, 2).split('\n').length;
    await expect(notice).toHaveAttribute('data-total-lines', String(totalLines));
    await expect(notice).toHaveAttribute('data-shown-lines', '200');
    await expect(notice).toContainText(`first 200 of ${withCommas(totalLines)} lines, read-only`);
    await expectEditorText(page, 'payload-editor', '"sub": "user-1mb"');

    await page.getByTestId('copy-payload').click();
    // Polled rather than the button's "Copied" (shown for 2 s, which a busy machine can miss).
    await expect.poll(() => clipboardText(page), { timeout: 30_000 }).toBe(JSON.stringify(payload, null, 2));

    const last = `"group-0${GROUPS - 1}:read write admin"`;
    const editor = page.getByTestId('payload-editor');
    expect(await editorText(page, 'payload-editor')).not.toContain(last);
    await page.getByTestId('payload-show-all').click();
    await expect(notice).toHaveCount(0);
    // Now the editor holds all of it. Monaco draws only the lines in view: go to the end to see the last.
    if ((await editor.getAttribute('data-editor')) === 'monaco') {
      await editor.locator('.view-lines').click();
      await page.keyboard.press('ControlOrMeta+End');
      await expect(editor).toContainText(last, { timeout: 30_000 });
    } else {
      await expect
        .poll(() => editor.locator('textarea').inputValue(), { timeout: 30_000 })
        .toBe(JSON.stringify(payload, null, 2));
    }
  });

  test('the curl snippet shows the token shortened and says so; Copy command copies the full command', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    await pasteToken(page, token);
    const snippet = page.getByTestId('curl-snippet');
    await expect(snippet).toHaveAttribute('data-shortened', 'true');
    await expect(snippet).toContainText(`Authorization: Bearer ${token.slice(0, 200)}…[`);
    await expect(page.getByTestId('snippet-shortened')).toContainText(`${withCommas(token.length)} characters long`);
    await page.getByTestId('copy-curl').click();
    await expect
      .poll(async () => (await clipboardText(page)).includes(`-H 'Authorization: Bearer ${token}'`), {
        timeout: 30_000,
      })
      .toBe(true);
  });
});
