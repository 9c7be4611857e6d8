// The "works without a network" news arrives seconds after the first paint, when the service worker has
// precached everything. Inserted above the workspace it pushed every pane down (it was all of the page's
// layout shift); as a floating toast it covered buttons. So a visit that installs the worker shows the
// notice from its first paint ("saving…"), and the news replaces the words in place.
import { expect, test, type Page } from './fixtures';

async function workspaceTop(page: Page): Promise<number> {
  return page.locator('main').evaluate((main) => main.getBoundingClientRect().top);
}

test('the offline notice is there from the first paint and its news moves nothing', async ({ page }) => {
  await page.goto('/');
  // Checked in the first frame the page paints, before the worker can have finished its downloads.
  const firstFrame = await page.evaluate(
    () =>
      new Promise<string | null>((resolve) =>
        requestAnimationFrame(() =>
          resolve(document.querySelector('[data-testid^="offline-"]')?.getAttribute('data-testid') ?? null),
        ),
      ),
  );
  expect(['offline-saving', 'offline-ready']).toContain(firstFrame);
  const before = await workspaceTop(page);
  const ready = page.getByTestId('offline-ready');
  await expect(ready).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('offline-saving')).toHaveCount(0);
  expect(await workspaceTop(page), 'the workspace stays where it was').toBe(before);
  // It stays until the user dismisses it; nothing floats over the page.
  await page.waitForTimeout(1_000);
  await expect(ready).toBeVisible();
  expect(await ready.evaluate((element) => getComputedStyle(element.parentElement!).position)).toBe('static');
  await ready.getByRole('button', { name: 'Dismiss notice' }).click();
  await expect(ready).toHaveCount(0);
});

test('a visit to an installed app shows no offline notice at all', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await page.reload();
  await expect(page.getByTestId('token-input')).toBeVisible();
  await page.waitForTimeout(1_000);
  await expect(page.locator('[data-testid^="offline-"]')).toHaveCount(0);
});
