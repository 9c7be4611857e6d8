// Byte encodings for keys and secrets: base64 (RFC 4648 §4), base64url (§5), hex, UTF-8.
// Kept apart from the token's base64url reader (token-base64url.ts), which must also report positions
// inside a token; here we only need "valid or not" and the bytes.
import type { SecretEncoding } from '../types';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  VALUE[B64.charCodeAt(i)] = i;
  VALUE[B64URL.charCodeAt(i)] = i;
}

/** Decodes base64 or base64url (either alphabet, optional padding); incomplete trailing bits are dropped. */
function decodeAny(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = VALUE[clean.charCodeAt(i)] ?? -1;
    if (v < 0) throw new Error(`'${clean.charAt(i)}' at position ${i} is not a base64 character`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, j);
}

export function isBase64url(text: string): boolean {
  return text.length > 0 && /^[A-Za-z0-9_-]+$/.test(text) && text.length % 4 !== 1;
}

/** Standard base64 with correct padding, or unpadded (many tools drop it); `+` or `/` or `=` not required. */
export function isBase64(text: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return false;
  if (text.includes('=')) return text.length % 4 === 0;
  return text.length % 4 !== 1;
}

export function isHex(text: string): boolean {
  return text.length > 0 && text.length % 2 === 0 && /^[0-9a-fA-F]+$/.test(text);
}

export function base64Decode(text: string): Uint8Array {
  return decodeAny(text);
}

export function base64urlDecode(text: string): Uint8Array {
  return decodeAny(text);
}

export function base64urlEncode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += B64URL.charAt((n >> (18 - 6 * k)) & 63);
  }
  return out;
}

export function base64Encode(bytes: Uint8Array): string {
  const url = base64urlEncode(bytes).replace(/-/g, '+').replace(/_/g, '/');
  return url + '='.repeat((4 - (url.length % 4)) % 4);
}

export function hexDecode(text: string): Uint8Array {
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function utf8Encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Whether `text` is a valid secret under `encoding` (utf8 always is). */
export function isValidSecret(text: string, encoding: SecretEncoding): boolean {
  switch (encoding) {
    case 'utf8':
      return true;
    case 'base64url':
      return isBase64url(text);
    case 'base64':
      return isBase64(text);
    case 'hex':
      return isHex(text);
  }
}
