// Interleaved A/B of two or more builds on this noisy shared machine: each round measures every build once,
// in alternating order, so a change in the machine's load hits all of them alike. Prints medians per build.
//
//   node bench/ab.mjs --dist=/tmp/a --dist=/tmp/b [--rounds=7] [--phase=load|keystroke|encode|size]
//
// Build each side first, e.g. `npx vite build --outDir /tmp/a` on one commit and `--outDir /tmp/b` on another.
/* global process, console */
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';
import { launchBrowser } from './browser.mjs';
import { loadUrl, oneLoad } from './load.mjs';
import { measurePayloadEdits, measureTokenEdits } from './latency.mjs';
import { makeEditSequence, makeSigners, payloadOfSize } from './tokens.mjs';
import { median, percentile, renderTable } from './stats.mjs';

const args = process.argv.slice(2);
const value = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const dists = args.filter((a) => a.startsWith('--dist=')).map((a) => a.slice('--dist='.length));
const rounds = Number(value('rounds', 7));
const phase = value('phase', 'load');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** One measurement of one build: a flat record of named numbers. */
async function measureOnce(browser, origin, distDir, signers) {
  if (phase === 'load') {
    const rs = signers.RS256;
    const payload = payloadOfSize(300, 0);
    const marker = JSON.parse(payload).jti;
    const r = await oneLoad(browser, { url: loadUrl(origin, await rs.sign(payload), rs.keyText), marker, distDir });
    return {
      'decoded ms': r.decodedAt,
      'verified ms': r.verifiedAt,
      'pointer → Monaco ms': r.monacoAt - r.monacoWantedAt,
      'first-decode KB': r.firstDecode.total / 1000,
      'Monaco KB (ahead + on pointer)': (r.monacoAhead.gzip + r.monaco.gzip) / 1000,
    };
  }
  if (phase === 'keystroke') {
    const out = {};
    for (const alg of ['HS256', 'ES256']) {
      const edits = await makeEditSequence(signers[alg], 201);
      const [run] = await measureTokenEdits(browser, origin, signers[alg].keyText, [edits]);
      out[`${alg} p50 ms`] = percentile(run.latencies, 50);
      out[`${alg} p95 ms`] = percentile(run.latencies, 95);
      out[`${alg} failed`] = run.failures.length;
    }
    return out;
  }
  if (phase === 'encode') {
    const r = await measurePayloadEdits(browser, origin, signers.HS256.keyText, 100);
    return { 'p50 ms': percentile(r.latencies, 50), 'p95 ms': percentile(r.latencies, 95), lost: r.failures.length };
  }
  if (phase === 'size') {
    const edits = await makeEditSequence(signers.HS256, 4, 1_000_000);
    const [run] = await measureTokenEdits(browser, origin, signers.HS256.keyText, [edits], {
      gapMs: 1_000,
      timeoutMs: 15_000,
    });
    return {
      '1 MB verdict ms': median(run.latencies),
      'longest task ms': run.longestTask,
      failed: run.failures.length,
    };
  }
  throw new Error(`unknown phase ${phase}`);
}

async function main() {
  if (dists.length < 2) throw new Error('give at least two --dist=DIR');
  const servers = await Promise.all(dists.map((d) => startServer(root, d)));
  const browser = await launchBrowser();
  const signers = await makeSigners();
  const samples = dists.map(() => []);
  const load = [loadavg()[0]];
  try {
    // A discarded warm-up per build (server, OS file cache).
    for (let i = 0; i < dists.length; i += 1) await measureOnce(browser, servers[i].origin, dists[i], signers);
    for (let round = 0; round < rounds; round += 1) {
      const order = dists.map((_, i) => i);
      if (round % 2) order.reverse();
      for (const i of order) samples[i].push(await measureOnce(browser, servers[i].origin, dists[i], signers));
      load.push(loadavg()[0]);
      process.stderr.write(`round ${round + 1}/${rounds}, load ${loadavg()[0].toFixed(1)}\n`);
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
  const keys = Object.keys(samples[0][0]);
  const cell = (list) => {
    const finite = list.filter(Number.isFinite).sort((a, b) => a - b);
    if (!finite.length) return 'n/a';
    const f = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1));
    return `${f(median(finite))} (${f(finite[0])}–${f(finite[finite.length - 1])})`;
  };
  const rows = keys.map((k) => [k, ...samples.map((s) => cell(s.map((r) => r[k])))]);
  console.log(
    `phase ${phase}, ${rounds} interleaved rounds, load average ${load.map((l) => l.toFixed(1)).join(' → ')}`,
  );
  console.log(renderTable(['figure', ...dists], rows));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
