// Shared reading of the JSON serializations (RFC 7515 §7.2 for JWS, RFC 7516 §7.2 for JWE): the text must be
// one JSON object whose members are base64url strings or header objects. Failures are TokenErrors, like
// the compact decoders', so the token box reports them the same way.
import { TokenError } from '../errors';
import type { TokenPart } from '../types';
import { decodeJsonObjectSegment, checkSegment } from './token-segments';
import { scanJson } from './token-json-scan';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The pasted text as a JSON object; TokenError `json` (with the position) or `header-not-object`. */
export function parseSerialization(text: string, what: string): Json {
  const scan = scanJson(text);
  if (!scan.ok) {
    throw new TokenError(
      'json',
      `This looks like a ${what} in JSON serialization, but it is not valid JSON: ${scan.message} at character ${scan.position}.`,
      {
        offset: scan.position,
      },
    );
  }
  const value: unknown = JSON.parse(text);
  if (!isObject(value)) {
    throw new TokenError(
      'header-not-object',
      `A ${what} in JSON serialization is a JSON object; this is ${Array.isArray(value) ? 'an array' : typeof value}.`,
      {
        offset: 0,
      },
    );
  }
  return value;
}

/** A base64url member (`protected`, `signature`, `iv`…): undefined when absent, TokenError when not base64url. */
export function base64urlMember(json: Json, name: string, part: TokenPart, where = ''): string | undefined {
  const value = json[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new TokenError('base64url', `"${name}"${where} must be a base64url string, not ${JSON.stringify(value)}.`, {
      part,
    });
  }
  try {
    checkSegment({ part, text: value, start: 0 });
  } catch (error) {
    if (error instanceof TokenError) {
      throw new TokenError(error.code, `"${name}"${where}: ${error.message}`, { part });
    }
    throw error;
  }
  return value;
}

/** A header object member (`header`, `unprotected`): undefined when absent. */
export function headerMember(json: Json, name: string, where = ''): Json | undefined {
  const value = json[name];
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    throw new TokenError(
      'header-not-object',
      `"${name}"${where} must be a JSON object (a JOSE header), not ${JSON.stringify(value)}.`,
      {
        part: 'header',
      },
    );
  }
  return value;
}

/** The `protected` member decoded: the header object and its JSON text. */
export function protectedMember(json: Json, where = ''): { encoded: string; header: Json; text: string } | undefined {
  const encoded = base64urlMember(json, 'protected', 'header', where);
  if (encoded === undefined) return undefined;
  try {
    const decoded = decodeJsonObjectSegment({ part: 'header', text: encoded, start: 0 });
    return { encoded, header: decoded.value, text: decoded.text };
  } catch (error) {
    if (error instanceof TokenError)
      throw new TokenError(error.code, `"protected"${where}: ${error.message}`, { part: 'header' });
    throw error;
  }
}

/** The names two header parts share (RFC 7515 §7.2.1 and RFC 7516 §7.2.1 want them disjoint). */
export function sharedNames(...headers: (Json | undefined)[]): string[] {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const header of headers) {
    for (const name of Object.keys(header ?? {})) {
      if (seen.has(name)) shared.add(name);
      seen.add(name);
    }
  }
  return [...shared];
}

export function isJsonObject(value: unknown): value is Json {
  return isObject(value);
}
