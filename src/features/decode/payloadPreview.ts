// The start of a large payload, for the payload editor: a 1 MB claim set is some 30,000 pretty-printed
// lines that Monaco (or a textarea) would take in on every keystroke, and pretty-printing all of them
// alone costs tens of ms. Display only; the copy button and "show all" use the full text.
import type { DecodedToken } from '../../core';
import { previewJson } from '../../core/json-preview';

export const PREVIEW_LINES = 200;
const PREVIEW_MAX_CHARS = 16 * 1024;

export type PayloadPreview = { text: string; shownLines: number; totalLines: number };

function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/** The first PREVIEW_LINES lines of the payload as the editor shows it, then a "…" line. */
export function payloadPreview(decoded: DecodedToken): PayloadPreview {
  if (decoded.payloadIsJson) {
    const preview = previewJson(decoded.payload, PREVIEW_LINES);
    const more = preview.shownLines < preview.totalLines;
    return { ...preview, text: more ? `${preview.text}\n…` : preview.text };
  }
  // Not JSON: the text as decoded, cut at a line break (or mid-line, when the first line is that long).
  const text = decoded.payloadText;
  let end = 0;
  let shownLines = 0;
  while (shownLines < PREVIEW_LINES) {
    const next = text.indexOf('\n', end);
    if (next < 0 || next > PREVIEW_MAX_CHARS) break;
    end = next + 1;
    shownLines++;
  }
  if (shownLines === 0) {
    end = Math.min(text.length, PREVIEW_MAX_CHARS);
    shownLines = 1;
  }
  return { text: `${text.slice(0, end)}…`, shownLines, totalLines: countLines(text) };
}
