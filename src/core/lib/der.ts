// A deliberately small DER (X.690) reader and writer: just enough to classify SPKI, PKCS#8, PKCS#1,
// SEC1 and X.509 structures and to wrap PKCS#1/SEC1 keys into PKCS#8/SPKI for WebCrypto.
// Why not asn1js or @peculiar/asn1-*: together they add tens of KB gzip to the bundle that must stay
// under 90 KB before the first decode, and we only need definite-length DER, never BER.
// Every function here is covered by tests/unit/der.test.ts.
import { CoreError } from '../errors';

export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  IA5_STRING: 0x16,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

export const DER_ERROR_CODES = ['truncated', 'malformed'] as const;
export type DerErrorCode = (typeof DER_ERROR_CODES)[number];

/** Why a DER structure could not be read. `truncated` means the bytes end before a declared length does. */
export class DerError extends CoreError {
  declare readonly code: DerErrorCode;
  readonly offset: number;
  constructor(code: DerErrorCode, offset: number, message: string) {
    super(code, message);
    this.offset = offset;
  }
}

/** One TLV element. `start` is the offset of the tag byte, `contentStart`/`end` bound the value. */
export type DerNode = {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
  bytes: Uint8Array;
};

/** Reads the element that starts at `offset`. Only single-byte tags and definite lengths (DER, X.690 §10.1). */
export function readNode(bytes: Uint8Array, offset = 0): DerNode {
  const tag = bytes[offset];
  if (tag === undefined) throw new DerError('truncated', offset, `DER data ends at byte ${offset}, a tag was expected`);
  if ((tag & 0x1f) === 0x1f)
    throw new DerError('malformed', offset, `multi-byte tag at byte ${offset} is not used by keys`);
  const first = bytes[offset + 1];
  if (first === undefined)
    throw new DerError('truncated', offset + 1, `DER data ends at byte ${offset + 1}, a length was expected`);
  let length = first;
  let contentStart = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0)
      throw new DerError('malformed', offset + 1, `indefinite length at byte ${offset + 1} is BER, not DER`);
    if (count > 4)
      throw new DerError('malformed', offset + 1, `length of ${count} bytes at byte ${offset + 1} is too large`);
    length = 0;
    for (let i = 0; i < count; i++) {
      const b = bytes[offset + 2 + i];
      if (b === undefined) throw new DerError('truncated', offset + 2 + i, `DER data ends inside a length field`);
      length = length * 256 + b;
    }
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > bytes.length) {
    throw new DerError(
      'truncated',
      bytes.length,
      `an element at byte ${offset} declares ${length} bytes but only ${bytes.length - contentStart} follow`,
    );
  }
  return { tag, start: offset, contentStart, end, bytes };
}

/** Reads a whole buffer that must be exactly one element. */
export function readRoot(bytes: Uint8Array): DerNode {
  const node = readNode(bytes, 0);
  if (node.end !== bytes.length) {
    throw new DerError('malformed', node.end, `${bytes.length - node.end} unexpected bytes after the DER structure`);
  }
  return node;
}

export function content(node: DerNode): Uint8Array {
  return node.bytes.subarray(node.contentStart, node.end);
}

/** The whole TLV encoding of the node (tag, length and value). */
export function encoded(node: DerNode): Uint8Array {
  return node.bytes.subarray(node.start, node.end);
}

/** Children of a constructed element (SEQUENCE, SET, or an explicit [n] context tag). */
export function children(node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  let offset = node.contentStart;
  while (offset < node.end) {
    const child = readNode(node.bytes.subarray(0, node.end), offset);
    out.push(child);
    offset = child.end;
  }
  return out;
}

/** Children, after checking the tag; `what` names the structure in error messages. */
export function expectSequence(node: DerNode | undefined, what: string): DerNode[] {
  if (!node || node.tag !== TAG.SEQUENCE) {
    throw new DerError('malformed', node?.start ?? 0, `${what}: a SEQUENCE was expected`);
  }
  return children(node);
}

export function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!node || node.tag !== tag) {
    const found = node ? `tag 0x${node.tag.toString(16)}` : 'nothing';
    throw new DerError('malformed', node?.start ?? 0, `${what}: tag 0x${tag.toString(16)} expected, found ${found}`);
  }
  return node;
}

/** Dotted-decimal form of an OBJECT IDENTIFIER value (X.690 §8.19). */
export function decodeOid(value: Uint8Array): string {
  if (value.length === 0) throw new DerError('malformed', 0, 'empty OBJECT IDENTIFIER');
  const arcs: number[] = [];
  let acc = 0;
  for (const b of value) {
    acc = acc * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      arcs.push(acc);
      acc = 0;
    }
  }
  const first = arcs.shift() ?? 0;
  const top = first < 80 ? Math.floor(first / 40) : 2;
  return [top, first - top * 40, ...arcs].join('.');
}

export function encodeOid(dotted: string): Uint8Array {
  const parts = dotted.split('.').map(Number);
  const [a = 0, b = 0, ...rest] = parts;
  const out: number[] = [];
  for (const arc of [a * 40 + b, ...rest]) {
    const groups: number[] = [];
    let v = arc;
    do {
      groups.unshift(v % 128);
      v = Math.floor(v / 128);
    } while (v > 0);
    groups.forEach((g, i) => out.push(i < groups.length - 1 ? g | 0x80 : g));
  }
  return Uint8Array.from(out);
}

/** Bit length of a non-negative INTEGER value (leading zero bytes ignored), e.g. an RSA modulus. */
export function integerBitLength(value: Uint8Array): number {
  let i = 0;
  while (i < value.length && value[i] === 0) i++;
  const top = value[i];
  if (top === undefined) return 0;
  return (value.length - i - 1) * 8 + (32 - Math.clz32(top));
}

/** Text of a string element (UTF8String, PrintableString, IA5String, BMPString). */
export function decodeString(node: DerNode): string {
  const value = content(node);
  if (node.tag === TAG.BMP_STRING) {
    let s = '';
    for (let i = 0; i + 1 < value.length; i += 2)
      s += String.fromCharCode(((value[i] ?? 0) << 8) | (value[i + 1] ?? 0));
    return s;
  }
  return new TextDecoder().decode(value);
}

function encodeLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let v = length; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return [0x80 | bytes.length, ...bytes];
}

/** One TLV element from a tag and its value. */
export function tlv(tag: number, value: Uint8Array): Uint8Array {
  const head = [tag, ...encodeLength(value.length)];
  const out = new Uint8Array(head.length + value.length);
  out.set(head, 0);
  out.set(value, head.length);
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export function sequence(...items: Uint8Array[]): Uint8Array {
  return tlv(TAG.SEQUENCE, concat(...items));
}

export function oidTlv(dotted: string): Uint8Array {
  return tlv(TAG.OID, encodeOid(dotted));
}

export function smallInteger(value: number): Uint8Array {
  return tlv(TAG.INTEGER, Uint8Array.of(value));
}

/** BIT STRING with zero unused bits, as SPKI's subjectPublicKey is (RFC 5280 §4.1). */
export function bitString(value: Uint8Array): Uint8Array {
  return tlv(TAG.BIT_STRING, concat(Uint8Array.of(0), value));
}

export const NULL_TLV = Uint8Array.of(TAG.NULL, 0);
