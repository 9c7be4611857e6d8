// `npm run bench`: builds the app, serves dist/ on 127.0.0.1, drives Debian's Chromium and
// measures load size and time, keystroke → verdict latency, large payloads, key generation and
// Lighthouse; prints a table, writes bench/results.json, and exits 1 when a budget is missed.
//
//   npm run bench -- [--no-build] [--dist=DIR] [--quick] [--skip-lighthouse] [--only=load,keystroke,encode,size,keygen,hostile,lighthouse]
/* global process, console */
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, startServer } from './server.mjs';
import { launchBrowser, newProbedPage, timeJsonParse } from './browser.mjs';
import { makeSigners, payloadOfSize } from './tokens.mjs';
import { encodePhase, keygenPhase, keystrokePhase, lighthousePhase, loadPhase, sizePhase } from './phases.mjs';
import { summarize } from './stats.mjs';
import { hostilePhase } from './hostile.mjs';
import { checkBudgets, markdownReport, printReport } from './report.mjs';

const args = new Set(process.argv.slice(2));
const benchDir = dirname(fileURLToPath(import.meta.url));
// BENCH_ROOT points the bench at another Vite project (used to check the harness itself on a stand-in page).
const root = process.env.BENCH_ROOT ?? join(benchDir, '..');
// A fresh build goes to a scratch directory; `--no-build` measures dist/, or the build given by --dist=DIR.
const distArg = [...args].find((a) => a.startsWith('--dist='))?.slice('--dist='.length);
const distDir = distArg ?? (args.has('--no-build') ? join(root, 'dist') : join(tmpdir(), 'jwt-workbench-bench-dist'));
const onlyArg = [...args].find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : undefined;
const wants = (phase) => (!only || only.has(phase)) && !(phase === 'lighthouse' && args.has('--skip-lighthouse'));

const RUNS = args.has('--quick')
  ? {
      load: 3,
      keystroke: 1,
      edits: 201,
      encode: 1,
      encodeEdits: 60,
      sizeReps: 2,
      keygen: 2,
      keygenBig: 1,
      lighthouse: 1,
    }
  : {
      load: 7,
      keystroke: 3,
      edits: 201,
      encode: 2,
      encodeEdits: 200,
      sizeReps: 4,
      keygen: 5,
      keygenBig: 3,
      lighthouse: 3,
    };

function log(message) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function gitDescribe() {
  const git = (...a) =>
    execFileSync('git', a, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  try {
    return { commit: git('rev-parse', '--short', 'HEAD'), srcDirty: git('status', '--porcelain', '--', 'src') !== '' };
  } catch {
    return { commit: 'unknown', srcDirty: undefined };
  }
}

async function main() {
  const started = Date.now();
  if (!args.has('--no-build') && !distArg) {
    log('building with vite build');
    buildApp(root, distDir);
  }
  const server = await startServer(root, distDir);
  const browser = await launchBrowser();
  const results = {
    date: new Date().toISOString(),
    ...gitDescribe(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      node: process.version,
      chromium: browser.version(),
      // Other processes' load changes every timing; the 1-minute load average at start and end says how much.
      loadAverageAtStart: loadavg()[0],
    },
    runs: RUNS,
    errors: {},
  };
  const signers = await makeSigners();
  const ctx = { browser, origin: server.origin, distDir, signers, log };
  // The yardstick is re-measured between phases: its spread shows how noisy the machine was.
  const baselineSamples = [];
  const yardstick = payloadOfSize(100_000, 0);
  const sampleBaseline = async () => {
    const { context, page } = await newProbedPage(browser);
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    baselineSamples.push(await timeJsonParse(page, yardstick));
    await context.close();
  };
  const phase = async (name, key, fn) => {
    if (!wants(name)) return;
    try {
      results[key] = await fn();
    } catch (error) {
      log(`${name} failed: ${error.stack ?? error}`);
      results.errors[name] = String(error.message ?? error).split('\n')[0];
    }
    await sampleBaseline();
  };
  try {
    await sampleBaseline();
    await phase('load', 'load', () => loadPhase({ ...ctx, runs: RUNS.load }));
    await phase('keystroke', 'keystroke', () => keystrokePhase({ ...ctx, runs: RUNS.keystroke, edits: RUNS.edits }));
    await phase('encode', 'encode', () => encodePhase({ ...ctx, runs: RUNS.encode, edits: RUNS.encodeEdits }));
    await phase('size', 'size', () => sizePhase({ ...ctx, reps: RUNS.sizeReps }));
    await phase('keygen', 'keygen', () => keygenPhase({ ...ctx, runs: RUNS.keygen, bigRuns: RUNS.keygenBig }));
    await phase('hostile', 'hostile', () => hostilePhase({ ...ctx, runs: RUNS.keystroke, edits: RUNS.edits }));
  } finally {
    await browser.close();
  }
  try {
    if (wants('lighthouse')) {
      try {
        results.lighthouse = await lighthousePhase({ ...ctx, runs: RUNS.lighthouse });
      } catch (error) {
        log(`lighthouse failed: ${error.stack ?? error}`);
        results.errors.lighthouse = String(error.message ?? error).split('\n')[0];
      }
    }
  } finally {
    await server.close();
  }

  results.baseline = {
    what: 'JSON.parse of a fixed 100 KB claim set, in the page (ms); ratios divide by its median',
    jsonParse100KBMs: summarize(baselineSamples),
  };
  results.budgets = checkBudgets(results);
  results.pass = results.budgets.every((b) => b.pass !== false) && Object.keys(results.errors).length === 0;
  results.durationS = Math.round((Date.now() - started) / 1000);
  results.machine.loadAverageAtEnd = loadavg()[0];
  const file = process.env.BENCH_ROOT ? 'results.stand-in.json' : 'results.json';
  await writeFile(join(benchDir, file), `${JSON.stringify(results, null, 2)}\n`);
  printReport(results);
  if (args.has('--markdown')) console.log(`\n${markdownReport(results)}`);
  log(`done in ${results.durationS} s; wrote bench/${file}`);
  process.exitCode = results.pass ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
