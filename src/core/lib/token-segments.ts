// Decoding of one segment: base64url → bytes → UTF-8 → JSON, each step failing with a TokenError that
// names the part and the character offset (into the normalised token) where it went wrong.
import { TokenError } from '../errors';
import type { TokenPart } from '../types';
import { base64urlOffsetOfByte, decodeBase64url, findBase64urlProblem } from './token-base64url';
import { scanJson, type DuplicateMember } from './token-json-scan';
import { decodeUtf8, utf8Length } from './token-text';

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

/** Parses `text` (decoded from `segment`); offsets are mapped back into the normalised token, roughly. */
export function readJson(text: string, segment: Segment): JsonReading {
  const scan = scanJson(text);
  const offsetOf = (charIndex: number): number =>
    Math.min(
      segment.start + base64urlOffsetOfByte(utf8Length(text.slice(0, charIndex))),
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
    return { ok: true, value: JSON.parse(text) as unknown, duplicates: scan.duplicates };
  } catch (err) {
    // The scanner accepted it, so this can only be the engine's own limits (RangeError on huge nesting).
    const reason = err instanceof RangeError ? 'it is nested too deeply for this browser' : String(err);
    return { ok: false, message: `it could not be read: ${reason}`, offset: segment.start };
  }
}

export function decodeJsonObjectSegment(segment: Segment): {
  value: Record<string, unknown>;
  text: string;
  duplicates: DuplicateMember[];
} {
  const name = partName(segment.part);
  if (segment.text.length === 0) {
    throw new TokenError('json', `The ${name} is empty; it must be a base64url-encoded JSON object.`, {
      part: segment.part,
      offset: segment.start,
    });
  }
  const bytes = decodeSegmentBytes(segment);
  const { text, invalidAt } = decodeUtf8(bytes);
  if (invalidAt >= 0) {
    throw new TokenError(
      'json',
      `The ${name} is not valid UTF-8 text (bad byte ${invalidAt} of the decoded data), so it cannot be JSON (RFC 7515 §4: the header is UTF-8 JSON).`,
      { part: segment.part, offset: segment.start + base64urlOffsetOfByte(invalidAt) },
    );
  }
  const reading = readJson(text, segment);
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
  return { value: value as Record<string, unknown>, text, duplicates: reading.duplicates };
}
