// The Send-it snippet end to end: the curl text shown in `curl-snippet` is run with `bash -c`
// against an echo server on 127.0.0.1 and must deliver exactly the signed token (in the Authorization
// style the template chose) and exactly the body typed, including ' " $ ` and newlines.
import { expect, test, type Page } from './fixtures';
import { decodeToken } from '../../src/core';
import { defaultPayload, guardPage, hs256, openToken, rsaKeyPair } from './helpers';
import { runInBash, startEchoServer, type EchoServer } from './snippet-echo';

const SECRET = 'snippet-e2e-secret-that-is-32-bytes!';
const rsa = rsaKeyPair();

// Every character bash treats specially, inside a valid JSON body, with real line breaks between members.
const NASTY_BODY = [
  '{',
  `  "quote": "it's",`,
  '  "double": "say \\"hi\\"",',
  '  "dollar": "$HOME ${PATH} $(id) $((1+1))",',
  '  "backticks": "`whoami` and \\\\` too",',
  '  "escaped_newline": "a\\nb",',
  '  "bang": "!! !$ \\\\ end"',
  '}',
].join('\n');

let echo: EchoServer;
test.beforeAll(async () => {
  echo = await startEchoServer();
});
test.afterAll(async () => {
  await echo.close();
});

async function signedToken(page: Page, alg: string): Promise<string> {
  const output = page.getByTestId('token-output');
  await expect
    .poll(async () => {
      const text = ((await output.textContent()) ?? '').trim();
      try {
        return decodeToken(text).header.alg;
      } catch {
        return 'none yet';
      }
    })
    .toBe(alg);
  return ((await output.textContent()) ?? '').trim();
}

async function runSnippet(page: Page): Promise<void> {
  const before = echo.received.length;
  const command = (await page.getByTestId('curl-snippet').textContent()) ?? '';
  await runInBash(command);
  expect(echo.received.length, 'the command made exactly one request').toBe(before + 1);
}

const CASES = [
  { template: 'hs256-api', alg: 'HS256', key: SECRET, expectAuth: (t: string) => t },
  { template: 'rs256-admin', alg: 'RS256', key: rsa.privatePem, expectAuth: (t: string) => `Bearer ${t}` },
  { template: 'scoped-api-key', alg: 'HS256', key: SECRET, expectAuth: (t: string) => `Bearer ${t}` },
  { template: 'scoped-api-key-nested', alg: 'HS256', key: SECRET, expectAuth: (t: string) => `Bearer ${t}` },
  { template: 'oidc-id-token', alg: 'RS256', key: rsa.privatePem, expectAuth: (t: string) => `Bearer ${t}` },
] as const;

test.describe('curl snippet run by bash against a local echo server', () => {
  for (const c of CASES) {
    test(`${c.template}: delivers exactly the token and a body with ' " $ \` and newlines`, async ({ page }) => {
      const guard = guardPage(page);
      await page.goto('/#mode=encode');
      await page.getByTestId(`template-${c.template}`).click();
      await page.getByTestId('key-input').fill(c.key);
      const token = await signedToken(page, c.alg);

      await page.getByTestId('snippet-url').fill(echo.url);
      // GET first: no body, only the Authorization header.
      await page.getByTestId('snippet-method').selectOption('GET');
      await runSnippet(page);
      let got = echo.received.at(-1)!;
      expect(got.method).toBe('GET');
      expect(got.authorization).toBe(c.expectAuth(token));
      expect(got.body).toBe('');

      await page.getByTestId('snippet-method').selectOption('POST');
      await page.getByTestId('snippet-body').fill(NASTY_BODY);
      await runSnippet(page);
      got = echo.received.at(-1)!;
      expect(got.method).toBe('POST');
      expect(got.url).toBe('/echo');
      expect(got.authorization).toBe(c.expectAuth(token));
      expect(got.body).toBe(NASTY_BODY);

      const text = (await page.getByTestId('curl-snippet').textContent()) ?? '';
      expect(text, 'the snippet never holds the signing key').not.toContain(
        c.key.includes('PRIVATE') ? 'PRIVATE' : c.key,
      );
      guard.check();
    });
  }

  test('the Decode view offers the same snippet for the token being debugged', async ({ page }) => {
    const guard = guardPage(page);
    await page.goto('/#mode=encode');
    await page.getByTestId('template-rs256-admin').click();
    await page.getByTestId('key-input').fill(rsa.privatePem);
    const token = await signedToken(page, 'RS256');
    await page.getByTestId('mode-decode').click();
    await expect(page.getByTestId('token-input')).toHaveValue(token);
    await page.getByTestId('snippet-url').fill(echo.url);
    await page.getByTestId('snippet-method').selectOption('GET');
    await page.getByTestId('snippet-auth').selectOption('custom');
    await page.getByTestId('snippet-scheme').fill('JWT');
    await runSnippet(page);
    expect(echo.received.at(-1)!.authorization).toBe(`JWT ${token}`);
    guard.check();
  });

  test('the snippet and Copy command carry the token on screen the moment it changes, with no lag', async ({
    page,
    context,
  }) => {
    const guard = guardPage(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const first = hs256(defaultPayload({ sub: 'first' }), SECRET);
    const second = hs256(defaultPayload({ sub: 'second' }), SECRET);
    await openToken(page, first);
    const snippet = page.getByTestId('curl-snippet');
    await expect(snippet).toContainText(first);
    await page.getByTestId('snippet-url').fill(echo.url);
    for (let round = 0; round < 5; round++) {
      const token = round % 2 === 0 ? second : first;
      await page.getByTestId('token-input').fill(token);
      // Read at once, no polling: a snippet that follows a lagging copy of the state still shows the old token.
      expect(await snippet.textContent()).toContain(token);
      await page.getByTestId('copy-curl').click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain(token);
      await runInBash(copied);
      expect(echo.received.at(-1)!.authorization).toBe(`Bearer ${token}`);
    }
    guard.check();
  });
});
