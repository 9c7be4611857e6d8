// The three panes: resizable with the keyboard, sizes remembered across reloads, stacked on narrow screens.
import { test, expect, type Locator, type Page } from './fixtures';
import { defaultPayload, hs256, openToken } from './helpers';

test('the pane separators resize with the arrow keys, and the sizes survive a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  const separator = page.getByRole('separator').first();
  await separator.focus();
  const before = Number(await separator.getAttribute('aria-valuenow'));
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Number(await separator.getAttribute('aria-valuenow'))).toBeGreaterThan(before);
  const after = Number(await separator.getAttribute('aria-valuenow'));
  await page.reload();
  await expect
    .poll(async () => Number(await page.getByRole('separator').first().getAttribute('aria-valuenow')))
    .toBeCloseTo(after, 0);
});

test('on a narrow screen the panes stack and everything stays reachable', async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 800 });
  await openToken(page, hs256(defaultPayload(), 'k'));
  await expect(page.getByRole('separator')).toHaveCount(0);
  const input = await page.getByTestId('token-input').boundingBox();
  const payload = await page.getByTestId('payload-editor').boundingBox();
  const status = await page.getByTestId('signature-status').boundingBox();
  expect(input && payload && status).toBeTruthy();
  expect(payload!.y).toBeGreaterThan(input!.y);
  expect(status!.y).toBeGreaterThan(payload!.y);
  expect(payload!.width).toBeGreaterThan(300);
});

const PANE_NAMES = ['Encoded', 'Decoded', 'Key & verification'];

/** Each pane's share of the row, in percent of the three panes' widths (the separators left out). */
async function paneShares(page: Page): Promise<number[]> {
  const widths = await Promise.all(
    PANE_NAMES.map(async (name) => (await page.getByRole('region', { name, exact: true }).boundingBox())?.width ?? 0),
  );
  const total = widths.reduce((a, b) => a + b, 0);
  return widths.map((width) => (width / total) * 100);
}

async function center(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('dragging a separator with the mouse resizes the panes, down to their minimums, and is remembered', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  const first = page.getByRole('separator', { name: 'Resize the Encoded and Decoded panes' });
  const second = page.getByRole('separator', { name: 'Resize the Decoded and Key panes' });
  await expect(first).toHaveAttribute('aria-valuenow', '30');
  await expect(first).toHaveAttribute('aria-valuemin', '18');
  await expect(first).toHaveAttribute('aria-valuemax', '58');

  const start = await center(first);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 70, start.y, { steps: 5 });
  await page.mouse.move(start.x + 140, start.y, { steps: 5 });
  await expect(first).toHaveAttribute('data-separator', 'active');
  await page.mouse.up();
  await expect(first).not.toHaveAttribute('data-separator', 'active');
  // 140 px of a row of ~1388 px of panes is ~10 points, taken from the Decoded pane.
  let shares = await paneShares(page);
  expect(shares[0]).toBeGreaterThan(38);
  expect(shares[0]).toBeLessThan(42);
  expect(shares[2]).toBeCloseTo(32, 0);
  expect(Number(await first.getAttribute('aria-valuenow'))).toBeCloseTo(shares[0]!, 0);

  // Far past the left edge: the Encoded pane stops at its 18 % minimum.
  const moved = await center(first);
  await page.mouse.move(moved.x, moved.y);
  await page.mouse.down();
  await page.mouse.move(0, moved.y, { steps: 10 });
  await page.mouse.up();
  await expect(first).toHaveAttribute('aria-valuenow', '18');
  shares = await paneShares(page);
  expect(shares[0]).toBeCloseTo(18, 0);

  // Far past the right edge with the second separator: the Key pane stops at 20 %.
  const other = await center(second);
  await page.mouse.move(other.x, other.y);
  await page.mouse.down();
  await page.mouse.move(1399, other.y, { steps: 10 });
  await page.mouse.up();
  shares = await paneShares(page);
  expect(shares[2]).toBeCloseTo(20, 0);
  expect(shares[0]).toBeCloseTo(18, 0);
  await expect(second).toHaveAttribute('aria-valuenow', '62');

  await page.reload();
  await expect(page.getByRole('separator').first()).toHaveAttribute('aria-valuenow', '18');
  shares = await paneShares(page);
  expect(shares[0]).toBeCloseTo(18, 0);
  expect(shares[2]).toBeCloseTo(20, 0);
});

test('Home and End move a separator as far as the minimums allow; a double-click restores the default', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  const first = page.getByRole('separator').first();
  await first.focus();
  await page.keyboard.press('End');
  await expect(first).toHaveAttribute('aria-valuenow', '58');
  let shares = await paneShares(page);
  expect(shares[1]).toBeCloseTo(22, 0);
  expect(shares[2]).toBeCloseTo(20, 0);
  await page.keyboard.press('ArrowRight');
  await expect(first).toHaveAttribute('aria-valuenow', '58');
  await page.keyboard.press('Home');
  await expect(first).toHaveAttribute('aria-valuenow', '18');
  await first.dblclick();
  await expect(first).toHaveAttribute('aria-valuenow', '30');
  shares = await paneShares(page);
  expect(shares[0]).toBeCloseTo(30, 0);
});

test('a separator follows a finger', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  const first = page.getByRole('separator').first();
  await expect(first).toHaveAttribute('aria-valuenow', '30');
  const start = await center(first);
  // Real touch input through the DevTools protocol, so the browser's own panning would win unless the
  // separator claims the gesture (touch-action: none).
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: type === 'touchEnd' ? [] : [{ x, y: start.y, id: 1 }],
    });
  await touch('touchStart', start.x);
  for (let dx = 20; dx <= 140; dx += 20) await touch('touchMove', start.x + dx);
  await touch('touchEnd', start.x + 140);
  const shares = await paneShares(page);
  expect(shares[0]).toBeGreaterThan(38);
  expect(shares[0]).toBeLessThan(42);
});

test('stored sizes are there in the first paint (no layout shift) and kept when the window is resized', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.addInitScript(() => {
    localStorage.setItem('jwt-workbench:layout:main', JSON.stringify({ encoded: 45, decoded: 30, key: 25 }));
    // The width of the Encoded pane the moment it enters the document, before anything else can run.
    new MutationObserver((_, observer) => {
      const pane = document.querySelector('section[aria-labelledby="encoded-heading"]');
      if (!pane) return;
      (window as unknown as { firstWidth: number }).firstWidth = pane.getBoundingClientRect().width;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/');
  const encoded = page.getByRole('region', { name: 'Encoded', exact: true });
  await expect(page.getByRole('separator').first()).toHaveAttribute('aria-valuenow', '45');
  const firstWidth = await page.evaluate(() => (window as unknown as { firstWidth: number }).firstWidth);
  expect(firstWidth).toBeCloseTo((await encoded.boundingBox())!.width, 0);
  expect((await paneShares(page))[0]).toBeCloseTo(45, 0);

  await page.setViewportSize({ width: 1100, height: 800 });
  const shares = await paneShares(page);
  expect(shares[0]).toBeCloseTo(45, 0);
  expect(shares[1]).toBeCloseTo(30, 0);
  expect(shares[2]).toBeCloseTo(25, 0);
});

test('on a wide screen the page itself never scrolls: each pane scrolls inside itself', async ({ page }) => {
  await page.setViewportSize({ width: 1350, height: 940 });
  await openToken(page, hs256(defaultPayload(), 'k'));
  await page.getByTestId('key-input').fill('k');
  // Every late panel is in: the claims table, the JWKS panel and the curl snippet.
  await expect(page.getByTestId('claims-table')).toBeVisible();
  await expect(page.getByTestId('jwks-url')).toBeAttached();
  await expect(page.getByTestId('curl-snippet')).toBeAttached();
  // Screen-reader-only labels and claim tooltips once escaped the panes and made the page ~200 px taller
  // than the window: a page scrollbar appeared as the late panels mounted, and every pane moved.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollHeight - document.documentElement.clientHeight,
  );
  expect(overflow).toBe(0);
});
