// The "works without a network" notice arrives seconds after the first paint, when the service worker has
// precached everything. It floats over the page (issue 7: inserted above the workspace it pushed every pane
// down, all of the page's layout shift), hides itself after a while, and stays while the pointer is on it.
import { expect, test, type Page } from '@playwright/test';

async function workspaceTop(page: Page): Promise<number> {
  return page.locator('main').evaluate((main) => main.getBoundingClientRect().top);
}

test('the offline-ready notice moves nothing on the page and hides itself', async ({ page }) => {
  // Fake timers so the notice's time on screen can be skipped; they start at the real time and keep running.
  await page.clock.install();
  await page.goto('/');
  await expect(page.getByTestId('token-input')).toBeVisible();
  const before = await workspaceTop(page);
  const notice = page.getByTestId('offline-ready');
  await expect(notice).toBeVisible({ timeout: 30_000 });
  expect(await workspaceTop(page), 'the workspace stays where it was').toBe(before);
  // It covers no control for good: its box is at the bottom of the window and it goes away by itself.
  const box = await notice.boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport && box.y + box.height).toBeGreaterThan((viewport?.height ?? 0) - 40);
  await page.clock.fastForward(13_000);
  await expect(notice).toHaveCount(0);
});

test('the offline-ready notice stays while the pointer is on it, and Dismiss removes it', async ({ page }) => {
  await page.clock.install();
  await page.goto('/');
  const notice = page.getByTestId('offline-ready');
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await notice.hover();
  await page.clock.fastForward(30_000);
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss notice' }).click();
  await expect(notice).toHaveCount(0);
});
