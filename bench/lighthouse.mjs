// Lighthouse (the npm package) against the local build, in Debian's Chromium started by chrome-launcher
// with the bench's flags. The budget applies to its default mobile config (simulated slow 4G, 4× CPU
// slowdown, a 412 px phone screen); the desktop config (fast network, no CPU slowdown, 1350 px) is
// reported beside it, as that is where a JWT debugger is mostly used.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromeLauncherFlags } from '../config/chromium.mjs';
import { CHROMIUM_PATH } from './browser.mjs';

const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
};

export async function measureLighthouse(url, { runs, desktop = false }) {
  // chrome-launcher passes its own --disable-features first; Chromium keeps the last, which repeats it.
  const chromeFlags = chromeLauncherFlags(chromeLauncher.Launcher.defaultFlags());
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags });
  try {
    const out = [];
    for (let i = 0; i < runs; i += 1) {
      const result = await lighthouse(
        url,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
        desktop ? desktopConfig : undefined,
      );
      const { lhr } = result;
      const metrics = Object.fromEntries(
        Object.entries(METRICS).map(([name, id]) => [name, lhr.audits[id]?.numericValue]),
      );
      const failedA11y = Object.values(lhr.audits)
        .filter(
          (a) =>
            a.score !== null &&
            a.score < 1 &&
            lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0),
        )
        .map((a) => a.id);
      out.push({
        performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
        metrics,
        failedA11y,
        runtimeError: lhr.runtimeError?.message,
      });
    }
    return out;
  } finally {
    await chrome.kill();
  }
}
