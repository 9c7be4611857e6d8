// Small JSON edits the UI makes on the user's behalf (set `alg`, stamp `iat`/`exp`/`nbf`) and the
// re-encoding of edited parts in the Decode view. Not token parsing: the core does that.
import { encodeBase64url } from '../core/token';
import { refreshTimeClaims } from '../core/templates';

export type JsonObjectResult = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

export function parseJsonObject(text: string): JsonObjectResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: 'It must be a JSON object ({ … }).' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Returns the text with `changes` merged into the top-level object, or undefined when it is not an object. */
export function withMembers(text: string, changes: Record<string, unknown>): string | undefined {
  const parsed = parseJsonObject(text);
  if (!parsed.ok) return undefined;
  const next = { ...parsed.value };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete next[name];
    else next[name] = value;
  }
  return prettyJson(next);
}

/**
 * With "refresh iat/exp on every change" on, what gets signed has current times (the editor text is left
 * alone). The core's `refreshTimeClaims` decides which claims move with `iat` (exp, nbf, auth_time).
 */
export function refreshedPayload(payloadText: string, nowSeconds: number = Date.now() / 1000): string {
  const parsed = parseJsonObject(payloadText);
  if (!parsed.ok) return payloadText;
  return prettyJson(refreshTimeClaims(parsed.value, nowSeconds));
}

/**
 * The token a Decode-view edit produces: the edited part re-encoded (compact JSON, as JWS producers
 * emit it), the other parts and the signature kept byte for byte, so the verdict shows what tampering does.
 */
export function rebuildToken(
  segments: { header: string; payload: string; signature: string },
  part: 'header' | 'payload',
  text: string,
): { ok: true; token: string } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (part === 'header' && (value === null || typeof value !== 'object' || Array.isArray(value))) {
    return { ok: false, message: 'The header must be a JSON object ({ … }).' };
  }
  const encoded = encodeBase64url(new TextEncoder().encode(JSON.stringify(value)));
  const header = part === 'header' ? encoded : segments.header;
  const payload = part === 'payload' ? encoded : segments.payload;
  return { ok: true, token: `${header}.${payload}.${segments.signature}` };
}

/**
 * Removes the whitespace between JSON tokens, leaving strings, numbers and member order exactly as
 * typed. The core signs the payload bytes verbatim (so published vectors reproduce); the editor shows
 * pretty JSON, and a token should carry the compact form every JWT library emits. Not JSON.parse +
 * stringify: that would round 64-bit integers and respell numbers.
 */
export function compactJson(text: string): string {
  let out = '';
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inString) {
      out += ch;
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch !== ' ' && ch !== '\n' && ch !== '\r' && ch !== '\t') {
      out += ch;
    }
  }
  return out;
}
