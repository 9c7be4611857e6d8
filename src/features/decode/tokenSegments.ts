// Splits the token box text into coloured runs for the backdrop layer. Display only: decoding is the
// core's. Works on broken input too (that is when the colours help most), and marks the character
// range the core pointed at.
export type RunKind = 'header' | 'payload' | 'signature' | 'extra' | 'dot';
export type Run = { kind: RunKind; text: string; bad: boolean };

const PART_KINDS: RunKind[] = ['header', 'payload', 'signature'];

export function tokenRuns(text: string, bad: [number, number] | undefined): Run[] {
  const runs: Run[] = [];
  let part = 0;
  let start = 0;
  const push = (kind: RunKind, from: number, to: number) => {
    if (to <= from) return;
    if (!bad || to <= bad[0] || from >= bad[1]) {
      runs.push({ kind, text: text.slice(from, to), bad: false });
      return;
    }
    const a = Math.max(from, bad[0]);
    const b = Math.min(to, bad[1]);
    if (a > from) runs.push({ kind, text: text.slice(from, a), bad: false });
    runs.push({ kind, text: text.slice(a, b), bad: true });
    if (to > b) runs.push({ kind, text: text.slice(b, to), bad: false });
  };
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '.') {
      push(PART_KINDS[part] ?? 'extra', start, i);
      if (i < text.length) push('dot', i, i + 1);
      part += 1;
      start = i + 1;
    }
  }
  return runs;
}

/** The [start, end) range to highlight for an error: one character at `offset`, else the whole part. */
export function problemRange(
  text: string,
  part: string | undefined,
  offset: number | undefined,
): [number, number] | undefined {
  if (offset !== undefined && offset >= 0 && offset <= text.length) {
    // Mark a whole surrogate pair / emoji rather than half of it.
    const code = text.codePointAt(offset);
    const width = code !== undefined && code > 0xffff ? 2 : 1;
    return [offset, Math.min(text.length, offset + width)];
  }
  const index = PART_KINDS.indexOf(part as RunKind);
  if (index < 0) return undefined;
  const pieces = text.split('.');
  let from = 0;
  for (let i = 0; i < index; i++) from += (pieces[i]?.length ?? 0) + 1;
  const piece = pieces[index];
  return piece === undefined ? undefined : [from, from + piece.length];
}
