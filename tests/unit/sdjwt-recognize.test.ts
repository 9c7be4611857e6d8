// isSdJwt (the page's token-kind dispatch) and the JSON paths disclosures are named by.
import { describe, expect, it } from 'vitest';
import { formatJsonPath, isSdJwt, parseJsonPath } from '../../src/core/sdjwt';
import { rfc9901 } from '../fixtures/sdjwt/fixtures';

const ISSUED = rfc9901.section5.issued;
const JWT = rfc9901.section5.issuerJwt;

describe('isSdJwt', () => {
  it.each([
    ['an issued SD-JWT', ISSUED],
    ['an SD-JWT+KB', rfc9901.section5.presentation],
    ['an SD-JWT without disclosures', `${JWT}~`],
    ['an SD-JWT+KB without disclosures', `${JWT}~${JWT}`],
    ['one with a Bearer prefix and surrounding quotes', `Bearer "${ISSUED}"`],
    ['one wrapped over lines', ISSUED.replace(/.{60}/g, '$&\n')],
    ['one with a malformed disclosure (the inspector says why)', `${JWT}~abc+def=~`],
    ['the missing trailing ~ (the inspector says why)', `${JWT}~WyJhIiwiYiJd`],
    ['the JWS JSON Serialization', JSON.stringify(rfc9901['8.2'].issued)],
  ])('recognises %s', (_what, text) => {
    expect(isSdJwt(text)).toBe(true);
  });

  it.each([
    ['a plain JWT', JWT],
    ['a JWE', 'eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d'],
    ['empty text', ''],
    ['a JSON payload', '{"sub":"x","a":"~"}'],
    ['prose with a tilde', 'hello ~ world'],
    ['a JWS JSON without disclosures', '{"payload":"e30","protected":"e30","signature":"x"}'],
    ['a JWT with a tilde inside a segment', `${JWT.slice(0, 20)}~${JWT.slice(20)}`],
  ])('does not recognise %s', (_what, text) => {
    expect(isSdJwt(text)).toBe(false);
  });
});

describe('JSON paths', () => {
  it.each([
    [[], '$'],
    [['address', 'street_address'], '$.address.street_address'],
    [['nationalities', 1], '$.nationalities[1]'],
    [['age_equal_or_over', '18'], "$.age_equal_or_over['18']"],
    [['vct#integrity'], "$['vct#integrity']"],
    [["it's"], "$['it\\'s']"],
    [['@context', 0], "$['@context'][0]"],
  ] as [(string | number)[], string][])('formats %j as %s, and reads it back', (segments, text) => {
    expect(formatJsonPath(segments)).toBe(text);
    const parsed = parseJsonPath(text);
    expect(
      parsed.ok && parsed.segments.map((s) => (s.kind === 'key' ? s.key : s.kind === 'index' ? s.index : '*')),
    ).toEqual(segments);
  });

  it('reads wildcards, double-quoted names and paths without the leading $', () => {
    expect(parseJsonPath('$.address.*')).toEqual({
      ok: true,
      segments: [{ kind: 'key', key: 'address' }, { kind: 'every' }],
    });
    expect(parseJsonPath('nationalities[*]')).toEqual({
      ok: true,
      segments: [{ kind: 'key', key: 'nationalities' }, { kind: 'every' }],
    });
    expect(parseJsonPath('$["a.b"]')).toEqual({ ok: true, segments: [{ kind: 'key', key: 'a.b' }] });
  });

  it.each(['$.a[', '$..a', "$['a", '$.a[x]', '$ a'])('refuses %j with a reason', (text) => {
    const parsed = parseJsonPath(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/is not a JSON path/);
  });
});
