// Accessibility: axe reports zero violations in both views, light and dark (with verdicts,
// claims, lint, Monaco and the key panels on screen); prefers-reduced-motion stops transitions and
// animations; prefers-color-scheme picks the theme by default; verdicts carry words and an icon, not
// only a colour; verdicts and errors sit in aria-live regions.
import { test, expect, type Page } from './fixtures';
import AxeBuilder from '@axe-core/playwright';
import { watchPage } from './csp-guard';
import { anchorPem, fixtureToken, x5cFixtures } from '../fixtures/x5c/x5c-fixtures';
import {
  defaultPayload,
  ecKeyPair,
  es256,
  hs256,
  nowSeconds,
  publicJwk,
  rs256,
  rsaKeyPair,
  waitForMonaco,
} from './helpers';
import { AUD, NONCE, ecKey, forgedDisclosure, makeSdJwt } from './sdjwt-tokens';

const SECRET = 'a11y-secret-that-is-long-enough-for-hs256!';

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${violation.nodes
        .slice(0, 4)
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
}

async function showDecode(page: Page): Promise<void> {
  await page.goto(`/#token=${hs256(defaultPayload({ scope: 'read write' }), SECRET)}`);
  await page.getByTestId('key-input').fill(SECRET);
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
  await waitForMonaco(page, 'payload-editor');
}

async function showEncode(page: Page): Promise<void> {
  await showDecode(page);
  await page.getByTestId('mode-encode').click();
  await waitForMonaco(page, 'header-editor');
  await expect(page.getByTestId('token-output')).toHaveText(/^eyJ/);
}

for (const view of ['decode', 'encode'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`axe: zero violations in the ${view} view, ${theme} theme`, async ({ page }) => {
      test.setTimeout(240_000);
      const watch = await watchPage(page);
      await (view === 'decode' ? showDecode(page) : showEncode(page));
      await page.getByTestId(`theme-${theme}`).click();
      if (theme === 'dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/);
      else await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
      expect(await axeViolations(page)).toEqual([]);
      await watch.expectClean();
    });
  }
}

test('axe: zero violations with the token-profile panel and clock controls on screen, both themes', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const watch = await watchPage(page);
  const client = ecKeyPair();
  const { kty, crv, x, y } = publicJwk(client);
  // A DPoP proof whose rules show every state: pass, fail (htm), warn (htu with a query), not checked (ath).
  const proof = es256({ jti: 'a11y-1', htm: 'POST', htu: 'https://rs.example.com/x?q=1', iat: nowSeconds() }, client, {
    typ: 'dpop+jwt',
    alg: 'ES256',
    jwk: { kty, crv, x, y },
  });
  await page.goto(`/#token=${proof}`);
  await page.getByTestId('expect-htm').fill('GET');
  await page.getByTestId('expect-htu').fill('https://rs.example.com/x');
  await page.getByTestId('clock-max-age').fill('x');
  for (const state of ['pass', 'fail', 'warn', 'unchecked']) {
    await expect(page.locator(`[data-testid="profile-check"][data-state="${state}"]`).first()).toBeVisible();
  }
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
  await waitForMonaco(page, 'payload-editor');
  for (const theme of ['light', 'dark'] as const) {
    await page.getByTestId(`theme-${theme}`).click();
    if (theme === 'dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    else await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
    expect(await axeViolations(page), theme).toEqual([]);
  }
  await watch.expectClean();
});
// An SD-JWT's panels: disclosures, VC facts, the Key Binding JWT and its checks, the expected values, the issuer
// metadata button (Decode); the claims to tick, decoys, holder key and presentation (Encode). One disclosure is
// forged, so the error states are on screen too.
async function showSdJwt(page: Page, view: 'decode' | 'encode'): Promise<void> {
  const issuer = ecKey();
  const { presented } = await makeSdJwt(issuer, ecKey());
  const pieces = presented.split('~');
  const withForged = [...pieces.slice(0, -1), forgedDisclosure('family_name', 'Mallory'), pieces.at(-1)].join('~');
  await page.goto('/');
  await page.getByTestId('token-input').fill(withForged);
  await page.getByTestId('key-input').fill(issuer.publicPem);
  await page.getByTestId('expect-aud').fill(AUD);
  await page.getByTestId('expect-nonce').fill(`${NONCE}-other`);
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
  await expect(page.getByTestId('sd-status')).toHaveAttribute('data-state', 'error');
  await expect(page.getByTestId('kb-status')).toHaveAttribute('data-state', 'invalid');
  await waitForMonaco(page, 'payload-editor');
  if (view === 'encode') {
    await page.getByTestId('mode-encode').click();
    await page.getByTestId('keygen-alg').selectOption('ES256');
    await page.getByTestId('keygen-run').click();
    await expect(page.getByTestId('keygen-status')).toHaveAttribute('data-state', 'done');
    await page.getByTestId('sd-example').click();
    await page.getByTestId('sd-holder-generate').click();
    await expect(page.getByTestId('sd-holder-status')).toHaveAttribute('data-state', 'done');
    await page.getByTestId('sd-present-toggle').check();
    await page.getByTestId('sd-kb-toggle').check();
    await expect(page.getByTestId('sd-keep').first()).toBeVisible();
    await waitForMonaco(page, 'payload-editor');
  }
}

for (const view of ['decode', 'encode'] as const) {
  test(`axe: zero violations with an SD-JWT's panels in the ${view} view, light and dark`, async ({ page }) => {
    test.setTimeout(240_000);
    const watch = await watchPage(page);
    await showSdJwt(page, view);
    for (const theme of ['light', 'dark'] as const) {
      await page.getByTestId(`theme-${theme}`).click();
      if (theme === 'dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/);
      else await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
      expect(await axeViolations(page), theme).toEqual([]);
    }
    await watch.expectClean();
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe: zero violations with the Test your server panel open, ${theme} theme`, async ({ page }) => {
    test.setTimeout(240_000);
    const watch = await watchPage(page);
    const key = rsaKeyPair();
    await page.goto(`/#token=${rs256(defaultPayload({ iss: 'https://issuer.example' }), key)}`);
    await page.getByTestId('key-input').fill(key.publicPem);
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
    await page.getByTestId(`theme-${theme}`).click();
    await page.getByTestId('negative-open').click();
    await expect(page.getByTestId('negative-pack')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    // Every state of a case on screen (in the script, left out for want of a key, not applicable), and the
    // disclosures open.
    for (const state of ['ready', 'needs-key', 'n/a']) {
      await expect(page.locator(`[data-testid="negative-case"][data-state="${state}"]`).first()).toBeVisible();
    }
    for (const summary of await page.getByTestId('negative-pack').locator('summary').all()) await summary.click();
    await page.getByTestId('snippet-url').fill('not a url');
    await expect(page.getByTestId('negative-script-error')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('snippet-url').fill('https://api.example.com/orders');
    await expect(page.getByTestId('negative-script-error')).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    await watch.expectClean();
  });
}

test('axe: zero violations with errors on screen (broken token, broken key, expired claims)', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(`/#token=${hs256(defaultPayload({ exp: nowSeconds() - 60 }), SECRET)}`);
  await page.getByTestId('key-input').fill('-----BEGIN PUBLIC KEY-----\nMIIB');
  await expect(page.getByTestId('key-kind')).toHaveAttribute('data-kind', 'error');
  await page.getByTestId('token-input').fill('eyJhbGciOiJIUzI1NiJ9.e30=.x!');
  await expect(page.getByTestId('token-error')).toBeVisible();
  for (const theme of ['light', 'dark'] as const) {
    await page.getByTestId(`theme-${theme}`).click();
    expect(await axeViolations(page), theme).toEqual([]);
  }
});

test('prefers-reduced-motion: no element keeps a transition or an animation', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await showDecode(page);
  // A probe that asks for a transition, as any component or Monaco's CSS might: the app's reduced-motion rule
  // must neutralise it like everything else on the page.
  await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.id = 'motion-probe';
    probe.style.transition = 'opacity 1s linear';
    document.body.append(probe);
  });
  const moving = await page.evaluate(() => {
    const seconds = (list: string) =>
      Math.max(...list.split(',').map((part) => parseFloat(part) * (part.trim().endsWith('ms') ? 0.001 : 1)));
    return Array.from(document.querySelectorAll('*')).flatMap((el) => {
      const style = getComputedStyle(el);
      const transition = seconds(style.transitionDuration);
      const animation = style.animationName === 'none' ? 0 : seconds(style.animationDuration);
      return transition > 0.001 || animation > 0.001
        ? [`${el.tagName}.${el.className}: ${transition}s/${animation}s`]
        : [];
    });
  });
  expect(moving).toEqual([]);
  // Control: without the preference the probe keeps its transition (so the check above can fail).
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const probeDuration = await page.evaluate(
    () => getComputedStyle(document.getElementById('motion-probe')!).transitionDuration,
  );
  expect(probeDuration).toBe('1s');
});

test('prefers-color-scheme decides the theme until the user picks one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await expect(page.getByTestId('theme-system')).toHaveAttribute('aria-pressed', 'true');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
  await page.getByTestId('theme-dark').click();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
});

test('verdicts carry an icon and words, not only colour, and live in aria-live regions', async ({ page }) => {
  const token = hs256(defaultPayload(), SECRET);
  await page.goto(`/#token=${token}`);
  const signature = page.getByTestId('signature-status');
  const titles = new Map<string, string>();
  const record = async (state: string) => {
    await expect(signature).toHaveAttribute('data-state', state);
    const parts = await signature.evaluate((el) => ({
      icon: el.querySelector('[aria-hidden="true"]')?.textContent?.trim() ?? '',
      title: el.querySelector('p')?.textContent?.trim() ?? '',
    }));
    expect(parts.icon, `${state}: icon`).not.toBe('');
    expect(parts.title.length, `${state}: words`).toBeGreaterThan(parts.icon.length + 3);
    titles.set(state, parts.title);
  };
  await record('no-key');
  await page.getByTestId('key-input').fill(SECRET);
  await record('verified');
  await page.getByTestId('key-input').fill(`${SECRET}-wrong`);
  await record('invalid');
  await page.getByTestId('key-input').fill('{"keys":[]}');
  await record('error');
  // Each state reads differently without colour.
  expect(new Set(titles.values()).size).toBe(titles.size);
  expect(await signature.evaluate((el) => Boolean(el.closest('[aria-live]')))).toBe(true);
  expect(await page.getByTestId('claims-status').evaluate((el) => Boolean(el.closest('[aria-live]')))).toBe(true);
  await page.getByTestId('token-input').fill('x.y');
  expect(await page.getByTestId('token-error').evaluate((el) => Boolean(el.closest('[aria-live]')))).toBe(true);
  await page.getByTestId('mode-encode').click();
  await page.getByTestId('key-input').fill('{"keys":[]}');
  await expect(page.getByTestId('sign-error')).toBeVisible();
  expect(await page.getByTestId('sign-error').evaluate((el) => Boolean(el.closest('[aria-live]')))).toBe(true);
});

/**
 * Text contrast of every visible button, measured in the page: the text colour against the first opaque
 * background behind it, both converted to sRGB by a canvas (Tailwind's colours are oklch). axe skips disabled
 * controls and sees only the state the page is in, so hover, focus and disabled are measured here.
 */
async function buttonContrasts(page: Page, selector: string): Promise<{ name: string; ratio: number }[]> {
  return page.locator(selector).evaluateAll((buttons) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    const rgba = (color: string): [number, number, number, number] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = color;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
      return [r ?? 0, g ?? 0, b ?? 0, a ?? 0];
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
    };
    return buttons
      .filter((el) => (el as HTMLElement).offsetParent !== null && (el.textContent ?? '').trim() !== '')
      .map((el) => {
        let bg: Element | null = el;
        let background = rgba('transparent');
        while (bg) {
          background = rgba(getComputedStyle(bg).backgroundColor);
          if (background[3] === 255) break;
          bg = bg.parentElement;
        }
        const text = rgba(getComputedStyle(el).color);
        const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a) as [number, number];
        return {
          name: `${el.getAttribute('data-testid') ?? el.textContent?.trim().slice(0, 30)}${(el as HTMLButtonElement).disabled ? ' (disabled)' : ''}`,
          ratio: Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100,
        };
      });
  });
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  for (const theme of ['light', 'dark'] as const) {
    test(`buttons keep AA contrast at rest, hovered, focused and disabled: ${viewport.width}×${viewport.height}, ${theme}`, async ({
      page,
    }) => {
      test.setTimeout(240_000);
      await page.setViewportSize(viewport);
      // Transitions off, so a hovered button is measured in its hover colours, not half-way there.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      // A browser without ML-DSA (Chromium 150): the generator's primary button is then disabled for it.
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
      await showEncode(page);
      await page.getByTestId(`theme-${theme}`).click();
      const primary = page.getByTestId('keygen-run');
      await primary.scrollIntoViewIfNeeded();
      const low: string[] = [];
      const record = (state: string, rows: { name: string; ratio: number }[]) => {
        for (const row of rows) if (row.ratio < 4.5) low.push(`${state}: ${row.name} ${row.ratio}:1`);
      };
      record('rest', await buttonContrasts(page, 'button'));
      await primary.hover();
      record('hover', await buttonContrasts(page, '[data-testid="keygen-run"]'));
      // axe too, with the pointer on the primary button and then focus in it (it must be in view to be judged).
      expect(await axeViolations(page), 'axe, pointer on the primary button').toEqual([]);
      await primary.focus();
      record('focus', await buttonContrasts(page, '[data-testid="keygen-run"]'));
      expect(await axeViolations(page), 'axe, focus in the primary button').toEqual([]);
      for (const button of await page.locator('button:visible').all()) {
        if (await button.isDisabled()) continue;
        await button.hover();
        record('hover', await buttonContrasts(page, ':is(button):hover'));
      }
      await page.getByTestId('keygen-alg').selectOption('ML-DSA-65');
      await expect(primary).toBeDisabled();
      record('disabled', await buttonContrasts(page, 'button:disabled'));
      // A disabled button under the pointer: the hover colours must not apply to it.
      for (const button of await page.locator('button:visible:disabled').all()) {
        await button.hover();
        const rows = await buttonContrasts(page, 'button:disabled:hover');
        expect(rows, 'the pointer is on a disabled button').toHaveLength(1);
        record('disabled, hovered', rows);
      }
      expect(low).toEqual([]);
    });
  }
}

// The certificate-chain panel: chain verdicts in three tones, certificate cards, trust anchors, a JWKS's chains.
for (const theme of ['light', 'dark'] as const) {
  test(`axe: zero violations with the certificate chain panel, ${theme} theme`, async ({ page }) => {
    test.setTimeout(240_000);
    const watch = await watchPage(page);
    await page.goto(`/#token=${fixtureToken('rs256-self-signed')}`);
    await page.getByTestId(`theme-${theme}`).click();
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'untrusted');
    await expect(page.getByTestId('x5c-status')).toHaveAttribute('data-state', 'untrusted');
    expect(await axeViolations(page), 'untrusted chain').toEqual([]);

    await page.getByTestId('token-input').fill(fixtureToken('rs256-expired-leaf'));
    await page.getByTestId('trust-anchor-input').fill(anchorPem('rsa-root'));
    await expect(page.getByTestId('x5c-status')).toHaveAttribute('data-state', 'invalid');
    expect(await axeViolations(page), 'invalid chain').toEqual([]);

    await page.getByTestId('token-input').fill(fixtureToken('rs256-trusted'));
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
    await page.getByTestId('key-input').fill(JSON.stringify(x5cFixtures.jwks));
    await expect(page.getByTestId('x5c-jwk')).toHaveCount(3);
    await page.getByTestId('x5c-jwk').first().getByText('Certificates (2)').click();
    await expect(page.getByTestId('x5c-jwk').first().getByTestId('x5c-cert')).toHaveCount(2);
    await page.getByTestId('copy-x5c-0-pem').focus();
    expect(await axeViolations(page), 'trusted chain and a JWKS').toEqual([]);
    const status = page.getByTestId('x5c-status');
    expect(await status.evaluate((el) => Boolean(el.closest('[aria-live]')))).toBe(true);
    await watch.expectClean();
  });
}
