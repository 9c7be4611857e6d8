// Budgets and the printed table. Sizes are in KB = 1000 bytes of gzip as served (server.mjs's gzipSizeOf).
/* global console */
import { formatKB, formatSummary, renderMarkdownTable, renderTable } from './stats.mjs';
import { hostileBudgets, hostileRows } from './hostile.mjs';

export const BUDGETS = {
  firstDecodeGzipBytes: 130_000,
  firstVerifiedMs: 300,
  keystrokeP95Ms: 8,
  bigVerdictMs: 150,
  bigLongestTaskMs: 200,
  lighthouseMin: 95,
  monacoGzipBytes: 600_000,
  pointerToMonacoMs: 400,
};

/** One entry per budget: `{ name, limit, value, pass }`; `pass` is undefined when the phase did not run. */
export function checkBudgets(r) {
  const out = [];
  const add = (name, limit, value, pass) =>
    out.push({ name, limit, value, pass: value === undefined ? undefined : pass });
  const load = r.load;
  add(
    'first-decode JS+CSS gzip (bytes)',
    BUDGETS.firstDecodeGzipBytes,
    load?.firstDecode.total,
    load && load.neverDecoded === 0 && load.firstDecode.total <= BUDGETS.firstDecodeGzipBytes,
  );
  add(
    'first verified token (ms, median)',
    BUDGETS.firstVerifiedMs,
    load?.verifiedMs.median,
    load && load.neverVerified === 0 && load.verifiedMs.median <= BUDGETS.firstVerifiedMs,
  );
  add(
    'Monaco, everything it adds (gzip bytes)',
    BUDGETS.monacoGzipBytes,
    load?.monaco.gzip,
    load?.monaco.gzip <= BUDGETS.monacoGzipBytes,
  );
  add(
    'pointer on editor → Monaco shows the text (ms, median)',
    BUDGETS.pointerToMonacoMs,
    load?.monacoReadyMs.median,
    load && load.monacoNeverReady === 0 && load.monacoReadyMs.median <= BUDGETS.pointerToMonacoMs,
  );
  for (const [alg, k] of Object.entries(r.keystroke ?? {})) {
    add(
      `keystroke→verdict p95 ${alg} (ms)`,
      BUDGETS.keystrokeP95Ms,
      k.p95.median,
      k.failures.length === 0 && k.p95.median <= BUDGETS.keystrokeP95Ms,
    );
  }
  // A correctness budget: every key press in the Encode payload editor must reach the signed token (older
  // text put back into Monaco after a key press once lost keys 5 ms apart).
  if (r.encode) add('payload key presses lost (count)', 0, r.encode.failures.length, r.encode.failures.length === 0);
  const big = r.size?.find((s) => s.label === '1 MB');
  add(
    '1 MB payload verdict (ms, median)',
    BUDGETS.bigVerdictMs,
    big?.verdictMs.median,
    big && big.failures.length === 0 && big.verdictMs.median <= BUDGETS.bigVerdictMs,
  );
  add(
    '1 MB payload longest task (ms, max)',
    BUDGETS.bigLongestTaskMs,
    big?.longestTaskMs,
    big?.longestTaskMs <= BUDGETS.bigLongestTaskMs,
  );
  add(
    'Lighthouse performance (median)',
    BUDGETS.lighthouseMin,
    r.lighthouse?.performance.median,
    r.lighthouse?.performance.median >= BUDGETS.lighthouseMin,
  );
  add(
    'Lighthouse accessibility (median)',
    BUDGETS.lighthouseMin,
    r.lighthouse?.accessibility.median,
    r.lighthouse?.accessibility.median >= BUDGETS.lighthouseMin,
  );
  out.push(...hostileBudgets(r));
  return out;
}

function ratio(value, base) {
  return Number.isFinite(value) && base > 0 ? `${(value / base).toFixed(1)}×` : '';
}

/** Rows: figure, median (min–max), ratio to the fixed JSON.parse yardstick, budget verdict. */
export function tableRows(r) {
  const base = r.baseline?.jsonParse100KBMs.median;
  const rows = [];
  const budget = (name) => {
    const b = r.budgets.find((x) => x.name === name);
    if (!b || b.pass === undefined) return '';
    if (b.name.includes('lost')) return b.pass ? 'ok (none lost)' : `MISSED (${b.value} lost)`;
    return `${b.pass ? 'ok' : 'MISSED'} (${b.name.includes('Lighthouse') ? '≥' : '≤'} ${b.name.includes('bytes') ? formatKB(b.limit) : b.limit})`;
  };
  if (r.load) {
    const l = r.load;
    const kb = (part) => `${formatKB(part.total)} (JS ${formatKB(part.js)}, CSS ${formatKB(part.css)})`;
    const budgetCell = budget('first-decode JS+CSS gzip (bytes)');
    rows.push(['JS+CSS before decoded token on screen (gzip)', kb(l.firstDecode), '', budgetCell]);
    rows.push(['JS+CSS before verified token on screen (gzip)', kb(l.firstVerified), '', '']);
    const m = l.monaco;
    rows.push([
      'Monaco, everything it adds (gzip)',
      `${formatKB(m.gzip)} (JS ${formatKB(m.js)}, CSS ${formatKB(m.css)}, font ${formatKB(m.font)}; ${m.files.length} files; zlib -9: ${formatKB(m.gzip9)})`,
      '',
      budget('Monaco, everything it adds (gzip bytes)'),
    ]);
    if (l.monacoAhead) rows.push(['Monaco, fetched ahead of the pointer (gzip)', formatKB(l.monacoAhead.gzip), '', '']);
    if (l.monacoFetched) rows.push(['Monaco, fetched on pointer (gzip)', formatKB(l.monacoFetched.gzip), '', '']);
    rows.push(['other JS+CSS loaded after (gzip)', formatKB(l.otherAfter.gzip), '', '']);
    rows.push(['navigation → decoded token (ms)', formatSummary(l.decodedMs), ratio(l.decodedMs.median, base), '']);
    rows.push([
      'navigation → verified token (ms)',
      formatSummary(l.verifiedMs),
      ratio(l.verifiedMs.median, base),
      budget('first verified token (ms, median)'),
    ]);
    rows.push(['navigation → first contentful paint (ms)', formatSummary(l.fcpMs), ratio(l.fcpMs.median, base), '']);
    rows.push([
      'pointer on editor → Monaco shows the text (ms)',
      formatSummary(l.monacoReadyMs),
      ratio(l.monacoReadyMs.median, base),
      budget('pointer on editor → Monaco shows the text (ms, median)'),
    ]);
  }
  for (const [alg, k] of Object.entries(r.keystroke ?? {})) {
    rows.push([`keystroke→verdict ${alg} p50 (ms)`, formatSummary(k.p50), ratio(k.p50.median, base), '']);
    rows.push([
      `keystroke→verdict ${alg} p95 (ms)`,
      formatSummary(k.p95) + (k.failures.length ? ` [${k.failures.length} failed]` : ''),
      ratio(k.p95.median, base),
      budget(`keystroke→verdict p95 ${alg} (ms)`),
    ]);
  }
  if (r.encode) {
    rows.push([
      'payload key press→token-output p50 (ms)',
      formatSummary(r.encode.p50),
      ratio(r.encode.p50.median, base),
      '',
    ]);
    rows.push([
      'payload key press→token-output p95 (ms)',
      formatSummary(r.encode.p95) + (r.encode.failures.length ? ` [${r.encode.failures.length} lost]` : ''),
      ratio(r.encode.p95.median, base),
      budget('payload key presses lost (count)'),
    ]);
  }
  for (const s of r.size ?? []) {
    const big = s.label === '1 MB';
    rows.push([
      `${s.label} payload verdict (ms)`,
      formatSummary(s.verdictMs) + (s.failures.length ? ` [${s.failures.length} failed]` : ''),
      `${s.ratioToJsonParse.toFixed(0)}× its JSON.parse`,
      big ? budget('1 MB payload verdict (ms, median)') : '',
    ]);
    rows.push([
      `${s.label} payload longest task (ms)`,
      // The Long Tasks API reports only tasks over 50 ms: 0 means it reported none.
      s.longestTaskMs > 0 ? s.longestTaskMs.toFixed(0) : 'none over 50',
      '',
      big ? budget('1 MB payload longest task (ms, max)') : '',
    ]);
  }
  for (const k of r.keygen ?? []) {
    rows.push([
      `keygen ${k.label}: WebCrypto (ms)`,
      formatSummary(k.webCryptoMs),
      ratio(k.webCryptoMs.median, base),
      '',
    ]);
    if (k.appMs)
      rows.push([`keygen ${k.label}: app, click→key (ms)`, formatSummary(k.appMs), ratio(k.appMs.median, base), '']);
  }
  rows.push(...hostileRows(r));
  if (r.lighthouse) {
    const lh = r.lighthouse;
    rows.push(['Lighthouse performance', formatSummary(lh.performance), '', budget('Lighthouse performance (median)')]);
    rows.push([
      'Lighthouse accessibility',
      formatSummary(lh.accessibility),
      '',
      budget('Lighthouse accessibility (median)'),
    ]);
    const metrics = (m) =>
      `${m.fcp.median.toFixed(0)} / ${m.lcp.median.toFixed(0)} / ${m.tbt.median.toFixed(0)} / ${m.cls.median.toFixed(3)}`;
    rows.push(['Lighthouse FCP / LCP / TBT (ms) / CLS, mobile', metrics(lh.metrics), '', '']);
    if (lh.desktop) {
      rows.push(['Lighthouse desktop performance', formatSummary(lh.desktop.performance), '', '']);
      rows.push(['Lighthouse desktop accessibility', formatSummary(lh.desktop.accessibility), '', '']);
      rows.push(['Lighthouse FCP / LCP / TBT (ms) / CLS, desktop', metrics(lh.desktop.metrics), '', '']);
    }
  }
  if (r.baseline)
    rows.push(['yardstick: JSON.parse 100 KB (ms)', formatSummary(r.baseline.jsonParse100KBMs), '1.0×', '']);
  return rows;
}

const HEADERS = ['figure', 'median (min–max)', 'ratio to yardstick', 'budget'];

export function printReport(r) {
  console.log(
    `\nJWT Workbench bench — ${r.date} — commit ${r.commit}${r.srcDirty ? ' (+ uncommitted src changes)' : ''}`,
  );
  const load =
    r.machine.loadAverageAtStart === undefined
      ? ''
      : `, load average ${r.machine.loadAverageAtStart.toFixed(1)} → ${r.machine.loadAverageAtEnd?.toFixed(1)}`;
  console.log(
    `${r.machine.cpus} × ${r.machine.cpuModel}, Node ${r.machine.node}, Chromium ${r.machine.chromium}${load}\n`,
  );
  console.log(renderTable(HEADERS, tableRows(r)));
  const missed = r.budgets.filter((b) => b.pass === false);
  console.log(
    missed.length
      ? `\n${missed.length} budget(s) missed: ${missed.map((b) => b.name).join('; ')}`
      : '\nAll measured budgets met.',
  );
  for (const [phase, message] of Object.entries(r.errors ?? {})) console.log(`phase ${phase} failed: ${message}`);
}

export function markdownReport(r) {
  return renderMarkdownTable(HEADERS, tableRows(r));
}
