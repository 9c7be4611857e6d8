// Load figures: what the page downloads before the first verified token is on screen, how long that takes
// from navigation start, and what Monaco adds afterwards. Each run uses a fresh browser context (empty
// HTTP cache, no service worker), i.e. a first visit; the server is warmed by a discarded run first.
/* global window, performance, URL */
import { newProbedPage, waitForProbe } from './browser.mjs';
import { gzipSizeOf, resourceKind } from './server.mjs';

/** `/#token=<RS256 JWT>&publicKey=<SPKI PEM>`: verification needs no typing (CONTRACT §1). */
export function loadUrl(origin, token, publicPem) {
  return `${origin}/#token=${token}&publicKey=${encodeURIComponent(publicPem)}`;
}

async function oneLoad(browser, url, distDir) {
  const { context, page } = await newProbedPage(browser);
  // Dedicated workers (Monaco's) do not show in the page's Resource Timing; the context sees them.
  const requested = [];
  context.on('request', (request) => requested.push(new URL(request.url()).pathname));
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const verifiedAt = await waitForProbe(page, 'verifiedAt', 15_000);
    const monacoAt = await waitForProbe(page, 'monacoAt', 20_000);
    // Let late chunks (workers, fonts) finish so "after" is complete.
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
    const probe = await page.evaluate(() => ({
      verifiedFrameAt: window.__bench.verifiedFrameAt,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      resources: performance
        .getEntriesByType('resource')
        .map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd })),
    }));
    const before = { js: 0, css: 0, files: [] };
    const after = { js: 0, css: 0, files: [] };
    const seen = new Set();
    const origin = new URL(url).origin;
    for (const r of probe.resources) {
      const u = new URL(r.url);
      if (u.origin !== origin) continue;
      const path = u.pathname;
      const kind = resourceKind(path);
      if (kind !== 'js' && kind !== 'css') continue;
      seen.add(path);
      const size = await gzipSizeOf(distDir, path);
      if (!size) continue;
      const bucket = verifiedAt !== undefined && r.start < verifiedAt ? before : after;
      bucket[kind] += size.gzip;
      bucket.files.push({ path, gzip: size.gzip });
    }
    for (const path of requested) {
      const kind = resourceKind(path);
      if ((kind !== 'js' && kind !== 'css') || seen.has(path)) continue;
      seen.add(path);
      const size = await gzipSizeOf(distDir, path);
      if (!size) continue;
      after[kind] += size.gzip;
      after.files.push({ path, gzip: size.gzip, worker: true });
    }
    return { verifiedAt, verifiedFrameAt: probe.verifiedFrameAt, monacoAt, fcp: probe.fcp, before, after };
  } finally {
    await context.close();
  }
}

export async function measureLoad(browser, { origin, distDir, token, publicPem, runs }) {
  const url = loadUrl(origin, token, publicPem);
  await oneLoad(browser, url, distDir); // warm the server and the OS file cache; not reported
  const results = [];
  for (let i = 0; i < runs; i += 1) results.push(await oneLoad(browser, url, distDir));
  return results;
}
