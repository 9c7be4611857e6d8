// Decode a compact JWE for display (RFC 7516 §7.1): the five parts named, with their ranges in the
// normalised token, and the protected header decoded and explained. Nothing is decrypted here.
import { TokenError } from '../errors';
import { MAX_TOKEN_LENGTH, normalizeToken } from '../token';
import type { TokenPart } from '../types';
import {
  checkSegment,
  decodeJsonObjectSegment,
  decodeSegmentBytes,
  partName,
  type Segment,
} from '../lib/token-segments';
import { findNonAscii, nameCharacter } from '../lib/token-text';
import { base64urlOffsetOfByte } from '../lib/token-base64url';
import {
  JWE_ALGORITHM_INFO,
  JWE_ENCRYPTION_INFO,
  isJweContentEncryption,
  isJweKeyAlgorithm,
  type JweContentEncryption,
  type JweKeyAlgorithm,
} from './algorithms';
import { explainJweHeader, type JweHeaderRow } from './explain-header';

export const JWE_PARTS = ['header', 'encrypted_key', 'iv', 'ciphertext', 'tag'] as const satisfies readonly TokenPart[];
export type JwePart = (typeof JWE_PARTS)[number];

export type JweWarningCode =
  | 'duplicate-member'
  | 'alg-missing'
  | 'enc-missing'
  | 'alg-unsupported'
  | 'enc-unsupported'
  | 'encrypted-key-unexpected'
  | 'encrypted-key-missing'
  | 'iv-size'
  | 'tag-size';

export type JweWarning = { code: JweWarningCode; message: string; part?: JwePart; offset?: number; path?: string };

export type DecodedJwe = {
  normalized: string;
  /** What normalisation removed, in words (the same normaliser as decodeToken: Bearer, quotes, whitespace). */
  changes: string[];
  /** base64url text of each part. */
  segments: Record<JwePart, string>;
  /** [start, end) of each part in `normalized`. */
  ranges: Record<JwePart, [number, number]>;
  /** Decoded size of each part after the header, in bytes. */
  sizes: Record<Exclude<JwePart, 'header'>, number>;
  header: Record<string, unknown>;
  headerText: string;
  alg: string | undefined;
  enc: string | undefined;
  /** The header member by member, in words. */
  explanation: JweHeaderRow[];
  warnings: JweWarning[];
};

function splitSegments(token: string): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  for (const part of JWE_PARTS) {
    const dot = part === 'tag' ? token.length : token.indexOf('.', start);
    segments.push({ part, text: token.slice(start, dot), start });
    start = dot + 1;
  }
  return segments;
}

function checkShape(token: string): void {
  const odd = findNonAscii(token);
  if (odd) {
    const dots = token.slice(0, odd.index).split('.').length - 1;
    const part = JWE_PARTS[Math.min(dots, 4)];
    throw new TokenError(
      'characters',
      `The token contains ${nameCharacter(odd.codePoint)} at character ${odd.index}${part ? ` in the ${partName(part)}` : ''}, which cannot appear in a JWE. Remove it, or copy the token again from the source.`,
      { ...(part ? { part } : {}), offset: odd.index },
    );
  }
  const count = token.split('.').length;
  if (count === 5) return;
  const dots = count - 1;
  const found = `Found ${count} part${count === 1 ? '' : 's'} (${dots} dot${dots === 1 ? '' : 's'})`;
  const hint =
    count === 3
      ? ' Three parts is a signed token (JWS): decode it as one.'
      : count < 5
        ? ' The token was probably cut short; an empty part (as in dir or ECDH-ES, which have no encrypted key) still keeps its dots.'
        : ' If several tokens were pasted together, paste them one at a time.';
  throw new TokenError(
    'parts',
    `${found}; an encrypted token (JWE) has 5: header.encrypted_key.iv.ciphertext.tag.${hint}`,
    { offset: count < 5 ? token.length : token.split('.').slice(0, 5).join('.').length },
  );
}

function shapeWarnings(
  alg: JweKeyAlgorithm | undefined,
  enc: JweContentEncryption | undefined,
  sizes: DecodedJwe['sizes'],
  ranges: DecodedJwe['ranges'],
): JweWarning[] {
  const out: JweWarning[] = [];
  if (alg) {
    const kind = JWE_ALGORITHM_INFO[alg].key;
    const noKey = kind === 'dir' || alg === 'ECDH-ES';
    if (noKey && sizes.encrypted_key > 0) {
      out.push({
        code: 'encrypted-key-unexpected',
        part: 'encrypted_key',
        offset: ranges.encrypted_key[0],
        message: `With alg "${alg}" the encrypted key part must be empty (RFC 7516 §5.1), but it holds ${sizes.encrypted_key} bytes; jose refuses such a token.`,
      });
    }
    if (!noKey && sizes.encrypted_key === 0) {
      out.push({
        code: 'encrypted-key-missing',
        part: 'encrypted_key',
        offset: ranges.encrypted_key[0],
        message: `With alg "${alg}" the encrypted key part holds the wrapped content key, but it is empty: the token cannot be decrypted.`,
      });
    }
  }
  if (enc) {
    const info = JWE_ENCRYPTION_INFO[enc];
    if (sizes.iv !== info.ivBytes) {
      out.push({
        code: 'iv-size',
        part: 'iv',
        offset: ranges.iv[0],
        message: `The initialisation vector is ${sizes.iv} bytes; ${enc} uses ${info.ivBytes} (RFC 7518 §5), so decryption will fail.`,
      });
    }
    if (sizes.tag !== info.tagBytes) {
      out.push({
        code: 'tag-size',
        part: 'tag',
        offset: ranges.tag[0],
        message: `The authentication tag is ${sizes.tag} bytes; ${enc} makes ${info.tagBytes}-byte tags (RFC 7518 §5), so it was cut or made for another enc.`,
      });
    }
  }
  return out;
}

function nameWarnings(header: Record<string, unknown>, start: number): JweWarning[] {
  const out: JweWarning[] = [];
  if (typeof header.alg !== 'string') {
    out.push({
      code: 'alg-missing',
      part: 'header',
      offset: start,
      message: 'The header has no "alg" string; a JWE must name its key management algorithm (RFC 7516 §4.1.1).',
    });
  } else if (!isJweKeyAlgorithm(header.alg)) {
    out.push({
      code: 'alg-unsupported',
      part: 'header',
      offset: start,
      message: `alg "${header.alg}" is not supported here, so the token cannot be decrypted.`,
    });
  }
  if (typeof header.enc !== 'string') {
    out.push({
      code: 'enc-missing',
      part: 'header',
      offset: start,
      message: 'The header has no "enc" string; a JWE must name its content encryption algorithm (RFC 7516 §4.1.2).',
    });
  } else if (!isJweContentEncryption(header.enc)) {
    out.push({
      code: 'enc-unsupported',
      part: 'header',
      offset: start,
      message: `enc "${header.enc}" is not supported here, so the token cannot be decrypted.`,
    });
  }
  return out;
}

/**
 * Normalises `input` (as decodeToken does) and decodes it as a compact JWE. Throws TokenError (never anything
 * else) when it is not five base64url parts with a JSON object header; three parts give code `parts`.
 */
export function decodeJwe(input: string, options: { maxPbes2Count?: number } = {}): DecodedJwe {
  if (input.length > MAX_TOKEN_LENGTH) {
    throw new TokenError(
      'too-large',
      `The input is ${input.length} characters; the limit is ${MAX_TOKEN_LENGTH} (2 MiB).`,
      {
        offset: MAX_TOKEN_LENGTH,
      },
    );
  }
  const { token, changes } = normalizeToken(input);
  if (token.length === 0)
    throw new TokenError('empty', 'No token: paste a JWE (five base64url parts separated by dots).', { offset: 0 });
  checkShape(token);
  const segments = splitSegments(token) as [Segment, Segment, Segment, Segment, Segment];
  for (const segment of segments) checkSegment(segment);
  const [headerSeg] = segments;
  const header = decodeJsonObjectSegment(headerSeg);
  const named = Object.fromEntries(segments.map((s) => [s.part, s])) as Record<JwePart, Segment>;
  const ranges = Object.fromEntries(
    segments.map((s) => [s.part, [s.start, s.start + s.text.length]]),
  ) as DecodedJwe['ranges'];
  const sizes = {
    encrypted_key: decodeSegmentBytes(named.encrypted_key).length,
    iv: decodeSegmentBytes(named.iv).length,
    ciphertext: decodeSegmentBytes(named.ciphertext).length,
    tag: decodeSegmentBytes(named.tag).length,
  };
  const alg = typeof header.value.alg === 'string' ? header.value.alg : undefined;
  const enc = typeof header.value.enc === 'string' ? header.value.enc : undefined;
  const warnings: JweWarning[] = header.duplicates.map((d) => ({
    code: 'duplicate-member' as const,
    part: 'header' as const,
    path: d.path,
    offset: headerSeg.start + base64urlOffsetOfByte(d.position),
    message: `The header has the member "${d.name}" more than once (${d.path}). JSON.parse keeps the last value, other parsers the first.`,
  }));
  warnings.push(...nameWarnings(header.value, headerSeg.start));
  warnings.push(
    ...shapeWarnings(
      isJweKeyAlgorithm(alg) ? alg : undefined,
      isJweContentEncryption(enc) ? enc : undefined,
      sizes,
      ranges,
    ),
  );
  return {
    normalized: token,
    changes,
    segments: Object.fromEntries(segments.map((s) => [s.part, s.text])) as Record<JwePart, string>,
    ranges,
    sizes,
    header: header.value,
    headerText: header.text,
    alg,
    enc,
    explanation: explainJweHeader(header.value, options),
    warnings,
  };
}
