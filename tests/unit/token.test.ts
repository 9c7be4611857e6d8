import { describe, expect, it } from 'vitest';
import { decodeToken, extractTokens, MAX_TOKEN_LENGTH, normalizeToken } from '../../src/core/token';
import { TokenError } from '../../src/core/errors';
import { rfc7515 } from '../fixtures/fixtures';

const b64 = (text: string | Uint8Array): string => Buffer.from(text).toString('base64url');
const json = (value: unknown): string => b64(JSON.stringify(value));
const HS = json({ alg: 'HS256', typ: 'JWT' });
const PAYLOAD = json({ sub: '123', iat: 1700000000 });
const SIG = b64(new Uint8Array(32).fill(7));
const TOKEN = `${HS}.${PAYLOAD}.${SIG}`;

function decodeError(input: string): TokenError {
  try {
    decodeToken(input);
  } catch (err) {
    expect(err).toBeInstanceOf(TokenError);
    return err as TokenError;
  }
  throw new Error(`decodeToken accepted ${input.slice(0, 40)}`);
}

describe('normalizeToken', () => {
  it('strips a leading Bearer prefix in any case', () => {
    for (const prefix of ['Bearer ', 'bearer ', 'BEARER  ', 'bEaReR\t']) {
      const { token, changes } = normalizeToken(prefix + TOKEN);
      expect(token).toBe(TOKEN);
      expect(changes.join(' ')).toMatch(/Removed the "bearer" prefix/i);
    }
  });

  it('strips a leading JWT prefix and an Authorization header name', () => {
    expect(normalizeToken(`jwt ${TOKEN}`).token).toBe(TOKEN);
    const { token, changes } = normalizeToken(`Authorization: Bearer ${TOKEN}`);
    expect(token).toBe(TOKEN);
    expect(changes).toContain('Removed the "Authorization:" header name.');
  });

  it('strips surrounding double quotes, single quotes and backticks', () => {
    for (const [q, word] of [
      ['"', 'double quotes'],
      ["'", 'single quotes'],
      ['`', 'backticks'],
    ] as const) {
      const { token, changes } = normalizeToken(` ${q}${TOKEN}${q} `);
      expect(token).toBe(TOKEN);
      expect(changes).toContain(`Removed the surrounding ${word}.`);
    }
    expect(normalizeToken(`"Bearer ${TOKEN}"`).token).toBe(TOKEN);
    expect(normalizeToken(`Bearer "${TOKEN}"`).token).toBe(TOKEN);
  });

  it('removes whitespace and line breaks inside the token and says how many', () => {
    const broken = `${HS.slice(0, 10)}\r\n${HS.slice(10)}.\n${PAYLOAD.slice(0, 5)}  ${PAYLOAD.slice(5)}.${SIG}\n`;
    const { token, changes } = normalizeToken(broken);
    expect(token).toBe(TOKEN);
    expect(changes).toContain('Removed 2 line breaks and 2 spaces or tabs from inside the token.');
  });

  it('removes a trailing comma copied out of JSON', () => {
    expect(normalizeToken(`"${TOKEN}",`).token).toBe(TOKEN);
  });

  it('reports no changes for a bare token', () => {
    expect(normalizeToken(TOKEN)).toEqual({ token: TOKEN, changes: [] });
  });
});

describe('decodeToken', () => {
  it('decodes the RFC 7515 A.1 token to the published header and payload', () => {
    const v = rfc7515['A.1'];
    const d = decodeToken(v.compact);
    expect(d.headerText).toBe(v.headerText);
    expect(d.payloadText).toBe(v.payloadText);
    expect(d.header).toEqual({ typ: 'JWT', alg: 'HS256' });
    expect(d.payload).toEqual({ iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true });
    expect(d.payloadIsJson).toBe(true);
    expect(d.alg).toBe('HS256');
    expect(d.signature).toHaveLength(32);
    expect(d.segments.header).toBe(v.headerB64u);
    expect(d.ranges.header).toEqual([0, v.headerB64u.length]);
    expect(v.compact.slice(...d.ranges.signature)).toBe(d.segments.signature);
    expect(d.warnings).toEqual([]);
  });

  it('decodes the other RFC 7515 appendix A tokens, including the unsecured A.5', () => {
    for (const key of ['A.2', 'A.3', 'A.4', 'A.5'] as const) {
      const v = rfc7515[key];
      const d = decodeToken(v.compact);
      expect(d.alg).toBe(v.alg);
      expect(d.headerText).toBe(v.headerText);
    }
    const unsecured = decodeToken(rfc7515['A.5'].compact);
    expect(unsecured.unsecured).toBe(true);
    expect(unsecured.signature).toHaveLength(0);
    expect(unsecured.warnings).toEqual([]);
  });

  it('decodes an unsecured token and warns when alg none carries a signature', () => {
    const none = json({ alg: 'none' });
    expect(decodeToken(`${none}.${PAYLOAD}.`).unsecured).toBe(true);
    expect(decodeToken(`${none}.${PAYLOAD}.${SIG}`).warnings.map((w) => w.code)).toEqual(['unsecured-with-signature']);
    expect(decodeToken(`${HS}.${PAYLOAD}.`).warnings.map((w) => w.code)).toEqual(['signature-missing']);
  });

  it('shows a payload that is not JSON as text', () => {
    const d = decodeToken(`${HS}.${b64('hello, world')}.${SIG}`);
    expect(d.payloadIsJson).toBe(false);
    expect(d.payload).toBeUndefined();
    expect(d.payloadText).toBe('hello, world');
    const [w] = d.warnings;
    expect(w?.code).toBe('payload-not-json');
    expect(w?.part).toBe('payload');
    expect(w?.offset).toBe(d.ranges.payload[0]);
  });

  it('says when the payload is not UTF-8', () => {
    const d = decodeToken(`${HS}.${b64(new Uint8Array([0x61, 0xff, 0xfe]))}.${SIG}`);
    expect(d.payloadIsJson).toBe(false);
    expect(d.payloadText).toBe('a\uFFFD\uFFFD');
    expect(d.warnings[0]?.code).toBe('payload-not-utf8');
    expect(d.warnings[0]?.message).toMatch(/not UTF-8/);
    expect(d.warnings[0]?.offset).toBe(d.ranges.payload[0] + 1);
  });

  it('flags a JSON payload that is not an object and an empty (detached) payload', () => {
    const arr = decodeToken(`${HS}.${json([1, 2])}.${SIG}`);
    expect(arr.payload).toEqual([1, 2]);
    expect(arr.warnings.map((w) => w.code)).toEqual(['payload-not-object']);
    const detached = decodeToken(`${HS}..${SIG}`);
    expect(detached.payloadText).toBe('');
    expect(detached.warnings.map((w) => w.code)).toEqual(['payload-empty']);
  });

  it('warns about duplicate member names in the header and the payload at any depth', () => {
    const header = b64('{"alg":"HS256","alg":"none"}');
    const payload = b64('{"a":{"b":1,"b":2},"list":[{"x":1},{"x":1,"\\u0078":2}],"ok":1,"ok2":2}');
    const d = decodeToken(`${header}.${payload}.${SIG}`);
    expect(d.header.alg).toBe('none');
    const dups = d.warnings.filter((w) => w.code === 'duplicate-member');
    expect(dups.map((w) => [w.part, w.path])).toEqual([
      ['header', '$.alg'],
      ['payload', '$.a.b'],
      ['payload', '$.list[1].x'],
    ]);
    expect(dups[0]?.message).toMatch(/RFC 7515 §5\.2/);
    expect(decodeToken(TOKEN).warnings).toEqual([]);
  });

  it('warns when the header has no alg', () => {
    expect(decodeToken(`${json({ typ: 'JWT' })}.${PAYLOAD}.${SIG}`).warnings.map((w) => w.code)).toContain(
      'alg-missing',
    );
  });

  it('decodes a 1 MB payload', () => {
    const big = { data: 'x'.repeat(1024 * 1024) };
    const started = performance.now();
    const d = decodeToken(`${HS}.${json(big)}.${SIG}`);
    expect((d.payload as typeof big).data).toHaveLength(1024 * 1024);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('survives 10,000 levels of nesting in the payload and the header', () => {
    const deep = `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const d = decodeToken(`${HS}.${b64(deep)}.${SIG}`);
    expect(d.payloadIsJson).toBe(true);
    const deepHeader = `{"alg":"HS256","x":${'{"y":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
    expect(decodeToken(`${b64(deepHeader)}.${PAYLOAD}.${SIG}`).alg).toBe('HS256');
  });
});

describe('decodeToken errors', () => {
  it('empty: nothing, whitespace, or only a prefix', () => {
    for (const input of ['', '   \n', 'Bearer ', '""']) {
      const err = decodeError(input);
      expect(err.code).toBe('empty');
      expect(err.offset).toBe(0);
    }
  });

  it('decodes a token cut short to header.payload, and says the signature is missing', () => {
    const d = decodeToken(`${HS}.${PAYLOAD}`);
    expect(d.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(d.payload).toEqual({ sub: '123', iat: 1700000000 });
    expect(d.missingParts).toEqual(['signature']);
    expect(d.warnings.map((w) => w.code)).toEqual(['token-partial']);
    expect(d.warnings[0]?.message).toMatch(/signature is missing/);
    expect(d.ranges.signature).toEqual([d.normalized.length, d.normalized.length]);
  });

  it('decodes a header alone, and says the payload and signature are missing', () => {
    const d = decodeToken(HS);
    expect(d.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect([d.payload, d.payloadText, d.payloadIsJson]).toEqual([undefined, '', false]);
    expect(d.missingParts).toEqual(['payload', 'signature']);
    expect(d.warnings.map((w) => w.code)).toEqual(['token-partial']);
    expect(decodeToken(`${HS}.`).missingParts).toEqual(['signature']);
  });

  it('parts: says how many parts were found', () => {
    // An opaque access token is one part that is not a JOSE header.
    const opaque = 'mF_9.B5f-4.1JqM'.replace(/\./g, '');
    const one = decodeError(opaque);
    expect([one.code, one.offset]).toEqual(['parts', opaque.length]);
    expect(one.message).toMatch(/Found 1 part \(0 dots\)/);
    const two = decodeError(`e30x.${PAYLOAD}`);
    expect(two.message).toMatch(/Found 2 parts \(1 dot\)/);
    const fourToken = `${TOKEN}.${SIG}`;
    const four = decodeError(fourToken);
    expect(four.message).toMatch(/Found 4 parts \(3 dots\)/);
    expect(four.offset).toBe(fourToken.lastIndexOf('.'));
    const six = decodeError(`${TOKEN}.${TOKEN}`);
    expect(six.message).toMatch(/Found 6 parts .*several tokens/);
    const dots = decodeError('...');
    expect([dots.code, dots.offset]).toEqual(['parts', 0]);
    expect(dots.message).toMatch(/only dots/);
  });

  it('base64url: names the invalid character and its offset', () => {
    const bad = `${HS}.${PAYLOAD.slice(0, 4)}!${PAYLOAD.slice(5)}.${SIG}`;
    const err = decodeError(bad);
    expect([err.code, err.part, err.offset]).toEqual(['base64url', 'payload', HS.length + 5]);
    expect(err.message).toMatch(/"!"/);
    const shortSig = decodeError(`${HS}.${PAYLOAD}.${SIG}A`.slice(0, HS.length + PAYLOAD.length + 2 + 41));
    expect(shortSig.code).toBe('base64url');
    expect(shortSig.part).toBe('signature');
  });

  it('base64: says standard base64 was used by mistake', () => {
    const err = decodeError(`${HS}.${PAYLOAD}.ab+c/d`);
    expect([err.code, err.part, err.offset]).toEqual(['base64', 'signature', HS.length + PAYLOAD.length + 4]);
    expect(err.message).toMatch(/standard base64/);
  });

  it('padding: says base64url has no padding', () => {
    const padded = Buffer.from('{"alg":"HS256"} ').toString('base64'); // 16 bytes: ends in "=="
    expect(padded.endsWith('=')).toBe(true);
    const err = decodeError(`${padded}.${PAYLOAD}.${SIG}`);
    expect([err.code, err.part, err.offset]).toEqual(['padding', 'header', padded.indexOf('=')]);
    expect(err.message).toMatch(/without padding/);
  });

  it('characters: names invisible characters pasted from chat apps and where they are', () => {
    const at = HS.length + 1 + 3;
    const withZw = `${HS}.${PAYLOAD.slice(0, 3)}\u200B${PAYLOAD.slice(3)}.${SIG}`;
    const err = decodeError(withZw);
    expect([err.code, err.part, err.offset]).toEqual(['characters', 'payload', at]);
    expect(err.message).toMatch(/U\+200B ZERO WIDTH SPACE/);
    expect(decodeError(`${HS}\u00A0.${PAYLOAD}.${SIG}`).message).toMatch(/U\+00A0 NO-BREAK SPACE/);
    expect(decodeError(`${HS}.${PAYLOAD}.${SIG.slice(0, 5)}\u2026`).message).toMatch(/shortened/);
  });

  it('json: names the part and maps the JSON error position back', () => {
    const header = b64('{"alg":"HS256",}');
    const err = decodeError(`${header}.${PAYLOAD}.${SIG}`);
    expect(err.code).toBe('json');
    expect(err.part).toBe('header');
    // The error is at character 15 of the JSON ("}"), about 15*4/3 = 20 base64url characters in.
    expect(err.offset).toBe(20);
    expect(err.message).toMatch(/header is not valid JSON: expected a member name/);
    expect(decodeError(`${b64(new Uint8Array([0x7b, 0xff]))}.${PAYLOAD}.${SIG}`).message).toMatch(/not valid UTF-8/);
    expect(decodeError(`.${PAYLOAD}.${SIG}`).message).toMatch(/header is empty/);
  });

  it('header-not-object: a header that is JSON but not an object', () => {
    for (const header of ['[1]', '"x"', 'null', '42']) {
      const err = decodeError(`${b64(header)}.${PAYLOAD}.${SIG}`);
      expect([err.code, err.part, err.offset]).toEqual(['header-not-object', 'header', 0]);
    }
  });

  it('jwe: recognises a 5-part encrypted token and shows its protected header', () => {
    const header = { alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'k1' };
    const err = decodeError(`${json(header)}.${b64('key')}.${b64('iv')}.${b64('ct')}.${b64('tag')}`);
    expect(err.code).toBe('jwe');
    expect(err.jweHeader).toEqual(header);
    expect(err.message).toMatch(/decrypting is not supported/);
    expect(err.message).not.toMatch(/malformed/i);
  });

  it('too-large: refuses a 5 MB input at once', () => {
    const huge = 'a'.repeat(5 * 1024 * 1024);
    // Best of three, so a garbage collection on a busy machine does not decide the result.
    const times = [0, 1, 2].map(() => {
      const started = performance.now();
      decodeError(huge);
      return performance.now() - started;
    });
    expect(Math.min(...times)).toBeLessThan(20);
    const err = decodeError(huge);
    expect(err.message).toMatch(/5,242,880 characters; the limit is 2,097,152/);
    expect([err.code, err.offset]).toEqual(['too-large', MAX_TOKEN_LENGTH]);
  });
});

describe('extractTokens', () => {
  it('names the tokens of an OAuth redirect fragment', () => {
    const url = `https://app.example/cb#id_token=${TOKEN}&access_token=${encodeURIComponent(TOKEN)}&state=xyz`;
    expect(extractTokens(url)).toEqual([
      { name: 'id_token', token: TOKEN },
      { name: 'access_token', token: TOKEN },
    ]);
  });

  it('reads a bare query and keeps a broken token under a known name', () => {
    expect(extractTokens('token=not-a-jwt&value=' + TOKEN)).toEqual([
      { name: 'token', token: 'not-a-jwt' },
      { name: 'value', token: TOKEN },
    ]);
  });

  it('finds several tokens in a JSON token response, named by their keys', () => {
    const other = `${json({ alg: 'RS256' })}.${PAYLOAD}.${SIG}`;
    const text = JSON.stringify({ access_token: TOKEN, token_type: 'Bearer', id_token: other });
    expect(extractTokens(text)).toEqual([
      { name: 'access_token', token: TOKEN },
      { name: 'id_token', token: other },
    ]);
  });

  it('numbers unnamed tokens found in free text', () => {
    const other = `${json({ alg: 'none' })}.${PAYLOAD}.`;
    expect(extractTokens(`first ${TOKEN} then\n${other} end.`)).toEqual([
      { name: 'token 1', token: TOKEN },
      { name: 'token 2', token: other },
    ]);
    expect(extractTokens(`Authorization: Bearer ${TOKEN}`)).toEqual([{ name: 'token', token: TOKEN }]);
  });

  it('returns nothing for text without tokens', () => {
    expect(extractTokens('')).toEqual([]);
    expect(extractTokens('see example.com.au or eyes.wide.open')).toEqual([]);
  });
});
