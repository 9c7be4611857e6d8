// On a host that cannot send headers (no frame-ancestors), a framed app shows only the frame notice: a link
// to open it in its own tab, never the key box, and nothing it was linked with is read.
import { framingPage, startFramingPage, startHeaderlessServer, type PlainServer } from './deploy-servers';
import { expect, test } from './fixtures';
import { defaultPayload, hs256 } from './helpers';

let host: PlainServer;
test.beforeAll(async () => {
  // Another page of the same site, as on a shared GitHub Pages origin.
  host = await startHeaderlessServer(undefined, { '/other-project/': framingPage('/') });
});
test.afterAll(async () => {
  await host.close();
});

test('framed by a page on another origin, the app shows only the notice and a link to its own tab', async ({
  page,
}) => {
  const token = hs256(defaultPayload(), 'a-secret-of-at-least-thirty-two-bytes!!');
  const framing = await startFramingPage(`${host.origin}/?token=${token}#publicKey=x`);
  try {
    // The host really sends no policy header: the frame is allowed to load.
    const response = await page.request.get(`${host.origin}/`);
    expect(response.headers()['content-security-policy']).toBeUndefined();

    await page.goto(framing.origin);
    const app = page.frameLocator('#app');
    await expect(app.getByTestId('frame-notice')).toBeVisible();
    const link = app.getByRole('link', { name: 'Open JWT Workbench in a new tab' });
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', /\bnoopener\b/);
    // Its own address, without what the framing page put in the link.
    await expect(link).toHaveAttribute('href', `${host.origin}/`);
    for (const id of ['key-input', 'token-input', 'mode-encode', 'jwks-url'])
      await expect(app.getByTestId(id), id).toHaveCount(0);
    // The link was not read: the address keeps its query, and no service worker was registered.
    const frame = page.frames().find((f) => f.url().startsWith(host.origin));
    expect(frame?.url()).toContain('?token=');
    expect(await frame?.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);

    const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await expect(tab.getByTestId('token-input')).toBeVisible();
    await expect(tab.getByTestId('frame-notice')).toHaveCount(0);
  } finally {
    await framing.close();
  }
});

test('framed by another page of its own origin, it shows the notice too', async ({ page }) => {
  await page.goto(`${host.origin}/other-project/`);
  const app = page.frameLocator('#app');
  await expect(app.getByTestId('frame-notice')).toBeVisible();
  await expect(app.getByTestId('key-input')).toHaveCount(0);
  await expect(app.getByTestId('token-input')).toHaveCount(0);
});
