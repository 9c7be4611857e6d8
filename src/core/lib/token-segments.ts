// Decoding of one segment: base64url → bytes → UTF-8 → JSON, each step failing with a TokenError that
// names the part and the character offset (into the normalised token) where it went wrong.
import { TokenError } from '../errors';
import type { TokenPart } from '../types';
import { base64urlOffsetOfByte, decodeBase64url, findBase64urlProblem } from './token-base64url';
import { recordNonFiniteNumbers } from './json-raw-numbers';
import { scanJson, type DuplicateMember } from './token-json-scan';
import { decodeUtf8, describeInvalidUtf8, startsWithBom, utf8Length } from './token-text';

export type Segment = { part: TokenPart; text: string; start: number };

const PART_NAMES: Record<TokenPart, string> = {
  header: 'header',
  payload: 'payload',
  signature: 'signature',
  encrypted_key: 'encrypted key',
  iv: 'initialisation vector',
  ciphertext: 'ciphertext',
  tag: 'authentication tag',
};

export function partName(part: TokenPart): string {
  return PART_NAMES[part];
}

export function decodeSegmentBytes(segment: Segment): Uint8Array {
  checkSegment(segment);
  return decodeBase64url(segment.text);
}

/** Throws the TokenError for the first character of `segment` that base64url does not allow. */
export function checkSegment(segment: Segment): void {
  const problem = findBase64urlProblem(segment.text);
  if (!problem) return;
  const where = segment.start + problem.index;
  const name = partName(segment.part);
  const details = { part: segment.part, offset: where };
  switch (problem.kind) {
    case 'padding':
      throw new TokenError(
        'padding',
        `The ${name} has "=" padding at character ${where}. JWTs use base64url without padding (RFC 7515 §2): remove the trailing "=" characters.`,
        details,
      );
    case 'standard':
      throw new TokenError(
        'base64',
        `The ${name} contains "${problem.char}" at character ${where}: that is standard base64, not base64url. In base64url "+" is "-" and "/" is "_" (RFC 4648 §5); the token was probably encoded with the wrong alphabet.`,
        details,
      );
    case 'length':
      throw new TokenError(
        'base64url',
        `The ${name} is ${segment.text.length} characters long, which no base64url text can be (a length of 4n+1 leaves a stray character). The token was probably cut or has an extra character near character ${where}.`,
        details,
      );
    case 'char':
      throw new TokenError(
        'base64url',
        `The ${name} contains "${problem.char}" at character ${where}, which is not a base64url character (allowed: A–Z a–z 0–9 - _).`,
        details,
      );
  }
}

/** A JSON text that passed the scanner, parsed; or the reason it is not JSON and where. */
export type JsonReading =
  { ok: true; value: unknown; duplicates: DuplicateMember[] } | { ok: false; message: string; offset: number };

/**
 * Parses `text` (decoded from `segment`, after `skippedBytes` bytes such as a byte order mark); offsets are
 * mapped back into the normalised token, roughly.
 */
export function readJson(text: string, segment: Segment, skippedBytes = 0): JsonReading {
  const scan = scanJson(text);
  const offsetOf = (charIndex: number): number =>
    Math.min(
      segment.start + base64urlOffsetOfByte(skippedBytes + utf8Length(text.slice(0, charIndex))),
      segment.start + Math.max(0, segment.text.length - 1),
    );
  if (!scan.ok) {
    return {
      ok: false,
      message: `${scan.message} at character ${scan.position} of the decoded JSON`,
      offset: offsetOf(scan.position),
    };
  }
  try {
    const value = JSON.parse(text) as unknown;
    recordNonFiniteNumbers(value, text);
    return { ok: true, value, duplicates: scan.duplicates };
  } catch (err) {
    // The scanner accepted it, so this can only be the engine's own limits (RangeError on huge nesting).
    const reason = err instanceof RangeError ? 'it is nested too deeply for this browser' : String(err);
    return { ok: false, message: `it could not be read: ${reason}`, offset: segment.start };
  }
}

/**
 * The decoded text of a JSON part without a leading byte order mark, and whether it had one. jose and PyJWT
 * both skip it (a TextDecoder and json.loads drop it), but RFC 8259 §8.1 forbids it in JSON sent over a
 * network, so the token is decoded as they read it and the BOM is reported.
 */
export function withoutBom(text: string): { text: string; bom: boolean } {
  return startsWithBom(text) ? { text: text.slice(1), bom: true } : { text, bom: false };
}

export function bomMessage(part: TokenPart): string {
  const name = partName(part);
  return `The ${name} starts with a UTF-8 byte order mark (bytes 0–2 of the decoded ${name}: EF BB BF). jose and PyJWT skip it, so it is decoded without it here too; but JSON sent between systems must not start with one (RFC 8259 §8.1), and stricter parsers refuse the token.`;
}

/** "byte 8 of the decoded header (0xFF) never occurs in UTF-8". */
export function invalidUtf8Message(part: TokenPart, bytes: Uint8Array, index: number): string {
  return `byte ${index} of the decoded ${partName(part)} ${describeInvalidUtf8(bytes, index)}`;
}

export function decodeJsonObjectSegment(segment: Segment): {
  value: Record<string, unknown>;
  text: string;
  duplicates: DuplicateMember[];
  /** The decoded part started with a byte order mark, which `text` no longer has. */
  bom: boolean;
} {
  const name = partName(segment.part);
  if (segment.text.length === 0) {
    throw new TokenError('json', `The ${name} is empty; it must be a base64url-encoded JSON object.`, {
      part: segment.part,
      offset: segment.start,
    });
  }
  const bytes = decodeSegmentBytes(segment);
  const decoded = decodeUtf8(bytes);
  const invalidAt = decoded.invalidAt;
  if (invalidAt >= 0) {
    throw new TokenError(
      'json',
      `The ${name} is not valid UTF-8 text: ${invalidUtf8Message(segment.part, bytes, invalidAt)}, so it cannot be JSON (RFC 7515 §4: the header is UTF-8 JSON).`,
      { part: segment.part, offset: segment.start + base64urlOffsetOfByte(invalidAt) },
    );
  }
  const { text, bom } = withoutBom(decoded.text);
  const reading = readJson(text, segment, bom ? 3 : 0);
  if (!reading.ok) {
    throw new TokenError(
      'json',
      `The ${name} is not valid JSON: ${reading.message} (near character ${reading.offset} of the token).`,
      { part: segment.part, offset: reading.offset },
    );
  }
  const value = reading.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    throw new TokenError(
      'header-not-object',
      `The ${name} is JSON but ${kind}, not an object; a JOSE header must be a JSON object (RFC 7515 §4).`,
      { part: segment.part, offset: segment.start },
    );
  }
  return { value: value as Record<string, unknown>, text, duplicates: reading.duplicates, bom };
}
