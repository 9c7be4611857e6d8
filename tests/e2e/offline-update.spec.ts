// A new version is announced, not forced: the built app is served from a temporary copy by a
// static server on 127.0.0.1, installed, then the copy's sw.js changes as a deploy would change it. The
// page keeps the user's work and shows "Reload now"; only pressing it switches to the new worker.
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.webmanifest': 'application/manifest+json',
};

let root: string;
let server: Server;
let origin: string;

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'jwt-workbench-sw-'));
  cpSync(DIST, root, { recursive: true });
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(root, path === '/' ? 'index.html' : path);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(root, { recursive: true, force: true });
});

test('a new service worker waits; the notice offers a reload and nothing is lost until the user presses it', async ({
  page,
}) => {
  const foreign: string[] = [];
  page.context().on('request', (request) => {
    if (!request.url().startsWith(`${origin}/`) && !/^(data|blob):/.test(request.url())) foreign.push(request.url());
  });
  await page.goto(`${origin}/#mode=encode`);
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await page.getByTestId('key-input').fill('work-in-progress-secret-32-bytes!!');

  // A deploy: the worker script changes (any byte change makes the browser install it as a new version).
  appendFileSync(join(root, 'sw.js'), `\n// next version ${Date.now()}\n`);
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });

  await expect(page.getByTestId('update-notice')).toBeVisible({ timeout: 30_000 });
  // Not forced: the page has not reloaded and the user's key is still in the box a while later.
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('key-input')).toHaveValue('work-in-progress-secret-32-bytes!!');
  const waiting = await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));
  expect(waiting, 'the new worker waits for the user').toBe(true);

  await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
  await expect(page.getByTestId('mode-encode')).toBeVisible();
  await expect(page.getByTestId('update-notice')).toHaveCount(0);
  const after = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return { waiting: Boolean(registration?.waiting), controlled: Boolean(navigator.serviceWorker.controller) };
  });
  expect(after).toEqual({ waiting: false, controlled: true });
  expect(foreign).toEqual([]);
});
