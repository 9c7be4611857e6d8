// The shipped deployment, served for real: `npm run serve:nginx` (Debian's nginx, deploy/nginx.conf and the
// include generated from config/csp.ts) on a free loopback port. Every header on every kind of response,
// pre-compressed JavaScript, no query string in the access log, a framing page refused, the app working
// offline from it under its Trusted Types header, and no nginx left once the script is told to stop.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CACHE_IMMUTABLE,
  CACHE_REVALIDATE,
  CONTENT_SECURITY_POLICY,
  PREVIEW_HEADERS,
  renderHeadersFile,
  SITE_CONTENT_SECURITY_POLICY,
  SITE_HEADERS,
} from '../../config/csp';
import { DIST, processTree, startFramingPage, startNginx, type NginxServer } from './deploy-servers';
import { expect, test } from './fixtures';
import { defaultPayload, hs256 } from './helpers';

/** The entry script of the build, a hashed asset: `/assets/index-<hash>.js`. */
function entryScript(): string {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const src = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error('no entry script in dist/index.html');
  return src;
}

function metaPolicy(html: string): string | undefined {
  return /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1]?.replaceAll('&#39;', "'");
}

/** A raw GET (no automatic decompression), to see exactly the bytes nginx sends. */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (done, failed) => {
      get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      }).on('error', failed);
    },
  );
}

let nginx: NginxServer;
test.beforeAll(async () => {
  nginx = await startNginx();
});
test.afterAll(async () => {
  await nginx.stop();
});

test('nginx sends every header of config/csp.ts on /, a hashed asset, sw.js, the manifest and a 404', async ({
  request,
}) => {
  const cases: [path: string, status: number, cache: string][] = [
    ['/', 200, CACHE_REVALIDATE],
    ['/?token=x', 200, CACHE_REVALIDATE],
    [entryScript(), 200, CACHE_IMMUTABLE],
    ['/sw.js', 200, CACHE_REVALIDATE],
    ['/manifest.webmanifest', 200, CACHE_REVALIDATE],
    ['/favicon.svg', 200, CACHE_REVALIDATE],
    ['/no-such-page', 404, CACHE_REVALIDATE],
    ['/_headers', 404, CACHE_REVALIDATE],
  ];
  for (const [path, status, cache] of cases) {
    const response = await request.get(`${nginx.origin}${path}`, { maxRedirects: 0 });
    expect(response.status(), path).toBe(status);
    const headers = response.headers();
    for (const [name, value] of Object.entries(SITE_HEADERS))
      expect(headers[name.toLowerCase()], `${name} on ${path}`).toBe(value);
    expect(headers['cache-control'], `Cache-Control on ${path}`).toBe(cache);
    // server_tokens off: no version.
    expect(headers.server).toBe('nginx');
  }
});

test('dist/_headers and the built page carry the same policy; vite preview adds only loopback http', async ({
  request,
}) => {
  expect(readFileSync(join(DIST, '_headers'), 'utf8')).toBe(renderHeadersFile(SITE_HEADERS, '/'));
  expect(metaPolicy(readFileSync(join(DIST, 'index.html'), 'utf8'))).toBe(SITE_CONTENT_SECURITY_POLICY);
  expect(SITE_HEADERS['Content-Security-Policy']).toBe(`${SITE_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);

  // vite preview (the baseURL of every other spec): the same headers, with loopback http in connect-src, on
  // the page and on a file, and the page's <meta> policy widened to match (both policies apply).
  for (const path of ['/', entryScript()]) {
    const headers = (await request.get(path)).headers();
    for (const [name, value] of Object.entries(PREVIEW_HEADERS))
      expect(headers[name.toLowerCase()], `${name} on ${path}`).toBe(value);
  }
  expect(metaPolicy(await (await request.get('/')).text())).toBe(CONTENT_SECURITY_POLICY);
  expect(PREVIEW_HEADERS['Content-Security-Policy']).toBe(
    SITE_HEADERS['Content-Security-Policy']!.replace(
      "connect-src 'self' https:",
      "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
    ),
  );
});

test('JavaScript is sent gzip-compressed, from the file the build pre-compressed', async () => {
  for (const path of [entryScript(), '/sw.js']) {
    const file = join(DIST, path);
    const gzipped = await rawGet(`${nginx.origin}${path}`, { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding'], path).toBe('gzip');
    expect(gzipped.headers.vary).toBe('Accept-Encoding');
    expect(gzipped.body.equals(readFileSync(`${file}.gz`)), `${path} is the .gz of the build`).toBe(true);
    const plain = await rawGet(`${nginx.origin}${path}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(readFileSync(file))).toBe(true);
  }
});

test('the access log has the path of each request and never its query string', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jwt-workbench-log-'));
  const log = join(dir, 'access.log');
  const server = await startNginx({ accessLog: log });
  try {
    const token = hs256(defaultPayload(), 'a-secret-of-at-least-thirty-two-bytes!!');
    expect((await rawGet(`${server.origin}/?token=${token}`)).status).toBe(200);
    expect((await rawGet(`${server.origin}/missing?value=${token}&publicKey=x`)).status).toBe(404);
    await expect
      .poll(() => (existsSync(log) ? readFileSync(log, 'utf8') : ''))
      .toContain('"GET /missing HTTP/1.1" 404');
    const written = readFileSync(log, 'utf8');
    expect(written).toContain('"GET / HTTP/1.1" 200');
    expect(written).not.toContain(token.split('.')[0]);
    expect(written).not.toContain('?');
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve:nginx stops nginx on SIGTERM and on SIGINT, workers included, and removes its directory', async () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const server = await startNginx();
    const workDir = /, (\/\S+)\)/.exec(server.output())?.[1] ?? '';
    expect(existsSync(workDir), 'its temporary directory exists while it runs').toBe(true);
    expect(processTree(server.pid).length, 'the nginx master and its workers run').toBeGreaterThan(1);
    expect(await server.stop(signal)).toBe(0);
    expect(processTree(server.pid), `no nginx left after ${signal}`).toEqual([]);
    expect(existsSync(workDir)).toBe(false);
  }
});

test('npm run serve:nginx leaves no nginx behind when npm alone gets the SIGTERM', async () => {
  const server = await startNginx({ viaNpm: true });
  expect(processTree(server.pid).length).toBeGreaterThan(1);
  expect((await fetch(`${server.origin}/`)).status).toBe(200);
  // npm exits without passing the signal on; the script notices its parent is gone and stops nginx.
  await server.stop('SIGTERM');
  await expect.poll(() => processTree(server.pid), { timeout: 10_000 }).toEqual([]);
});

test('a page on another loopback origin that frames the app gets nothing: frame-ancestors refuses it', async ({
  page,
}) => {
  const framing = await startFramingPage(`${nginx.origin}/`);
  try {
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
    });
    await page.goto(framing.origin);
    await expect(page.getByRole('heading', { name: "Someone else's page" })).toBeVisible();
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame?.url()).not.toContain(nginx.origin);
    // Nothing of the app ran in the frame: not even the frame notice.
    const app = page.frameLocator('#app');
    await expect(app.getByTestId('token-input')).toHaveCount(0);
    await expect(app.getByTestId('frame-notice')).toHaveCount(0);
  } finally {
    await framing.close();
  }
});

test('from nginx, the app installs for offline use and reloads with the network off, Monaco included', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const token = hs256(defaultPayload({ sub: 'offline-from-nginx' }), 'a-secret-of-at-least-thirty-two-bytes!!');
  await page.goto(`${nginx.origin}/#token=${token}`);
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
  expect(scope).toBe(`${nginx.origin}/`);

  await context.setOffline(true);
  const reachable = await page.evaluate(() =>
    fetch('/not-precached.txt', { cache: 'no-store' }).then(
      () => true,
      () => false,
    ),
  );
  expect(reachable, 'the context is offline').toBe(false);
  await page.reload();
  await expect(page.getByTestId('token-input')).toHaveValue(token);
  await page.getByTestId('payload-editor').hover();
  await expect(page.getByTestId('payload-editor')).toHaveAttribute('data-editor', 'monaco', { timeout: 30_000 });
  await expect(page.getByTestId('payload-editor').locator('.view-lines')).toContainText('offline-from-nginx');
  await context.setOffline(false);
});
