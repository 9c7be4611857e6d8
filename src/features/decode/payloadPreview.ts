// The start of a large pretty-printed payload, for the payload editor: a 1 MB claim set is some 30,000
// lines that Monaco (or a textarea) would lay out on every keystroke. Display only; the full text is kept.

export const PREVIEW_LINES = 200;
const PREVIEW_MAX_CHARS = 16 * 1024;

export type PayloadPreview = { text: string; shownLines: number; totalLines: number };

function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/** The first PREVIEW_LINES whole lines of `text` (at most ~16 K characters), followed by a "…" line. */
export function payloadPreview(text: string): PayloadPreview {
  let end = 0;
  let shownLines = 0;
  while (shownLines < PREVIEW_LINES) {
    const next = text.indexOf('\n', end);
    if (next < 0 || next > PREVIEW_MAX_CHARS) break;
    end = next + 1;
    shownLines++;
  }
  // One very long first line: cut it rather than show nothing.
  if (shownLines === 0)
    return { text: `${text.slice(0, PREVIEW_MAX_CHARS)}…`, shownLines: 1, totalLines: countLines(text) };
  return { text: `${text.slice(0, end)}…`, shownLines, totalLines: countLines(text) };
}
