import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeToken } from '../../src/core/token';
import { TokenError } from '../../src/core/errors';
import { scanJson } from '../../src/core/lib/token-json-scan';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const b64 = (text: string): string => Buffer.from(text).toString('base64url');

const base64urlText = fc.string({ unit: fc.constantFrom(...BASE64URL), maxLength: 80 });
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom('.', '=', '+', '/', ' ', '\n', '"', 'e', 'y', 'J', '\u200B'), maxLength: 30 }),
);
const segment = fc.oneof(
  base64urlText,
  fc.json().map(b64),
  fc.jsonValue().map((v) => b64(JSON.stringify(v) ?? '')),
  anyText,
);
const dotted = fc.array(segment, { minLength: 1, maxLength: 7 }).map((parts) => parts.join('.'));
const decorated = fc
  .tuple(fc.constantFrom('', 'Bearer ', 'jwt ', '"', ' \n'), dotted, fc.constantFrom('', '"', '\n', ','))
  .map(([a, b, c]) => a + b + c);

function outcome(input: string): 'decoded' | 'token-error' {
  try {
    decodeToken(input);
    return 'decoded';
  } catch (err) {
    if (err instanceof TokenError) return 'token-error';
    throw err;
  }
}

describe('decodeToken properties', () => {
  it('on any string either returns or throws a TokenError, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, dotted, decorated), (input) => {
        expect(['decoded', 'token-error']).toContain(outcome(input));
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips random JSON payloads through encode and decode', () => {
    const header = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (claims) => {
        const text = JSON.stringify(claims);
        const d = decodeToken(`${header}.${b64(text)}.c2ln`);
        expect(d.payloadIsJson).toBe(true);
        expect(d.payloadText).toBe(text);
        expect(d.payload).toStrictEqual(JSON.parse(text));
        expect(d.warnings).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('the duplicate-member scanner accepts exactly what JSON.parse accepts', () => {
    const mutated = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '\\', '0', '-', ' ', 'tru'))
      .map(([text, at, insert]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + (insert === '' ? 1 : 0));
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), mutated, fc.string({ maxLength: 20 })), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(scanJson(text).ok).toBe(parses);
      }),
      { numRuns: 3000 },
    );
  });
});
