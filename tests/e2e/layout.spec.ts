// The three panes: resizable with the keyboard, sizes remembered across reloads, stacked on narrow screens.
import { test, expect } from '@playwright/test';
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
