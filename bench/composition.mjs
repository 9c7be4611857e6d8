// What the entry chunk is made of: builds with source maps into a scratch directory and attributes every
// byte of each first-load chunk to its source (npm package, or src/<area>), with a gzip estimate.
//
//   node bench/composition.mjs [--no-build] [--out=/tmp/jwt-workbench-composition]
/* global process, console, Buffer */
import { readFile, readdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
import { renderTable } from './stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outDir = args.find((a) => a.startsWith('--out='))?.slice(6) ?? '/tmp/jwt-workbench-composition';

/** "react-dom", "jose", "src/core", "src/features/decode"… for a source path in a map. */
function groupOf(source) {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = source.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const src = source.indexOf('src/');
  if (src >= 0) {
    const parts = source.slice(src).split('/');
    return parts.length > 3 ? parts.slice(0, 3).join('/') : parts.slice(0, 2).join('/');
  }
  return source;
}

async function attribute(file) {
  const code = await readFile(file, 'utf8');
  const rawMap = await readFile(`${file}.map`, 'utf8').catch(() => undefined);
  if (!rawMap) {
    const gzip = gzipSync(code, { level: 9 }).length;
    return { rawTotal: Buffer.byteLength(code), gzipTotal: gzip, rows: [] };
  }
  const map = new SourceMapConsumer(JSON.parse(rawMap));
  const lines = code.split('\n');
  const chunks = new Map();
  let previous;
  map.eachMapping((m) => {
    if (previous && previous.generatedLine === m.generatedLine) {
      const text = lines[previous.generatedLine - 1].slice(previous.generatedColumn, m.generatedColumn);
      const group = previous.source ? groupOf(previous.source) : '(unmapped)';
      chunks.set(group, (chunks.get(group) ?? '') + text);
    }
    previous = m;
  });
  const rawTotal = Buffer.byteLength(code);
  const gzipTotal = gzipSync(code, { level: 9 }).length;
  const rows = [...chunks.entries()].map(([group, text]) => {
    const raw = Buffer.byteLength(text);
    return {
      group,
      raw,
      gzipShare: Math.round((raw / rawTotal) * gzipTotal),
      gzipAlone: gzipSync(text, { level: 9 }).length,
    };
  });
  return { rawTotal, gzipTotal, rows: rows.sort((a, b) => b.raw - a.raw) };
}

async function main() {
  if (!args.includes('--no-build')) {
    execFileSync('npx', ['vite', 'build', '--sourcemap', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  console.log(`first-load files in index.html: ${entries.join(', ')}`);
  for (const entry of entries) {
    const file = join(outDir, entry);
    if (entry.endsWith('.css')) {
      const css = await readFile(file);
      console.log(`\n${entry}: ${css.length} B raw, ${gzipSync(css, { level: 9 }).length} B gzip`);
      continue;
    }
    const { rawTotal, gzipTotal, rows } = await attribute(file);
    console.log(`\n${entry}: ${rawTotal} B raw, ${gzipTotal} B gzip`);
    console.log(
      renderTable(
        ['source', 'raw B', 'gzip B (share)', 'gzip B (alone)'],
        rows.filter((r) => r.raw > 300).map((r) => [r.group, r.raw, r.gzipShare, r.gzipAlone]),
      ),
    );
  }
  const all = await readdir(join(outDir, 'assets'));
  console.log(`\nall chunks: ${all.filter((f) => !f.endsWith('.map')).join(', ')}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
