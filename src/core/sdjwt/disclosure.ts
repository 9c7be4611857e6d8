// One disclosure: base64url of the UTF-8 JSON array [salt, name, value] (object property, RFC 9901 §4.2.1) or
// [salt, value] (array element, §4.2.2).
import { decodeBase64url, findBase64urlProblem } from '../lib/token-base64url';
import type { SdJwtProblemCode } from './types';

export type DecodedDisclosure =
  | { kind: 'property'; salt: string; name: string; value: unknown; json: string }
  | { kind: 'array-element'; salt: string; value: unknown; json: string }
  | { kind: 'malformed'; code: SdJwtProblemCode; reason: string; json?: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

export function decodeDisclosure(encoded: string): DecodedDisclosure {
  const problem = findBase64urlProblem(encoded);
  if (problem) {
    const where = `at character ${problem.index + 1}`;
    const reason =
      problem.kind === 'padding'
        ? `it has "=" padding ${where}, which base64url here never has`
        : problem.kind === 'standard'
          ? `it has "${problem.char}" ${where}: standard base64, not base64url`
          : problem.kind === 'length'
            ? 'its length cannot encode whole bytes (truncated?)'
            : `"${problem.char}" ${where} is not a base64url character`;
    return { kind: 'malformed', code: 'disclosure-base64url', reason };
  }
  let json: string;
  try {
    json = utf8.decode(decodeBase64url(encoded));
  } catch {
    return { kind: 'malformed', code: 'disclosure-json', reason: 'it does not decode to UTF-8 text' };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { kind: 'malformed', code: 'disclosure-json', reason: 'it does not decode to JSON', json };
  }
  if (!Array.isArray(value) || (value.length !== 2 && value.length !== 3)) {
    const what = Array.isArray(value) ? `an array of ${value.length} elements` : describe(value);
    return {
      kind: 'malformed',
      code: 'disclosure-shape',
      reason: `it is ${what}, not an array of 3 (salt, claim name, value) or 2 (salt, array element)`,
      json,
    };
  }
  const [salt, second, third] = value as unknown[];
  if (typeof salt !== 'string') {
    return { kind: 'malformed', code: 'disclosure-salt', reason: `its salt is ${describe(salt)}, not a string`, json };
  }
  if (value.length === 2) return { kind: 'array-element', salt, value: second, json };
  if (typeof second !== 'string') {
    return {
      kind: 'malformed',
      code: 'disclosure-name',
      reason: `its claim name is ${describe(second)}, not a string`,
      json,
    };
  }
  return { kind: 'property', salt, name: second, value: third, json };
}
