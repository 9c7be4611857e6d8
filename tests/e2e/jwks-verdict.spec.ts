// What the signature verdict says about fetched keys: a failed fetch is said at the top, with a way to the
// explanation; a redirect shows where the keys came from, and keys from another origin are used only when the
// user chooses that origin. Two local servers (jwks-server.ts) on 127.0.0.1 play two origins.
import { test, expect } from './fixtures';
import type { Page } from './fixtures';
import { PATHS, startJwksServer } from './jwks-server';
import type { JwksTestServer } from './jwks-server';

let issuer: JwksTestServer;
let elsewhere: JwksTestServer;

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  issuer = await startJwksServer();
  elsewhere = await startJwksServer();
});
test.afterAll(async () => {
  await issuer.close();
  await elsewhere.close();
});

const status = (page: Page) => page.getByTestId('jwks-status');
const verdict = (page: Page) => page.getByTestId('signature-status');
const allowed = (...servers: JwksTestServer[]) => [
  `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`,
  ...servers.map((s) => s.origin),
];

async function open(page: Page, token: string): Promise<void> {
  await page.goto(`/#token=${token}`);
  await expect(verdict(page)).toHaveAttribute('data-state', 'no-key');
}

async function fetchUrl(page: Page, url: string): Promise<void> {
  await page.getByTestId('jwks-url').fill(url);
  await page.getByTestId('jwks-fetch').click();
}

/** Fails on requests to origins other than the app and the given servers, and on page errors. */
function guard(page: Page, ...servers: JwksTestServer[]) {
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (!allowed(...servers).includes(new URL(url).origin)) foreign.push(url);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    check() {
      expect(foreign, 'requests to other origins').toEqual([]);
      expect(errors, 'uncaught page errors').toEqual([]);
    },
  };
}

test('a failed fetch is said in the signature verdict, which leads to the explanation', async ({ page }) => {
  const g = guard(page, issuer);
  await open(page, await issuer.sign({ sub: 'x' }));
  await fetchUrl(page, issuer.url(PATHS.notJwks));
  await expect(status(page)).toHaveAttribute('data-state', 'error');
  await expect(verdict(page)).toHaveAttribute('data-code', 'jwks-fetch-failed');
  await expect(verdict(page)).toContainText('fetching the keys failed');
  await expect(verdict(page)).not.toContainText('No key yet');
  await page.getByTestId('signature-show-jwks-error').click();
  await expect(page.locator('#jwks-status-box')).toBeFocused();
  await expect(status(page)).toBeInViewport();
  // A fetch that works replaces the failure with the verdict.
  await fetchUrl(page, issuer.url(PATHS.jwks));
  await expect(verdict(page)).toHaveAttribute('data-state', 'verified');
  await expect(verdict(page)).not.toContainText('fetching the keys failed');
  g.check();
});

test('a redirect on the same origin is followed, and the final URL is shown', async ({ page }) => {
  const g = guard(page, issuer);
  await open(page, await issuer.sign({ sub: 'x' }));
  await fetchUrl(page, issuer.url(PATHS.redirectHere));
  await expect(status(page)).toHaveAttribute('data-state', 'loaded');
  await expect(page.getByTestId('jwks-redirected')).toContainText(
    `${issuer.url(PATHS.redirectHere)} → ${issuer.url(PATHS.jwks)}`,
  );
  await expect(verdict(page)).toHaveAttribute('data-state', 'verified');
  await expect(verdict(page)).toHaveAttribute('data-key-source', 'jwks');
  g.check();
});

test('a redirect to another origin is used only when the user chooses that origin', async ({ page }) => {
  const g = guard(page, issuer, elsewhere);
  // Signed by the other origin's key: its keys would "verify" the token if they were used silently.
  await open(page, await elsewhere.sign({ sub: 'x' }));
  const target = elsewhere.url(PATHS.jwks);
  await fetchUrl(page, `${issuer.url(PATHS.redirectAway)}?to=${encodeURIComponent(target)}`);
  await expect(status(page)).toHaveAttribute('data-state', 'error');
  await expect(status(page)).toHaveAttribute('data-code', 'redirect-cross-origin');
  await expect(page.getByTestId('jwks-redirected-to')).toHaveText(target);
  await expect(page.getByTestId('key-input')).toHaveValue('');
  await expect(verdict(page)).toHaveAttribute('data-state', 'no-key');
  await page.getByTestId('jwks-allow-redirect').click();
  await expect(status(page)).toHaveAttribute('data-state', 'loaded');
  await expect(page.getByTestId('jwks-redirected')).toContainText(`→ ${target}`);
  await expect(verdict(page)).toHaveAttribute('data-state', 'verified');
  await expect(verdict(page)).toContainText(target);
  g.check();
});
