// base64url (RFC 4648 §5, no padding as RFC 7515 §2 requires) with error positions. atob would accept
// padding and standard base64 silently, and says nothing about where the input went wrong.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

export type Base64urlProblem =
  /** A character outside the base64url alphabet; `index` is its position in the segment. */
  | { kind: 'char'; index: number; char: string }
  /** `=` padding, which base64url in JOSE never has. */
  | { kind: 'padding'; index: number }
  /** `+` or `/`: standard base64 instead of base64url. */
  | { kind: 'standard'; index: number; char: string }
  /** A length of 4n+1 characters cannot encode whole bytes. */
  | { kind: 'length'; index: number };

// The common case, a clean segment, checked natively: the loop below costs tens of ms on a 1 MB payload.
const CLEAN = /^[A-Za-z0-9_-]*$/;

/** The first problem in `text` as base64url, or undefined when it decodes. */
export function findBase64urlProblem(text: string): Base64urlProblem | undefined {
  if (CLEAN.test(text)) return text.length % 4 === 1 ? { kind: 'length', index: text.length - 1 } : undefined;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128 && VALUE[code] !== -1) continue;
    const char = text.charAt(i);
    if (char === '=') return { kind: 'padding', index: i };
    if (char === '+' || char === '/') return { kind: 'standard', index: i, char };
    return { kind: 'char', index: i, char };
  }
  if (text.length % 4 === 1) return { kind: 'length', index: text.length - 1 };
  return undefined;
}

/**
 * Index of the last character when its unused low bits are not zero (RFC 4648 §3.5): decoding drops them, so
 * the text is not the canonical encoding of its bytes and another text decodes to the same bytes. Undefined
 * for canonical text. Call only on text that findBase64urlProblem accepted.
 */
export function nonCanonicalTail(text: string): number | undefined {
  const rest = text.length % 4;
  if (rest < 2) return undefined;
  const value = VALUE[text.charCodeAt(text.length - 1)] ?? 0;
  // 2 characters carry 1 byte (4 spare bits), 3 characters carry 2 bytes (2 spare bits).
  const spare = rest === 2 ? 0x0f : 0x03;
  return (value & spare) === 0 ? undefined : text.length - 1;
}

/** The character that makes the last one canonical: its spare bits cleared. */
export function canonicalLastChar(text: string): string {
  const value = VALUE[text.charCodeAt(text.length - 1)] ?? 0;
  return ALPHABET.charAt(value & (text.length % 4 === 2 ? 0x30 : 0x3c));
}

// Native base64url decoding where the runtime has it (Chromium 140+, Firefox 133+, Safari 18.2+); not in Node 20.
type FromBase64 = (text: string, options: { alphabet: 'base64url'; lastChunkHandling: 'loose' }) => Uint8Array;
const fromBase64 = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64;

/** Decodes base64url text already checked by findBase64urlProblem. Trailing partial bits are dropped. */
export function decodeBase64url(text: string): Uint8Array {
  if (fromBase64) {
    try {
      return fromBase64(text, { alphabet: 'base64url', lastChunkHandling: 'loose' });
    } catch {
      // Unchecked input (a stray character): the loop below decodes what it can, as before.
    }
  }
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    acc = (acc << 6) | (VALUE[text.charCodeAt(i)] ?? 0);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

/** base64url without padding; used by tests and by extractTokens' callers to build tokens. */
export function encodeBase64url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63) + ALPHABET.charAt((n >> 6) & 63);
    out += ALPHABET.charAt(n & 63);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16;
    out += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63);
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63) + ALPHABET.charAt((n >> 6) & 63);
  }
  return out;
}

/** Rough character offset inside a base64url segment of the byte at `byteIndex` of its decoded data. */
export function base64urlOffsetOfByte(byteIndex: number): number {
  return Math.floor((byteIndex * 4) / 3);
}
