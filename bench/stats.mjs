// Small statistics and table helpers for the bench. Every figure is reported as the median of several
// runs with its min and max, because a 2-core shared machine is noisy.

/** Linear-interpolated percentile (p in 0..100) of a list of numbers. */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export function median(values) {
  return percentile(values, 50);
}

/** `{ median, min, max, runs }` of a list of per-run values. */
export function summarize(values) {
  const finite = values.filter((v) => Number.isFinite(v));
  return {
    median: round(median(finite)),
    min: round(Math.min(...finite)),
    max: round(Math.max(...finite)),
    runs: finite.map(round),
  };
}

export function round(value, digits = 2) {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** "12.3 (10.1–15.0)" for a summary. */
export function formatSummary(summary, unit = '') {
  if (!summary || !Number.isFinite(summary.median)) return 'n/a';
  const f = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(Math.abs(v) >= 10 ? 1 : 2));
  return `${f(summary.median)}${unit} (${f(summary.min)}–${f(summary.max)})`;
}

export function formatKB(bytes) {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

/** Plain-text table with left-aligned columns. */
export function renderTable(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells) => cells.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** GitHub-flavoured Markdown table, for the README. */
export function renderMarkdownTable(headers, rows) {
  const esc = (c) => String(c ?? '').replaceAll('|', '\\|');
  return [
    `| ${headers.map(esc).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}
