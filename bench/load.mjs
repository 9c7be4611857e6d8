// Load figures: what the page downloads before the decoded token is on screen (the first-load budget)
// and before it is also verified, how long each takes from navigation start, and what Monaco adds after.
// Each run uses a fresh browser context (empty HTTP cache, no service worker yet), i.e. a first visit;
// the server is warmed by a discarded run first.
/* global window, navigator, performance, requestIdleCallback, URL */
import { newProbedPage, waitForProbe } from './browser.mjs';
import { gzipSizeOf, resourceKind } from './server.mjs';
import { monacoBuildBytes } from './monaco-size.mjs';

/** `/#token=<RS256 JWT>&publicKey=<SPKI PEM>`: verification needs no typing (CONTRACT §1). */
export function loadUrl(origin, token, publicPem) {
  return `${origin}/#token=${token}&publicKey=${encodeURIComponent(publicPem)}`;
}

/** Every file of the build the page requested after the pointer came onto the editor, by kind (gzip as served). */
async function monacoFiles(distDir, requested) {
  const files = [];
  for (const path of new Set(requested.filter((q) => q.afterPointer && !q.fromServiceWorker).map((q) => q.path))) {
    const size = await gzipSizeOf(distDir, path);
    if (size) files.push({ path, kind: fileKind(path), gzip: size.gzip });
  }
  const sum = (kind) => files.filter((f) => kind === undefined || f.kind === kind).reduce((n, f) => n + f.gzip, 0);
  return { gzip: sum(), js: sum('js'), css: sum('css'), font: sum('font'), files };
}

function fileKind(path) {
  const kind = resourceKind(path);
  return kind === 'other' && /\.(ttf|woff2?)$/.test(path) ? 'font' : kind;
}

function sumUpTo(files, cutoff) {
  const picked = files.filter((f) => cutoff !== undefined && f.start !== undefined && f.start < cutoff);
  const js = picked.filter((f) => f.kind === 'js').reduce((n, f) => n + f.gzip, 0);
  const css = picked.filter((f) => f.kind === 'css').reduce((n, f) => n + f.gzip, 0);
  return { js, css, total: js + css, files: picked.map((f) => ({ path: f.path, gzip: f.gzip })) };
}

export async function oneLoad(browser, { url, marker, distDir }) {
  const { context, page } = await newProbedPage(browser, { marker });
  // Dedicated workers (Monaco's) do not show in the page's Resource Timing, and the service worker's
  // precache fetches are not the page's own: the context's request events see and tell apart both.
  // Everything requested once the pointer is on the editor is what Monaco brings: its chunks, CSS, font and
  // workers, whatever their names.
  const requested = [];
  let pointed = false;
  context.on('request', (request) =>
    requested.push({
      path: new URL(request.url()).pathname,
      fromServiceWorker: Boolean(request.serviceWorker()),
      afterPointer: pointed,
    }),
  );
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const decodedAt = await waitForProbe(page, 'decodedAt', 15_000);
    const verifiedAt = await waitForProbe(page, 'verifiedAt', 15_000);
    // Monaco loads when an editor is wanted (the pointer on it, focus in it, or the Encode view). It is timed
    // from the moment the pointer comes onto the payload editor of the settled page until Monaco shows the
    // payload's text. Settled: loaded, the service worker installed and in control (its precache, Monaco
    // included, otherwise competes with the page for the server), nothing left to fetch, an idle moment.
    await page.waitForLoadState('load', { timeout: 10_000 }).catch(() => {});
    await page
      .waitForFunction(() => navigator.serviceWorker?.controller, undefined, { timeout: 20_000 })
      .catch(() => {});
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1_000 })));
    const box = await page.getByTestId('payload-editor').boundingBox();
    pointed = true;
    const monacoWantedAt = await page.evaluate(() => performance.now());
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const monacoAt = await waitForProbe(page, 'monacoAt', 20_000);
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
    const probe = await page.evaluate(() => ({
      verifiedFrameAt: window.__bench.verifiedFrameAt,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      resources: performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: e.startTime })),
    }));
    const origin = new URL(url).origin;
    const files = [];
    const seen = new Set();
    const add = async (path, start, fromServiceWorker) => {
      const kind = resourceKind(path);
      if ((kind !== 'js' && kind !== 'css') || seen.has(path)) return;
      const size = await gzipSizeOf(distDir, path);
      if (!size) return;
      seen.add(path);
      files.push({ path, kind, start, gzip: size.gzip, fromServiceWorker });
    };
    for (const r of probe.resources) {
      const u = new URL(r.url);
      if (u.origin === origin) await add(u.pathname, r.start, false);
    }
    for (const r of requested.filter((q) => !q.fromServiceWorker)) await add(r.path, undefined, false);
    const precache = requested.filter((q) => q.fromServiceWorker && resourceKind(q.path) !== 'other');
    const pageFiles = files.filter((f) => !f.fromServiceWorker);
    const beforeVerified = new Set(sumUpTo(pageFiles, verifiedAt).files.map((f) => f.path));
    const monaco = await monacoFiles(distDir, requested);
    const monacoPaths = new Set(monaco.files.map((f) => f.path));
    // On a pointer device the page has the browser compile Monaco's chunk ahead, once the key engine is in.
    const monacoBuild = new Set((await monacoBuildBytes(distDir)).files.map((f) => f.path));
    const later = pageFiles.filter((f) => !beforeVerified.has(f.path) && !monacoPaths.has(f.path));
    const ahead = later.filter((f) => monacoBuild.has(f.path));
    const after = later.filter((f) => !monacoBuild.has(f.path));
    return {
      decodedAt,
      verifiedAt,
      verifiedFrameAt: probe.verifiedFrameAt,
      monacoAt,
      monacoWantedAt,
      fcp: probe.fcp,
      firstDecode: sumUpTo(pageFiles, decodedAt),
      firstVerified: sumUpTo(pageFiles, verifiedAt),
      monaco,
      monacoAhead: { gzip: ahead.reduce((n, f) => n + f.gzip, 0), files: ahead.map((f) => f.path) },
      otherAfter: { gzip: after.reduce((n, f) => n + f.gzip, 0), files: after.map((f) => f.path) },
      serviceWorkerPrecacheRequests: precache.length,
    };
  } finally {
    await context.close();
  }
}

export async function measureLoad(browser, { origin, distDir, token, marker, publicPem, runs }) {
  const options = { url: loadUrl(origin, token, publicPem), marker, distDir };
  await oneLoad(browser, options); // warm the server and the OS file cache; not reported
  const results = [];
  for (let i = 0; i < runs; i += 1) results.push(await oneLoad(browser, options));
  return results;
}
