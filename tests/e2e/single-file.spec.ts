// `npm run build:single` (air-gapped machines): one HTML file, opened straight from disk
// (file://) in Chromium, decodes, signs and verifies; Monaco runs on inlined workers; the page obeys its
// hash-based CSP and makes no request but file:, data: and blob:.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { expect, test, type Page } from './fixtures';
import { decodeToken } from '../../src/core';
import { hs256, nowSeconds } from './helpers';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const HTML = join(ROOT, 'dist-single', 'index.html');
const PAGE_URL = pathToFileURL(HTML).href;
const SECRET = 'single-file-secret-with-32-bytes!!';

function newestSourceMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSourceMtime(join(path, name))));
}

/** Builds dist-single when it is missing or older than the sources, so the spec never tests a stale file. */
async function ensureSingleFileBuild(): Promise<void> {
  const sources = Math.max(
    ...['src', 'config', 'public', 'index.html', 'vite.config.ts'].map((p) => newestSourceMtime(join(ROOT, p))),
  );
  let built = 0;
  try {
    built = statSync(HTML).mtimeMs;
  } catch {
    /* not built yet */
  }
  if (built > sources) return;
  await promisify(execFile)('npx', ['vite', 'build', '--mode', 'single'], { cwd: ROOT, timeout: 300_000 });
}

type Watch = { requests: string[]; refused: string[] };

async function openSingleFile(page: Page, fragment = ''): Promise<Watch> {
  const watch: Watch = { requests: [], refused: [] };
  page.on('request', (request) => watch.requests.push(request.url()));
  page.on('console', (message) => {
    if (/Refused to|violates the following Content Security Policy/i.test(message.text()))
      watch.refused.push(message.text());
  });
  page.on('pageerror', (error) => watch.refused.push(`page error: ${error.message}`));
  await page.goto(PAGE_URL + fragment);
  await expect(page.getByTestId('mode-encode')).toBeVisible();
  return watch;
}

function expectClean(watch: Watch): void {
  expect(
    watch.requests.filter((url) => !/^(file|data|blob):/.test(url)),
    'requests off the disk',
  ).toEqual([]);
  expect(watch.refused, 'CSP refusals and page errors').toEqual([]);
}

async function signedToken(page: Page, alg: string): Promise<string> {
  const output = page.getByTestId('token-output');
  await expect
    .poll(async () => {
      try {
        return decodeToken(((await output.textContent()) ?? '').trim()).header.alg;
      } catch {
        return 'none yet';
      }
    })
    .toBe(alg);
  return ((await output.textContent()) ?? '').trim();
}

test.describe('single-file build from file://', () => {
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async () => {
    test.setTimeout(320_000);
    await ensureSingleFileBuild();
  });

  test('is one HTML file that refers to no other file', () => {
    expect(readdirSync(join(ROOT, 'dist-single'))).toEqual(['index.html']);
    const html = readFileSync(HTML, 'utf8');
    expect(html).not.toMatch(/<script[^>]+\bsrc=/i);
    expect(html).not.toMatch(/<link[^>]+\bhref="(?!data:)/i);
    // The inline script is allowed by its hash, not by 'unsafe-inline'.
    expect(html).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(html).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  test('decodes and verifies a token from the link', async ({ page }) => {
    const now = nowSeconds();
    const token = hs256({ sub: 'disk-user', iat: now, exp: now + 600 }, SECRET);
    const watch = await openSingleFile(page, `#token=${token}`);
    await expect(page.getByTestId('token-input')).toHaveValue(token);
    await page.getByTestId('key-input').fill(SECRET);
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
    await expect(page.getByTestId('claims-status')).toHaveAttribute('data-state', 'valid');
    expectClean(watch);
  });

  test('signs from a template with a secret and with a generated ES256 key, and verifies both', async ({ page }) => {
    const watch = await openSingleFile(page);
    await page.getByTestId('mode-encode').click();
    // Monaco with its workers inlined as blob: URLs (file:// pages cannot start workers from files).
    await expect(page.getByTestId('payload-editor')).toHaveAttribute('data-editor', 'monaco', { timeout: 30_000 });
    await page.getByTestId('template-hs256-api').click();
    await page.getByTestId('key-input').fill(SECRET);
    const hsToken = await signedToken(page, 'HS256');
    expect(decodeToken(hsToken).payload).toHaveProperty('sub', 'user-1234');
    await page.getByTestId('mode-decode').click();
    await expect(page.getByTestId('token-input')).toHaveValue(hsToken);
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');

    await page.getByTestId('mode-encode').click();
    await page.getByTestId('template-rs256-admin').click();
    await page.getByTestId('keygen-alg').selectOption('ES256');
    await page.getByTestId('keygen-run').click();
    await expect(page.getByTestId('keygen-status')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    const esToken = await signedToken(page, 'ES256');
    const publicPem = ((await page.getByTestId('public-pem').textContent()) ?? '').trim();
    await page.getByTestId('mode-decode').click();
    await page.getByTestId('token-input').fill(esToken);
    await page.getByTestId('key-input').fill(publicPem);
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');

    const workers = page.workers().map((worker) => worker.url());
    expect(workers.length).toBeGreaterThan(0);
    for (const url of workers) expect(url).toMatch(/^blob:/);
    expectClean(watch);
  });
});
