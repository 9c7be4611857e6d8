// Each bench phase: run the measurement, then fold the per-run numbers into the summaries results.json holds.
import { FAMILIES, makeEditSequence, payloadOfSize } from './tokens.mjs';
import { loadUrl, measureLoad } from './load.mjs';
import { monacoBuildBytes } from './monaco-size.mjs';
import { measurePayloadEdits, measureTokenEdits } from './latency.mjs';
import { measureSizes } from './size.mjs';
import { measureKeygen } from './keygen.mjs';
import { measureLighthouse } from './lighthouse.mjs';
import { median, percentile, summarize } from './stats.mjs';

const orNaN = (v) => v ?? Number.NaN;

export async function loadPhase({ browser, origin, distDir, signers, runs, log }) {
  log(`load: ${runs} first visits of /#token=<RS256>&publicKey=<PEM>`);
  const rs = signers.RS256;
  const payload = payloadOfSize(300, 0);
  const token = await rs.sign(payload);
  const marker = JSON.parse(payload).jti;
  const all = await measureLoad(browser, { origin, distDir, token, marker, publicPem: rs.keyText, runs });
  const last = all[all.length - 1];
  return {
    url: '/#token=<RS256 JWT, 300-byte payload>&publicKey=<SPKI PEM, URL-encoded>',
    // Bytes are the same on every run (same build, empty cache); the last run's lists are kept.
    firstDecode: last.firstDecode,
    firstVerified: last.firstVerified,
    // Monaco: every file of the build that only Monaco reaches (workers started later included); and what
    // the page fetched ahead (compiled, not run) and once the pointer came onto the editor.
    monaco: await monacoBuildBytes(distDir),
    monacoAhead: last.monacoAhead,
    monacoFetched: last.monaco,
    otherAfter: last.otherAfter,
    serviceWorkerPrecacheRequests: last.serviceWorkerPrecacheRequests,
    decodedMs: summarize(all.map((r) => orNaN(r.decodedAt))),
    verifiedMs: summarize(all.map((r) => orNaN(r.verifiedAt))),
    verifiedFrameMs: summarize(all.map((r) => orNaN(r.verifiedFrameAt))),
    monacoReadyMs: summarize(all.map((r) => orNaN(r.monacoAt - r.monacoWantedAt))),
    fcpMs: summarize(all.map((r) => orNaN(r.fcp))),
    neverDecoded: all.filter((r) => r.decodedAt === undefined).length,
    neverVerified: all.filter((r) => r.verifiedAt === undefined).length,
    monacoNeverReady: all.filter((r) => r.monacoAt === undefined).length,
  };
}

export async function keystrokePhase({ browser, origin, signers, runs, edits, log }) {
  const out = {};
  for (const alg of FAMILIES) {
    log(`keystroke: ${alg}, ${runs} run(s) of ${edits - 1} edits`);
    const sequences = [];
    for (let i = 0; i < runs; i += 1) sequences.push(await makeEditSequence(signers[alg], edits));
    // A token of its own (not one of the edits), so that Monaco is up before the first timed edit.
    const primeToken = await signers[alg].sign(payloadOfSize(300, -1));
    const all = await measureTokenEdits(browser, origin, signers[alg].keyText, sequences, { primeToken });
    out[alg] = {
      tokenChars: (await signers[alg].sign(payloadOfSize(300, 0))).length,
      edits: all.reduce((n, r) => n + r.latencies.length, 0),
      p50: summarize(all.map((r) => percentile(r.latencies, 50))),
      p95: summarize(all.map((r) => percentile(r.latencies, 95))),
      max: summarize(all.map((r) => Math.max(...r.latencies))),
      longestTaskMs: Math.max(...all.map((r) => r.longestTask)),
      failures: all.flatMap((r) => r.failures),
      monacoReady: all.every((r) => r.monacoReady),
    };
  }
  return out;
}

export async function encodePhase({ browser, origin, signers, runs, edits, log }) {
  log(`encode: ${runs} run(s) of ${edits} payload key presses (HS256)`);
  const all = [];
  for (let i = 0; i < runs; i += 1) all.push(await measurePayloadEdits(browser, origin, signers.HS256.keyText, edits));
  return {
    edits: all.reduce((n, r) => n + r.latencies.length, 0),
    p50: summarize(all.map((r) => percentile(r.latencies, 50))),
    p95: summarize(all.map((r) => percentile(r.latencies, 95))),
    failures: all.flatMap((r) => r.failures).slice(0, 10),
    monacoReady: all.every((r) => r.monacoReady),
  };
}

export async function sizePhase({ browser, origin, signers, reps, log }) {
  log(`size: 1 KB / 100 KB / 1 MB payloads, ${reps} edits each (HS256)`);
  const sizes = await measureSizes(browser, origin, signers.HS256, { reps });
  return sizes.map((s) => ({
    label: s.label,
    tokenChars: s.tokenChars,
    verdictMs: summarize(s.latencies),
    longestTaskMs: s.longestTask,
    jsonParseMs: s.jsonParseMs,
    ratioToJsonParse: median(s.latencies) / s.jsonParseMs,
    failures: s.failures,
  }));
}

export async function keygenPhase({ browser, origin, runs, bigRuns, log }) {
  log('keygen: RSA 2048/4096, EC P-256, Ed25519');
  const keygen = await measureKeygen(browser, origin, { runs, bigRuns });
  return keygen.map((k) => ({
    label: k.label,
    webCryptoMs: summarize(k.webCrypto),
    appMs: k.app ? summarize(k.app) : undefined,
  }));
}

export async function lighthousePhase({ origin, signers, runs, log }) {
  log(`lighthouse: ${runs} run(s) each of the default (mobile) and the desktop config`);
  const rs = signers.RS256;
  const url = loadUrl(origin, await rs.sign(payloadOfSize(300, 0)), rs.keyText);
  const summarizeRuns = (all) => ({
    performance: summarize(all.map((r) => r.performance)),
    accessibility: summarize(all.map((r) => r.accessibility)),
    metrics: Object.fromEntries(
      Object.keys(all[0].metrics).map((m) => [m, summarize(all.map((r) => orNaN(r.metrics[m])))]),
    ),
    failedA11yAudits: [...new Set(all.flatMap((r) => r.failedA11y))],
    runtimeErrors: all.map((r) => r.runtimeError).filter(Boolean),
  });
  const mobile = summarizeRuns(await measureLighthouse(url, { runs }));
  const desktop = summarizeRuns(await measureLighthouse(url, { runs, desktop: true }));
  return { url: '/#token=<RS256 JWT>&publicKey=<PEM>', ...mobile, desktop };
}
