// Chromium (Debian's, as the e2e tests use it) driven by playwright-core, plus the probes the bench installs
// in every page before the app's own scripts run.
/* global window, document, performance, MutationObserver, PerformanceObserver, requestAnimationFrame, TextDecoder */
import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../config/chromium.mjs';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Runs in the page before any app script: records (in performance.now() time, i.e. ms since navigation
 * start) when the decoded payload (recognised by `marker`, a claim value unique to the run) is first in
 * `payload-editor`, when `signature-status` first says `verified` and the animation frame after it, when
 * Monaco first shows the payload's text in `payload-editor` (without a marker: when any Monaco editor has
 * rendered lines), and every long task (> 50 ms) the Long Tasks API reports.
 */
function installProbes({ marker }) {
  const bench = {
    decodedAt: undefined,
    verifiedAt: undefined,
    verifiedFrameAt: undefined,
    monacoAt: undefined,
    longTasks: [],
  };
  window.__bench = bench;
  // The `sub` claim of a compact token's payload, for the Encode-view probe (no eval: the CSP forbids it).
  bench.subOfToken = (token) => {
    const part = (token ?? '').trim().split('.')[1];
    if (!part) return undefined;
    try {
      const binary = window.atob(part.replaceAll('-', '+').replaceAll('_', '/'));
      return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))).sub;
    } catch {
      return undefined;
    }
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const payloadShown = () => {
    const editor = document.querySelector('[data-testid="payload-editor"]');
    if (!editor) return false;
    const plain = editor.querySelector('textarea');
    // A textarea's value is not in the DOM tree; Monaco's rendered lines are.
    return (plain && plain.value.includes(marker)) || (editor.textContent ?? '').includes(marker);
  };
  // With a marker: Monaco has rendered the payload's own text (not only an empty or still-plain editor).
  const monacoShown = () => {
    if (!marker) return document.querySelector('.monaco-editor .view-line') !== null;
    const lines = document.querySelector('[data-testid="payload-editor"] .monaco-editor .view-lines');
    return (lines?.textContent ?? '').includes(marker);
  };
  const check = () => {
    if (bench.decodedAt === undefined && marker && payloadShown()) bench.decodedAt = performance.now();
    if (bench.verifiedAt === undefined) {
      const status = document.querySelector('[data-testid="signature-status"]');
      if (status && status.getAttribute('data-state') === 'verified') {
        bench.verifiedAt = performance.now();
        requestAnimationFrame((frameTime) => {
          bench.verifiedFrameAt = frameTime;
        });
      }
    }
    if (bench.monacoAt === undefined && monacoShown()) {
      bench.monacoAt = performance.now();
      // For traces: the moment on the page's own timeline.
      performance.mark('bench:monaco-shown');
    }
    const done = (!marker || bench.decodedAt !== undefined) && bench.verifiedAt !== undefined;
    if (done && bench.monacoAt !== undefined) observer.disconnect();
    // React sets a textarea's value without a DOM mutation, so also look once per frame until decoded.
    else if (marker && bench.decodedAt === undefined && !framePending) {
      framePending = true;
      requestAnimationFrame(() => {
        framePending = false;
        check();
      });
    }
  };
  let framePending = false;
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** A fresh context (empty HTTP cache, no service worker) with the probes installed. */
export async function newProbedPage(browser, { marker, clipboard } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await context.addInitScript(installProbes, { marker: marker ?? '' });
  const page = await context.newPage();
  return { context, page };
}

/** Waits until `window.__bench[field]` is set; returns it, or undefined after `timeoutMs`. */
export async function waitForProbe(page, field, timeoutMs) {
  try {
    await page.waitForFunction((f) => window.__bench && window.__bench[f] !== undefined, field, {
      timeout: timeoutMs,
      polling: 20,
    });
  } catch {
    return undefined;
  }
  return page.evaluate((f) => window.__bench[f], field);
}

/**
 * In-page cost of `JSON.parse(text)` in ms, the bench's fixed yardstick: repeated until at least 20 ms have
 * passed, so sub-millisecond parses are measured above Chromium's coarsened timer; median of `samples`.
 * (No `new Function` here: the app's CSP forbids eval, and the bench must not weaken it.)
 */
export async function timeJsonParse(page, text, samples = 5) {
  return page.evaluate(
    ({ text, samples }) => {
      const results = [];
      for (let s = 0; s < samples; s += 1) {
        let n = 0;
        const t0 = performance.now();
        let t1 = t0;
        while (t1 - t0 < 20) {
          if (JSON.parse(text) === null) n -= 1;
          n += 1;
          t1 = performance.now();
        }
        results.push((t1 - t0) / n);
      }
      results.sort((a, b) => a - b);
      return results[Math.floor(results.length / 2)];
    },
    { text, samples },
  );
}
