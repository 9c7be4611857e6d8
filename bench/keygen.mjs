// Key generation: WebCrypto's own cost in the page (what any app pays), and, when the key generator is on
// the page, the app's full path from `keygen-run` click to the new key being detected (`key-kind` text).
/* global document, crypto, performance, MutationObserver, setTimeout, clearTimeout */
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

/** Clicks `keygen-run`; resolves when `keygen-status` has gone busy and then `done` (NaN: error / 60 s). */
function clickGenerate() {
  return new Promise((resolve) => {
    const state = () => document.querySelector('[data-testid="keygen-status"]')?.getAttribute('data-state');
    let sawBusy = false;
    let t0 = 0;
    const finish = (value) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(value);
    };
    const observer = new MutationObserver(() => {
      const now = state();
      if (now === 'busy') sawBusy = true;
      else if (sawBusy && now === 'done') finish(performance.now() - t0);
      else if (now === 'error') finish(Number.NaN);
    });
    const timer = setTimeout(() => finish(Number.NaN), 60_000);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    t0 = performance.now();
    document.querySelector('[data-testid="keygen-run"]').click();
  });
}

export async function measureKeygen(browser, origin, { runs, bigRuns }) {
  const { context, page } = await newProbedPage(browser);
  try {
    await page.goto(`${origin}/#mode=encode`, { waitUntil: 'load' });
    // The key generator is a lazy chunk; without it only the WebCrypto figures are reported.
    await page
      .getByTestId('keygen-run')
      .waitFor({ timeout: 15_000 })
      .catch(() => {});
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
  await select.selectOption(c.app);
  if (c.params.modulusLength) await page.getByTestId('keygen-modulus').selectOption(String(c.params.modulusLength));
  const times = [];
  for (let i = 0; i < runs; i += 1) times.push(await page.evaluate(clickGenerate));
  return times;
}
