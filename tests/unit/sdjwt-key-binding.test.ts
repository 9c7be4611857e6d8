// The key-binding verdict (kb-status): RFC 9901 §4.3 and §7.3 step 5, each check failing on its own.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateKey, type GeneratedKey } from '../../src/core/keygen';
import { signToken } from '../../src/core/sign';
import {
  DEFAULT_KB_MAX_AGE_SECONDS,
  inspectSdJwt,
  issueSdJwt,
  presentSdJwt,
  verifyKeyBinding,
  type KeyBindingResult,
} from '../../src/core/sdjwt';
import { sdDigest } from '../../src/core/sdjwt/hash';
import { rfc9901 } from '../fixtures/sdjwt/fixtures';
import { issuerJwt, issuerKey } from '../fixtures/sdjwt/hand-made';

const AUD = 'https://verifier.example.org';
const NONCE = 'nonce-1234';
const IAT = 1_800_000_000;
const NOW = { now: IAT * 1000 + 30_000 };
const EXPECT = { expectedAud: AUD, expectedNonce: NONCE };

let holder: GeneratedKey;
let stranger: GeneratedKey;
let issued: string;

beforeAll(async () => {
  holder = await generateKey('ES256');
  stranger = await generateKey('ES256');
  const made = await issueSdJwt({
    payload: { iss: 'https://issuer.example.com', given_name: 'Ada', family_name: 'Lovelace' },
    disclose: ['$.given_name', '$.family_name'],
    key: { text: (await issuerKey()).privateText },
    holderKey: { text: holder.privateText },
  });
  if (!made.ok) throw new Error(made.message);
  issued = made.sdJwt;
});

async function present(options: { key?: GeneratedKey; iat?: number; aud?: string; nonce?: string } = {}) {
  const made = await presentSdJwt({
    sdJwt: issued,
    disclose: ['$.given_name'],
    keyBinding: {
      key: { text: (options.key ?? holder).privateText },
      aud: options.aud ?? AUD,
      nonce: options.nonce ?? NONCE,
      iat: options.iat ?? IAT,
    },
  });
  if (!made.ok) throw new Error(made.message);
  return made;
}

/** A KB-JWT signed by the holder with any header and payload, appended to the presentation of given_name. */
async function withKbJwt(header: Record<string, unknown>, payload: (sdHash: string) => Record<string, unknown>) {
  const base = await present();
  const sdHash = await sdDigest('SHA-256', base.sdJwt);
  const kb = await signToken(JSON.stringify(header), JSON.stringify(payload(sdHash)), { text: holder.privateText });
  return base.sdJwt + kb;
}

function check(result: KeyBindingResult, id: string) {
  return result.checks.find((c) => c.id === id);
}

describe('key binding that verifies', () => {
  it('verifies a KB-JWT made by presentSdJwt with the holder key in cnf.jwk', async () => {
    const result = await verifyKeyBinding(await inspectSdJwt((await present()).presentation), { ...EXPECT, ...NOW });
    expect(result.state, result.message).toBe('verified');
    expect(result.code).toBeUndefined();
    expect(result.checks.every((c) => c.state === 'pass')).toBe(true);
  });

  it('is none for a presentation without a KB-JWT', async () => {
    const result = await verifyKeyBinding(await inspectSdJwt(issued), EXPECT);
    expect(result).toMatchObject({ state: 'none', checks: [] });
  });

  it('accepts typ application/kb+jwt, the same media type written in full (RFC 7515 §4.1.9)', async () => {
    const text = await withKbJwt({ alg: 'ES256', typ: 'application/kb+jwt' }, (sd_hash) => ({
      iat: IAT,
      aud: AUD,
      nonce: NONCE,
      sd_hash,
    }));
    expect((await verifyKeyBinding(await inspectSdJwt(text), { ...EXPECT, ...NOW })).state).toBe('verified');
  });
});

describe('key binding that does not verify', () => {
  it('rejects a wrong sd_hash: a disclosure dropped after the KB-JWT was made', async () => {
    const s5 = rfc9901.section5;
    const dropped = s5.disclosures.find((d) => d.name === 'given_name')?.disclosure ?? '';
    const inspection = await inspectSdJwt(s5.presentation.replace(`${dropped}~`, ''));
    expect(inspection.structure.state).toBe('ok');
    const result = await verifyKeyBinding(inspection, {
      expectedAud: AUD,
      expectedNonce: '1234567890',
      now: 1748537243 * 1000,
    });
    expect(result).toMatchObject({ state: 'invalid', code: 'kb-sd-hash' });
    expect(result.message).toMatch(/made for another presentation/);
    expect(check(result, 'signature')?.state).toBe('pass');
  });

  it('rejects a KB-JWT signed by a key other than the holder key in cnf.jwk', async () => {
    const result = await verifyKeyBinding(await inspectSdJwt((await present({ key: stranger })).presentation), {
      ...EXPECT,
      ...NOW,
    });
    expect(result).toMatchObject({ state: 'invalid', code: 'kb-signature' });
    expect(result.message).toMatch(/Not signed by the holder key in cnf\.jwk/);
  });

  it('warns when presenting with a key other than the one in cnf.jwk', async () => {
    expect((await present({ key: stranger })).warnings.join(' ')).toMatch(/not the one in cnf\.jwk/);
  });

  it.each([
    ['JWT', '"typ" is "JWT"'],
    [undefined, '"typ" is missing'],
    ['dc+sd-jwt', '"typ" is "dc+sd-jwt"'],
  ])('rejects typ %s', async (typ, words) => {
    const header = typ === undefined ? { alg: 'ES256' } : { alg: 'ES256', typ };
    const text = await withKbJwt(header, (sd_hash) => ({ iat: IAT, aud: AUD, nonce: NONCE, sd_hash }));
    const result = await verifyKeyBinding(await inspectSdJwt(text), { ...EXPECT, ...NOW });
    expect(result).toMatchObject({ state: 'invalid', code: 'kb-typ' });
    expect(result.message).toContain(words);
  });

  it('rejects a stale iat, outside the window', async () => {
    const now = (IAT + DEFAULT_KB_MAX_AGE_SECONDS + 60) * 1000;
    const result = await verifyKeyBinding(await inspectSdJwt((await present()).presentation), { ...EXPECT, now });
    expect(result).toMatchObject({ state: 'invalid', code: 'kb-iat' });
    expect(result.message).toMatch(/6 minutes ago, outside the 5-minute window/);
  });

  it('widens the window with maxAgeSeconds and leewaySeconds', async () => {
    const inspection = await inspectSdJwt((await present()).presentation);
    const now = (IAT + 400) * 1000;
    expect((await verifyKeyBinding(inspection, { ...EXPECT, now })).state).toBe('invalid');
    expect((await verifyKeyBinding(inspection, { ...EXPECT, now, maxAgeSeconds: 600 })).state).toBe('verified');
    expect((await verifyKeyBinding(inspection, { ...EXPECT, now, leewaySeconds: 120 })).state).toBe('verified');
  });

  it('rejects an iat in the future', async () => {
    const result = await verifyKeyBinding(await inspectSdJwt((await present({ iat: IAT + 3600 })).presentation), {
      ...EXPECT,
      ...NOW,
    });
    expect(result).toMatchObject({ state: 'invalid', code: 'kb-iat' });
    expect(result.message).toMatch(/in the future/);
  });

  it('rejects the wrong audience, and the wrong nonce', async () => {
    const inspection = await inspectSdJwt((await present()).presentation);
    const aud = await verifyKeyBinding(inspection, {
      ...NOW,
      expectedAud: 'https://other.example',
      expectedNonce: NONCE,
    });
    expect(aud).toMatchObject({ state: 'invalid', code: 'kb-aud' });
    expect(aud.message).toMatch(/made for another verifier/);
    const nonce = await verifyKeyBinding(inspection, { ...NOW, expectedAud: AUD, expectedNonce: 'other' });
    expect(nonce).toMatchObject({ state: 'invalid', code: 'kb-nonce' });
    expect(nonce.message).toMatch(/another transaction/);
  });

  it('rejects aud given as an array, even one holding the expected audience', async () => {
    const text = await withKbJwt({ alg: 'ES256', typ: 'kb+jwt' }, (sd_hash) => ({
      iat: IAT,
      aud: [AUD],
      nonce: NONCE,
      sd_hash,
    }));
    const result = await verifyKeyBinding(await inspectSdJwt(text), { ...EXPECT, ...NOW });
    expect(result).toMatchObject({ state: 'invalid', code: 'kb-aud' });
    expect(result.message).toMatch(/single string/);
  });

  it('rejects a KB-JWT missing sd_hash, iat and nonce, listing each', async () => {
    const text = await withKbJwt({ alg: 'ES256', typ: 'kb+jwt' }, () => ({ aud: AUD }));
    const result = await verifyKeyBinding(await inspectSdJwt(text), { ...EXPECT, ...NOW });
    expect(result.state).toBe('invalid');
    expect(result.checks.filter((c) => c.state === 'fail').map((c) => c.id)).toEqual(['sd-hash', 'iat', 'nonce']);
    expect(result.message).toMatch(/2 more checks failed/);
  });

  it('rejects an expired KB-JWT (exp in its payload)', async () => {
    const text = await withKbJwt({ alg: 'ES256', typ: 'kb+jwt' }, (sd_hash) => ({
      iat: IAT,
      exp: IAT + 10,
      aud: AUD,
      nonce: NONCE,
      sd_hash,
    }));
    const result = await verifyKeyBinding(await inspectSdJwt(text), { ...EXPECT, ...NOW });
    expect(result).toMatchObject({ state: 'invalid', code: 'kb-time' });
  });

  it('rejects a KB-JWT that does not decode', async () => {
    const inspection = await inspectSdJwt(`${issued}eyJhbGciOiJFUzI1NiJ9.%%%.sig`);
    expect(inspection.kbError).toBeDefined();
    const result = await verifyKeyBinding(inspection, EXPECT);
    expect(result).toMatchObject({ state: 'invalid', code: 'kb-format' });
  });

  it('rejects key binding when the SD-JWT has no cnf, so there is no holder key', async () => {
    const made = await issueSdJwt({
      payload: { iss: 'x', name: 'n' },
      disclose: ['$.name'],
      key: { text: (await issuerKey()).privateText },
    });
    if (!made.ok) throw new Error(made.message);
    const presented = await presentSdJwt({
      sdJwt: made.sdJwt,
      disclose: ['$.name'],
      keyBinding: { key: { text: holder.privateText }, aud: AUD, nonce: NONCE, iat: IAT },
    });
    if (!presented.ok) throw new Error(presented.message);
    expect(presented.warnings.join(' ')).toMatch(/no cnf\.jwk/);
    const result = await verifyKeyBinding(await inspectSdJwt(presented.presentation), { ...EXPECT, ...NOW });
    expect(result).toMatchObject({ state: 'invalid', code: 'kb-holder-key' });
    expect(check(result, 'signature')?.state).toBe('unchecked');
  });

  it.each([
    ['a symmetric key', { kty: 'oct', k: 'c2VjcmV0' }, /symmetric key/],
    ['private key material', { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'd' }, /private key material \(d\)/],
  ])('rejects a cnf.jwk that is %s', async (_what, jwk, words) => {
    const jwt = await issuerJwt({ iss: 'x', cnf: { jwk } });
    const sdHash = await sdDigest('SHA-256', `${jwt}~`);
    const kb = await signToken(
      JSON.stringify({ alg: 'ES256', typ: 'kb+jwt' }),
      JSON.stringify({ iat: IAT, aud: AUD, nonce: NONCE, sd_hash: sdHash }),
      { text: holder.privateText },
    );
    const result = await verifyKeyBinding(await inspectSdJwt(`${jwt}~${kb}`), { ...EXPECT, ...NOW });
    expect(result).toMatchObject({ state: 'invalid', code: 'kb-holder-key' });
    expect(result.message).toMatch(words);
  });
});
