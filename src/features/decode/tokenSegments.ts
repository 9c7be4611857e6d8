// Splits the token box text into coloured runs for the backdrop layer. Display only: decoding is the
// core's. Works on broken input too (that is when the colours help most), and marks the character
// range the core pointed at. The parts follow the token's kind: a JWE's five parts (RFC 7516 §7.1) take
// the colours of what they stand for (the ciphertext is the payload, the tag the signature), and an
// SD-JWT's disclosures and key-binding JWT follow its issuer-signed JWT (RFC 9901 §4).
import type { TokenKind } from '../../core/token-kind';

export type RunKind =
  'header' | 'payload' | 'signature' | 'encrypted-key' | 'iv' | 'disclosure' | 'binding' | 'extra' | 'dot';
export type Run = { kind: RunKind; text: string; bad: boolean };

const JWS_PARTS: RunKind[] = ['header', 'payload', 'signature'];
const JWE_PARTS: RunKind[] = ['header', 'encrypted-key', 'iv', 'payload', 'signature'];

/** The colour of each dot-separated part for a token of this kind. */
function partKinds(kind: TokenKind | undefined): RunKind[] {
  return kind === 'jwe-compact' ? JWE_PARTS : JWS_PARTS;
}

export function tokenRuns(text: string, bad: [number, number] | undefined, kind?: TokenKind): Run[] {
  const runs: Run[] = [];
  const push = (runKind: RunKind, from: number, to: number) => {
    if (to <= from) return;
    if (!bad || to <= bad[0] || from >= bad[1]) {
      runs.push({ kind: runKind, text: text.slice(from, to), bad: false });
      return;
    }
    const a = Math.max(from, bad[0]);
    const b = Math.min(to, bad[1]);
    if (a > from) runs.push({ kind: runKind, text: text.slice(from, a), bad: false });
    runs.push({ kind: runKind, text: text.slice(a, b), bad: true });
    if (to > b) runs.push({ kind: runKind, text: text.slice(b, to), bad: false });
  };
  const dotted = (from: number, to: number, parts: RunKind[] | RunKind) => {
    let part = 0;
    let start = from;
    for (let i = from; i <= to; i++) {
      if (i === to || text[i] === '.') {
        push(typeof parts === 'string' ? parts : (parts[part] ?? 'extra'), start, i);
        if (i < to) push('dot', i, i + 1);
        part += 1;
        start = i + 1;
      }
    }
  };
  if (kind === 'sd-jwt' && !text.trimStart().startsWith('{')) {
    // <issuer JWT>~<disclosure>~…~<key-binding JWT or nothing>
    const pieces = text.split('~');
    let offset = 0;
    pieces.forEach((piece, index) => {
      const end = offset + piece.length;
      if (index === 0) dotted(offset, end, JWS_PARTS);
      else if (index === pieces.length - 1) dotted(offset, end, 'binding');
      else push('disclosure', offset, end);
      if (index < pieces.length - 1) push('dot', end, end + 1);
      offset = end + 1;
    });
    return runs;
  }
  dotted(0, text.length, partKinds(kind));
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
  const index = JWS_PARTS.indexOf(part as RunKind);
  if (index < 0) return undefined;
  const pieces = text.split('.');
  let from = 0;
  for (let i = 0; i < index; i++) from += (pieces[i]?.length ?? 0) + 1;
  const piece = pieces[index];
  return piece === undefined ? undefined : [from, from + piece.length];
}
