// Links written for us and for other debuggers (docs/interface.md §1).
import { test, expect } from './fixtures';
import {
  defaultPayload,
  ecKeyPair,
  es256,
  expectEditorText,
  expectSignature,
  guardPage,
  hs256,
  publicJwk,
} from './helpers';

test('?token= opens the token and moves it into the fragment', async ({ page }) => {
  const token = hs256(defaultPayload(), 'k');
  await page.goto(`/?token=${token}`);
  await expect(page.getByTestId('token-input')).toHaveValue(token);
  await expect.poll(() => new URL(page.url()).search).toBe('');
  expect(new URL(page.url()).hash).toContain(`token=${token}`);
});

test('?value= works the same way', async ({ page }) => {
  const token = hs256(defaultPayload({ name: 'From value' }), 'k');
  await page.goto(`/?value=${token}`);
  await expectEditorText(page, 'payload-editor', 'From value');
  await expect.poll(() => new URL(page.url()).search).toBe('');
  expect(new URL(page.url()).hash).toContain(`value=${token}`);
});

test('#id_token=…&access_token=… offers a switch between the two', async ({ page }) => {
  const idToken = hs256(defaultPayload({ name: 'ID token' }), 'k');
  const accessToken = hs256(defaultPayload({ name: 'Access token' }), 'k');
  await page.goto(`/#id_token=${idToken}&access_token=${accessToken}&token_type=Bearer&expires_in=3600`);
  await expect(page.getByTestId('token-input')).toHaveValue(idToken);
  await page.getByTestId('link-token-access_token').click();
  await expect(page.getByTestId('token-input')).toHaveValue(accessToken);
  await expectEditorText(page, 'payload-editor', 'Access token');
  await page.getByTestId('link-token-id_token').click();
  await expectEditorText(page, 'payload-editor', 'ID token');
  await expect(page.getByTestId('notice')).toHaveCount(0);
});

test('&publicKey= preloads a public key and verifies', async ({ page }) => {
  const ec = ecKeyPair();
  const token = es256(defaultPayload(), ec);
  await page.goto(`/#token=${token}&publicKey=${encodeURIComponent(ec.publicPem)}`);
  await expect(page.getByTestId('key-input')).toHaveValue(ec.publicPem);
  await expectSignature(page, 'verified');
});

test('a link carrying the token and its key says the key came from the link', async ({ page }) => {
  const guard = guardPage(page);
  const stranger = ecKeyPair();
  const token = es256(defaultPayload({ sub: 'admin' }), stranger);
  await page.goto(`/#token=${token}&publicKey=${encodeURIComponent(stranger.publicPem)}`);
  await expectSignature(page, 'verified');
  const status = page.getByTestId('signature-status');
  await expect(status).toHaveAttribute('data-key-source', 'link');
  await expect(status.locator('p').first()).toHaveText(/Verified only with the key the link brought/);
  await expect(page.getByTestId('signature-key-from-link')).toContainText(
    'Whoever made the link chose both the token and this key',
  );
  // The user's own key replaces the link's: the verdict no longer speaks of the link.
  await page.getByTestId('key-input').fill(ecKeyPair().publicPem);
  await expectSignature(page, 'invalid');
  await expect(status).toHaveAttribute('data-key-source', 'input');
  await expect(page.getByTestId('signature-key-from-link')).toHaveCount(0);
  guard.check();
});

test('&publicKey= holding a JWKS with a private or a symmetric key is refused like a private PEM', async ({ page }) => {
  const ec = ecKeyPair();
  const token = es256(defaultPayload(), ec);
  const withPrivate = {
    keys: [publicJwk(ec), ec.privateKey.export({ format: 'jwk' }) as Record<string, unknown>],
  };
  await page.goto(`/#token=${token}&publicKey=${encodeURIComponent(JSON.stringify(withPrivate))}`);
  await expect(page.getByTestId('notice')).toContainText(/publicKey was refused: it is a JWKS whose key 1/);
  await expect(page.getByTestId('key-input')).toHaveValue('');
  await expect.poll(() => page.url()).not.toContain('publicKey');
  const withSecret = { keys: [publicJwk(ec), { kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ' }] };
  await page.goto(`/#token=${token}&publicKey=${encodeURIComponent(JSON.stringify(withSecret))}`);
  await expect(page.getByTestId('notice').last()).toContainText(/key 1 is private or symmetric/);
  await expect(page.getByTestId('key-input')).toHaveValue('');
});

test('&publicKey= holding a private key or a secret is refused with a notice', async ({ page }) => {
  const ec = ecKeyPair();
  const token = es256(defaultPayload(), ec);
  await page.goto(`/#token=${token}&publicKey=${encodeURIComponent(ec.privatePem)}`);
  await expect(page.getByTestId('notice')).toContainText(/refused/);
  await expect(page.getByTestId('key-input')).toHaveValue('');
  await page.goto(`/#token=${token}&publicKey=hunter2`);
  await expect(page.getByTestId('notice').last()).toContainText(/refused/);
  await expect(page.getByTestId('key-input')).toHaveValue('');
});

test('unknown and broken parameters give a notice, never a crash', async ({ page }) => {
  const guard = guardPage(page);
  await page.goto('/#token=%E0%A4%A&frobnicate=1&mode=sideways');
  await expect(page.getByTestId('notice')).toHaveCount(3);
  await expect(page.getByTestId('notice').first()).toBeVisible();
  guard.check();
});

test('#mode=encode opens the Encode view', async ({ page }) => {
  await page.goto('/#mode=encode');
  await expect(page.getByTestId('mode-encode')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('alg-select')).toBeVisible();
});

test('Copy link puts the token in the fragment and the key only when asked', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const token = hs256(defaultPayload(), 'a secret that must stay out of links');
  await page.goto(`/#token=${token}`);
  await page.getByTestId('key-input').fill('a secret that must stay out of links');
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link')).toContainText('Copied');
  let link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain(`#token=${token}`);
  expect(link).not.toContain('secret');
  await page.getByTestId('copy-link-include-key').check();
  await page.getByTestId('copy-link').click();
  link = await page.evaluate(() => navigator.clipboard.readText());
  expect(decodeURIComponent(link)).toContain('a secret that must stay out of links');
  expect(page.url()).not.toContain('secret');
});

test('the code that reads keys is not in the first load: a linked public key is checked once it arrives', async ({
  page,
  request,
}) => {
  const ec = ecKeyPair();
  const token = es256(defaultPayload({ name: 'Checked later' }), ec);
  // Each script's body is read as its response comes in, and awaited only once the page is verified: reading it
  // inside the handler let the check below run before the key engine's body had been read.
  const bodies: Promise<string>[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.js')) bodies.push(response.text().catch(() => ''));
  });
  await page.goto(`/#token=${token}&publicKey=${encodeURIComponent(ec.publicPem)}`);
  await expectEditorText(page, 'payload-editor', 'Checked later');
  await expectSignature(page, 'verified');
  // The key engine's words for a JWKS that would leak a private key (src/core/key-exposure.ts).
  const marker = 'is private or symmetric';
  const engine = (await Promise.all(bodies)).filter((body) => body.includes(marker));
  expect(engine).toHaveLength(1);
  // It arrives as one file (config/key-engine-chunk.ts): the signature check, key reading and the security review
  // are in the same script as the exposure check.
  for (const words of ['so the signature cannot be checked', 'Encrypted private key (unsupported)', 'CVE-2018-0114'])
    expect(engine[0], words).toContain(words);
  // What the page's HTML loads before anything runs: its entry script and the modules it preloads.
  const html = await (await request.get('/')).text();
  const firstLoad = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((match) => match[1]!);
  expect(firstLoad.length).toBeGreaterThan(1);
  for (const path of firstLoad) expect(await (await request.get(path)).text()).not.toContain(marker);
});
