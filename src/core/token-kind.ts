// Which kind of JOSE object the token box holds, so the page can hand it to the right decoder. Cheap and pure:
// no crypto, no base64 decoding of compact tokens (a compact JWS and JWE differ by their number of parts,
// RFC 7516 §9), one JSON.parse for the JSON serializations. A new kind is one row in KIND_RULES.
import { normalizeToken } from './lib/token-normalize';
import { isSdJwt } from './sdjwt/recognize';

export const TOKEN_KINDS = [
  'empty',
  'jws-compact',
  'jws-detached',
  'jwe-compact',
  'jws-json-flattened',
  'jws-json-general',
  'jwe-json-flattened',
  'jwe-json-general',
  'sd-jwt',
  'other',
] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

export type TokenKindInfo = {
  kind: TokenKind;
  /** The text the decoder for that kind should get: the normalised compact token, or the trimmed JSON. */
  text: string;
};

/**
 * What the rules look at: the trimmed text; its compact reading (normalised, with its dot count; empty for
 * JSON and for text with `~` or `{`); and the parsed JSON object, if it is one.
 */
export type KindInput = { text: string; compact: string; dots: number; json: Record<string, unknown> | undefined };

export type KindRule = { kind: TokenKind; test: (input: KindInput) => boolean };

/**
 * The object has member `name`; or the text is meant as JSON (starts with "{") but does not parse, and names
 * it: the JSON decoders then report where the JSON breaks.
 */
function has({ json, text }: KindInput, name: string): boolean {
  if (json) return name in json;
  return text.startsWith('{') && text.includes(`"${name}"`);
}

/** Tried in order; the first that matches names the kind. `other` when none does. */
export const KIND_RULES: readonly KindRule[] = [
  // RFC 9901: `<issuer-jwt>~<disclosure>~…~[<kb-jwt>]`, or its JSON serialization (§8), whose unprotected
  // header holds `disclosures`. The SD-JWT engine's own recogniser: text only, no decoding or hashing.
  { kind: 'sd-jwt', test: (i) => isSdJwt(i.text) },
  { kind: 'jwe-json-general', test: (i) => has(i, 'ciphertext') && has(i, 'recipients') },
  { kind: 'jwe-json-flattened', test: (i) => has(i, 'ciphertext') },
  { kind: 'jws-json-general', test: (i) => has(i, 'signatures') },
  { kind: 'jws-json-flattened', test: (i) => has(i, 'signature') },
  // RFC 7515 Appendix F: the payload part is empty, the payload travels separately.
  { kind: 'jws-detached', test: ({ compact, dots }) => dots === 2 && /^[^.]+\.\.[^.]*$/.test(compact) },
  { kind: 'jws-compact', test: ({ compact, dots }) => compact !== '' && dots === 2 },
  { kind: 'jwe-compact', test: ({ compact, dots }) => compact !== '' && dots === 4 },
];

function parseObject(text: string): Record<string, unknown> | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The kind of JOSE object in `input` (the token box text). Never throws. */
export function classifyToken(input: string): TokenKindInfo {
  const trimmed = input.trim();
  if (trimmed === '') return { kind: 'empty', text: '' };
  const json = parseObject(trimmed);
  // Forms this classifier does not know (e.g. `~`-separated ones) are left to the rules that do.
  const compact = json || /[~{]/.test(trimmed) ? '' : normalizeToken(trimmed).token;
  const dots = compact === '' ? 0 : compact.split('.').length - 1;
  const rule = KIND_RULES.find((r) => r.test({ text: trimmed, compact, dots, json }));
  if (!rule) return { kind: 'other', text: trimmed };
  return { kind: rule.kind, text: compact === '' ? trimmed : compact };
}
