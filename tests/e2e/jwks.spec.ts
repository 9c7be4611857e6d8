// JWKS URL fetching and OpenID Connect discovery. A local server (jwks-server.ts) on
// 127.0.0.1 plays the issuer; every case asserts `jwks-status` (state + message) and the verdict.
import { test, expect } from './fixtures';
import type { Page } from './fixtures';
import AxeBuilder from '@axe-core/playwright';
import { EC_KID, PATHS, RSA_KID, SIGNING_KID, UNPUBLISHED_KID, startJwksServer } from './jwks-server';
import type { JwksTestServer } from './jwks-server';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

let server: JwksTestServer;

// Several WebCrypto and network steps per test; on a loaded CI machine 60 s is tight.
test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  server = await startJwksServer();
});
test.afterAll(async () => {
  await server.close();
});

const status = (page: Page) => page.getByTestId('jwks-status');
const verdict = (page: Page) => page.getByTestId('signature-status');

async function openToken(page: Page, token: string): Promise<void> {
  await page.goto(`/#token=${token}`);
  await expect(verdict(page)).toHaveAttribute('data-state', 'no-key');
}

async function fetchUrl(page: Page, url: string): Promise<void> {
  await page.getByTestId('jwks-url').fill(url);
  await page.getByTestId('jwks-url').press('Enter');
}

/**
 * Runs `command` in `shell` with a stand-in curl first on PATH that prints its arguments, in an empty
 * directory that must stay empty: what the command would make curl do, without any request.
 */
async function argumentsOfCurl(shell: string, command: string): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'x5u-e2e-'));
  try {
    writeFileSync(join(dir, 'curl'), '#!/bin/sh\nfor a in "$@"; do printf "<%s>\\n" "$a"; done\n', { mode: 0o755 });
    const { stdout } = await promisify(execFile)(shell, ['-c', command], {
      cwd: dir,
      env: { PATH: `${dir}:/usr/bin:/bin`, HOME: dir },
      timeout: 5_000,
    });
    expect(readdirSync(dir), 'files the command made').toEqual(['curl']);
    return stdout
      .trim()
      .split('\n')
      .map((line) => line.replace(/^<|>$/g, ''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function tokenFromIssuer(payload: Record<string, unknown> = {}, kid?: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return server.sign({ iss: server.origin, sub: 'e2e', iat: now, exp: now + 600, ...payload }, kid ? { kid } : {});
}

test.describe('JWKS from a URL', () => {
  test('typing the issuer URL and pressing Enter verifies a token signed by one key of the remote JWKS', async ({
    page,
  }) => {
    await openToken(page, await tokenFromIssuer());
    const before = server.requests.length;
    await fetchUrl(page, server.origin);
    await expect(status(page)).toHaveAttribute('data-state', 'loaded');
    await expect(status(page)).toContainText(`Loaded 3 keys from ${server.url(PATHS.jwks)}`);
    await expect(verdict(page)).toHaveAttribute('data-state', 'verified');
    await expect(verdict(page)).toContainText(SIGNING_KID);
    await expect(verdict(page)).toContainText(`Keys from ${server.url(PATHS.jwks)}.`);
    await expect(page.getByTestId('jwks-verdict')).toHaveText(
      `Signature verified with key ${SIGNING_KID} from ${server.url(PATHS.jwks)}.`,
    );
    const rows = page.getByTestId('jwks-key-row');
    await expect(rows).toHaveCount(3);
    const signingRow = rows.filter({ hasText: SIGNING_KID });
    await expect(signingRow).toHaveAttribute('data-token-kid', 'true');
    await expect(signingRow).toHaveAttribute('data-verified', 'true');
    await expect(rows.filter({ hasText: RSA_KID })).toContainText('2048 bits');
    await expect(rows.filter({ hasText: EC_KID })).toContainText('P-256');
    expect(server.requests.slice(before)).toContain(PATHS.discovery);
    // A hand edit of the key text means the verdict is no longer about the fetched set.
    await page.getByTestId('key-input').fill('a-secret-typed-by-hand-that-is-long-enough');
    await expect(verdict(page)).not.toHaveAttribute('data-state', 'verified');
    await expect(verdict(page)).not.toContainText('Keys from');
  });

  test('a JWKS URL is used directly, with the Fetch button', async ({ page }) => {
    await openToken(page, await tokenFromIssuer());
    await page.getByTestId('jwks-url').fill(server.url(PATHS.jwks));
    await page.getByTestId('jwks-fetch').click();
    await expect(status(page)).toHaveAttribute('data-state', 'loaded');
    await expect(verdict(page)).toHaveAttribute('data-state', 'verified');
  });

  test('an issuer with a path is discovered through its openid-configuration', async ({ page }) => {
    await openToken(page, await tokenFromIssuer());
    await fetchUrl(page, server.url(PATHS.tenantIssuer));
    await expect(status(page)).toHaveAttribute('data-state', 'loaded');
    await expect(status(page)).toContainText(server.url(PATHS.jwks));
    await expect(verdict(page)).toHaveAttribute('data-state', 'verified');
  });

  test('nothing is fetched while typing or when using the token issuer, only on Fetch', async ({ page }) => {
    await openToken(page, await tokenFromIssuer());
    const before = server.requests.length;
    await page.getByTestId('jwks-url').pressSequentially(server.url(PATHS.jwks), { delay: 5 });
    await page.getByTestId('jwks-use-issuer').click();
    await expect(page.getByTestId('jwks-url')).toHaveValue(server.origin);
    await page.waitForTimeout(300);
    await expect(status(page)).toHaveAttribute('data-state', 'idle');
    expect(server.requests.length).toBe(before);
    await page.getByTestId('jwks-fetch').click();
    await expect(status(page)).toHaveAttribute('data-state', 'loaded');
  });

  test('a kid that is not in the set is said plainly', async ({ page }) => {
    const now = Math.floor(Date.now() / 1000);
    const token = await server.sign({ iss: server.origin, exp: now + 600 }, { kid: UNPUBLISHED_KID });
    await openToken(page, token);
    await fetchUrl(page, server.url(PATHS.jwks));
    await expect(status(page)).toHaveAttribute('data-state', 'loaded');
    await expect(page.getByTestId('jwks-kid-missing')).toContainText(`"${UNPUBLISHED_KID}" is not in this key set`);
    await expect(verdict(page)).toHaveAttribute('data-state', 'invalid');
    await expect(verdict(page)).toContainText(`kid '${UNPUBLISHED_KID}' not in this JWKS`);
  });

  test('refresh fetches again; fetching the same URL again uses the page-session cache', async ({ page }) => {
    await openToken(page, await tokenFromIssuer());
    await fetchUrl(page, server.url(PATHS.jwks));
    await expect(status(page)).toHaveAttribute('data-state', 'loaded');
    const after = server.requests.length;
    await page.getByTestId('jwks-fetch').click();
    await expect(status(page)).toContainText('press Refresh to fetch again');
    expect(server.requests.length).toBe(after);
    await page.getByTestId('jwks-refresh').click();
    await expect(status(page)).toHaveAttribute('data-state', 'loaded');
    await expect(status(page)).not.toContainText('press Refresh');
    expect(server.requests.length).toBe(after + 1);
    await expect(verdict(page)).toHaveAttribute('data-state', 'verified');
  });

  test('the fetched set and the URL survive a trip to the Encode view and back', async ({ page }) => {
    await openToken(page, await tokenFromIssuer());
    await fetchUrl(page, server.origin);
    await expect(status(page)).toHaveAttribute('data-state', 'loaded');
    const requests = server.requests.length;
    await page.getByTestId('mode-encode').click();
    await expect(page.getByTestId('jwks-url')).toHaveCount(0);
    await page.getByTestId('mode-decode').click();
    await expect(page.getByTestId('jwks-url')).toHaveValue(server.origin);
    await expect(status(page)).toHaveAttribute('data-state', 'loaded');
    await expect(page.getByTestId('jwks-key-row')).toHaveCount(3);
    expect(server.requests.length).toBe(requests);
  });

  test('keys jose cannot import are skipped with a reason, the others still verify', async ({ page }) => {
    await openToken(page, await tokenFromIssuer());
    await fetchUrl(page, server.url(PATHS.partial));
    await expect(status(page)).toHaveAttribute('data-state', 'loaded');
    await expect(page.getByTestId('jwks-skipped')).toContainText('Skipped 2 keys');
    await expect(page.getByTestId('jwks-skipped')).toContainText('unknown-kty');
    await expect(page.getByTestId('jwks-skipped')).toContainText('broken-rsa');
    await expect(verdict(page)).toHaveAttribute('data-state', 'verified');
  });
});

test.describe('JWKS fetch failures', () => {
  const cases: { name: string; path: string; code: string; message: RegExp }[] = [
    {
      name: 'a server without CORS headers',
      path: PATHS.noCors,
      code: 'cors',
      message: /does not allow browser access \(no Access-Control-Allow-Origin header/,
    },
    { name: 'a 404', path: PATHS.missing, code: 'status', message: /answered HTTP 404/ },
    { name: 'an HTML page', path: PATHS.html, code: 'not-json', message: /returned an HTML page .*not JSON/ },
    { name: 'JSON that is not a JWKS', path: PATHS.notJwks, code: 'not-jwks', message: /without a "keys" array/ },
    { name: 'plain text', path: PATHS.notJson, code: 'not-json', message: /"keys: none".*not JSON/ },
    { name: 'a body over 1 MB', path: PATHS.huge, code: 'too-large', message: /more than 1 MiB, so reading stopped/ },
  ];
  for (const c of cases) {
    test(`${c.name} is explained`, async ({ page }) => {
      await openToken(page, await tokenFromIssuer());
      await fetchUrl(page, server.url(c.path));
      await expect(status(page)).toHaveAttribute('data-state', 'error');
      await expect(status(page)).toHaveAttribute('data-code', c.code);
      await expect(status(page)).toContainText(c.message);
      await expect(verdict(page)).toHaveAttribute('data-state', 'no-key');
    });
  }

  test('a CORS refusal offers a curl command to copy', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openToken(page, await tokenFromIssuer());
    const url = server.url(PATHS.noCors);
    await fetchUrl(page, url);
    await expect(status(page)).toHaveAttribute('data-code', 'cors');
    await expect(page.getByTestId('jwks-curl')).toHaveText(`curl -s '${url}'`);
    await page.getByTestId('copy-jwks-curl').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`curl -s '${url}'`);
  });

  test('a server that refuses the connection is explained, with the curl command', async ({ page }) => {
    // A port that was just free: nothing listens there any more.
    const closed = await startJwksServer();
    const url = closed.url(PATHS.jwks);
    await closed.close();
    await openToken(page, await tokenFromIssuer());
    await fetchUrl(page, url);
    await expect(status(page)).toHaveAttribute('data-state', 'error');
    // Browsers report a refused connection and a CORS block with the same opaque TypeError.
    await expect(status(page)).toHaveAttribute('data-code', 'cors');
    await expect(status(page)).toContainText('the server could not be reached, or it does not allow browser access');
    await expect(page.getByTestId('jwks-curl')).toHaveText(`curl -s '${url}'`);
    await expect(verdict(page)).toHaveAttribute('data-state', 'no-key');
  });

  test('a slow server can be cancelled', async ({ page }) => {
    await openToken(page, await tokenFromIssuer());
    await fetchUrl(page, server.url(PATHS.slow));
    await expect(status(page)).toHaveAttribute('data-state', 'loading');
    await expect(status(page)).toContainText('gives up after 10 s');
    await page.getByTestId('jwks-cancel').click();
    await expect(status(page)).toHaveAttribute('data-state', 'idle');
    await expect(status(page)).toContainText('cancelled');
    await expect(verdict(page)).toHaveAttribute('data-state', 'no-key');
  });

  test('a slow server times out after 10 s', async ({ page }) => {
    await openToken(page, await tokenFromIssuer());
    await fetchUrl(page, server.url(PATHS.slow));
    await expect(status(page)).toHaveAttribute('data-state', 'loading');
    await expect(status(page)).toHaveAttribute('data-state', 'error', { timeout: 15_000 });
    await expect(status(page)).toHaveAttribute('data-code', 'timeout');
    await expect(status(page)).toContainText('did not answer within 10 s');
  });

  test('plain http to another host and malformed URLs are refused before any request', async ({ page }) => {
    await openToken(page, await tokenFromIssuer());
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('http://127.0.0.1')) outside.push(request.url());
    });
    await fetchUrl(page, 'http://issuer.example.com/.well-known/jwks.json');
    await expect(status(page)).toHaveAttribute('data-state', 'error');
    await expect(status(page)).toHaveAttribute('data-code', 'insecure-http');
    await expect(status(page)).toContainText('Plain http:// is refused for issuer.example.com');
    await fetchUrl(page, 'https://exa mple.com/jwks');
    await expect(status(page)).toHaveAttribute('data-state', 'error');
    await expect(status(page)).toHaveAttribute('data-code', 'url');
    await expect(status(page)).toContainText('contains a space');
    await fetchUrl(page, 'issuer.example.com/jwks');
    await expect(status(page)).toContainText('is not a valid URL. Did you mean https://issuer.example.com/jwks?');
    expect(outside).toEqual([]);
  });
});

test.describe('keys named or carried by the token', () => {
  test('jku is a suggestion with a warning, never fetched until confirmed and fetched', async ({ page }) => {
    const jku = server.url(PATHS.jwks);
    const token = await server.sign({ iss: server.origin }, { header: { jku } });
    const before = server.requests.length;
    await openToken(page, token);
    const suggestion = page.getByTestId('jwks-suggestion-jku');
    await expect(suggestion).toContainText(jku);
    await expect(suggestion).toContainText('Warning');
    await page.waitForTimeout(300);
    expect(server.requests.length).toBe(before);
    await page.getByTestId('jwks-use-jku').click();
    await expect(page.getByTestId('jwks-url')).toHaveValue(jku);
    expect(server.requests.length).toBe(before);
    await page.getByTestId('jwks-fetch').click();
    await expect(verdict(page)).toHaveAttribute('data-state', 'verified');
  });

  test('x5u is shown with a warning, never fetched; a plain http x5u gets no command', async ({ page }) => {
    const x5u = server.url('/certs/chain.pem');
    const token = await server.sign({ iss: server.origin }, { header: { x5u } });
    const before = server.requests.length;
    await openToken(page, token);
    const suggestion = page.getByTestId('jwks-suggestion-x5u');
    await expect(suggestion).toContainText('Warning: whoever made the token chose this URL');
    await expect(page.getByTestId('jwks-x5u-refused')).toContainText('not an https: URL');
    await expect(page.getByTestId('jwks-x5u-curl')).toHaveCount(0);
    await page.waitForTimeout(300);
    expect(server.requests.length).toBe(before);
  });

  test('the x5u curl line is offered only for https, and stays inert in bash and zsh', async ({ page }) => {
    for (const x5u of ['-K/etc/passwd', 'file:///etc/passwd', '--output /tmp/x https://a.example/']) {
      await openToken(page, await server.sign({ iss: server.origin }, { header: { x5u } }));
      await expect(page.getByTestId('jwks-suggestion-x5u')).toBeVisible();
      await expect(page.getByTestId('jwks-x5u-curl'), x5u).toHaveCount(0);
    }
    const x5u = "https://certs.example/chain.pem?a=1&b=$(touch pwned)'`id`";
    await openToken(page, await server.sign({ iss: server.origin }, { header: { x5u } }));
    const command = (await page.getByTestId('jwks-x5u-curl').textContent()) ?? '';
    expect(command).toMatch(/^curl -s --proto '=https' -- '/);
    const href = new URL(x5u).href;
    for (const shell of ['/bin/bash', '/usr/bin/zsh'].filter((path) => existsSync(path))) {
      expect(await argumentsOfCurl(shell, command), shell).toEqual(['-s', '--proto', '=https', '--', href]);
    }
  });

  test('an embedded jwk gets a loud warning and is not used to verify', async ({ page }) => {
    const jwk = server.jwks.keys[2];
    const token = await server.sign({ iss: server.origin }, { header: { jwk } });
    await openToken(page, token);
    await expect(page.getByTestId('jwks-embedded-key-warning')).toContainText('proves nothing');
    await expect(verdict(page)).toHaveAttribute('data-state', 'no-key');
  });
});

test('the JWKS panel has no accessibility violations, loaded or failed', async ({ page }) => {
  const token = await server.sign({ iss: server.origin, nonce: 'n-1' }, { header: { jku: server.url(PATHS.jwks) } });
  await openToken(page, token);
  await fetchUrl(page, server.url(PATHS.partial));
  await expect(status(page)).toHaveAttribute('data-state', 'loaded');
  const panel = '[data-testid="jwks-panel"]';
  let results = await new AxeBuilder({ page }).include(panel).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await fetchUrl(page, server.url(PATHS.noCors));
  await expect(status(page)).toHaveAttribute('data-state', 'error');
  results = await new AxeBuilder({ page }).include(panel).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
