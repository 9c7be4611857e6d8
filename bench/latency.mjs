// Keystroke → verdict latency, measured inside the page with performance.now(): the bench sets the
// `token-input` value with the native setter (what a paste or keystroke does), dispatches `input`, and a
// MutationObserver resolves when `signature-status` shows the verdict *expected for that edit*. Edits
// alternate valid / tampered tokens, so the verdict flips on every edit and a stale one cannot match.
/* global window, document, navigator, performance, HTMLTextAreaElement, MutationObserver, Event, setTimeout, clearTimeout, Buffer */
import { waitForProbe, newProbedPage } from './browser.mjs';

/** Runs in the page: applies each edit, returns per-edit latencies (ms; NaN = timed out / wrong verdict). */
export function runTokenEdits({ edits, gapMs, timeoutMs }) {
  const input = document.querySelector('[data-testid="token-input"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
  const stateNow = () => document.querySelector('[data-testid="signature-status"]')?.getAttribute('data-state');
  const longTasksFrom = (t0) => window.__bench.longTasks.filter((t) => t.start + t.duration >= t0);
  const applyEdit = (edit) =>
    new Promise((resolve) => {
      // The previous verdict must differ from this edit's, or an unrelated mutation could "confirm" it.
      const comparable = stateNow() !== edit.expected;
      let t0 = 0;
      const observer = new MutationObserver(() => {
        if (stateNow() !== edit.expected) return;
        const t1 = performance.now();
        observer.disconnect();
        clearTimeout(timer);
        resolve({ ms: t1 - t0, t0, comparable });
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        resolve({ ms: Number.NaN, t0, comparable, state: stateNow() });
      }, timeoutMs);
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      t0 = performance.now();
      setValue.call(input, edit.token);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  return (async () => {
    const results = [];
    for (const edit of edits) {
      const r = await applyEdit(edit);
      await new Promise((resolve) => setTimeout(resolve, gapMs));
      const longest = Math.max(0, ...longTasksFrom(r.t0).map((t) => t.duration));
      results.push({ ms: r.ms, comparable: r.comparable, state: r.state, longestTask: longest });
    }
    return results;
  })();
}

// A small token (its signature is not checked: no key yet) that makes the Decode view show its editors.
const WARM_UP_TOKEN = [{ alg: 'HS256', typ: 'JWT' }, { sub: 'warm-up' }]
  .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
  .concat('c2lnbmF0dXJl')
  .join('.');

/**
 * Opens the Decode view, waits for Monaco (typing happens on a settled page), and enters the key. An empty
 * Decode view has no editor to wait for: `primeToken` is loaded first, so that the header and payload
 * editors exist and Monaco has loaded and laid them out before the first timed edit.
 */
export async function openDecodeWithKey(browser, origin, keyText, primeToken = WARM_UP_TOKEN) {
  const { context, page } = await newProbedPage(browser);
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  await page.getByTestId('token-input').waitFor({ timeout: 15_000 });
  await page.getByTestId('token-input').fill(primeToken);
  // Monaco loads when an editor is wanted: point at one, so the edits pay for updating Monaco too.
  await page.getByTestId('payload-editor').hover({ timeout: 15_000 });
  const monacoAt = await waitForProbe(page, 'monacoAt', 20_000);
  await page.getByTestId('key-input').fill(keyText);
  return { context, page, monacoReady: monacoAt !== undefined };
}

/**
 * `sequences.length` runs for one family in one settled page (opening a page and waiting for Monaco costs
 * more than the 200 edits); the first edit of each run only primes the view and is not counted.
 */
export async function measureTokenEdits(
  browser,
  origin,
  keyText,
  sequences,
  { gapMs = 10, timeoutMs = 5_000, primeToken } = {},
) {
  const { context, page, monacoReady } = await openDecodeWithKey(browser, origin, keyText, primeToken);
  try {
    const runs = [];
    for (const edits of sequences) {
      const results = await page.evaluate(runTokenEdits, { edits, gapMs, timeoutMs });
      const counted = results.slice(1).filter((r) => r.comparable);
      runs.push({
        monacoReady,
        latencies: counted.map((r) => r.ms).filter(Number.isFinite),
        failures: counted.filter((r) => !Number.isFinite(r.ms)).map((r) => r.state ?? 'unknown'),
        longestTask: Math.max(0, ...results.slice(1).map((r) => r.longestTask)),
      });
    }
    return runs;
  } finally {
    await context.close();
  }
}

/**
 * Encode view: a real key press in the payload editor (Monaco, or its plain fallback) → `token-output`
 * holding a token whose payload has the new text. Timed from the keydown event's timestamp to the
 * mutation, both in the page's clock. The payload is `{"sub":"x…"}` and each press appends to `sub`.
 */
export async function measurePayloadEdits(browser, origin, secret, count) {
  const { context, page } = await newProbedPage(browser, { clipboard: true });
  try {
    await page.goto(`${origin}/#mode=encode`, { waitUntil: 'load' });
    await page.getByTestId('token-output').waitFor({ state: 'attached', timeout: 15_000 });
    const monacoReady = (await waitForProbe(page, 'monacoAt', 20_000)) !== undefined;
    await page.getByTestId('alg-select').selectOption('HS256');
    await page.getByTestId('key-input').fill(secret);
    // Monaco's text area when it has loaded, else the plain editor it replaces. Once Monaco shows any editor, wait
    // for the payload's: Monaco hides the plain editor when it takes over, so a click aimed at it between the check
    // and the click once waited 30 s for a textarea that did not come back.
    const lines = page.getByTestId('payload-editor').locator('.monaco-editor .view-lines');
    const firstLines = lines.first();
    if (monacoReady) await firstLines.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
    await ((await lines.count()) > 0 ? lines : page.getByTestId('payload-editor').locator('textarea')).first().click();
    // Pasted, not typed: Monaco auto-closes typed quotes and braces (CONTRACT: Ctrl+A, Ctrl+V replaces).
    await page.evaluate((text) => navigator.clipboard.writeText(text), '{"sub":"x"}');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('ControlOrMeta+v');
    let expected = 'x';
    if (!(await waitForSub(page, expected, 5_000))) {
      return { monacoReady, latencies: [], failures: ['payload-editor did not produce {"sub":"x"}'] };
    }
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const latencies = [];
    const failures = [];
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (let i = 0; i < count; i += 1) {
      const letter = letters[i % letters.length];
      expected += letter;
      await page.evaluate(armPayloadProbe, { expected, timeoutMs: 5_000 });
      await page.keyboard.press(letter);
      const ms = await page.evaluate(() => window.__payloadProbe);
      if (Number.isFinite(ms)) latencies.push(ms);
      else failures.push(`no token with sub=${expected}`);
      await page.waitForTimeout(5);
    }
    return { monacoReady, latencies, failures };
  } finally {
    await context.close();
  }
}

async function waitForSub(page, expected, timeoutMs) {
  try {
    await page.waitForFunction(
      (expected) =>
        window.__bench.subOfToken(document.querySelector('[data-testid="token-output"]')?.textContent) === expected,
      expected,
      { timeout: timeoutMs, polling: 20 },
    );
    return true;
  } catch {
    return false;
  }
}

/** Runs in the page: arms a keydown timestamp and an observer; `window.__payloadProbe` becomes a promise. */
function armPayloadProbe({ expected, timeoutMs }) {
  let keyAt;
  window.addEventListener('keydown', (event) => (keyAt = event.timeStamp), { capture: true, once: true });
  window.__payloadProbe = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (keyAt === undefined) return;
      if (window.__bench.subOfToken(document.querySelector('[data-testid="token-output"]')?.textContent) !== expected)
        return;
      const t1 = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      resolve(t1 - keyAt);
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(Number.NaN);
    }, timeoutMs);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}
