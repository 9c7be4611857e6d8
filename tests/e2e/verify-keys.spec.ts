// Verification with every kind of key a user pastes: PEM (SPKI), JWK, JWKS (kid selection), for RSA
// and EC; the detected format is named in key-kind.
import { test, expect } from './fixtures';
import {
  defaultPayload,
  ecKeyPair,
  es256,
  expectSignature,
  guardPage,
  openToken,
  publicJwk,
  rs256,
  rsaKeyPair,
} from './helpers';

const rsa = rsaKeyPair();
const other = rsaKeyPair();
const ec = ecKeyPair();

test('RS256 with a PEM public key', async ({ page }) => {
  const guard = guardPage(page);
  await openToken(page, rs256(defaultPayload(), rsa));
  await page.getByTestId('key-input').fill(rsa.publicPem);
  await expect(page.getByTestId('key-kind')).toContainText(/RSA/);
  await expect(page.getByTestId('key-kind')).toContainText(/2048/);
  await expectSignature(page, 'verified');
  await page.getByTestId('key-input').fill(other.publicPem);
  await expectSignature(page, 'invalid');
  guard.check();
});

test('RS256 with a JWK', async ({ page }) => {
  await openToken(page, rs256(defaultPayload(), rsa));
  await page.getByTestId('key-input').fill(JSON.stringify(publicJwk(rsa)));
  await expect(page.getByTestId('key-kind')).toContainText(/JWK/);
  await expectSignature(page, 'verified');
});

test('RS256 with a JWKS: the key is chosen by kid and named in the verdict', async ({ page }) => {
  const token = rs256(defaultPayload(), rsa, { alg: 'RS256', typ: 'JWT', kid: 'signing-2' });
  await openToken(page, token);
  const jwks = { keys: [publicJwk(other, { kid: 'signing-1' }), publicJwk(rsa, { kid: 'signing-2' })] };
  await page.getByTestId('key-input').fill(JSON.stringify(jwks, null, 2));
  await expect(page.getByTestId('key-kind')).toContainText(/JWKS|key set/i);
  await expectSignature(page, 'verified');
  await expect(page.getByTestId('signature-status')).toContainText('signing-2');
});

test('a JWKS without the token kid says which kids it has', async ({ page }) => {
  const token = rs256(defaultPayload(), rsa, { alg: 'RS256', typ: 'JWT', kid: 'missing' });
  await openToken(page, token);
  await page.getByTestId('key-input').fill(JSON.stringify({ keys: [publicJwk(other, { kid: 'signing-1' })] }));
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', /invalid|error/);
  await expect(page.getByTestId('signature-status')).toContainText('missing');
});

test('ES256 with a PEM public key; an RSA key is a plain-words mismatch', async ({ page }) => {
  await openToken(page, es256(defaultPayload(), ec));
  await page.getByTestId('key-input').fill(ec.publicPem);
  await expect(page.getByTestId('key-kind')).toContainText(/P-256/);
  await expectSignature(page, 'verified');
  await page.getByTestId('key-input').fill(rsa.publicPem);
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', /invalid|error/);
  await expect(page.getByTestId('signature-status')).toContainText(/RSA/);
});

test('a broken key is described in key-kind, not thrown', async ({ page }) => {
  const guard = guardPage(page);
  await openToken(page, rs256(defaultPayload(), rsa));
  await page.getByTestId('key-input').fill(rsa.publicPem.slice(0, 120));
  await expect(page.getByTestId('key-kind')).toHaveAttribute('data-kind', 'error');
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', /error|invalid/);
  guard.check();
});
