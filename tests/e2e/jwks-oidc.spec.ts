// OpenID Connect extras (issue 4): at_hash / c_hash of an ID token checked against the access token
// or code that came with it, and aud/azp/nonce against what the user types.
import { test, expect } from './fixtures';
import { computeTokenHash } from '../../src/core/oidc';
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

test('at_hash matches the access token from #id_token=…&access_token=…', async ({ page }) => {
  const accessToken = await server.sign({ scope: 'openid profile' }, { kid: EC_KID });
  await page.goto(`/#id_token=${await idTokenFor(accessToken)}&access_token=${accessToken}`);
  const atHash = page.getByTestId('oidc-at-hash');
  await expect(atHash).toHaveAttribute('data-state', 'match');
  await expect(atHash).toContainText('at_hash matches the access token');
});

test('at_hash of another access token is a mismatch', async ({ page }) => {
  const accessToken = await server.sign({ scope: 'openid' }, { kid: EC_KID });
  const otherAccessToken = await server.sign({ scope: 'admin' }, { kid: EC_KID });
  await page.goto(`/#id_token=${await idTokenFor(accessToken)}&access_token=${otherAccessToken}`);
  await expect(page.getByTestId('oidc-at-hash')).toHaveAttribute('data-state', 'mismatch');
  await expect(page.getByTestId('oidc-at-hash')).toContainText('does not match');
});

test('c_hash is checked against a pasted authorization code', async ({ page }) => {
  const code = 'SplxlOBeZQQYbYS6WxSbIA';
  const idToken = await server.sign({
    iss: server.origin,
    aud: 'client-1',
    c_hash: await computeTokenHash(code, 'RS256'),
  });
  await page.goto(`/#token=${idToken}`);
  await expect(page.getByTestId('oidc-c-hash')).toHaveAttribute('data-state', 'no-value');
  await page.getByTestId('oidc-code').fill(code);
  await expect(page.getByTestId('oidc-c-hash')).toHaveAttribute('data-state', 'match');
  await page.getByTestId('oidc-code').fill(`${code}x`);
  await expect(page.getByTestId('oidc-c-hash')).toHaveAttribute('data-state', 'mismatch');
});

test('aud/azp and nonce are compared with the values typed in', async ({ page }) => {
  const accessToken = await server.sign({ scope: 'openid' }, { kid: EC_KID });
  const idToken = await idTokenFor(accessToken, { aud: ['client-1', 'api'], azp: 'client-1' });
  await page.goto(`/#id_token=${idToken}&access_token=${accessToken}`);
  await expect(page.getByTestId('oidc-aud')).toHaveAttribute('data-state', 'unchecked');
  await page.getByTestId('oidc-client-id').fill('client-1');
  await expect(page.getByTestId('oidc-aud')).toHaveAttribute('data-state', 'match');
  await page.getByTestId('oidc-client-id').fill('client-2');
  await expect(page.getByTestId('oidc-aud')).toHaveAttribute('data-state', 'mismatch');
  await expect(page.getByTestId('oidc-aud')).toContainText('another client');
  await page.getByTestId('oidc-nonce').fill('n-0S6_WzA2Mj');
  await expect(page.getByTestId('oidc-nonce-verdict')).toHaveAttribute('data-state', 'match');
  await page.getByTestId('oidc-nonce').fill('replayed');
  await expect(page.getByTestId('oidc-nonce-verdict')).toHaveAttribute('data-state', 'mismatch');
});

test('several audiences without azp, and a missing nonce, are flagged', async ({ page }) => {
  const idToken = await server.sign({ iss: server.origin, aud: ['client-1', 'api'] });
  await page.goto(`/#id_token=${idToken}`);
  await page.getByTestId('oidc-client-id').fill('client-1');
  await expect(page.getByTestId('oidc-aud')).toHaveAttribute('data-state', 'mismatch');
  await expect(page.getByTestId('oidc-aud')).toContainText('2 audiences but no azp');
  await page.getByTestId('oidc-nonce').fill('n-1');
  await expect(page.getByTestId('oidc-nonce-verdict')).toHaveAttribute('data-state', 'missing');
});
