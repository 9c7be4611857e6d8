// Service workers blocked (enterprise policy, privacy settings, Playwright's `serviceWorkers: 'block'`):
// the app is simply not offline-capable, as on file://. No notice, no page error, and decoding works.
import { expect, test } from './fixtures';
import { defaultPayload, hs256 } from './helpers';

test.use({ serviceWorkers: 'block' });

test('with service workers blocked the page says nothing about offline support and throws nothing', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const secret = 'a-secret-of-at-least-thirty-two-bytes!!';
  await page.goto(`/#token=${hs256(defaultPayload(), secret)}`);
  await page.getByTestId('key-input').fill(secret);
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
  // Registration starts after the load event; give its promise time to settle.
  await page.waitForFunction(() => document.readyState === 'complete');
  await page.waitForTimeout(1000);
  await expect(page.getByTestId('offline-failed')).toHaveCount(0);
  await expect(page.getByTestId('offline-ready')).toHaveCount(0);
  // The "saving for offline use" words of the first paint go once the browser has refused the worker.
  await expect(page.getByTestId('offline-saving')).toHaveCount(0);
  await expect(page.getByText("reading 'waiting'")).toHaveCount(0);
  expect(errors).toEqual([]);
});
