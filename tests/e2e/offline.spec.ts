// Offline journeys: after one visit the service worker holds every file, so with the browser
// context offline the app reloads, fills a template, generates a key, signs, copies and verifies — and
// no request of the page or of its service worker leaves 127.0.0.1.
import { expect, test, type BrowserContext, type Page } from './fixtures';
import { decodeToken } from '../../src/core';
import { runInBash, startEchoServer } from './snippet-echo';

const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

/** Every request of every page and service worker in the context, to prove nothing leaves 127.0.0.1. */
function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

function foreign(urls: string[]): string[] {
  return urls.filter((url) => !url.startsWith(`${ORIGIN}/`) && !/^(data|blob):/.test(url));
}

/** First visit: waits until the service worker has precached everything and controls the page. */
async function installForOffline(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
}

async function goOffline(page: Page, context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  // The network really is gone for the page: a fetch of an uncached URL fails.
  const reachable = await page.evaluate(() =>
    fetch('/not-precached.txt', { cache: 'no-store' }).then(
      () => true,
      () => false,
    ),
  );
  expect(reachable, 'the context is offline').toBe(false);
  await page.reload();
  await expect(page.getByTestId('mode-encode')).toBeVisible();
}

async function signedToken(page: Page, check: (header: Record<string, unknown>) => boolean): Promise<string> {
  const output = page.getByTestId('token-output');
  await expect
    .poll(async () => {
      const text = ((await output.textContent()) ?? '').trim();
      try {
        return check(decodeToken(text).header);
      } catch {
        return false;
      }
    })
    .toBe(true);
  return ((await output.textContent()) ?? '').trim();
}

test.describe('offline', () => {
  test('reload offline, template, ES256 key, sign, copy, verify in the Decode view', async ({ page, context }) => {
    const requests = recordRequests(context);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
    await installForOffline(page);
    await goOffline(page, context);

    await page.getByTestId('mode-encode').click();
    // Monaco's chunk and workers came from the precache, not the network.
    await expect(page.getByTestId('payload-editor')).toHaveAttribute('data-editor', 'monaco', { timeout: 30_000 });
    await page.getByTestId('template-oidc-id-token').click();
    await page.getByTestId('keygen-alg').selectOption('ES256');
    await page.getByTestId('keygen-run').click();
    await expect(page.getByTestId('keygen-status')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    const kid = ((await page.getByTestId('keygen-kid').textContent()) ?? '').trim();
    const token = await signedToken(page, (h) => h.alg === 'ES256' && h.kid === kid);

    const payload = decodeToken(token).payload as Record<string, unknown>;
    for (const claim of ['iss', 'sub', 'aud', 'nonce', 'auth_time', 'email', 'iat', 'exp'])
      expect(payload).toHaveProperty(claim);
    expect(Math.abs((payload.iat as number) - Date.now() / 1000)).toBeLessThan(120);

    await page.getByTestId('copy-token').click();
    await expect(page.getByTestId('copy-token')).toHaveAttribute('data-state', 'copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(token);

    const publicPem = ((await page.getByTestId('public-pem').textContent()) ?? '').trim();
    expect(publicPem).toContain('BEGIN PUBLIC KEY');
    await page.getByTestId('mode-decode').click();
    await page.getByTestId('token-input').fill(copied);
    await page.getByTestId('key-input').fill(publicPem);
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
    await expect(page.getByTestId('claims-status')).toHaveAttribute('data-state', 'valid');

    expect(foreign(requests), 'requests that left 127.0.0.1').toEqual([]);
  });

  test('done means: offline, RS256 + kid + aud + 5-minute exp and a curl that sends it, timed', async ({
    page,
    context,
  }) => {
    const requests = recordRequests(context);
    const echo = await startEchoServer();
    try {
      await installForOffline(page);
      await goOffline(page, context);

      // The user's steps, from the page open to a curl command on the clipboard.
      const started = Date.now();
      let steps = 0;
      const step = async (action: () => Promise<void>) => {
        steps += 1;
        await action();
      };
      await step(() => page.getByTestId('mode-encode').click());
      await step(() => page.getByTestId('template-rs256-admin').click());
      await step(async () => {
        await page.getByTestId('keygen-alg').selectOption('RS256');
      });
      await step(() => page.getByTestId('keygen-run').click());
      await expect(page.getByTestId('keygen-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
      await step(() => page.getByTestId('snippet-url').fill(echo.url));
      const kid = ((await page.getByTestId('keygen-kid').textContent()) ?? '').trim();
      const token = await signedToken(page, (h) => h.alg === 'RS256' && h.kid === kid);
      await step(() => page.getByTestId('copy-curl').click());
      await expect(page.getByTestId('copy-curl')).toHaveAttribute('data-state', 'copied');
      const seconds = (Date.now() - started) / 1000;
      test.info().annotations.push({ type: 'done-means', description: `${steps} steps, ${seconds.toFixed(1)} s` });
      console.log(`done-means flow: ${steps} user steps in ${seconds.toFixed(1)} s (offline)`);

      const payload = decodeToken(token).payload as Record<string, unknown>;
      expect(Array.isArray(payload.aud)).toBe(true);
      expect((payload.exp as number) - (payload.iat as number)).toBe(300);
      expect(seconds).toBeLessThan(60);

      // The command the user copied really sends it (run with the network of the test machine, to 127.0.0.1).
      const command = (await page.getByTestId('curl-snippet').textContent()) ?? '';
      await runInBash(command);
      expect(echo.received.at(-1)?.authorization).toBe(`Bearer ${token}`);
      expect(foreign(requests), 'requests that left 127.0.0.1').toEqual([]);
    } finally {
      await echo.close();
    }
  });
});
