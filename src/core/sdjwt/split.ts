// Splits an SD-JWT into its parts (RFC 9901 §4 compact form, §8 JWS JSON Serialization). The JSON form is rebuilt
// as the compact form, as §8.1 requires for `sd_hash`, so everything after this works on one shape.
import { normalizeToken } from '../lib/token-normalize';
import type { SdJwtFormat, SdProblem } from './types';

export type SdJwtParts = {
  format: SdJwtFormat;
  normalized: string;
  changes: string[];
  issuerJwt: string;
  issuerRange: [number, number];
  disclosures: { encoded: string; range: [number, number] }[];
  kbJwt?: string;
  kbRange?: [number, number];
  presentation: string;
  problems: SdProblem[];
};

export type SplitResult = { ok: true; parts: SdJwtParts } | { ok: false; problem: SdProblem };

const JWT_SHAPE = /^[^.]*\.[^.]*\.[^.]*$/;

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function splitCompact(input: string): SplitResult {
  const { token, changes } = normalizeToken(input);
  const pieces = token.split('~');
  if (pieces.length < 2) {
    return {
      ok: false,
      problem: {
        code: 'not-sd-jwt',
        message: 'This is not an SD-JWT: it has no "~" between the Issuer-signed JWT and the disclosures.',
      },
    };
  }
  const problems: SdProblem[] = [];
  const issuerJwt = pieces[0] ?? '';
  const disclosures: SdJwtParts['disclosures'] = [];
  let offset = issuerJwt.length + 1;
  const last = pieces.length - 1;
  let kbJwt: string | undefined;
  let kbRange: [number, number] | undefined;
  for (let i = 1; i <= last; i++) {
    const piece = pieces[i] ?? '';
    const range: [number, number] = [offset, offset + piece.length];
    offset += piece.length + 1;
    if (i === last) {
      if (piece === '') break;
      if (JWT_SHAPE.test(piece)) {
        kbJwt = piece;
        kbRange = range;
        break;
      }
      problems.push({
        code: 'structure',
        message:
          'The last part is neither empty nor a Key Binding JWT: the "~" after the last disclosure is missing (RFC 9901 §4: an SD-JWT ends with "~").',
        disclosure: disclosures.length,
      });
    } else if (piece === '') {
      problems.push({
        code: 'structure',
        message: `Two "~" in a row at character ${range[0]}: an empty disclosure.`,
      });
      continue;
    }
    disclosures.push({ encoded: piece, range });
  }
  const end = kbRange ? kbRange[0] : token.lastIndexOf('~') + 1;
  return {
    ok: true,
    parts: {
      format: 'compact',
      normalized: token,
      changes,
      issuerJwt,
      issuerRange: [0, issuerJwt.length],
      disclosures,
      ...(kbJwt !== undefined && kbRange ? { kbJwt, kbRange } : {}),
      presentation: token.slice(0, end),
      problems,
    },
  };
}

function jsonStrings(value: unknown, what: string, problems: SdProblem[]): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) return value;
  problems.push({ code: 'structure', message: `"${what}" in the unprotected header must be an array of strings.` });
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function splitJson(input: string): SplitResult {
  let doc: Record<string, unknown> | undefined;
  try {
    doc = asRecord(JSON.parse(input));
  } catch {
    doc = undefined;
  }
  const notJson: SplitResult = {
    ok: false,
    problem: {
      code: 'not-sd-jwt',
      message:
        'This JSON is not an SD-JWT in the JWS JSON Serialization (RFC 9901 §8): it needs "payload", "protected", "signature" and "disclosures".',
    },
  };
  if (!doc || typeof doc.payload !== 'string') return notJson;
  const problems: SdProblem[] = [];
  const changes: string[] = [];
  let format: SdJwtFormat;
  let first: Record<string, unknown> | undefined;
  if (Array.isArray(doc.signatures)) {
    format = 'json-general';
    const signatures = doc.signatures.map(asRecord);
    first = signatures[0];
    if (signatures.length > 1) {
      changes.push(
        `Read the General JWS JSON Serialization; it has ${signatures.length} signatures and the first one is the one checked.`,
      );
    } else changes.push('Read the General JWS JSON Serialization.');
    // RFC 9901 §8.3: disclosures and kb_jwt belong to the first unprotected header only.
    signatures.slice(1).forEach((s, i) => {
      const header = asRecord(s?.header);
      if (header && ('disclosures' in header || 'kb_jwt' in header)) {
        problems.push({
          code: 'structure',
          message: `Signature ${i + 2} has "disclosures" or "kb_jwt" in its header; only the first signature's header may (RFC 9901 §8.3).`,
        });
      }
    });
  } else {
    format = 'json-flattened';
    first = doc;
    changes.push('Read the Flattened JWS JSON Serialization.');
  }
  if (!first || typeof first.protected !== 'string' || typeof first.signature !== 'string') return notJson;
  const header = asRecord(first.header) ?? {};
  const disclosureTexts = jsonStrings(header.disclosures, 'disclosures', problems);
  const kb = header.kb_jwt;
  if (kb !== undefined && typeof kb !== 'string') {
    problems.push({ code: 'structure', message: '"kb_jwt" in the unprotected header must be a string.' });
  }
  changes.push('Rebuilt the compact form (RFC 9901 §8.1), which sd_hash covers.');
  const strip = (s: string) => s.replace(/\s+/g, '');
  const issuerJwt = `${strip(first.protected)}.${strip(doc.payload)}.${strip(first.signature)}`;
  const encoded = disclosureTexts.map(strip);
  const presentation = `${issuerJwt}~${encoded.map((d) => `${d}~`).join('')}`;
  const kbJwt = typeof kb === 'string' && kb !== '' ? strip(kb) : undefined;
  let offset = issuerJwt.length + 1;
  const disclosures = encoded.map((d) => {
    const range: [number, number] = [offset, offset + d.length];
    offset += d.length + 1;
    return { encoded: d, range };
  });
  return {
    ok: true,
    parts: {
      format,
      normalized: presentation + (kbJwt ?? ''),
      changes,
      issuerJwt,
      issuerRange: [0, issuerJwt.length],
      disclosures,
      ...(kbJwt !== undefined ? { kbJwt, kbRange: [presentation.length, presentation.length + kbJwt.length] } : {}),
      presentation,
      problems,
    },
  };
}

export function splitSdJwt(input: string): SplitResult {
  return input.trimStart().startsWith('{') ? splitJson(input) : splitCompact(input);
}
