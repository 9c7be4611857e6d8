// Normalise and decode compact JWS tokens (RFC 7515 §7.1), recognise compact JWE (RFC 7516 §7.1).
// Decoding never verifies anything: it shows what the token says. verify.ts decides whether to believe it.
import { TokenError } from './errors';
import type { TokenPart } from './types';
import {
  bomMessage,
  checkSegment,
  decodeJsonObjectSegment,
  decodeSegmentBytes,
  invalidUtf8Message,
  partName,
  readJson,
  withoutBom,
  type Segment,
} from './lib/token-segments';
import { formatCount } from './lib/format-count';
import { normalizeToken } from './lib/token-normalize';
import { decodeUtf8, findNonAscii, nameCharacter } from './lib/token-text';
import { base64urlOffsetOfByte, canonicalLastChar, nonCanonicalTail } from './lib/token-base64url';
import type { DuplicateMember } from './lib/token-json-scan';

export { normalizeToken } from './lib/token-normalize';
export type { NormalizedToken } from './lib/token-normalize';
export { extractTokens, type NamedToken } from './lib/token-extract';
export { encodeBase64url } from './lib/token-base64url';
export { partName } from './lib/token-segments';

/**
 * Largest input accepted, in characters, measured before normalisation. 2 MiB: a 1 MB JSON payload is
 * about 1.4 million base64url characters and must still decode, while a multi-megabyte paste (a log file,
 * an image) is refused at once instead of freezing the page. Real tokens are a few KB (HTTP servers
 * commonly cap a header at 8–16 KB).
 */
export const MAX_TOKEN_LENGTH = 2 * 1024 * 1024;

export type TokenWarningCode =
  | 'duplicate-member'
  | 'payload-not-json'
  | 'payload-not-utf8'
  | 'payload-not-object'
  | 'payload-empty'
  | 'alg-missing'
  | 'signature-missing'
  | 'unsecured-with-signature'
  | 'payload-unencoded'
  | 'token-partial'
  /** A part's decoded JSON starts with a UTF-8 byte order mark (decoded without it, as jose and PyJWT do). */
  | 'bom'
  /** A part's last character has spare bits set: the token is not the canonical encoding of its bytes. */
  | 'base64url-non-canonical';

export type TokenWarning = {
  code: TokenWarningCode;
  message: string;
  part?: TokenPart;
  /** Character offset into the normalised token, when the warning points at one place. */
  offset?: number;
  /** For duplicate members: the JSON path of the repeated name, e.g. `$.alg` or `$.address.country`. */
  path?: string;
};

export type DecodedToken = {
  normalized: string;
  /** What normalisation removed, in words (empty when the input was already a bare token). */
  changes: string[];
  segments: { header: string; payload: string; signature: string };
  /** [start, end) of each segment in `normalized`. */
  ranges: { header: [number, number]; payload: [number, number]; signature: [number, number] };
  header: Record<string, unknown>;
  headerText: string;
  /** The parsed payload when `payloadIsJson`; otherwise undefined (the text is in `payloadText`). */
  payload: unknown;
  payloadText: string;
  payloadIsJson: boolean;
  signature: Uint8Array;
  alg: string | undefined;
  /** `alg: none` (RFC 7519 §6): an unsecured JWT, which never verifies. */
  unsecured: boolean;
  warnings: TokenWarning[];
  /**
   * Set (true) when the payload part is empty: a JWS with detached content (RFC 7515 Appendix F), whose payload
   * travels separately (VerifyOptions.detachedPayload), or a JWS over an empty payload.
   */
  detached?: boolean;
  /** Set (true) when the header says `b64: false` with `crit: ["b64"]` (RFC 7797): the payload part is not base64url. */
  unencodedPayload?: boolean;
  /**
   * The parts a cut-short token lacks: `['signature']` for `header.payload`, `['payload', 'signature']` for a
   * header alone. What is there is decoded; there is no signature to check. Absent for a whole token.
   */
  missingParts?: ('payload' | 'signature')[];
};

function splitSegments(token: string, parts: readonly TokenPart[]): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  for (let i = 0; i < parts.length; i++) {
    const dot = i === parts.length - 1 ? token.length : token.indexOf('.', start);
    segments.push({ part: parts[i] ?? 'header', text: token.slice(start, dot), start });
    start = dot + 1;
  }
  return segments;
}

const JWS_PARTS = ['header', 'payload', 'signature'] as const satisfies readonly TokenPart[];
const JWE_PARTS = ['header', 'encrypted_key', 'iv', 'ciphertext', 'tag'] as const satisfies readonly TokenPart[];

function nthDot(token: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) at = token.indexOf('.', at + 1);
  return at;
}

/** Whether `text` (the first part of a token) decodes to a JSON object: a JOSE header. */
function isHeader(text: string): boolean {
  try {
    const segment = { part: 'header' as const, text, start: 0 };
    checkSegment(segment);
    decodeJsonObjectSegment(segment);
    return true;
  } catch {
    return false;
  }
}

function checkShape(token: string): 'jws' | 'jwe' | 'partial' {
  const odd = findNonAscii(token);
  if (odd) {
    const dots = token.slice(0, odd.index).split('.').length - 1;
    const part = dots < 3 ? JWS_PARTS[dots] : dots < 5 ? JWE_PARTS[dots] : undefined;
    const where = part ? ` in the ${partName(part)}` : '';
    const hint =
      odd.codePoint === 0x2026
        ? ' The app you copied from shortened the token for display; copy it again from the source.'
        : ' Such characters come from chat apps, word processors or web pages; remove it (or copy the token again from the source).';
    throw new TokenError(
      'characters',
      `The token contains ${nameCharacter(odd.codePoint)} at character ${odd.index}${where}, which cannot appear in a JWT.${hint}`,
      { part, offset: odd.index },
    );
  }
  const count = token.split('.').length;
  if (/^\.+$/.test(token)) {
    throw new TokenError(
      'parts',
      `The token is only dots (${count - 1}): there is no header, payload or signature between them.`,
      { offset: 0 },
    );
  }
  if (count === 3) return 'jws';
  if (count === 5) return 'jwe';
  const dots = count - 1;
  const found = `Found ${count} part${count === 1 ? '' : 's'} (${dots} dot${dots === 1 ? '' : 's'})`;
  const shape = 'a signed JWT (JWS) has 3 parts, header.payload.signature, and an encrypted one (JWE) has 5';
  // People paste tokens cut short by a log line or a display: a header, or header.payload, is decoded as far
  // as it goes (its first part must be a JOSE header; an opaque string is still refused).
  if (count < 3 && token.split('.')[0] !== '' && isHeader(token.split('.')[0] ?? '')) return 'partial';
  if (count < 3) {
    const hint =
      count === 1
        ? ' This may be an opaque (reference) access token, which is not a JWT and cannot be decoded; or only one part was copied.'
        : ' The token was probably cut short; an unsecured token (alg "none") still ends with a dot.';
    throw new TokenError('parts', `${found}; ${shape}.${hint}`, { offset: token.length });
  }
  const hint =
    count > 5
      ? ' If several tokens were pasted together, paste them one at a time or on separate lines.'
      : ' One part has an extra dot, or a part is missing.';
  throw new TokenError('parts', `${found}; ${shape}.${hint}`, { offset: nthDot(token, 3) });
}

function duplicateWarnings(part: TokenPart, segment: Segment, duplicates: DuplicateMember[]): TokenWarning[] {
  return duplicates.map((d) => ({
    code: 'duplicate-member' as const,
    part,
    path: d.path,
    offset: segment.start + base64urlOffsetOfByte(d.position),
    message: `The ${partName(part)} has the member "${d.name}" more than once (${d.path}). JSON.parse keeps the last value, other parsers the first; RFC 7515 §5.2 says such a token must be rejected or handled with care.`,
  }));
}

/**
 * RFC 4648 §3.5: the spare bits of a part's last character must be zero. Decoders drop them, so a token that
 * differs from its canonical form still decodes and verifies; a deny list, a replay cache or a log search that
 * compares tokens as text then sees two tokens where there is one.
 */
function nonCanonicalWarning(segment: Segment): TokenWarning[] {
  const at = nonCanonicalTail(segment.text);
  if (at === undefined) return [];
  const offset = segment.start + at;
  const char = segment.text.charAt(at);
  return [
    {
      code: 'base64url-non-canonical',
      part: segment.part,
      offset,
      message: `The ${partName(segment.part)} ends in "${char}" (character ${offset}), whose last bits are not zero: base64url decoding drops them (RFC 4648 §3.5), so this token decodes and verifies exactly like the one ending in "${canonicalLastChar(segment.text)}". A system that compares tokens as text (a deny list, a replay cache) sees two different tokens.`,
    },
  ];
}

function throwJwe(token: string): never {
  const [headerSegment] = splitSegments(token, JWE_PARTS);
  const header = decodeJsonObjectSegment(headerSegment ?? { part: 'header', text: '', start: 0 }).value;
  const alg = typeof header.alg === 'string' ? header.alg : 'unknown';
  const enc = typeof header.enc === 'string' ? header.enc : 'unknown';
  throw new TokenError(
    'jwe',
    `This is an encrypted token (JWE, RFC 7516), alg "${alg}" and enc "${enc}". Its protected header is shown; decrypting is not supported: the workbench decodes and verifies signed tokens (JWS) only.`,
    { part: 'header', offset: 0, jweHeader: header },
  );
}

/**
 * RFC 7797 §3, §6: `b64: false` changes how the payload is read only when `crit` lists "b64" (jose ignores it
 * otherwise). Read leniently: a header that does not decode is reported by the strict decoding after this.
 */
function declaresUnencodedPayload(segment: Segment): boolean {
  try {
    const text = withoutBom(decodeUtf8(decodeSegmentBytes(segment)).text).text;
    const header = JSON.parse(text) as { b64?: unknown; crit?: unknown };
    return header.b64 === false && Array.isArray(header.crit) && header.crit.includes('b64');
  } catch {
    return false;
  }
}

function readPayload(
  segment: Segment,
  warnings: TokenWarning[],
  unencoded = false,
): Pick<DecodedToken, 'payload' | 'payloadText' | 'payloadIsJson'> {
  // A b64:false payload is the payload's own characters (printable ASCII, as checked for the whole token).
  const bytes = unencoded ? new TextEncoder().encode(segment.text) : decodeSegmentBytes(segment);
  if (bytes.length === 0) {
    warnings.push({
      code: 'payload-empty',
      part: 'payload',
      offset: segment.start,
      message:
        'The payload is empty. This is a JWS with detached content (RFC 7515 Appendix F); the payload travels separately.',
    });
    return { payload: undefined, payloadText: '', payloadIsJson: false };
  }
  const decoded = decodeUtf8(bytes);
  const invalidAt = decoded.invalidAt;
  if (invalidAt >= 0) {
    warnings.push({
      code: 'payload-not-utf8',
      part: 'payload',
      offset: segment.start + base64urlOffsetOfByte(invalidAt),
      message: `The payload is binary data, not UTF-8 text: ${invalidUtf8Message('payload', bytes, invalidAt)}. It is shown with replacement characters (U+FFFD).`,
    });
    return { payload: undefined, payloadText: decoded.text, payloadIsJson: false };
  }
  const { text, bom } = unencoded ? { text: decoded.text, bom: false } : withoutBom(decoded.text);
  if (bom) warnings.push({ code: 'bom', part: 'payload', offset: segment.start, message: bomMessage('payload') });
  const reading = readJson(text, segment, bom ? 3 : 0);
  if (!reading.ok) {
    warnings.push({
      code: 'payload-not-json',
      part: 'payload',
      offset: reading.offset,
      message: `The payload is not JSON (${reading.message}), so it is shown as text. A JWT's claims must be a JSON object (RFC 7519 §7.2).`,
    });
    return { payload: undefined, payloadText: text, payloadIsJson: false };
  }
  warnings.push(...duplicateWarnings('payload', segment, reading.duplicates));
  const value = reading.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    warnings.push({
      code: 'payload-not-object',
      part: 'payload',
      offset: segment.start,
      message:
        'The payload is JSON but not an object, so it is not a JWT claims set (RFC 7519 §7.2); no claims are checked.',
    });
  }
  return { payload: value, payloadText: text, payloadIsJson: true };
}

/** Why `chars` characters are refused as a token: the size, the limit, and what to check. */
export function tokenTooLargeMessage(chars: number): string {
  return `The input is ${formatCount(chars)} characters; the limit is ${formatCount(MAX_TOKEN_LENGTH)} (2 MiB). Real tokens are a few kilobytes: check that only the token was pasted.`;
}

/** Normalises `input` and decodes it. Throws TokenError (never anything else) when it cannot be decoded. */
export function decodeToken(input: string): DecodedToken {
  if (input.length > MAX_TOKEN_LENGTH) {
    throw new TokenError('too-large', tokenTooLargeMessage(input.length), { offset: MAX_TOKEN_LENGTH });
  }
  const { token, changes } = normalizeToken(input);
  if (token.length === 0) {
    throw new TokenError(
      'empty',
      input.trim().length === 0
        ? 'No token: paste a JWT (three base64url parts separated by dots).'
        : 'No token after removing the prefix and quotes: paste the JWT itself.',
      { offset: 0 },
    );
  }
  const shape = checkShape(token);
  if (shape === 'jwe') throwJwe(token);
  const partCount = token.split('.').length;
  const missingParts = shape === 'partial' ? (['payload', 'signature'] as const).slice(partCount - 1) : [];

  // A cut-short token is split as if its missing parts were empty, so every range stays inside the text.
  const [headerSeg, payloadSeg, signatureSeg] = splitSegments(
    shape === 'partial' ? `${token}${'.'.repeat(3 - partCount)}` : token,
    JWS_PARTS,
  ).map((s) => ({ ...s, start: Math.min(s.start, token.length) })) as [Segment, Segment, Segment];
  // Alphabet first in all three parts, so the leftmost bad character is reported wherever it is; the payload
  // of a b64:false token (RFC 7797) is not base64url, so it is left out of that check.
  checkSegment(headerSeg);
  const unencoded = declaresUnencodedPayload(headerSeg);
  for (const segment of unencoded ? [signatureSeg] : [payloadSeg, signatureSeg]) checkSegment(segment);
  const header = decodeJsonObjectSegment(headerSeg);
  const signature = decodeSegmentBytes(signatureSeg);

  const warnings: TokenWarning[] = duplicateWarnings('header', headerSeg, header.duplicates);
  if (header.bom)
    warnings.push({ code: 'bom', part: 'header', offset: headerSeg.start, message: bomMessage('header') });
  for (const segment of unencoded ? [headerSeg, signatureSeg] : [headerSeg, payloadSeg, signatureSeg]) {
    warnings.push(...nonCanonicalWarning(segment));
  }
  if (unencoded && payloadSeg.text !== '') {
    warnings.push({
      code: 'payload-unencoded',
      part: 'payload',
      offset: payloadSeg.start,
      message:
        'The header says "b64": false (RFC 7797): the payload part is the payload itself, not base64url, and it is signed as it is.',
    });
  }
  if (missingParts.length > 0) {
    warnings.push({
      code: 'token-partial',
      part: missingParts[0],
      offset: token.length,
      message:
        missingParts.length === 2
          ? 'Only the header is here: the payload and the signature are missing. The token was probably cut short when it was copied (a log line or a display limit); copy it again from the source.'
          : 'The signature is missing: the token ends after its payload, so there is nothing to verify. It was probably cut short when it was copied; an unsecured token (alg "none") still ends with a dot.',
    });
  }
  const payload = missingParts.includes('payload')
    ? { payload: undefined, payloadText: '', payloadIsJson: false }
    : readPayload(payloadSeg, warnings, unencoded);
  const alg = typeof header.value.alg === 'string' ? header.value.alg : undefined;
  if (alg === undefined) {
    warnings.push({
      code: 'alg-missing',
      part: 'header',
      offset: headerSeg.start,
      message:
        'The header has no "alg" string; a JWS must name its algorithm (RFC 7515 §4.1.1), so it cannot be verified.',
    });
  }
  const unsecured = alg === 'none';
  if (unsecured && signature.length > 0) {
    warnings.push({
      code: 'unsecured-with-signature',
      part: 'signature',
      offset: signatureSeg.start,
      message:
        'The header says alg "none" but the token has a signature; an unsecured JWT has an empty signature (RFC 7519 §6.1).',
    });
  } else if (!unsecured && signature.length === 0 && missingParts.length === 0) {
    warnings.push({
      code: 'signature-missing',
      part: 'signature',
      offset: signatureSeg.start,
      message: `The signature part is empty although the header says alg "${alg ?? ''}"; this token cannot verify.`,
    });
  }
  const end = (s: Segment): number => s.start + s.text.length;
  return {
    normalized: token,
    changes,
    segments: { header: headerSeg.text, payload: payloadSeg.text, signature: signatureSeg.text },
    ranges: {
      header: [headerSeg.start, end(headerSeg)],
      payload: [payloadSeg.start, end(payloadSeg)],
      signature: [signatureSeg.start, end(signatureSeg)],
    },
    header: header.value,
    headerText: header.text,
    ...payload,
    signature,
    alg,
    unsecured,
    warnings,
    ...(payloadSeg.text === '' && !missingParts.includes('payload') ? { detached: true } : {}),
    ...(unencoded ? { unencodedPayload: true } : {}),
    ...(missingParts.length > 0 ? { missingParts: [...missingParts] } : {}),
  };
}
