// Certificate chains in a token's x5c header (and in the keys of a JWKS): listed, judged against the root
// certificates the user pastes, and only a trusted chain's leaf may verify the signature. Chains and tokens come
// from tests/fixtures/x5c/generate.py (python-cryptography, the openssl CLI, PyJWT); the attacker's certificate
// is made here with the openssl CLI and the token signed with node:crypto.
import { test, expect, type Page } from './fixtures';
import { execFileSync } from 'node:child_process';
import { createSign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anchorPem, certificate, fixtureToken, x5cFixtures } from '../fixtures/x5c/x5c-fixtures';
import { APP_ORIGIN } from './csp-guard';
import { b64url, defaultPayload, guardPage, hs256, openToken, signingInput } from './helpers';

// Several WebCrypto steps and a lazily loaded engine per test; on a loaded machine 60 s is tight.
test.describe.configure({ timeout: 120_000 });

const signature = (page: Page) => page.getByTestId('signature-status');
const chainStatus = (page: Page) => page.getByTestId('x5c-status');
const anchors = (page: Page) => page.getByTestId('trust-anchor-input');
const certs = (page: Page) => page.getByTestId('x5c-chain').getByTestId('x5c-cert');

/** Opens a fixture token and waits for the first chain verdict. */
async function openChain(page: Page, id: string): Promise<void> {
  await openToken(page, fixtureToken(id));
  await expect(chainStatus(page)).toHaveAttribute('data-state', /^(trusted|untrusted|invalid)$/);
}

/** The assets the page itself loaded (script requests and resource timing), by file name. */
async function loadedAssets(page: Page, requested: string[]): Promise<string[]> {
  const timed = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  return [...requested, ...timed].map((url) => new URL(url).pathname).filter((path) => path.startsWith('/assets/'));
}

const X5C_ASSET = /\/assets\/(x5c|X5cPanel|X5cSignature)-[\w-]+\.js$/;

test.describe('x5c chains judged against pasted trust anchors', () => {
  test('an RS256 chain made by python-cryptography is untrusted, and not verified, until its root is pasted', async ({
    page,
  }) => {
    const guard = guardPage(page);
    await openChain(page, 'rs256-trusted');
    await expect(chainStatus(page)).toHaveAttribute('data-state', 'untrusted');
    await expect(chainStatus(page)).toContainText('No trust anchor is pasted');
    await expect(signature(page)).toHaveAttribute('data-state', 'untrusted');
    await expect(signature(page)).toContainText('would verify the signature, but the chain is not trusted');
    await expect(signature(page)).toContainText('Not verified');

    // The chain, leaf first, with what python-cryptography read from each certificate.
    await expect(certs(page)).toHaveCount(2);
    for (const [index, id] of ['rsa-leaf', 'rsa-intermediate'].entries()) {
      const card = certs(page).nth(index);
      const py = certificate(id).python;
      await expect(card).toContainText(py.subject);
      await expect(card).toContainText(py.issuer);
      await expect(card.locator('[data-fingerprint="sha256"]')).toHaveText(
        py.sha256.toUpperCase().match(/../g)?.join(':') ?? '',
      );
      await expect(card).toContainText('RSA 2048');
    }
    await expect(certs(page).nth(0)).toContainText('Test Leaf RSA');
    await expect(certs(page).nth(0)).toContainText('digital signature');
    await expect(certs(page).nth(0)).toContainText('not a CA');
    await expect(certs(page).nth(1)).toContainText('Test Intermediate RSA');
    await expect(certs(page).nth(1)).toContainText('certificate signing');
    await expect(certs(page).nth(1)).toContainText('intermediate CA');
    await expect(certs(page).nth(0)).toContainText('2020-01-01 00:00 UTC to 2100-01-01 00:00 UTC');

    // Another root is not enough.
    await anchors(page).fill(anchorPem('other-root'));
    await expect(chainStatus(page)).toHaveAttribute('data-state', 'untrusted');
    await expect(page.getByTestId('trust-anchor')).toContainText(['Other Root RSA']);
    await expect(signature(page)).toHaveAttribute('data-state', 'untrusted');

    await anchors(page).fill(`${anchorPem('other-root')}\n${anchorPem('rsa-root')}`);
    await expect(chainStatus(page)).toHaveAttribute('data-state', 'trusted');
    await expect(chainStatus(page)).toContainText('Path: x5c[0] “Test Leaf RSA” → x5c[1] “Test Intermediate RSA” →');
    await expect(signature(page)).toHaveAttribute('data-state', 'verified');
    await expect(signature(page)).toHaveAttribute('data-key-source', 'x5c');
    await expect(signature(page)).toContainText('your trust anchor “Test Root RSA”');

    // Taking the anchor away takes the verdict with it.
    await anchors(page).fill('');
    await expect(signature(page)).toHaveAttribute('data-state', 'untrusted');
    guard.check();
  });

  test('an ES256 chain made by the openssl CLI, and an EdDSA chain where the browser has Ed25519, are trusted with their roots', async ({
    page,
  }) => {
    const guard = guardPage(page);
    await openChain(page, 'es256-trusted');
    await expect(certs(page).nth(0)).toContainText('EC P-256');
    await anchors(page).fill(anchorPem('ec-root'));
    await expect(chainStatus(page)).toHaveAttribute('data-state', 'trusted');
    await expect(signature(page)).toHaveAttribute('data-state', 'verified');

    const ed25519 = await page.evaluate(async () => {
      try {
        await crypto.subtle.importKey('raw', new Uint8Array(32), { name: 'Ed25519' }, false, ['verify']);
        return true;
      } catch {
        return false;
      }
    });
    await page.getByTestId('token-input').fill(fixtureToken('eddsa-trusted'));
    await anchors(page).fill(anchorPem('ed25519-root'));
    if (ed25519) {
      await expect(chainStatus(page)).toHaveAttribute('data-state', 'trusted');
      await expect(signature(page)).toHaveAttribute('data-state', 'verified');
      await expect(certs(page).nth(0)).toContainText('Ed25519');
    } else {
      // Without Ed25519 in WebCrypto the chain cannot be checked: never trusted, never verified.
      await expect(chainStatus(page)).not.toHaveAttribute('data-state', 'trusted');
      await expect(signature(page)).not.toHaveAttribute('data-state', 'verified');
    }
    guard.check();
  });

  test("a token signed with a fresh openssl self-signed certificate is never verified on the token's word", async ({
    page,
  }) => {
    const guard = guardPage(page);
    const dir = mkdtempSync(join(tmpdir(), 'x5c-e2e-'));
    try {
      execFileSync('openssl', [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-subj',
        '/CN=Attacker Self-Signed',
        '-days',
        '2',
        '-addext',
        'keyUsage=digitalSignature',
      ]);
      const der = execFileSync('openssl', ['x509', '-in', join(dir, 'cert.pem'), '-outform', 'DER']);
      const header = { alg: 'RS256', typ: 'JWT', x5c: [der.toString('base64')] };
      const input = signingInput(header, defaultPayload({ admin: true }));
      const sig = createSign('RSA-SHA256')
        .update(input)
        .sign(readFileSync(join(dir, 'key.pem'), 'utf8'));
      await openToken(page, `${input}.${b64url(sig)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await expect(chainStatus(page)).toHaveAttribute('data-state', 'untrusted');
    await expect(signature(page)).toHaveAttribute('data-state', 'untrusted');
    await expect(signature(page)).toContainText('would verify the signature, but the chain is not trusted');
    await expect(certs(page)).toHaveCount(1);
    await expect(certs(page).nth(0)).toContainText('leaf, self-signed');
    // A root the token does not chain to changes nothing.
    await anchors(page).fill(anchorPem('rsa-root'));
    await expect(chainStatus(page)).toHaveAttribute('data-state', 'untrusted');
    await expect(signature(page)).toHaveAttribute('data-state', 'untrusted');
    // The security review keeps its warning, and now says the chain is checked against the pasted anchors.
    const note = page.locator('[data-lint="header-x5c"]');
    await expect(note).toContainText('checked against the trust anchors you pasted');
    guard.check();
  });

  test('the fixture self-signed token is untrusted without anchors, and its lint note asks for a root', async ({
    page,
  }) => {
    const guard = guardPage(page);
    await openChain(page, 'rs256-self-signed');
    await expect(chainStatus(page)).toHaveAttribute('data-state', 'untrusted');
    await expect(signature(page)).toHaveAttribute('data-state', 'untrusted');
    await expect(page.locator('[data-lint="header-x5c"]')).toContainText("never used to verify on the token's word");
    guard.check();
  });

  const INVALID = [
    {
      id: 'rs256-expired-leaf',
      code: 'expired',
      cert: 0,
      words: /x5c\[0\] "Test Leaf RSA \(expired\)" expired on 2025-01-01/,
    },
    { id: 'rs256-tampered-intermediate', code: 'bad-signature', cert: 1, words: /x5c\[1\]/ },
    { id: 'rs256-leaf-cert-sign-only', code: 'leaf-key-usage', cert: 0, words: /x5c\[0\].*digitalSignature/ },
    { id: 'rs256-intermediate-not-ca', code: 'issuer-not-ca', cert: 1, words: /x5c\[1\].*CA:FALSE/ },
  ] as const;

  for (const { id, code, cert, words } of INVALID) {
    test(`${id}: the chain is invalid (${code}), the certificate named, and the signature stays unverified`, async ({
      page,
    }) => {
      const guard = guardPage(page);
      await openToken(page, fixtureToken(id));
      await anchors(page).fill(anchorPem('rsa-root'));
      await expect(chainStatus(page)).toHaveAttribute('data-state', 'invalid');
      await expect(chainStatus(page)).toHaveAttribute('data-code', code);
      await expect(chainStatus(page)).toContainText(words);
      await expect(signature(page)).toHaveAttribute('data-state', 'untrusted');
      await expect(signature(page)).toContainText('the certificate chain is invalid');
      await expect(signature(page)).toHaveAttribute('data-x5c', 'invalid');
      // The certificate the finding is about carries it.
      await expect(certs(page).nth(cert)).toHaveAttribute('data-finding', code);
      if (code === 'expired') {
        await expect(certs(page).nth(cert).locator('[data-valid="false"]')).toContainText('expired 2025-01-01');
      }
      guard.check();
    });
  }

  test('a trusted chain whose leaf did not make the signature: invalid signature, from the leaf', async ({ page }) => {
    const guard = guardPage(page);
    await openToken(page, fixtureToken('rs256-wrong-key'));
    await anchors(page).fill(anchorPem('rsa-root'));
    await expect(chainStatus(page)).toHaveAttribute('data-state', 'trusted');
    await expect(signature(page)).toHaveAttribute('data-state', 'invalid');
    await expect(signature(page)).toContainText('does not match the key of x5c[0]');
    guard.check();
  });

  test('x5t#S256 and x5t are checked against the leaf: a thumbprint of another certificate makes the chain invalid', async ({
    page,
  }) => {
    const guard = guardPage(page);
    await openToken(page, fixtureToken('rs256-wrong-x5t-s256'));
    await anchors(page).fill(anchorPem('rsa-root'));
    await expect(chainStatus(page)).toHaveAttribute('data-state', 'invalid');
    await expect(chainStatus(page)).toHaveAttribute('data-code', 'x5t-s256-mismatch');
    await expect(signature(page)).toHaveAttribute('data-state', 'untrusted');
    await page.getByTestId('token-input').fill(fixtureToken('rs256-wrong-x5t'));
    await expect(chainStatus(page)).toHaveAttribute('data-code', 'x5t-mismatch');
    guard.check();
  });

  test('a key pasted in the key box decides the verdict, and the verdict says so', async ({ page }) => {
    const guard = guardPage(page);
    await openChain(page, 'rs256-self-signed');
    await page.getByTestId('key-input').fill(certificate('rsa-leaf').pem);
    await expect(signature(page)).toHaveAttribute('data-state', 'invalid');
    await expect(signature(page)).toContainText('Decided by the key in the key box');
    await expect(signature(page)).toContainText('which is not trusted');
    await page.getByTestId('key-input').fill(certificate('self-signed-leaf').pem);
    await expect(signature(page)).toHaveAttribute('data-state', 'verified');
    await expect(signature(page)).not.toHaveAttribute('data-key-source', 'x5c');
    await expect(signature(page)).toContainText('Decided by the key in the key box');
    // Emptying the key box hands the verdict back to the (untrusted) chain.
    await page.getByTestId('key-input').fill('');
    await expect(signature(page)).toHaveAttribute('data-state', 'untrusted');
    guard.check();
  });

  test('switching tokens and anchors quickly leaves the verdict of the last input, not a stale one', async ({
    page,
  }) => {
    const guard = guardPage(page);
    await openChain(page, 'rs256-trusted');
    for (let round = 0; round < 3; round++) {
      await anchors(page).fill(anchorPem('rsa-root'));
      await page.getByTestId('token-input').fill(fixtureToken('rs256-self-signed'));
      await page.getByTestId('token-input').fill(fixtureToken('rs256-trusted'));
      await anchors(page).fill('');
      await page.getByTestId('token-input').fill(fixtureToken('rs256-self-signed'));
    }
    await expect(signature(page)).toHaveAttribute('data-state', 'untrusted');
    await expect(chainStatus(page)).toHaveAttribute('data-state', 'untrusted');
    await expect(certs(page)).toHaveCount(1);
    await page.waitForTimeout(500);
    await expect(signature(page)).toHaveAttribute('data-state', 'untrusted');
    await expect(certs(page).nth(0)).toContainText('Self-signed Leaf RSA');
    guard.check();
  });
});

test.describe('x5c in the keys of a JWKS', () => {
  test('a pasted JWKS lists each key with x5c, judged against the anchors', async ({ page }) => {
    const guard = guardPage(page);
    const secret = 'x5c-e2e-secret-that-is-long-enough-for-hs256';
    await openToken(page, hs256(defaultPayload(), secret));
    await page.getByTestId('key-input').fill(JSON.stringify(x5cFixtures.jwks, null, 2));
    const keys = page.getByTestId('x5c-jwk');
    await expect(keys).toHaveCount(3);
    await expect(keys.nth(0)).toHaveAttribute('data-kid', 'rsa-leaf');
    await expect(keys.nth(1)).toHaveAttribute('data-kid', 'ec-leaf');
    await expect(keys.nth(2)).toHaveAttribute('data-kid', 'mismatched');
    await expect(keys.nth(0).getByTestId('x5c-jwk-status')).toHaveAttribute('data-state', 'untrusted');
    // No x5c in the token: no token chain verdict.
    await expect(chainStatus(page)).toHaveCount(0);

    await anchors(page).fill(`${anchorPem('rsa-root')}\n${anchorPem('ec-root')}`);
    await expect(keys.nth(0).getByTestId('x5c-jwk-status')).toHaveAttribute('data-state', 'trusted');
    await expect(keys.nth(1).getByTestId('x5c-jwk-status')).toHaveAttribute('data-state', 'trusted');
    await expect(keys.nth(2).getByTestId('x5c-jwk-status')).toHaveAttribute('data-state', 'invalid');
    await expect(keys.nth(2).getByTestId('x5c-jwk-status')).toContainText('not the key of its x5c[0]');

    await keys.nth(0).getByText('Certificates (2)').click();
    await expect(keys.nth(0).getByTestId('x5c-cert')).toHaveCount(2);
    await expect(keys.nth(0).getByTestId('x5c-cert').nth(0)).toContainText('Test Leaf RSA');
    guard.check();
  });

  test('a fetched JWKS with x5c is listed the same way', async ({ page }) => {
    const body = JSON.stringify(x5cFixtures.jwks);
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // guardPage allows the app's own origin only; this test also talks to the JWKS server it started.
    const errors: string[] = [];
    const origins = new Set<string>();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => {
      if (!/^(data|blob):/.test(request.url())) origins.add(new URL(request.url()).origin);
    });
    try {
      await openToken(page, fixtureToken('rs256-trusted'));
      await page.getByTestId('jwks-url').fill(`${origin}/jwks.json`);
      await page.getByTestId('jwks-fetch').click();
      await expect(page.getByTestId('jwks-status')).toHaveAttribute('data-state', 'loaded');
      const keys = page.getByTestId('x5c-jwk');
      await expect(keys.first()).toHaveAttribute('data-kid', 'rsa-leaf');
      // The fetched key (not the token's chain) decides the signature.
      await expect(signature(page)).toHaveAttribute('data-state', 'verified');
      await expect(signature(page)).toContainText('Decided by the key in the key box');
      expect(errors).toEqual([]);
      expect([...origins].sort()).toEqual([APP_ORIGIN, origin].sort());
    } finally {
      server.close();
    }
  });
});

test.describe('loaded only when needed', () => {
  test('a token without x5c loads no x5c code; pasting one with x5c does', async ({ page }) => {
    const guard = guardPage(page);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const secret = 'x5c-e2e-secret-that-is-long-enough-for-hs256';
    await openToken(page, hs256(defaultPayload(), secret));
    await page.getByTestId('key-input').fill(secret);
    await expect(signature(page)).toHaveAttribute('data-state', 'verified');
    // Past the idle-time prefetches (the Encode view, the JWKS panel, the snippet).
    await page.waitForTimeout(3000);
    const before = await loadedAssets(page, requested);
    expect(
      before.some((path) => path.endsWith('.js')),
      'scripts were seen at all',
    ).toBe(true);
    expect(before.filter((path) => X5C_ASSET.test(path))).toEqual([]);
    await expect(page.getByTestId('x5c-panel')).toHaveCount(0);

    await page.getByTestId('key-input').fill('');
    await page.getByTestId('token-input').fill(fixtureToken('rs256-trusted'));
    await expect(chainStatus(page)).toHaveAttribute('data-state', 'untrusted');
    const after = await loadedAssets(page, requested);
    expect(after.some((path) => /\/assets\/x5c-[\w-]+\.js$/.test(path))).toBe(true);
    guard.check();
  });
});
