// Serves the production build on 127.0.0.1 with `vite preview`, so the bench sees exactly the headers
// (config/csp.ts PREVIEW_HEADERS: CSP, nosniff, no-referrer) and routing the end-to-end tests see.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
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

export async function startServer(root, outDir) {
  const server = await preview({
    root,
    build: { outDir },
    logLevel: 'error',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  const origin = `http://127.0.0.1:${address.port}`;
  return { origin, close: () => server.close() };
}

const gzipCache = new Map();

/** gzip -9 size of a file of the build, by URL path ("/assets/index-abc.js"); undefined when not in dist. */
export async function gzipSizeOf(distDir, urlPath) {
  if (gzipCache.has(urlPath)) return gzipCache.get(urlPath);
  let result;
  try {
    const body = await readFile(join(distDir, decodeURIComponent(urlPath)));
    result = { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  } catch {
    result = undefined;
  }
  gzipCache.set(urlPath, result);
  return result;
}

export function resourceKind(urlPath) {
  if (/\.m?js$/.test(urlPath)) return 'js';
  if (/\.css$/.test(urlPath)) return 'css';
  if (/\.html?$/.test(urlPath) || urlPath.endsWith('/')) return 'html';
  return 'other';
}
