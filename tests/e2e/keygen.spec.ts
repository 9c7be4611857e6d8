// Key generator journeys: every algorithm family generates a key in the page, the private
// half becomes the signing key, the Encode view signs with it, and the exported public half verifies
// the token — checked by the core under Node and by the Decode view in the browser.
import { test, expect } from './fixtures';
import type { Page } from './fixtures';
import AxeBuilder from '@axe-core/playwright';
import { decodeToken, verifyToken } from '../../src/core';
import { expectEditorText, guardPage } from './helpers';

type Family = { alg: string; modulus?: string; pemLabel: string; nodeCanVerify: boolean };

// Key generation, signing and two verifications per test; on a loaded CI machine 60 s is tight.
test.describe.configure({ timeout: 120_000 });

const FAMILIES: Family[] = [
  { alg: 'RS256', modulus: '2048', pemLabel: 'PUBLIC KEY', nodeCanVerify: true },
  { alg: 'PS384', modulus: '3072', pemLabel: 'PUBLIC KEY', nodeCanVerify: true },
  { alg: 'ES256', pemLabel: 'PUBLIC KEY', nodeCanVerify: true },
  { alg: 'ES512', pemLabel: 'PUBLIC KEY', nodeCanVerify: true },
  { alg: 'EdDSA', pemLabel: 'PUBLIC KEY', nodeCanVerify: true },
  { alg: 'Ed25519', pemLabel: 'PUBLIC KEY', nodeCanVerify: true },
  // Node 20's WebCrypto has no ML-DSA; Chromium has it in secure contexts (127.0.0.1 is one) from version 156 on.
  { alg: 'ML-DSA-44', pemLabel: 'PUBLIC KEY', nodeCanVerify: false },
  { alg: 'ML-DSA-87', pemLabel: 'PUBLIC KEY', nodeCanVerify: false },
];

/**
 * Whether the browser under test can make keys for `alg`: asked of its own WebCrypto, never assumed from a
 * version (Debian's Chromium 150 has no ML-DSA; 156 has it).
 */
async function browserSupports(page: Page, alg: string): Promise<boolean> {
  const name = alg.startsWith('ML-DSA') ? alg : alg === 'EdDSA' || alg === 'Ed25519' ? 'Ed25519' : undefined;
  if (name === undefined) return true;
  return page.evaluate(
    (algorithm) =>
      crypto.subtle.generateKey({ name: algorithm }, false, ['sign', 'verify']).then(
        () => true,
        () => false,
      ),
    name,
  );
}

async function generate(page: Page, alg: string, modulus?: string): Promise<void> {
  await page.getByTestId('keygen-alg').selectOption(alg);
  if (modulus) await page.getByTestId('keygen-modulus').selectOption(modulus);
  await page.getByTestId('keygen-run').click();
  await expect(page.getByTestId('keygen-status')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
}

/** The Encode view's output once it is a token signed with `alg` (it updates asynchronously). */
async function signedToken(page: Page, alg: string, kid?: string): Promise<string> {
  const output = page.getByTestId('token-output');
  await expect
    .poll(async () => {
      const text = (await output.textContent())?.trim() ?? '';
      try {
        const header = decodeToken(text).header;
        return header.alg === alg && (kid === undefined || header.kid === kid) ? 'signed' : 'other';
      } catch {
        return 'none';
      }
    })
    .toBe('signed');
  return ((await output.textContent()) ?? '').trim();
}

async function verifyInDecodeView(page: Page, token: string, keyText: string): Promise<void> {
  await page.getByTestId('mode-decode').click();
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('key-input').fill(keyText);
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
}

test.describe('key generator', () => {
  for (const family of FAMILIES) {
    test(`generates ${family.alg}${family.modulus ? ` (RSA ${family.modulus})` : ''}, signs with it, and its public key verifies`, async ({
      page,
    }) => {
      await page.goto('/#mode=encode');
      if (!(await browserSupports(page, family.alg))) {
        // This browser lacks the algorithm: the generator says so plainly and makes nothing.
        const option = page.getByTestId('keygen-alg').locator(`option[value="${family.alg}"]`);
        await expect(option).toHaveText(`${family.alg} (not supported by this browser)`);
        await page.getByTestId('keygen-alg').selectOption(family.alg);
        await expect(page.getByTestId('keygen-unsupported')).toContainText(
          `${family.alg} is not supported by this browser`,
        );
        await expect(page.getByTestId('keygen-run')).toBeDisabled();
        await expect(page.getByTestId('key-input')).toHaveValue('');
        return;
      }
      await generate(page, family.alg, family.modulus);

      const keyText = await page.getByTestId('key-input').inputValue();
      expect(keyText).toContain('-----BEGIN PRIVATE KEY-----');
      const kid = (await page.getByTestId('keygen-kid').textContent())?.trim() ?? '';
      expect(kid).toMatch(/^[A-Za-z0-9_-]{43,}$/);
      await expect(page.getByTestId('alg-select')).toHaveValue(family.alg);

      const token = await signedToken(page, family.alg, kid);
      const pem = (await page.getByTestId('public-pem').textContent()) ?? '';
      const jwk = (await page.getByTestId('public-jwk').textContent()) ?? '';
      const jwks = (await page.getByTestId('public-jwks').textContent()) ?? '';
      expect(pem).toContain(`-----BEGIN ${family.pemLabel}-----`);
      expect(JSON.parse(jwk)).toMatchObject({ kid });
      expect(JSON.parse(jwk)).not.toHaveProperty('d');
      expect(JSON.parse(jwks).keys[0]).toMatchObject({ kid });

      if (family.nodeCanVerify) {
        for (const text of [pem, jwk, jwks]) {
          const result = await verifyToken(token, { text });
          expect(result.signature, result.message).toBe('verified');
        }
        const tampered = `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
        expect((await verifyToken(tampered, { text: jwk })).signature).not.toBe('verified');
      }
      await verifyInDecodeView(page, token, pem);
      await page.getByTestId('key-input').fill(jwks);
      await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
    });
  }

  test('generates an HS256 secret that works as the text it is: pasted with the token into a fresh page, it verifies', async ({
    page,
    browser,
  }) => {
    await page.goto('/#mode=encode');
    await generate(page, 'HS256');
    const secret = await page.getByTestId('key-input').inputValue();
    expect(secret).toMatch(/^[A-Za-z0-9]{43}$/);
    await expect(page.getByTestId('public-pem')).toHaveCount(0);
    const token = await signedToken(page, 'HS256');
    // As a server or jwt.sign(payload, "that text") reads it: the UTF-8 bytes of the text.
    const result = await verifyToken(token, { text: secret, secretEncoding: 'utf8' });
    expect(result.signature, result.message).toBe('verified');
    // A fresh Decode page, nothing chosen: paste the token and the secret, and it verifies with no extra click.
    const fresh = await (await browser.newContext()).newPage();
    await fresh.goto('/');
    await fresh.getByTestId('token-input').fill(token);
    await fresh.getByTestId('key-input').fill(secret);
    await expect(fresh.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
    await expect(fresh.getByTestId('secret-encoding')).toHaveValue('utf8');
    await fresh.context().close();
  });

  test('generates RSA 4096 with visible progress and stays responsive', async ({ page }) => {
    await page.goto('/#mode=encode');
    await page.getByTestId('keygen-alg').selectOption('RS512');
    await page.getByTestId('keygen-modulus').selectOption('4096');
    await page.getByTestId('keygen-run').click();
    const status = page.getByTestId('keygen-status');
    await expect(page.getByTestId('keygen-run')).toBeDisabled();
    // The page still reacts while WebCrypto works: the theme/alg controls respond.
    await page.getByTestId('keygen-alg').focus();
    await expect(status).toHaveAttribute('data-state', 'done', { timeout: 45_000 });
    const jwk = JSON.parse((await page.getByTestId('public-jwk').textContent()) ?? '{}') as { n: string };
    // 4096-bit modulus: 512 bytes, 683 base64url characters.
    expect(jwk.n).toHaveLength(683);
  });

  test('copies and downloads the public key in each format', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/#mode=encode');
    await generate(page, 'ES256');
    for (const kind of ['pem', 'jwk', 'jwks'] as const) {
      const text = (await page.getByTestId(`public-${kind}`).textContent()) ?? '';
      await page.getByTestId(`copy-public-${kind}`).click();
      // The clipboard, not the 2-second "Copied" label, which a busy machine can miss.
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(text);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(`download-public-${kind}`).click(),
      ]);
      const expectedName = {
        pem: 'jwt-workbench-es256-public.pem',
        jwk: 'jwt-workbench-es256-public.jwk.json',
        jwks: 'jwt-workbench-es256-jwks.json',
      }[kind];
      expect(download.suggestedFilename()).toBe(expectedName);
      const path = await download.path();
      const { readFile } = await import('node:fs/promises');
      expect(await readFile(path, 'utf8')).toBe(text);
    }
  });

  test('generating a key sends no request anywhere and throws nothing', async ({ page }) => {
    const guard = guardPage(page);
    await page.goto('/#mode=encode');
    await generate(page, 'ES384');
    await generate(page, 'HS512');
    guard.check();
  });

  test("a generated key's PEM lines stay whole (no wrapping); the kid button stays an action and says what it did", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/#mode=encode');
    await generate(page, 'RS256', '2048');
    const box = page.getByTestId('key-input');
    const layout = await box.evaluate((el) => ({
      whiteSpace: getComputedStyle(el).whiteSpace,
      wrap: el.getAttribute('wrap'),
      // A 64-character PEM line wider than the box scrolls instead of breaking onto a second line.
      lineHeight: parseFloat(getComputedStyle(el).lineHeight),
      rows: Math.round(
        (el.scrollHeight - parseFloat(getComputedStyle(el).paddingTop) * 2) /
          parseFloat(getComputedStyle(el).lineHeight),
      ),
      lines: (el as HTMLTextAreaElement).value.trimEnd().split('\n').length,
    }));
    expect(layout.whiteSpace).toBe('pre');
    expect(layout.wrap).toBe('off');
    // A trailing newline shows as one empty row; a wrapped 64-character line would add many more.
    expect(layout.rows).toBeGreaterThanOrEqual(layout.lines);
    expect(layout.rows).toBeLessThanOrEqual(layout.lines + 1);
    const setKid = page.getByTestId('keygen-set-kid');
    await expect(setKid).toHaveText('Put this kid in the header');
    await setKid.click();
    await expect(setKid).toHaveText('Put this kid in the header');
    await expect(page.getByTestId('keygen-kid-status')).toContainText('The header names this key');
    await expectEditorText(page, 'header-editor', (await page.getByTestId('keygen-kid').textContent())?.trim() ?? '');
  });

  test('the generator follows the Encode view algorithm until one is picked in it', async ({ page }) => {
    await page.goto('/#mode=encode');
    await page.getByTestId('alg-select').selectOption('PS256');
    await expect(page.getByTestId('keygen-alg')).toHaveValue('PS256');
    await expect(page.getByTestId('keygen-modulus')).toBeVisible();
    await page.getByTestId('keygen-alg').selectOption('ES384');
    await page.getByTestId('alg-select').selectOption('HS256');
    await expect(page.getByTestId('keygen-alg')).toHaveValue('ES384');
  });

  test('an algorithm the browser lacks is marked "not supported by this browser"', async ({ page }) => {
    // Simulate a browser without ML-DSA in WebCrypto (Firefox and Safari today).
    await page.addInitScript(() => {
      const subtle = crypto.subtle;
      const original = subtle.generateKey.bind(subtle);
      subtle.generateKey = ((algorithm: AlgorithmIdentifier, extractable: boolean, usages: KeyUsage[]) => {
        const name = typeof algorithm === 'string' ? algorithm : algorithm.name;
        if (name.startsWith('ML-DSA'))
          return Promise.reject(new DOMException('Unrecognized name', 'NotSupportedError'));
        return original(algorithm as AlgorithmIdentifier, extractable, usages);
      }) as SubtleCrypto['generateKey'];
    });
    await page.goto('/#mode=encode');
    const option = page.getByTestId('keygen-alg').locator('option[value="ML-DSA-65"]');
    await expect(option).toHaveText('ML-DSA-65 (not supported by this browser)');
    await page.getByTestId('keygen-alg').selectOption('ML-DSA-65');
    await expect(page.getByTestId('keygen-unsupported')).toContainText('ML-DSA-65 is not supported by this browser');
    await expect(page.getByTestId('keygen-run')).toBeDisabled();
    await page.getByTestId('keygen-alg').selectOption('ES256');
    await expect(page.getByTestId('keygen-run')).toBeEnabled();
  });

  test('the key generator has no accessibility violations', async ({ page }) => {
    await page.goto('/#mode=encode');
    await generate(page, 'ES256');
    const results = await new AxeBuilder({ page }).include('[data-testid="keygen-panel"]').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
