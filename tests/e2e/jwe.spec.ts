// Encrypted tokens (JWE) in the Decode view: tokens made by jwcrypto (python3-jwcrypto, through
// tests/fixtures/jwe/generate.py) decrypted with the key in the key box, for a representative set of key
// management algorithms; wrong keys, tampering and a hostile p2c answered in words with the token kept; nested
// tokens verified with the inner key box; a JWE link; and the JWE code loaded only when a JWE is pasted.
import type { Page } from './fixtures';
import { test, expect } from './fixtures';
import { decryptionKeyText, jwcrypto, type JwcryptoKey } from '../fixtures/jwe/fixtures';
import { expectEditorText, guardPage, rsaKeyPair, ecKeyPair } from './helpers';

function key(name: string): JwcryptoKey {
  const found = jwcrypto.keys[name];
  if (!found) throw new Error(`no jwcrypto key ${name}`);
  return found;
}

function token(alg: string, enc: string, curve?: string): string {
  const found = jwcrypto.tokens.find((t) => t.alg === alg && t.enc === enc && t.curve === curve);
  if (!found) throw new Error(`no jwcrypto token for ${alg} ${enc} ${curve ?? ''}`);
  return found.token;
}

async function pasteToken(page: Page, text: string): Promise<void> {
  await page.getByTestId('token-input').fill(text);
}

async function pasteKey(page: Page, k: JwcryptoKey): Promise<void> {
  const { text, secretEncoding } = decryptionKeyText(k);
  await page.getByTestId('key-input').fill(text);
  if (secretEncoding) await page.getByTestId('secret-encoding').selectOption(secretEncoding);
}

async function browserHasX25519(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    crypto.subtle.generateKey({ name: 'X25519' }, false, ['deriveBits']).then(
      () => true,
      () => false,
    ),
  );
}

const decryption = (page: Page) => page.getByTestId('decryption-status');

const CASES = [
  { name: 'RSA-OAEP-256 with an RSA private key (PKCS#8 PEM)', alg: 'RSA-OAEP-256', enc: 'A256GCM', key: 'rsa' },
  {
    name: 'ECDH-ES+A256KW with an EC P-256 private key',
    alg: 'ECDH-ES+A256KW',
    enc: 'A128CBC-HS256',
    curve: 'P-256',
    key: 'P-256',
  },
  { name: 'A256KW with a 256-bit shared key read as base64url', alg: 'A256KW', enc: 'A256GCM', key: 'oct-32' },
  { name: 'dir with the A256GCM content key read as base64url', alg: 'dir', enc: 'A256GCM', key: 'oct-32' },
  {
    name: 'PBES2-HS256+A128KW with its password',
    alg: 'PBES2-HS256+A128KW',
    enc: 'A128GCM',
    key: 'password',
  },
] as const;

for (const c of CASES) {
  test(`decrypts a jwcrypto token: ${c.name}`, async ({ page }) => {
    const guard = guardPage(page);
    const jwe = token(c.alg, c.enc, 'curve' in c ? c.curve : undefined);
    await page.goto('/');
    await pasteToken(page, jwe);
    // Before any key: the five parts named, the header explained, and the key box asks for the decryption key.
    await expect(page.getByTestId('jwe-part')).toHaveCount(5);
    await expect(page.getByTestId('jwe-header-row').and(page.locator('[data-name="alg"]'))).toContainText(c.alg);
    await expect(page.getByTestId('jwe-header-row').and(page.locator('[data-name="enc"]'))).toContainText(c.enc);
    await expect(page.getByLabel('Decryption key')).toBeVisible();
    await expect(decryption(page)).toHaveAttribute('data-state', 'no-key');
    await pasteKey(page, key(c.key));
    await expect(decryption(page)).toHaveAttribute('data-state', 'decrypted');
    await expect(decryption(page)).toContainText('Decrypted');
    // JSON plaintext in the payload editor, with its claims and time verdict.
    await expectEditorText(page, 'payload-editor', 'https://jwcrypto.example');
    await expect(page.getByTestId('claims-status')).toHaveAttribute('data-state', 'valid');
    await expect(page.getByTestId('token-input')).toHaveValue(jwe);
    guard.check();
  });
}

test('decrypts an ECDH-ES+A256KW X25519 token from jwcrypto where the browser has X25519, and says why not elsewhere', async ({
  page,
}) => {
  await page.goto('/');
  const supported = await browserHasX25519(page);
  await pasteToken(page, token('ECDH-ES+A256KW', 'A256GCM', 'X25519'));
  await pasteKey(page, key('X25519'));
  if (supported) {
    await expect(decryption(page)).toHaveAttribute('data-state', 'decrypted');
    await expectEditorText(page, 'payload-editor', 'https://jwcrypto.example');
  } else {
    await expect(decryption(page)).toHaveAttribute('data-state', 'error');
    await expect(decryption(page)).toContainText('X25519');
  }
});

test('a wrong key, a public key, a key of the wrong type and a tampered token are told apart, and the token stays', async ({
  page,
}) => {
  const guard = guardPage(page);
  const jwe = token('RSA-OAEP-256', 'A256GCM');
  await page.goto('/');
  await pasteToken(page, jwe);

  await page.getByTestId('key-input').fill(rsaKeyPair().privatePem);
  await expect(decryption(page)).toHaveAttribute('data-state', 'failed');
  await expect(decryption(page)).toContainText('the token was changed or the key is wrong');
  await expect(page.getByTestId('jwe-plaintext-hidden')).toBeVisible();

  await page.getByTestId('key-input').fill(key('rsa').publicSpkiPem ?? '');
  await expect(decryption(page)).toHaveAttribute('data-state', 'error');
  await expect(decryption(page)).toContainText('decryption needs the private key');

  await page.getByTestId('key-input').fill(ecKeyPair().privatePem);
  await expect(decryption(page)).toHaveAttribute('data-state', 'error');
  await expect(decryption(page)).toContainText(/EC .*RSA|RSA.*EC/);

  // One character of the ciphertext changed: the tag no longer matches, whatever the key.
  const parts = jwe.split('.');
  const ciphertext = parts[3] ?? '';
  parts[3] = `${ciphertext[0] === 'A' ? 'B' : 'A'}${ciphertext.slice(1)}`;
  const tampered = parts.join('.');
  await pasteKey(page, key('rsa'));
  await pasteToken(page, tampered);
  await expect(decryption(page)).toHaveAttribute('data-state', 'failed');
  await expect(decryption(page)).toContainText('Authentication tag does not match');
  await expect(page.getByTestId('token-input')).toHaveValue(tampered);
  guard.check();
});

test('a PBES2 token asking for a huge p2c is refused before any work, in words with the count and the cap', async ({
  page,
}) => {
  const jwe = token('PBES2-HS256+A128KW', 'A128GCM');
  const [header, ...rest] = jwe.split('.');
  const parsed = JSON.parse(Buffer.from(header ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  const hostileHeader = Buffer.from(JSON.stringify({ ...parsed, p2c: 2_000_000_000 })).toString('base64url');
  const hostile = [hostileHeader, ...rest].join('.');
  await page.goto('/');
  await pasteKey(page, key('password'));
  const started = Date.now();
  await pasteToken(page, hostile);
  await expect(decryption(page)).toHaveAttribute('data-state', 'error');
  expect(Date.now() - started).toBeLessThan(5_000);
  await expect(decryption(page)).toContainText('2,000,000,000');
  await expect(decryption(page)).toContainText('10,000');
  await expect(page.locator('[data-lint="jwe-p2c-high"]')).toBeVisible();
  await expect(page.getByTestId('jwe-header-row').and(page.locator('[data-name="p2c"]'))).toHaveAttribute(
    'data-problem',
    'true',
  );
  await expect(page.getByTestId('token-input')).toHaveValue(hostile);
});

test('a nested token (cty JWT): decrypted, then its signature checked with the inner key box', async ({ page }) => {
  const guard = guardPage(page);
  const nested = jwcrypto.nested.signed;
  await page.goto('/');
  await pasteToken(page, nested.token);
  // The header already says a signed token is inside; its verdict waits for the decryption.
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'no-key');
  await pasteKey(page, key(nested.key));
  await expect(decryption(page)).toHaveAttribute('data-state', 'decrypted');
  await expect(page.getByTestId('jwe-plaintext')).toHaveAttribute('data-kind', 'jws');
  await expect(page.getByTestId('jwe-plaintext')).toHaveText(nested.inner);
  await expectEditorText(page, 'payload-editor', 'https://jwcrypto.example');
  await expect(page.getByTestId('inner-header-editor')).toBeVisible();
  await expect(page.getByTestId('claims-status')).toHaveAttribute('data-state', 'valid');
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'no-key');

  await page.getByTestId('inner-key-input').fill(jwcrypto.nested.signerPublicPem);
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
  await expect(page.getByTestId('signature-status')).toContainText('Inner signature verified');

  // Another key for the inner token: invalid, and the decryption is untouched.
  await page.getByTestId('inner-key-input').fill(ecKeyPair().publicPem);
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'invalid');
  await expect(decryption(page)).toHaveAttribute('data-state', 'decrypted');
  guard.check();
});

test('a JWE holding an unsigned token (alg none) is flagged by the security review', async ({ page }) => {
  const nested = jwcrypto.nested.unsecured;
  await page.goto('/');
  await pasteToken(page, nested.token);
  await pasteKey(page, key(nested.key));
  await expect(decryption(page)).toHaveAttribute('data-state', 'decrypted');
  await expect(page.locator('[data-lint="jwe-inner-alg-none"]')).toBeVisible();
  await expect(page.getByTestId('signature-status')).toContainText('unsecured');
});

test('a plaintext shaped like a signed token is found without cty', async ({ page }) => {
  const nested = jwcrypto.nested.signedWithoutCty;
  await page.goto('/');
  await pasteToken(page, nested.token);
  await pasteKey(page, key(nested.key));
  await expect(decryption(page)).toHaveAttribute('data-state', 'decrypted');
  await expect(page.getByTestId('jwe-plaintext')).toHaveAttribute('data-kind', 'jws');
  await page.getByTestId('inner-key-input').fill(jwcrypto.nested.signerPublicPem);
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
});

test('a JWE in general JSON serialization opens for the recipient whose key is pasted', async ({ page }) => {
  const general = jwcrypto.json.jweGeneral;
  await page.goto('/');
  await pasteToken(page, JSON.stringify(general.json, null, 2));
  await expect(page.getByTestId('jwe-part').and(page.locator('[data-part^="recipient-"]'))).toHaveCount(2);
  await pasteKey(page, key('oct-32'));
  await expect(decryption(page)).toHaveAttribute('data-state', 'decrypted');
  await expect(decryption(page)).toContainText('recipient 2');
  await expectEditorText(page, 'payload-editor', 'https://jwcrypto.example');
});

test('a #token= link opens a JWE; Copy link carries the token and never the key unless asked', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const jwe = token('A256KW', 'A256GCM');
  await page.goto(`/#token=${jwe}`);
  await expect(page.getByTestId('token-input')).toHaveValue(jwe);
  await expect(decryption(page)).toHaveAttribute('data-state', 'no-key');
  await pasteKey(page, key('oct-32'));
  await expect(decryption(page)).toHaveAttribute('data-state', 'decrypted');
  await page.getByTestId('copy-link').click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain(`#token=${jwe}`);
  expect(link).not.toContain('key=');
  // Opened again, the link brings the JWE back; the key stays behind.
  await page.goto(link);
  await page.reload();
  await expect(page.getByTestId('token-input')).toHaveValue(jwe);
  await expect(page.getByTestId('key-input')).toHaveValue('');
  await expect(decryption(page)).toHaveAttribute('data-state', 'no-key');
  // The Copy token button and the curl snippet use the JWE as it is.
  await page.getByTestId('copy-token').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(jwe);
  await expect(page.getByTestId('curl-snippet')).toContainText(jwe);
});

test('the JWE code is not in the first load: it arrives when a JWE is pasted', async ({ page }) => {
  const scripts = new Map<string, string>();
  page.on('response', async (response) => {
    if (!response.url().endsWith('.js')) return;
    scripts.set(response.url(), await response.text().catch(() => ''));
  });
  const holds = (needle: string) => [...scripts.values()].some((body) => body.includes(needle));
  await page.goto('/');
  await expect(page.getByTestId('token-input')).toBeVisible();
  // Long enough for the first load's idle-time chunks (JWKS panel, snippet, the Encode view prefetch).
  await page.waitForTimeout(4_000);
  expect(scripts.size).toBeGreaterThan(0);
  expect(holds('decryption-status')).toBe(false);
  expect(holds('jws-signature-verdict')).toBe(false);
  await pasteToken(page, token('A256KW', 'A256GCM'));
  await expect(decryption(page)).toBeVisible();
  await expect.poll(() => holds('decryption-status')).toBe(true);
});
