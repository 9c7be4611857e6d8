// OpenID Connect checks of an ID token, in the token-profile panel: at_hash / c_hash against the access token or
// code that came with it, aud/azp and nonce against what the user types, and the issuer and token endpoint a
// fetched OpenID configuration fills in. Tokens are signed by the test's JWKS server (jose in Node).
import { test, expect, type Page } from './fixtures';
import { computeTokenHash } from '../../src/core/oidc';
import { guardPage } from './helpers';
import { EC_KID, startJwksServer } from './jwks-server';
import type { JwksTestServer } from './jwks-server';

let server: JwksTestServer;
test.beforeAll(async () => {
  server = await startJwksServer();
});
test.afterAll(async () => {
  await server.close();
});

async function idTokenFor(accessToken: string, extra: Record<string, unknown> = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return server.sign({
    iss: server.origin,
    sub: 'user-1',
    aud: 'client-1',
    nonce: 'n-0S6_WzA2Mj',
    iat: now,
    exp: now + 600,
    at_hash: await computeTokenHash(accessToken, 'RS256'),
    ...extra,
  });
}

/** The profile-check element of one rule. */
const rule = (page: Page, id: string) => page.locator(`[data-testid="profile-check"][data-check="${id}"]`);

test('at_hash matches the access token from #id_token=…&access_token=…', async ({ page }) => {
  const guard = guardPage(page);
  const accessToken = await server.sign({ scope: 'openid profile' }, { kid: EC_KID });
  await page.goto(`/#id_token=${await idTokenFor(accessToken)}&access_token=${accessToken}`);
  await expect(page.getByTestId('profile-status')).toHaveAttribute('data-profile', 'id_token');
  await expect(page.getByTestId('expect-access-token')).toHaveValue(accessToken);
  await expect(rule(page, 'at_hash')).toHaveAttribute('data-state', 'pass');
  await expect(rule(page, 'at_hash')).toContainText('at_hash matches the access token');
  guard.check();
});

test('at_hash of another access token is a mismatch', async ({ page }) => {
  const guard = guardPage(page);
  const accessToken = await server.sign({ scope: 'openid' }, { kid: EC_KID });
  const otherAccessToken = await server.sign({ scope: 'admin' }, { kid: EC_KID });
  await page.goto(`/#id_token=${await idTokenFor(accessToken)}&access_token=${otherAccessToken}`);
  await expect(rule(page, 'at_hash')).toHaveAttribute('data-state', 'fail');
  await expect(rule(page, 'at_hash')).toContainText('does not match');
  await expect(page.getByTestId('profile-status')).toHaveAttribute('data-state', 'fail');
  await expect(page.getByTestId('profile-status')).toContainText('at_hash');
  guard.check();
});

test('c_hash is checked against a pasted authorization code', async ({ page }) => {
  const guard = guardPage(page);
  const code = 'SplxlOBeZQQYbYS6WxSbIA';
  const idToken = await server.sign({
    iss: server.origin,
    aud: 'client-1',
    c_hash: await computeTokenHash(code, 'RS256'),
  });
  await page.goto(`/#token=${idToken}`);
  // No sub, exp or iat: no clue says ID token, so the user says it is one.
  await expect(page.getByTestId('profile-status')).toHaveAttribute('data-state', 'none');
  await page.getByTestId('profile-select').selectOption('id_token');
  await expect(rule(page, 'c_hash')).toHaveAttribute('data-state', 'unchecked');
  await page.getByTestId('expect-code').fill(code);
  await expect(rule(page, 'c_hash')).toHaveAttribute('data-state', 'pass');
  await page.getByTestId('expect-code').fill(`${code}x`);
  await expect(rule(page, 'c_hash')).toHaveAttribute('data-state', 'fail');
  guard.check();
});

test('aud/azp and nonce are compared with the values typed in', async ({ page }) => {
  const guard = guardPage(page);
  const accessToken = await server.sign({ scope: 'openid' }, { kid: EC_KID });
  const idToken = await idTokenFor(accessToken, { aud: ['client-1', 'api'], azp: 'client-1' });
  await page.goto(`/#id_token=${idToken}&access_token=${accessToken}`);
  await expect(rule(page, 'aud-expected')).toHaveAttribute('data-state', 'unchecked');
  await expect(rule(page, 'azp')).toHaveAttribute('data-state', 'unchecked');
  await page.getByTestId('expect-aud').fill('client-1');
  await expect(rule(page, 'aud-expected')).toHaveAttribute('data-state', 'pass');
  await expect(rule(page, 'azp')).toHaveAttribute('data-state', 'pass');
  await page.getByTestId('expect-aud').fill('client-2');
  await expect(rule(page, 'aud-expected')).toHaveAttribute('data-state', 'fail');
  await expect(rule(page, 'azp')).toHaveAttribute('data-state', 'fail');
  await expect(rule(page, 'azp')).toContainText('issued to another client');
  await expect(rule(page, 'nonce')).toHaveAttribute('data-state', 'unchecked');
  await page.getByTestId('expect-nonce').fill('n-0S6_WzA2Mj');
  await expect(rule(page, 'nonce')).toHaveAttribute('data-state', 'pass');
  await page.getByTestId('expect-nonce').fill('replayed');
  await expect(rule(page, 'nonce')).toHaveAttribute('data-state', 'fail');
  guard.check();
});

test('several audiences without azp, and a missing nonce, are flagged', async ({ page }) => {
  const guard = guardPage(page);
  const idToken = await server.sign({ iss: server.origin, aud: ['client-1', 'api'] });
  await page.goto(`/#id_token=${idToken}`);
  // The link named it id_token: judged as one although it lacks sub, exp and iat.
  await expect(page.getByTestId('profile-recognition')).toContainText('the link gave it as id_token');
  await expect(rule(page, 'azp')).toHaveAttribute('data-state', 'fail');
  await expect(rule(page, 'azp')).toContainText('aud has 2 values but there is no azp');
  await expect(rule(page, 'sub')).toHaveAttribute('data-state', 'fail');
  await page.getByTestId('expect-nonce').fill('n-1');
  await expect(rule(page, 'nonce')).toHaveAttribute('data-state', 'fail');
  await expect(rule(page, 'nonce')).toContainText('nonce is missing');
  guard.check();
});

test('a fetched OpenID configuration fills the expected issuer and token endpoint', async ({ page }) => {
  // Requests may go to the page's own origin and to the server the user typed, nowhere else.
  const origins = new Set<string>();
  const errors: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('data:')) origins.add(new URL(request.url()).origin);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const accessToken = await server.sign({ scope: 'openid' }, { kid: EC_KID });
  await page.goto(`/#id_token=${await idTokenFor(accessToken)}`);
  await expect(rule(page, 'iss-expected')).toHaveAttribute('data-state', 'unchecked');
  await page.getByTestId('jwks-url').fill(server.origin);
  await page.getByTestId('jwks-fetch').click();
  await expect(page.getByTestId('jwks-status')).toHaveAttribute('data-state', 'loaded');
  await expect(page.getByTestId('expect-iss')).toHaveValue(server.origin);
  await expect(rule(page, 'iss-expected')).toHaveAttribute('data-state', 'pass');
  await expect(page.getByTestId('profile-discovery')).toContainText(
    `${server.origin}/.well-known/openid-configuration`,
  );
  // The discovery document's issuer is http, which Discovery §3 forbids: said, not hidden.
  await expect(page.getByTestId('profile-discovery')).toContainText('not an https URL');
  // A client assertion is judged against the token endpoint it named.
  await page.getByTestId('profile-select').selectOption('client_assertion');
  await expect(page.getByTestId('expect-token-endpoint')).toHaveValue(`${server.origin}/token`);
  // What the user typed is kept when the configuration is fetched again.
  await page.getByTestId('expect-token-endpoint').fill('https://typed.example/token');
  await page.getByTestId('jwks-refresh').click();
  await expect(page.getByTestId('jwks-status')).toHaveAttribute('data-state', 'loaded');
  await expect(page.getByTestId('expect-token-endpoint')).toHaveValue('https://typed.example/token');
  const own = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
  expect([...origins].filter((origin) => origin !== own && origin !== server.origin)).toEqual([]);
  expect(errors).toEqual([]);
});
