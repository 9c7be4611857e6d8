// `BASE_PATH=/tools/jwt/ npm run build`, served by the shipped nginx under /tools/jwt/: the page, its links,
// the manifest, Monaco's workers and the service worker (URL and scope) all live under the sub-path, and the
// app works offline from there. Built once, into a temporary directory (dist/ is left alone).
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { renderHeadersFile, SITE_HEADERS } from '../../config/csp';
import { REPO, startNginx, type NginxServer } from './deploy-servers';
import { expect, test } from './fixtures';
import { defaultPayload, hs256 } from './helpers';

const BASE = '/tools/jwt/';
const SECRET = 'a-secret-of-at-least-thirty-two-bytes!!';

// One build and one server for the file: its tests share them, in order, in one worker.
test.describe.configure({ mode: 'serial' });

let outDir: string;
let nginx: NginxServer;
test.beforeAll(async () => {
  test.setTimeout(300_000);
  outDir = mkdtempSync(join(tmpdir(), 'jwt-workbench-subpath-'));
  // Readable by nginx's workers, which run as an unprivileged user when the tests run as root.
  chmodSync(outDir, 0o755);
  // `vite build` alone (the type check is the suite's business), as `npm run build` runs it.
  await promisify(execFile)('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: REPO,
    env: { ...process.env, BASE_PATH: BASE },
  });
  nginx = await startNginx({ root: outDir, base: BASE });
});
test.afterAll(async () => {
  await nginx?.stop();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

test('every URL the build writes is under the sub-path, and nothing is served outside it', async ({ request }) => {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const urls = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
  expect(urls.length).toBeGreaterThan(2);
  for (const url of urls) expect(url, url).toMatch(/^\/tools\/jwt\/[^/]/);
  expect(html).toContain(`href="${BASE}manifest.webmanifest"`);
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.webmanifest'), 'utf8')) as Record<string, unknown>;
  // Relative, so they resolve against the manifest's own URL, under the sub-path.
  expect(manifest).toMatchObject({ start_url: '.', scope: '.' });
  expect(readFileSync(join(outDir, '_headers'), 'utf8')).toBe(renderHeadersFile(SITE_HEADERS, BASE));

  expect((await request.get(`${nginx.origin}${BASE}`)).status()).toBe(200);
  expect((await request.get(`${nginx.origin}${BASE}sw.js`)).status()).toBe(200);
  for (const outside of ['/sw.js', '/index.html', '/manifest.webmanifest'])
    expect((await request.get(`${nginx.origin}${outside}`)).status(), outside).toBe(404);
  // The directory without its slash redirects to it, on the same host (absolute_redirect off).
  const bare = await request.get(`${nginx.origin}/tools/jwt`, { maxRedirects: 0 });
  expect(bare.status()).toBe(301);
  expect(bare.headers().location).toBe(BASE);
});

test('from /tools/jwt/: a ?token= link moves into the fragment there, Monaco starts its workers there, the service worker is scoped there', async ({
  page,
}) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const token = hs256(defaultPayload({ sub: 'sub-path' }), SECRET);
  await page.goto(`${nginx.origin}${BASE}?token=${token}`);
  await expect(page.getByTestId('token-input')).toHaveValue(token);
  await expect.poll(() => new URL(page.url()).pathname).toBe(BASE);
  expect(new URL(page.url()).search).toBe('');
  expect(new URL(page.url()).hash).toContain(`token=${token}`);
  await page.getByTestId('key-input').fill(SECRET);
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');

  await page.getByTestId('payload-editor').hover();
  await expect(page.getByTestId('payload-editor')).toHaveAttribute('data-editor', 'monaco', { timeout: 30_000 });
  await expect.poll(() => workers.length).toBeGreaterThan(0);
  for (const url of workers) expect(url.startsWith(`${nginx.origin}${BASE}assets/`), url).toBe(true);

  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 30_000 });
  const registration = await page.evaluate(async () => {
    const found = await navigator.serviceWorker.getRegistration();
    return { scope: found?.scope, script: found?.active?.scriptURL };
  });
  expect(registration).toEqual({ scope: `${nginx.origin}${BASE}`, script: `${nginx.origin}${BASE}sw.js` });
});

test('under the sub-path the app reloads with the network off', async ({ page, context }) => {
  test.setTimeout(120_000);
  const token = hs256(defaultPayload({ sub: 'sub-path-offline' }), SECRET);
  await page.goto(`${nginx.origin}${BASE}#token=${token}`);
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('token-input')).toHaveValue(token);
  await page.getByTestId('payload-editor').hover();
  await expect(page.getByTestId('payload-editor')).toHaveAttribute('data-editor', 'monaco', { timeout: 30_000 });
  await expect(page.getByTestId('payload-editor').locator('.view-lines')).toContainText('sub-path-offline');
  await context.setOffline(false);
});
