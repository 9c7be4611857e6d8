// Text helpers for decoding: UTF-8 with the position of the first bad byte (TextDecoder's fatal mode only
// says "invalid"), and names for the invisible characters chat apps and word processors slip into tokens.

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossyDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

/** Index of the first byte that is not valid UTF-8 (RFC 3629), or -1. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/** Why the byte at `index` (found by findInvalidUtf8) breaks UTF-8, in words: "(0xC3) starts a 2-byte…". */
export function describeInvalidUtf8(bytes: Uint8Array, index: number): string {
  const b = bytes[index] ?? 0;
  const hex = `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
  if (b >= 0x80 && b <= 0xbf) return `(${hex}) is a continuation byte with no lead byte before it`;
  if (b === 0xc0 || b === 0xc1 || b >= 0xf5) return `(${hex}) never occurs in UTF-8`;
  const need = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
  for (let k = 1; k <= need; k++) {
    const c = bytes[index + k];
    if (c === undefined || (c & 0xc0) !== 0x80) {
      return `(${hex}) starts a ${need + 1}-byte sequence that is cut short${c === undefined ? ' by the end of the data' : ` at byte ${index + k}`}`;
    }
  }
  return `(${hex}) starts an overlong or out-of-range sequence (RFC 3629 §3)`;
}

/** Decoded text starts with U+FEFF: the bytes EF BB BF, a byte order mark, which JSON text must not have. */
export function startsWithBom(text: string): boolean {
  return text.charCodeAt(0) === 0xfeff;
}

export function decodeUtf8(bytes: Uint8Array): { text: string; invalidAt: number } {
  try {
    return { text: strictDecoder.decode(bytes), invalidAt: -1 };
  } catch {
    return { text: lossyDecoder.decode(bytes), invalidAt: Math.max(0, findInvalidUtf8(bytes)) };
  }
}

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}

const CHARACTER_NAMES: Record<number, string> = {
  0x00a0: 'NO-BREAK SPACE',
  0x00ad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2010: 'HYPHEN',
  0x2011: 'NON-BREAKING HYPHEN',
  0x2013: 'EN DASH',
  0x2014: 'EM DASH',
  0x2026: 'HORIZONTAL ELLIPSIS',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202f: 'NARROW NO-BREAK SPACE',
  0x2060: 'WORD JOINER',
  0x3000: 'IDEOGRAPHIC SPACE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)',
  0xfffd: 'REPLACEMENT CHARACTER',
};

/** "U+200B ZERO WIDTH SPACE", "U+0007 (control character)", "U+00E9 "é"". */
export function nameCharacter(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CHARACTER_NAMES[codePoint];
  if (name) return `${hex} ${name}`;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return `${hex} (control character)`;
  return `${hex} "${String.fromCodePoint(codePoint)}"`;
}

/** Index and code point of the first character outside printable ASCII, or undefined. */
export function findNonAscii(text: string): { index: number; codePoint: number } | undefined {
  // A native search: a character loop costs tens of ms on a 1 MB token.
  const i = text.search(/[^\x21-\x7e]/);
  return i < 0 ? undefined : { index: i, codePoint: text.codePointAt(i) ?? text.charCodeAt(i) };
}
