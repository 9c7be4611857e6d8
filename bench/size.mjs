// Verdict latency and the longest main-thread task for large payloads (1 KB, 100 KB, 1 MB of JSON), each
// as a ratio to a plain JSON.parse of the same payload in the same page (the fixed yardstick).
import { makeEditSequence } from './tokens.mjs';
import { measureTokenEdits, openDecodeWithKey } from './latency.mjs';
import { timeJsonParse } from './browser.mjs';

export const SIZES = [
  { label: '1 KB', bytes: 1_000 },
  { label: '100 KB', bytes: 100_000 },
  { label: '1 MB', bytes: 1_000_000 },
];

/**
 * `reps` counted edits per size (plus one priming edit), alternating valid/tampered tokens. After each
 * verdict the page is left alone for `settleMs` so work the edit triggers later (editor re-render,
 * claim table) still shows up in the longest-task figure.
 */
export async function measureSizes(browser, origin, signer, { reps, settleMs = 1_000 }) {
  const out = [];
  for (const size of SIZES) {
    const edits = await makeEditSequence(signer, reps + 1, size.bytes);
    const [run] = await measureTokenEdits(browser, origin, signer.keyText, [edits], {
      gapMs: settleMs,
      timeoutMs: 15_000,
    });
    const { context, page } = await openDecodeWithKey(browser, origin, signer.keyText);
    const jsonParseMs = await timeJsonParse(page, edits[0].payload);
    await context.close();
    out.push({
      ...size,
      tokenChars: edits[0].token.length,
      latencies: run.latencies,
      failures: run.failures,
      longestTask: run.longestTask,
      jsonParseMs,
    });
  }
  return out;
}
