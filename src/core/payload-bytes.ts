// Which bytes the workbench signs for an edited payload, and how an edited part goes back into a token.
// Both decide what ends up in a token, so a script calling the engine and the page produce the same bytes.
import { refreshTimeClaims } from './templates';
import { encodeBase64url } from './token';

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes the whitespace between JSON tokens, leaving strings, numbers and member order exactly as
 * typed. `signToken` signs the payload bytes verbatim (so published vectors reproduce); an editor shows
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

/**
 * "Refresh iat/exp on every change": the payload with current times (`refreshTimeClaims` decides which
 * claims move with `iat`), pretty-printed; text that is not a JSON object is returned as typed.
 */
export function refreshedPayload(payloadText: string, nowSeconds: number = Date.now() / 1000): string {
  const value = parseObject(payloadText);
  return value ? JSON.stringify(refreshTimeClaims(value, nowSeconds), null, 2) : payloadText;
}

/**
 * The payload text the Encode view hands to `signToken`: a JSON object compacted (after refreshing its
 * times when asked), anything else as typed so the signer's error points at the user's own text.
 */
export function payloadToSign(payloadText: string, options: { refreshTimesAt?: number } = {}): string {
  const edited =
    options.refreshTimesAt === undefined ? payloadText : refreshedPayload(payloadText, options.refreshTimesAt);
  return parseObject(edited) ? compactJson(edited) : edited;
}

/**
 * The token a Decode-view edit produces: the edited part re-encoded as compact JSON (as JWS producers
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
