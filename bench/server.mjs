// Serves the production build on 127.0.0.1 with `vite preview`, so the bench sees exactly the headers
// (config/csp.ts PREVIEW_HEADERS: CSP, nosniff, no-referrer) and routing the end-to-end tests see; hashed files
// come compressed ahead, as from the shipped nginx config.
/* global URL */
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { preview } from 'vite';

/**
 * `vite build` only (no `tsc -b`: type errors are the test suite's business, the bench measures output),
 * into its own directory so a bench never races the e2e tests that rebuild dist/ on a shared machine.
 */
export function buildApp(root, outDir) {
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

const HASHED_TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf' };

/**
 * Serves a hashed file's pre-compressed copy (the build writes `.gz` beside each), as the shipped nginx config
 * does with `gzip_static on`. Without it `vite preview` gzips every response on the fly, in the same Node
 * process that drives the browser: about 10 ms of its one thread per 300 KB script, so the first load's five
 * scripts waited on the server, not on the app.
 */
function precompressedAssets() {
  return {
    name: 'bench-precompressed-assets',
    configurePreviewServer(server) {
      const headers = server.config.preview.headers ?? {};
      const base = server.config.base;
      server.middlewares.use(async (request, response, next) => {
        const path = new URL(request.url ?? '/', 'http://bench').pathname;
        const type = HASHED_TYPES[extname(path)];
        if (!type || !path.startsWith(`${base}assets/`) || !/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
          return next();
        }
        const file = join(server.config.build.outDir, decodeURIComponent(path.slice(base.length))) + '.gz';
        const info = await stat(file).catch(() => undefined);
        if (!info?.isFile()) return next();
        for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
        response.setHeader('Content-Type', type);
        response.setHeader('Content-Encoding', 'gzip');
        response.setHeader('Vary', 'Accept-Encoding');
        // The caching `vite preview` answers with for every file: revalidate, by ETag.
        const etag = `W/"gz-${info.size}-${info.mtimeMs}"`;
        response.setHeader('Cache-Control', 'no-cache');
        response.setHeader('ETag', etag);
        if (request.headers['if-none-match'] === etag) {
          response.statusCode = 304;
          return response.end();
        }
        response.end(request.method === 'HEAD' ? undefined : await readFile(file));
      });
    },
  };
}

export async function startServer(root, outDir) {
  const server = await preview({
    root,
    build: { outDir },
    logLevel: 'error',
    plugins: [precompressedAssets()],
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  const origin = `http://127.0.0.1:${address.port}`;
  return { origin, close: () => server.close() };
}

const gzipCache = new Map();

/**
 * Gzip sizes of a file of the build, by URL path ("/assets/index-abc.js"); undefined when not in dist. `gzip` is what
 * a server sends: the build's own `.gz` copy (made with Zopfli; nginx's gzip_static and this bench's server send it),
 * or zlib's level 9 where the build has none. `gzip9` is zlib's level 9 always, as the bench measured before.
 */
export async function gzipSizeOf(distDir, urlPath) {
  // Keyed by build too: an A/B run measures two builds, and both have an /index.html.
  const key = `${distDir}\0${urlPath}`;
  if (gzipCache.has(key)) return gzipCache.get(key);
  let result;
  try {
    const path = join(distDir, decodeURIComponent(urlPath));
    const body = await readFile(path);
    const gzip9 = gzipSync(body, { level: 9 }).length;
    const copy = await stat(`${path}.gz`).catch(() => undefined);
    result = { raw: body.length, gzip: copy ? copy.size : gzip9, gzip9 };
  } catch {
    result = undefined;
  }
  gzipCache.set(key, result);
  return result;
}

export function resourceKind(urlPath) {
  if (/\.m?js$/.test(urlPath)) return 'js';
  if (/\.css$/.test(urlPath)) return 'css';
  if (/\.html?$/.test(urlPath) || urlPath.endsWith('/')) return 'html';
  return 'other';
}
