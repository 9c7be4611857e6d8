// What Monaco adds to the build, read from dist/ itself: every file reachable by name from Monaco's chunk
// (its CSS, the JSON mode, the codicon font) that the rest of the app does not reach without it, and its
// worker (the page's entry names the worker's URL, so Monaco's environment exists before Monaco loads; only
// Monaco starts it). Unlike the requests a page makes, this also counts a worker started later (e.g. on Format).
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSizeOf } from './server.mjs';

const MONACO_ENTRY = /^(?:MonacoJsonEditor-[\w-]+\.(?:js|css)|[\w.-]*\.worker-[\w-]+\.js)$/;

async function referenceGraph(distDir) {
  // Source maps and the precompressed copies (.gz, .br) the server picks from are not more bytes to fetch.
  const names = (await readdir(join(distDir, 'assets'))).filter((n) => !/\.(?:map|gz|br)$/.test(n));
  const text = async (path) => readFile(join(distDir, path), 'utf8').catch(() => '');
  const edges = new Map();
  const scan = async (path) => {
    const body = /\.(js|css|html|webmanifest)$/.test(path) ? await text(path) : '';
    edges.set(
      path,
      names.filter((n) => body.includes(n)).map((n) => `assets/${n}`),
    );
  };
  await scan('index.html');
  for (const n of names) await scan(`assets/${n}`);
  return { names, edges };
}

function closure(edges, seeds, blocked = new Set()) {
  const seen = new Set();
  const stack = [...seeds];
  while (stack.length) {
    const path = stack.pop();
    if (seen.has(path) || blocked.has(path)) continue;
    seen.add(path);
    stack.push(...(edges.get(path) ?? []));
  }
  return seen;
}

// Read once per build directory: the load phase asks for every visit (it tells Monaco's files apart from the rest),
// and a build's files do not change while it is measured (gzipSizeOf caches their sizes the same way).
const byDistDir = new Map();

/** `{ gzip, gzip9, js, css, font, files }`: gzip bytes of every file Monaco alone brings (server.mjs's gzipSizeOf). */
export function monacoBuildBytes(distDir) {
  if (!byDistDir.has(distDir)) byDistDir.set(distDir, measureMonacoBuild(distDir));
  return byDistDir.get(distDir);
}

async function measureMonacoBuild(distDir) {
  const { names, edges } = await referenceGraph(distDir);
  const seeds = names.filter((n) => MONACO_ENTRY.test(n)).map((n) => `assets/${n}`);
  const rest = closure(edges, ['index.html'], new Set(seeds));
  const files = [];
  for (const path of closure(edges, seeds)) {
    if (rest.has(path)) continue;
    const size = await gzipSizeOf(distDir, `/${path}`);
    const kind = /\.js$/.test(path)
      ? 'js'
      : /\.css$/.test(path)
        ? 'css'
        : /\.(ttf|woff2?)$/.test(path)
          ? 'font'
          : 'other';
    if (size) files.push({ path: `/${path}`, kind, gzip: size.gzip, gzip9: size.gzip9 });
  }
  const sum = (kind) => files.filter((f) => kind === undefined || f.kind === kind).reduce((n, f) => n + f.gzip, 0);
  const gzip9 = files.reduce((n, f) => n + f.gzip9, 0);
  return { gzip: sum(), gzip9, js: sum('js'), css: sum('css'), font: sum('font'), files };
}
