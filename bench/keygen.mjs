// Key generation: WebCrypto's own cost in the page (what any app pays), and, when the key generator is on
// the page, the app's full path from `keygen-run` click to the new key being detected (`key-kind` text).
/* global window, document, crypto, performance, MutationObserver, setTimeout */
import { newProbedPage } from './browser.mjs';

export const KEYGEN_CASES = [
  { label: 'RSA 2048', app: 'RS256', params: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, hash: 'SHA-256' } },
  {
    label: 'RSA 4096',
    app: 'RS256',
    modulusLength: 4096,
    params: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 4096, hash: 'SHA-256' },
  },
  { label: 'EC P-256', app: 'ES256', params: { name: 'ECDSA', namedCurve: 'P-256' } },
  { label: 'Ed25519', app: 'EdDSA', params: { name: 'Ed25519' } },
];

function generateInPage({ params, runs }) {
  return (async () => {
    const times = [];
    for (let i = 0; i < runs; i += 1) {
      const publicExponent = params.modulusLength ? { publicExponent: new Uint8Array([1, 0, 1]) } : {};
      const t0 = performance.now();
      await crypto.subtle.generateKey({ ...params, ...publicExponent }, true, ['sign', 'verify']);
      times.push(performance.now() - t0);
    }
    return times;
  })();
}

/** Clicks `keygen-run` and resolves when `key-kind` text changes; NaN after 30 s. */
function clickGenerate() {
  return new Promise((resolve) => {
    const kind = () => document.querySelector('[data-testid="key-kind"]')?.textContent ?? '';
    const keyText = () => document.querySelector('[data-testid="key-input"]')?.value ?? '';
    const before = keyText();
    const t0 = performance.now();
    const done = () => keyText() !== before && kind() !== '';
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      resolve(performance.now() - t0);
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    setTimeout(() => {
      observer.disconnect();
      resolve(Number.NaN);
    }, 30_000);
    document.querySelector('[data-testid="keygen-run"]').click();
    window.__benchKeygenClicked = true;
  });
}

export async function measureKeygen(browser, origin, { runs, bigRuns }) {
  const { context, page } = await newProbedPage(browser);
  try {
    await page.goto(`${origin}/#mode=encode`, { waitUntil: 'load' });
    const results = [];
    for (const c of KEYGEN_CASES) {
      const n = c.params.modulusLength === 4096 ? bigRuns : runs;
      const webCrypto = await page.evaluate(generateInPage, { params: c.params, runs: n });
      results.push({ label: c.label, webCrypto, app: await appKeygen(page, c, n) });
    }
    return results;
  } finally {
    await context.close();
  }
}

async function appKeygen(page, c, runs) {
  const select = page.getByTestId('keygen-alg');
  if ((await page.getByTestId('keygen-run').count()) === 0 || (await select.count()) === 0) return undefined;
  const options = await select.locator('option').evaluateAll((list) => list.map((o) => o.value));
  const wanted = c.modulusLength ? options.find((v) => v.includes(String(c.modulusLength))) : undefined;
  const value = wanted ?? (c.modulusLength && c.modulusLength !== 2048 ? undefined : options.find((v) => v === c.app));
  if (!value) return undefined;
  await select.selectOption(value);
  const times = [];
  for (let i = 0; i < runs; i += 1) times.push(await page.evaluate(clickGenerate));
  return times;
}
