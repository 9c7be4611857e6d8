// "Test your server": a user loads a token their server accepts, sets the request in Send it, opens the panel,
// downloads the script and runs it (bash and zsh) against two real servers on 127.0.0.1: a strict PyJWT verifier,
// which must refuse every case (exit 0), and a deliberately broken one, against which exactly its bugs are FAIL.
// The page itself never sends these requests: the request guard fails the test on any request off its origin,
// and the servers' logs stay empty until the script runs.
import { test, expect, type Page, type TestInfo } from './fixtures';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ecKeyPair, es256, expectSignature, guardPage, nowSeconds, openToken, rs256, rsaKeyPair } from './helpers';
import type { KeyPair } from './helpers';
import { failed, requirePrograms, runScript, SHELLS, startServer, type TestServer } from './negative-servers';

test.describe.configure({ timeout: 240_000 });

const AUDIENCE = 'https://api.example';
const ISSUER = 'https://issuer.example';

// The stable case ids as docs/interface.md lists them, written out rather than imported from the engine, so a
// renamed or dropped case fails here instead of following the rename silently.
const CASE_IDS = [
  'control',
  'alg-none',
  'signature-stripped',
  'signature-other-key',
  'payload-tampered',
  'hmac-key-confusion',
  'embedded-jwk',
  'jku-foreign',
  'x5u-foreign',
  'x5c-self-signed',
  'hmac-empty-key',
  'ecdsa-zero-signature',
  'kid-path-traversal',
  'kid-sql-injection',
  'expired',
  'not-yet-valid',
  'wrong-audience',
  'wrong-issuer',
  'crit-unknown',
  'alg-swap',
];
const CLAIM_CASES = ['expired', 'not-yet-valid', 'wrong-audience', 'wrong-issuer', 'crit-unknown', 'alg-swap'];
// The broken server's bugs (tests/servers/broken.py): alg none, HMAC keyed with its public key PEM file, a key
// from the header's jwk, and exp and aud ignored.
const SIGNATURE_BUGS = [
  'alg-none:none',
  'alg-none:None',
  'alg-none:NONE',
  'alg-none:nOnE',
  'hmac-key-confusion:pem',
  'embedded-jwk',
];
const CLAIM_BUGS = ['expired', 'wrong-audience'];

let dir: string;
let key: KeyPair;
let strict: TestServer;
let broken: TestServer;

test.beforeAll(async () => {
  requirePrograms();
  dir = mkdtempSync(join(tmpdir(), 'negative-e2e-'));
  key = rsaKeyPair();
  const keyFile = join(dir, 'public.pem');
  writeFileSync(keyFile, key.publicPem);
  strict = await startServer('strict.py', [
    '--key',
    keyFile,
    '--alg',
    'RS256',
    '--audience',
    AUDIENCE,
    '--issuer',
    ISSUER,
  ]);
  broken = await startServer('broken.py', ['--key', keyFile, '--issuer', ISSUER]);
});

test.afterAll(async () => {
  for (const server of [strict, broken]) if (server) expect(await server.stop()).toBe(0);
  rmSync(dir, { recursive: true, force: true });
});

function acceptedToken(extra: Record<string, unknown> = {}): string {
  const now = nowSeconds();
  return rs256({ sub: 'user-42', aud: AUDIENCE, iss: ISSUER, iat: now, exp: now + 900, ...extra }, key, {
    alg: 'RS256',
    typ: 'JWT',
    kid: 'e2e-key',
  });
}

async function openPanel(page: Page): Promise<void> {
  await page.getByTestId('negative-open').click();
  await expect(page.getByTestId('negative-pack')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
}

async function caseStates(page: Page): Promise<Record<string, string>> {
  const cases = page.getByTestId('negative-case');
  await expect(cases).toHaveCount(CASE_IDS.length);
  const pairs = await cases.evaluateAll((elements) =>
    elements.map((el) => [el.getAttribute('data-case') ?? '', el.getAttribute('data-state') ?? '']),
  );
  return Object.fromEntries(pairs);
}

async function download(page: Page, testId: string, info: TestInfo, as: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = info.outputPath(as);
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
}

/** Sets the Send-it URL, waits for the script to follow it, downloads it and runs it with bash and zsh. */
async function runAgainst(page: Page, server: TestServer, info: TestInfo, label: string) {
  await page.getByTestId('snippet-url').fill(server.url);
  await expect(page.getByTestId('negative-script')).toContainText(`# Negative tests for GET ${server.url}`);
  const script = await download(page, 'negative-download-script', info, `${label}.sh`);
  expect(script.name).toBe('negative-tests.sh');
  const runs = [];
  for (const shell of SHELLS) runs.push({ shell, run: await runScript(shell, script.path) });
  return { script, runs };
}

function readyNames(json: { cases: { name: string; state: string }[] }): string[] {
  return json.cases.filter((c) => c.state === 'ready').map((c) => c.name);
}

test('Decode view with only the public key: the signature cases are made, the claim cases need the signing key, and the downloaded script passes the strict server and names the broken one’s signature bugs', async ({
  page,
}, info) => {
  const guard = guardPage(page);
  await openToken(page, acceptedToken());
  await page.getByTestId('key-input').fill(key.publicPem);
  await expectSignature(page, 'verified');
  await openPanel(page);

  const states = await caseStates(page);
  for (const id of CASE_IDS) {
    const expected = CLAIM_CASES.includes(id) ? 'needs-key' : id === 'ecdsa-zero-signature' ? 'n/a' : 'ready';
    expect({ id, state: states[id] }).toEqual({ id, state: expected });
  }
  for (const id of CLAIM_CASES) {
    const item = page.locator(`[data-testid="negative-case"][data-case="${id}"]`);
    await expect(item.getByTestId('negative-case-badge')).toHaveText('Left out: needs the signing key');
    await expect(item.getByTestId('negative-case-reason')).toContainText('the key or secret that signed the token');
  }
  await expect(page.locator('[data-testid="negative-key"][data-state="verified"]')).toContainText(
    'Server’s public key: verifies the token',
  );
  await expect(page.locator('[data-testid="negative-key"][data-state="missing"]')).toContainText(
    'Signing key: not given',
  );
  // The claim cases are not in the script: it says why in its header and sends none of them.
  const scriptText = (await page.getByTestId('negative-script').textContent()) ?? '';
  expect(scriptText).toContain('# Not sent:');
  for (const id of CLAIM_CASES) expect(scriptText).not.toMatch(new RegExp(`^(refuse|advise) '${id}`, 'm'));

  // Nothing reached either server while the page made the cases.
  expect(strict.log).toEqual([]);
  expect(broken.log).toEqual([]);

  const json = JSON.parse((await download(page, 'negative-download-json', info, 'public-only.json')).text);
  const strictRun = await runAgainst(page, strict, info, 'public-only-strict');
  for (const { shell, run } of strictRun.runs) {
    expect([...run.results.keys()], shell).toEqual(readyNames(json));
    expect(run.results.get('control'), shell).toEqual({ status: '200', verdict: 'PASS' });
    expect(failed(run), `${shell}\n${run.stdout}`).toEqual([]);
    expect(run.code, `${shell}\n${run.stdout}${run.stderr}`).toBe(0);
  }
  const brokenRun = await runAgainst(page, broken, info, 'public-only-broken');
  for (const { shell, run } of brokenRun.runs) {
    expect(failed(run), `${shell}\n${run.stdout}`).toEqual(SIGNATURE_BUGS);
    expect(run.code, shell).toBe(1);
  }
  guard.check();
});

test('Encode view with the signing key: every case is made, the strict server refuses them all, the broken one fails exactly on its bugs, and the JSON download has every case', async ({
  page,
}, info) => {
  const guard = guardPage(page);
  await openToken(page, acceptedToken());
  await page.getByTestId('mode-encode').click();
  await page.getByTestId('key-input').fill(key.privatePem);
  await expect(page.getByTestId('token-output')).toHaveAttribute('data-state', 'done');
  const signed = (await page.getByTestId('token-output').textContent())?.trim() ?? '';
  expect(signed).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
  await openPanel(page);

  const states = await caseStates(page);
  for (const id of CASE_IDS) {
    expect({ id, state: states[id] }).toEqual({ id, state: id === 'ecdsa-zero-signature' ? 'n/a' : 'ready' });
  }
  await expect(page.getByTestId('negative-pack')).toContainText('from the signed token');

  const json = await download(page, 'negative-download-json', info, 'signing-key.json');
  expect(json.name).toBe('negative-tests.json');
  const pack = JSON.parse(json.text) as {
    alg: string;
    cases: { id: string; name: string; state: string; token?: string; expected: string; reference: string }[];
  };
  expect(pack.alg).toBe('RS256');
  expect([...new Set(pack.cases.map((c) => c.id))]).toEqual(CASE_IDS);
  for (const row of pack.cases) {
    expect(row.reference, row.name).not.toBe('');
    if (row.state === 'ready') expect(row.token, row.name).toMatch(/^[\w-]*\.[\w-]*\.[\w-]*$/);
    else expect(row.token, row.name).toBeUndefined();
    expect(row.expected).toBe(row.id === 'control' ? 'accept' : 'refuse');
  }
  // The control is the signed token the page shows, unchanged.
  expect(pack.cases[0]).toMatchObject({ id: 'control', token: signed });
  expect(pack.cases.map((c) => c.name)).toEqual(
    expect.arrayContaining(['alg-none:nOnE', 'hmac-key-confusion:pem-no-newline', 'hmac-key-confusion:der']),
  );

  const strictRun = await runAgainst(page, strict, info, 'signing-key-strict');
  for (const { shell, run } of strictRun.runs) {
    expect([...run.results.keys()], shell).toEqual(readyNames(pack));
    expect(failed(run), `${shell}\n${run.stdout}`).toEqual([]);
    expect(run.code, `${shell}\n${run.stdout}${run.stderr}`).toBe(0);
  }
  const brokenRun = await runAgainst(page, broken, info, 'signing-key-broken');
  for (const { shell, run } of brokenRun.runs) {
    expect([...run.results.keys()], shell).toEqual(readyNames(pack));
    expect(failed(run), `${shell}\n${run.stdout}`).toEqual([...SIGNATURE_BUGS, ...CLAIM_BUGS]);
    // It follows the token's alg, so the sibling algorithm gets in too: reported, not counted.
    expect(run.results.get('alg-swap:PS256'), shell).toEqual({ status: '200', verdict: 'ADVISORY' });
    expect(run.code, shell).toBe(1);
  }
  // The guide shows a real run's output (docs/guide/negative.md).
  await info.attach('strict-output', { body: strictRun.runs[0]!.run.stdout, contentType: 'text/plain' });
  await info.attach('broken-output', { body: brokenRun.runs[0]!.run.stdout, contentType: 'text/plain' });
  writeFileSync(info.outputPath('strict-output.txt'), strictRun.runs[0]!.run.stdout);
  writeFileSync(info.outputPath('broken-output.txt'), brokenRun.runs[0]!.run.stdout);
  guard.check();
});

test('the panel follows the token, the keys, the request and the foreign URL, and never shows a result made for older input', async ({
  page,
}) => {
  const guard = guardPage(page);
  // Makes the race certain rather than likely: once the test sets `slowRsaKeygen`, each RSA key the page
  // generates takes 2 s longer (as on a slow machine), so an RSA pack is still under way when a later EC pack
  // lands; `slowKeygens` counts the slowed calls not yet finished.
  await page.addInitScript(() => {
    const w = window as unknown as { slowRsaKeygen?: boolean; slowKeygens: number };
    w.slowKeygens = 0;
    const subtle = crypto.subtle;
    const generateKey = subtle.generateKey.bind(subtle) as (...args: unknown[]) => Promise<unknown>;
    const slowed = (async (algorithm: AlgorithmIdentifier, ...rest: unknown[]) => {
      const name = typeof algorithm === 'string' ? algorithm : algorithm.name;
      if (!w.slowRsaKeygen || !name.startsWith('RSA')) return generateKey(algorithm, ...rest);
      w.slowKeygens += 1;
      try {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        return await generateKey(algorithm, ...rest);
      } finally {
        w.slowKeygens -= 1;
      }
    }) as typeof subtle.generateKey;
    Object.defineProperty(subtle, 'generateKey', { value: slowed });
  });
  const first = acceptedToken({ sub: 'first-user' });
  await openToken(page, first);
  await page.getByTestId('key-input').fill(key.privatePem);
  await expectSignature(page, 'verified');
  await page.getByTestId('snippet-url').fill('https://api.example.com/orders?id=1');
  await openPanel(page);
  const script = page.getByTestId('negative-script');
  await expect(script).toContainText(first);
  await expect(script).toContainText('# Negative tests for GET https://api.example.com/orders?id=1');

  // The request: the script follows at once (the pack does not change).
  await page.getByTestId('snippet-method').selectOption('POST');
  await page.getByTestId('snippet-body').fill('{"order": 7}');
  await expect(script).toContainText('# Negative tests for POST https://api.example.com/orders?id=1');
  await expect(script).toContainText(`--data-raw '{"order": 7}'`);

  // The foreign URL: jku and x5u point at it.
  await page.getByTestId('negative-jku-url').fill('https://keys.attacker.example/jwks.json');
  await expect(page.getByTestId('negative-pack')).toHaveAttribute('data-state', 'ready');
  await expect(script).toContainText('fetched https://keys.attacker.example/jwks.json');
  await page.getByTestId('negative-jku-url').fill('ftp://nowhere');
  await expect(page.locator('[data-case="jku-foreign"]')).toHaveAttribute('data-state', 'needs-key');
  await expect(page.locator('[data-case="jku-foreign"]').getByTestId('negative-case-badge')).toHaveText(
    'Left out: needs an http(s) foreign URL',
  );
  await page.getByTestId('negative-jku-url').fill('');
  await expect(page.locator('[data-case="jku-foreign"]')).toHaveAttribute('data-state', 'ready');

  // A slow RSA pack (two fresh RSA keys) is still being made when an EC token and key replace it. Every state
  // the panel shows is recorded with the control token of the script on screen: the RSA pack, finishing after
  // the EC one was asked for, must never be shown as ready.
  await page.getByTestId('negative-pack').evaluate((element) => {
    const seen: string[] = [];
    (window as unknown as { seenStates: string[] }).seenStates = seen;
    new MutationObserver(() => {
      const state = element.getAttribute('data-state') ?? '';
      const status = element.querySelector('[data-testid="negative-status"]')?.textContent ?? '';
      const script = element.querySelector('[data-testid="negative-script"]')?.textContent ?? '';
      const control = /^request '([^']+)'/m.exec(script)?.[1] ?? '';
      seen.push(`${state} | ${status} | ${control}`);
    }).observe(element, { attributes: true, subtree: true, childList: true, characterData: true });
  });
  const second = acceptedToken({ sub: 'second-user' });
  await page.evaluate(() => ((window as unknown as { slowRsaKeygen: boolean }).slowRsaKeygen = true));
  await page.getByTestId('token-input').fill(second);
  // The RSA pack has started (the progress counts seconds once it has).
  await expect(page.getByTestId('negative-pack')).toHaveAttribute('data-state', 'building');
  await expect(page.getByTestId('negative-status')).toContainText(/Making the test cases… \d+ s/);
  const ec = ecKeyPair();
  const ecToken = es256({ sub: 'ec-user', aud: AUDIENCE, iss: ISSUER, exp: nowSeconds() + 900 }, ec);
  await page.getByTestId('token-input').fill(ecToken);
  await page.getByTestId('key-input').fill(ec.privatePem);
  await expect(page.getByTestId('negative-pack')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(script).toContainText(ecToken);
  await expect(page.locator('[data-case="ecdsa-zero-signature"]')).toHaveAttribute('data-state', 'ready');
  // The abandoned RSA pack finishes after the EC one landed: it is dropped, not shown.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { slowKeygens: number }).slowKeygens), { timeout: 60_000 })
    .toBe(0);
  await page.waitForTimeout(1_000);
  await expect(page.getByTestId('negative-pack')).toHaveAttribute('data-state', 'ready');
  await expect(script).toContainText(ecToken);
  const seen = await page.evaluate(() => (window as unknown as { seenStates: string[] }).seenStates);
  expect(seen.filter((s) => s.startsWith('ready') && !s.endsWith(` | ${ecToken}`))).toEqual([]);
  expect(seen.some((s) => s.startsWith('ready'))).toBe(true);

  // Back to the public key only: the claim cases need the signing key again.
  await page.getByTestId('key-input').fill(ec.publicPem);
  await expect(page.locator('[data-case="expired"]')).toHaveAttribute('data-state', 'needs-key');
  await expect(page.locator('[data-case="hmac-key-confusion"]')).toHaveAttribute('data-state', 'ready');
  guard.check();
});

test('the pack costs the first load nothing: its code loads when negative-open is clicked', async ({ page }) => {
  const guard = guardPage(page);
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await openToken(page, acceptedToken());
  await page.getByTestId('key-input').fill(key.publicPem);
  await expectSignature(page, 'verified');
  await expect(page.getByTestId('negative-open')).toBeVisible();
  await page.waitForTimeout(1_500);
  expect(scripts.filter((path) => /NegativePanel/.test(path))).toEqual([]);
  await openPanel(page);
  expect(scripts.filter((path) => /NegativePanel/.test(path))).toHaveLength(1);
  guard.check();
});
