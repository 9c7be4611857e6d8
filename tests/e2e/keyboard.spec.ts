// Keyboard only: decode, verify, switch view, sign and copy with Tab, Shift+Tab, Enter and
// Space (text goes in through the keyboard too). Every stop on the way has a visible focus indicator
// and an accessible name; Monaco's editors do not trap Tab.
import { test, expect, type Page } from './fixtures';
import { watchPage } from './csp-guard';
import { defaultPayload, expectEditorText, hs256 } from './helpers';

const SECRET = 'keyboard-secret-long-enough-for-hs256-signing';

type Stop = { testId: string; tag: string; indicator: string };

/** The focused element and the focus indicator found on it or its near ancestors. */
async function focused(page: Page): Promise<Stop> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    // A marker instead of :focus, which misses a date input whose inner (UA shadow) field has the focus.
    document.querySelector('[data-keyboard-probe]')?.removeAttribute('data-keyboard-probe');
    if (!el || el === document.body) return { testId: '', tag: 'BODY', indicator: '' };
    el.setAttribute('data-keyboard-probe', '');
    let indicator = '';
    let node: HTMLElement | null = el;
    for (let depth = 0; node && depth < 12 && !indicator; depth++, node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1)
        indicator = `outline on ${node.tagName}`;
      else if (style.boxShadow !== 'none' && node.matches(':focus-within')) indicator = `box-shadow on ${node.tagName}`;
    }
    const testId = el.closest('[data-testid]')?.getAttribute('data-testid') ?? '';
    return { testId, tag: el.tagName, indicator };
  });
}

/** Presses Tab (or Shift+Tab) until the focus is inside `testId`; checks every stop on the way. */
async function tabTo(page: Page, testId: string, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 80): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    let stop: Stop = { testId: '', tag: 'BODY', indicator: '' };
    // Focus on a plain JSON editor makes Monaco take its place (and the focus): the element probed first can be
    // gone by the time its name is read, so probe whatever holds the focus again until the check holds.
    await expect(async () => {
      stop = await focused(page);
      if (stop.tag === 'BODY') return;
      expect(stop.indicator, `focus indicator on ${stop.tag} ${stop.testId}`).not.toBe('');
      await expect(
        page.locator('[data-keyboard-probe]'),
        `accessible name of ${stop.tag} ${stop.testId}`,
      ).toHaveAccessibleName(/\S/, { timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
    stops.push(stop);
    if (stop.testId === testId) return stops;
  }
  throw new Error(`${key} never reached ${testId}; stops: ${stops.map((s) => s.testId || s.tag).join(' → ')}`);
}

test('decode, verify, switch view, sign and copy with the keyboard alone', async ({ page, context }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const watch = await watchPage(page);
  const token = hs256(defaultPayload({ sub: 'keyboard' }), SECRET);
  await page.goto('/');
  await expect(page.getByTestId('token-input')).toBeVisible();

  // Decode: reach the token box, type the token.
  await tabTo(page, 'token-input');
  await page.keyboard.insertText(token);
  await expectEditorText(page, 'payload-editor', 'keyboard');

  // Verify: on past the Monaco editors (Tab leaves them) to the key box, type the secret.
  const forward = await tabTo(page, 'key-input');
  expect(
    forward.some((stop) => stop.testId === 'payload-editor'),
    'Tab went through the payload editor',
  ).toBe(true);
  await page.keyboard.insertText(SECRET);
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');

  // Shift+Tab walks back to the token box.
  await tabTo(page, 'token-input', 'Shift+Tab');

  // Switch view with Enter on the Encode button.
  await tabTo(page, 'mode-encode', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('mode-encode')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('token-output')).toHaveText(/^eyJ/);

  // Sign with a new secret typed into the key box.
  const before = await page.getByTestId('token-output').textContent();
  await tabTo(page, 'key-input');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(`${SECRET}-rotated`);
  await expect(page.getByTestId('token-output')).not.toHaveText(before ?? '');
  const signed = (await page.getByTestId('token-output').textContent()) ?? '';
  expect(signed).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);

  // Copy with Space.
  await tabTo(page, 'copy-token', 'Shift+Tab');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('copy-token')).toHaveAttribute('data-state', 'copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(signed);

  // And back to Decode with Space, where the signed token verifies against the rotated secret.
  await tabTo(page, 'mode-decode', 'Shift+Tab');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('mode-decode')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
  await watch.expectClean();
});

test('every focusable control in both views has an accessible name', async ({ page }) => {
  await page.goto(`/#token=${hs256(defaultPayload(), SECRET)}`);
  for (const mode of ['decode', 'encode'] as const) {
    await page.getByTestId(`mode-${mode}`).click();
    const controls = page.locator('button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])');
    const count = await controls.count();
    expect(count).toBeGreaterThan(5);
    for (let i = 0; i < count; i++) {
      const control = controls.nth(i);
      if (!(await control.isVisible())) continue;
      await expect(control, `${mode}: control ${i}`).toHaveAccessibleName(/\S/);
    }
  }
});

test('the pane separators are focusable, named, and resize with the arrow keys', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`/#token=${hs256(defaultPayload(), SECRET)}`);
  const separator = page.getByRole('separator', { name: 'Resize the Encoded and Decoded panes' });
  await expect(separator).toBeVisible();
  const encoded = page.getByRole('region', { name: 'Encoded' });
  const before = (await encoded.boundingBox())?.width ?? 0;
  await tabTo(page, 'token-input');
  // The separator follows the Encoded pane in the tab order.
  for (let i = 0; i < 10 && !(await separator.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(separator).toBeFocused();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await encoded.boundingBox())?.width ?? 0).toBeGreaterThan(before + 20);
});
