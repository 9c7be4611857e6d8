// User data is only ever rendered as text. Hostile claims, header members, key ids and link
// parameters stay inert (no script runs, no dialog, no new script/img/iframe/svg/a[href] elements, no
// event-handler attributes, no navigation) and readable (the text is on screen as typed, and a 20,000
// character line does not widen the page).
import { test, expect, type Page } from './fixtures';
import { watchPage } from './csp-guard';
import { expectEditorText, hs256, nowSeconds, publicJwk, rsaKeyPair } from './helpers';

declare global {
  interface Window {
    __pwned?: string;
  }
}

const SCRIPT = '<script>window.__pwned="script"</script>';
const IMG = '<img src=x onerror="window.__pwned=\'img\'">';
const SVG = '<svg onload="window.__pwned=\'svg\'"></svg><iframe src="javascript:window.__pwned=\'iframe\'"></iframe>';
const JS_URL = 'javascript:window.__pwned="js-url"';
const BREAKOUT = '</textarea></code><style>*{display:none}</style><b onmouseover=alert(1)>b</b>';
const RTL = 'invoice\u202Egpj.exe';
const LONG = 'L'.repeat(20_000);
// Links lose whitespace when the token is normalised, so the link vector needs none.
const LINK_TOKEN = '<svg/onload=window.__pwned=1>.<script>window.__pwned=2</script>.x';

function hostileToken(): string {
  return hs256(
    {
      sub: SCRIPT,
      name: IMG,
      website: JS_URL,
      picture: 'javascript:alert(document.domain)',
      bio: SVG,
      note: BREAKOUT,
      file: RTL,
      long: LONG,
      aud: [IMG, '<a href="javascript:alert(3)">click</a>'],
      iss: JS_URL,
      exp: nowSeconds() + 3600,
    },
    'secret',
    { alg: 'HS256', typ: '<img src=x onerror=alert(4)>', kid: IMG, jku: JS_URL, x5u: 'javascript:alert(6)' },
  );
}

type DomCensus = {
  scripts: number;
  images: string[];
  frames: number;
  svgHandlers: number;
  jsLinks: number;
  handlerAttributes: string[];
  hostileStyles: number;
  pwned: string | undefined;
  overflow: number;
};

function census(page: Page): Promise<DomCensus> {
  return page.evaluate(() => {
    const all = Array.from(document.querySelectorAll('*'));
    return {
      scripts: document.querySelectorAll('script').length,
      images: Array.from(document.images).map((img) => img.getAttribute('src') ?? ''),
      frames: document.querySelectorAll('iframe, frame, object, embed').length,
      svgHandlers: document.querySelectorAll('svg[onload]').length,
      jsLinks: Array.from(document.querySelectorAll('[href], [src], [action], [formaction]')).filter((el) =>
        /^\s*javascript:/i.test(
          el.getAttribute('href') ??
            el.getAttribute('src') ??
            el.getAttribute('action') ??
            el.getAttribute('formaction') ??
            '',
        ),
      ).length,
      handlerAttributes: all.flatMap((el) =>
        el
          .getAttributeNames()
          .filter((name) => name.startsWith('on'))
          .map((name) => `${el.tagName}[${name}]`),
      ),
      hostileStyles: Array.from(document.querySelectorAll('style')).filter((el) =>
        el.textContent.includes('*{display:none}'),
      ).length,
      pwned: window.__pwned,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    };
  });
}

async function expectInert(page: Page, before: DomCensus, startUrl: string): Promise<void> {
  const after = await census(page);
  expect(after.pwned, 'a hostile script ran').toBeUndefined();
  expect(after.scripts, 'new <script> elements').toBe(before.scripts);
  expect(
    after.images.filter((src) => src === 'x'),
    'hostile <img> elements',
  ).toEqual([]);
  expect(after.frames, 'frames/objects').toBe(0);
  expect(after.svgHandlers).toBe(0);
  expect(after.jsLinks, 'javascript: links').toBe(0);
  expect(after.handlerAttributes, 'event-handler attributes').toEqual([]);
  expect(after.hostileStyles, 'hostile <style> elements').toBe(0);
  expect(after.overflow, 'the page grew wider than the window').toBeLessThanOrEqual(1);
  expect(new URL(page.url()).pathname).toBe(new URL(startUrl).pathname);
}

test('hostile claims and header members render as inert, readable text in Decode and Encode', async ({ page }) => {
  test.setTimeout(90_000);
  const watch = await watchPage(page);
  const token = hostileToken();
  await page.goto('/');
  await expect(page.getByTestId('token-input')).toBeVisible();
  const before = await census(page);
  const startUrl = page.url();

  await page.getByTestId('token-input').fill(token);
  const claims = page.getByTestId('claims-table');
  for (const text of [SCRIPT, IMG, JS_URL, BREAKOUT]) await expect(claims).toContainText(text);
  await expect(claims).toContainText('invoice');
  await expectEditorText(page, 'header-editor', 'onerror');
  await expectEditorText(page, 'payload-editor', '__pwned');

  // A hostile key id in a JWKS and a hostile jku suggestion: offered as text, fetching refused.
  const rsa = rsaKeyPair();
  await page.getByTestId('key-input').fill(JSON.stringify({ keys: [publicJwk(rsa, { kid: IMG, use: SCRIPT })] }));
  await expect(page.getByTestId('signature-status')).not.toHaveAttribute('data-state', 'verified');
  await expect(page.getByTestId('signature-status')).not.toHaveText('');
  const suggestion = page.getByTestId('jwks-suggestion-jku');
  if (await suggestion.count()) await expect(suggestion).toContainText('javascript:');
  await page.getByTestId('jwks-url').fill(JS_URL);
  await page.getByTestId('jwks-fetch').click();
  await expect(page.getByTestId('jwks-status')).toHaveAttribute('data-state', 'error');

  // Interact with what the data produced: focus every claim name (tooltips), hover the token box.
  for (const button of await claims.getByRole('button').all()) await button.focus();
  await page.getByTestId('token-input').hover();
  await expectInert(page, before, startUrl);

  await page.getByTestId('mode-encode').click();
  await page.getByTestId('key-input').fill('secret');
  await expect(page.getByTestId('token-output')).toHaveText(/^eyJ/);
  await expectEditorText(page, 'payload-editor', '__pwned');
  await expectInert(page, before, startUrl);
  await watch.expectClean();
});

test('hostile link parameters (token, publicKey, unknown names) are shown as text and never run', async ({ page }) => {
  const watch = await watchPage(page);
  await page.goto('/');
  await expect(page.getByTestId('token-input')).toBeVisible();
  const before = await census(page);
  const startUrl = page.url();
  const fragment = [
    ['token', LINK_TOKEN],
    ['publicKey', `-----BEGIN PUBLIC KEY-----\n${IMG}\n-----END PUBLIC KEY-----`],
    [IMG, JS_URL],
  ]
    .map(([name = '', value = '']) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
  await page.goto(`/#${fragment}`);
  await expect(page.getByTestId('token-input')).toHaveValue(LINK_TOKEN);
  await expect(page.getByTestId('token-error')).toBeVisible();
  await expect(page.getByTestId('token-error')).not.toHaveText('');
  await expectInert(page, before, startUrl);
  await watch.expectClean();
});

test('an RTL override in a claim cannot disguise the value: the claims table shows its code point', async ({
  page,
}) => {
  await page.goto(`/#token=${hostileToken()}`);
  const cell = page.getByTestId('claims-table').locator('tr', { hasText: 'invoice' });
  await expect(cell).toBeVisible();
  // The control character is shown as its code point, so "invoice\u202Egpj.exe" cannot pass for
  // "invoiceexe.jpg" (Trojan Source, CVE-2021-42574).
  const text = (await cell.locator('td').textContent()) ?? '';
  expect(text, 'the override character is shown, not obeyed').toContain('U+202E');
  expect(text).not.toContain('\u202e');
});
