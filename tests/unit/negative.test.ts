// The negative-test pack: each case has the property it claims, checked with implementations other than the
// engine's WebCrypto code (node:crypto, jose, and tokens PyJWT made in tests/fixtures/negative/hmac.json).
import {
  constants,
  createHmac,
  createPublicKey,
  sign as nodeSign,
  verify as nodeVerify,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { compactVerify, createLocalJWKSet, importJWK, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { jwksText, keyPair } from '../fixtures/fixtures';
import {
  buildNegativePack,
  buildNegativePackJson,
  CRIT_MEMBER,
  DEFAULT_FOREIGN_URL,
  KID_PATH_TRAVERSAL,
  KID_SQL_INJECTION,
  NEGATIVE_CASE_IDS,
  WRONG_AUDIENCE,
  WRONG_ISSUER,
  type NegativeCase,
  type NegativeCaseId,
  type NegativePack,
  type NegativePackInput,
} from '../../src/core/negative';
import { createSelfSignedCertificate } from '../../src/core/negative/certificate';
import { generateFreshKeyPair } from '../../src/core/negative/fresh-keys';
import { signToken } from '../../src/core/sign';
import { decodeToken } from '../../src/core/token';
import { verifyToken } from '../../src/core/verify';

type HmacFixture = {
  cases: {
    alg: 'RS256' | 'ES256';
    keyId: string;
    control: string;
    publicPem: string;
    publicJwkText: string;
    tokens: Record<string, string>;
  }[];
};
const pyjwt = JSON.parse(
  readFileSync(new URL('../fixtures/negative/hmac.json', import.meta.url), 'utf8'),
) as HmacFixture;

const rsa = keyPair('rsa-2048');
const ec = keyPair('ec-p256');
const SECRET = 'a shared secret of at least 32 bytes, for HS256';
const NOW = Date.UTC(2030, 0, 1);
const NOW_S = NOW / 1000;

type Parts = {
  h: string;
  p: string;
  s: string;
  input: Buffer;
  signature: Buffer;
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
};

function parts(token: string): Parts {
  const [h = '', p = '', s = ''] = token.split('.');
  const json = (segment: string) =>
    JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;
  return {
    h,
    p,
    s,
    input: Buffer.from(`${h}.${p}`),
    signature: Buffer.from(s, 'base64url'),
    header: json(h),
    payload: json(p),
  };
}

function get(pack: NegativePack, id: NegativeCaseId): NegativeCase {
  const found = pack.cases.find((c) => c.id === id);
  if (!found) throw new Error(`no case ${id}`);
  return found;
}

function token(pack: NegativePack, name: string): string {
  const found = pack.cases.flatMap((c) => c.tokens).find((t) => t.name === name);
  if (!found) throw new Error(`no token ${name}`);
  return found.token;
}

const hs256 = (key: Buffer | string, input: Buffer) => createHmac('sha256', key).update(input).digest();

function verifiesRs256(t: string, key: KeyObject | string): boolean {
  const { input, signature } = parts(t);
  return nodeVerify('sha256', input, key, signature);
}

async function sign(alg: string, payload: Record<string, unknown>, key: string, extra: Record<string, unknown> = {}) {
  return signToken(JSON.stringify({ alg, typ: 'JWT', ...extra }), JSON.stringify(payload), { text: key });
}

const CLAIMS = {
  sub: 'user-42',
  aud: 'https://api.example',
  iss: 'https://issuer.example',
  iat: NOW_S - 60,
  exp: NOW_S + 600,
};

function pack(input: Omit<NegativePackInput, 'token'> & { token: string }): Promise<NegativePack> {
  return buildNegativePack({ now: NOW, ...input, token: decodeToken(input.token) });
}

describe('an RS256 token with the public and the signing key', () => {
  const fixture = pyjwt.cases.find((c) => c.alg === 'RS256')!;
  let full: NegativePack;
  beforeAll(async () => {
    full = await pack({
      token: fixture.control,
      publicKey: { text: rsa.publicSpkiPem },
      signingKey: { text: rsa.privatePkcs8Pem },
    });
  });

  it('lists every case id once, in the stable order, with a state and a reason for each one not ready', () => {
    expect(full.cases.map((c) => c.id)).toEqual([...NEGATIVE_CASE_IDS]);
    for (const c of full.cases) {
      expect(c.tokens.length > 0).toBe(c.state === 'ready');
      if (c.state !== 'ready') expect(c.reason).toMatch(/\w/);
      expect(c.reference).toMatch(/RFC|CVE/);
      expect(c.expected).toBe(c.id === 'control' ? 'accept' : 'refuse');
      expect(c.advisory).toBe(c.id === 'alg-swap');
    }
    expect(full.cases.filter((c) => c.state !== 'ready').map((c) => c.id)).toEqual(['ecdsa-zero-signature']);
    expect(get(full, 'ecdsa-zero-signature')).toMatchObject({ state: 'n/a', reason: expect.stringMatching(/ES256/) });
    expect({ publicKey: full.publicKey, signingKey: full.signingKey }).toEqual({
      publicKey: 'verified',
      signingKey: 'verified',
    });
  });

  it('control: the loaded token byte for byte when it has not expired', () => {
    expect(get(full, 'control').tokens).toEqual([
      { name: 'control', token: fixture.control, detail: 'The loaded token, unchanged.' },
    ]);
  });

  it('alg-none: none, None, NONE and nOnE, each with an empty signature and the rest of the header kept', () => {
    const control = parts(fixture.control);
    const names = get(full, 'alg-none').tokens.map((t) => t.name);
    expect(names).toEqual(['alg-none:none', 'alg-none:None', 'alg-none:NONE', 'alg-none:nOnE']);
    for (const spelling of ['none', 'None', 'NONE', 'nOnE']) {
      const t = token(full, `alg-none:${spelling}`);
      expect(t.endsWith('.')).toBe(true);
      const got = parts(t);
      expect(got.s).toBe('');
      expect(got.p).toBe(control.p);
      expect(got.header).toEqual({ ...control.header, alg: spelling });
    }
  });

  it('signature-stripped: header.payload. of the control', () => {
    const control = parts(fixture.control);
    expect(token(full, 'signature-stripped')).toBe(`${control.h}.${control.p}.`);
  });

  it('signature-other-key: same header and payload, an RS256 signature the server key does not verify', async () => {
    const t = token(full, 'signature-other-key');
    const got = parts(t);
    const control = parts(fixture.control);
    expect([got.h, got.p]).toEqual([control.h, control.p]);
    expect(got.signature).toHaveLength(256);
    expect(verifiesRs256(t, rsa.publicSpkiPem)).toBe(false);
    expect(verifiesRs256(fixture.control, rsa.publicSpkiPem)).toBe(true);
    expect((await verifyToken(t, { text: rsa.publicSpkiPem })).signature).toBe('invalid');
  });

  it('payload-tampered: one claim changed, the original header and signature kept', async () => {
    const t = token(full, 'payload-tampered');
    const got = parts(t);
    const control = parts(fixture.control);
    expect([got.h, got.s]).toEqual([control.h, control.s]);
    expect(got.payload).toEqual({ ...control.payload, sub: 'admin' });
    expect(verifiesRs256(t, rsa.publicSpkiPem)).toBe(false);
    expect((await verifyToken(t, { text: rsa.publicSpkiPem })).signature).toBe('invalid');
  });

  it('hmac-key-confusion: the four variants are exactly the tokens PyJWT made with the PEM text and DER bytes', () => {
    const names = get(full, 'hmac-key-confusion').tokens.map((t) => t.name);
    expect(names).toEqual([
      'hmac-key-confusion:pem',
      'hmac-key-confusion:pem-no-newline',
      'hmac-key-confusion:der',
      'hmac-key-confusion:jwk',
    ]);
    for (const variant of ['pem', 'pem-no-newline', 'der']) {
      const name = `hmac-key-confusion:${variant}`;
      expect({ name, token: token(full, name) }).toEqual({ name, token: fixture.tokens[name] });
    }
  });

  it('hmac-key-confusion: each variant verifies as HS256 under node:crypto with the bytes it names', () => {
    const pem = rsa.publicSpkiPem;
    const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
    const jwk = createPublicKey(pem).export({ format: 'jwk' });
    const keys: Record<string, Buffer | string> = { pem, 'pem-no-newline': pem.trimEnd(), der };
    for (const [variant, key] of Object.entries(keys)) {
      const got = parts(token(full, `hmac-key-confusion:${variant}`));
      expect(got.header).toEqual({ ...parts(fixture.control).header, alg: 'HS256' });
      expect(got.signature.equals(hs256(key, got.input))).toBe(true);
    }
    // A PEM gives no JWK text of its own: the variant uses the members WebCrypto exports, as compact JSON.
    const jwkToken = parts(token(full, 'hmac-key-confusion:jwk'));
    const text = JSON.stringify({ kty: jwk.kty, n: jwk.n, e: jwk.e });
    expect(jwkToken.signature.equals(hs256(text, jwkToken.input))).toBe(true);
  });

  it('embedded-jwk: verifies with the public key in its own header, not with the server key', async () => {
    const t = token(full, 'embedded-jwk');
    const { header } = parts(t);
    expect(header).toMatchObject({ alg: 'RS256', kid: 'rsa-2048', typ: 'JWT' });
    const jwk = header.jwk as JWK;
    expect(jwk).toMatchObject({ kty: 'RSA', kid: 'rsa-2048' });
    expect(Object.keys(jwk).filter((m) => ['d', 'p', 'q', 'dp', 'dq', 'qi'].includes(m))).toEqual([]);
    await expect(compactVerify(t, await importJWK(jwk, 'RS256'))).resolves.toBeTruthy();
    expect(verifiesRs256(t, rsa.publicSpkiPem)).toBe(false);
  });

  it('jku-foreign: points at the .invalid URL, and the JWKS to serve there verifies it; the script cannot see a fetch', async () => {
    const c = get(full, 'jku-foreign');
    const t = token(full, 'jku-foreign');
    expect(parts(t).header).toMatchObject({ alg: 'RS256', jku: DEFAULT_FOREIGN_URL, kid: 'rsa-2048' });
    expect(new URL(DEFAULT_FOREIGN_URL).hostname.endsWith('.invalid')).toBe(true);
    expect(c.hosted).toMatchObject({ url: DEFAULT_FOREIGN_URL, mediaType: 'application/jwk-set+json' });
    const jwks = createLocalJWKSet(JSON.parse(c.hosted!.body) as { keys: JWK[] });
    await expect(compactVerify(t, jwks)).resolves.toBeTruthy();
    expect(c.notes.join(' ')).toMatch(/cannot see whether the server fetched/);
    expect(verifiesRs256(t, rsa.publicSpkiPem)).toBe(false);
  });

  it('x5u-foreign: the PEM certificate to serve at the URL holds the key that signed it', () => {
    const c = get(full, 'x5u-foreign');
    const t = token(full, 'x5u-foreign');
    expect(parts(t).header).toMatchObject({ alg: 'RS256', x5u: DEFAULT_FOREIGN_URL, kid: 'rsa-2048' });
    const cert = new X509Certificate(c.hosted!.body);
    expect(verifiesRs256(t, cert.publicKey)).toBe(true);
    expect(c.notes.join(' ')).toMatch(/cannot see whether the server fetched/);
  });

  it('x5c-self-signed: a certificate node:crypto reads as self-signed, whose key signed the token', () => {
    const t = token(full, 'x5c-self-signed');
    const { header } = parts(t);
    const chain = header.x5c as string[];
    expect(chain).toHaveLength(1);
    const cert = new X509Certificate(Buffer.from(chain[0] ?? '', 'base64'));
    expect(cert.subject).toBe(cert.issuer);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(new Date(cert.validFrom).getTime()).toBeLessThan(NOW);
    expect(new Date(cert.validTo).getTime()).toBeGreaterThan(NOW);
    expect(verifiesRs256(t, cert.publicKey)).toBe(true);
    expect(verifiesRs256(t, rsa.publicSpkiPem)).toBe(false);
  });

  it('hmac-empty-key, kid-path-traversal and kid-sql-injection are the tokens PyJWT made with b"" and "k"', () => {
    for (const name of ['hmac-empty-key', 'kid-path-traversal', 'kid-sql-injection']) {
      expect({ name, token: token(full, name) }).toEqual({ name, token: fixture.tokens[name] });
    }
  });

  it('hmac-empty-key and kid-path-traversal verify under node:crypto with a zero-length key, kid-sql-injection with "k"', () => {
    const empty = parts(token(full, 'hmac-empty-key'));
    expect(empty.header.alg).toBe('HS256');
    expect(empty.signature.equals(hs256(Buffer.alloc(0), empty.input))).toBe(true);
    const traversal = parts(token(full, 'kid-path-traversal'));
    expect(traversal.header).toMatchObject({ alg: 'HS256', kid: KID_PATH_TRAVERSAL });
    expect(KID_PATH_TRAVERSAL).toBe('../../../../../../dev/null');
    expect(traversal.signature.equals(hs256(Buffer.alloc(0), traversal.input))).toBe(true);
    const injection = parts(token(full, 'kid-sql-injection'));
    expect(injection.header).toMatchObject({ alg: 'HS256', kid: KID_SQL_INJECTION });
    expect(KID_SQL_INJECTION).toBe("' UNION SELECT 'k' --");
    expect(injection.signature.equals(hs256('k', injection.input))).toBe(true);
  });

  it('expired and not-yet-valid are signed with the user key, with exp an hour ago and nbf an hour ahead', async () => {
    const expired = await verifyToken(token(full, 'expired'), { text: rsa.publicSpkiPem }, { now: NOW });
    expect(expired).toMatchObject({ signature: 'verified', claims: 'expired' });
    expect(parts(token(full, 'expired')).payload).toMatchObject({ exp: NOW_S - 3600, sub: 'user-42' });
    const early = await verifyToken(token(full, 'not-yet-valid'), { text: rsa.publicSpkiPem }, { now: NOW });
    expect(early).toMatchObject({ signature: 'verified', claims: 'not-yet-valid' });
    expect(parts(token(full, 'not-yet-valid')).payload).toMatchObject({ nbf: NOW_S + 3600 });
  });

  it('wrong-audience and wrong-issuer change only aud or iss, and verify with the user key', async () => {
    const control = parts(fixture.control).payload;
    for (const [name, change] of [
      ['wrong-audience', { aud: WRONG_AUDIENCE }],
      ['wrong-issuer', { iss: WRONG_ISSUER }],
    ] as const) {
      const t = token(full, name);
      expect(parts(t).payload).toEqual({ ...control, ...change });
      expect((await verifyToken(t, { text: rsa.publicSpkiPem }, { now: NOW })).signature).toBe('verified');
    }
  });

  it('crit-unknown: crit ["x-unknown"] with that member set, signed with the user key (checked by node:crypto)', () => {
    const t = token(full, 'crit-unknown');
    expect(parts(t).header).toEqual({ ...parts(fixture.control).header, crit: [CRIT_MEMBER], [CRIT_MEMBER]: true });
    expect(verifiesRs256(t, rsa.publicSpkiPem)).toBe(true);
  });

  it('alg-swap: RS256 re-signed as PS256 with the same key, marked advisory', () => {
    const c = get(full, 'alg-swap');
    expect(c.advisory).toBe(true);
    expect(c.tokens.map((t) => t.name)).toEqual(['alg-swap:PS256']);
    const got = parts(token(full, 'alg-swap:PS256'));
    expect(got.header.alg).toBe('PS256');
    const key = { key: rsa.publicSpkiPem, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
    expect(nodeVerify('sha256', got.input, key, got.signature)).toBe(true);
  });

  it('the JSON for other runners has every token with its id, variant, title, reference and expected outcome', () => {
    const json = JSON.parse(buildNegativePackJson(full)) as { cases: Record<string, unknown>[] };
    const ready = json.cases.filter((r) => r.state === 'ready');
    expect(ready.map((r) => r.name)).toEqual(full.cases.flatMap((c) => c.tokens.map((t) => t.name)));
    expect(json.cases.find((r) => r.name === 'hmac-key-confusion:der')).toMatchObject({
      id: 'hmac-key-confusion',
      variant: 'der',
      title: expect.stringMatching(/HS256/),
      reference: expect.stringMatching(/RFC 8725/),
      token: fixture.tokens['hmac-key-confusion:der'],
      expected: 'refuse',
      advisory: false,
    });
    expect(json.cases.find((r) => r.id === 'control')).toMatchObject({ expected: 'accept', token: fixture.control });
    expect(json.cases.find((r) => r.id === 'ecdsa-zero-signature')).toMatchObject({ state: 'n/a' });
    expect(json.cases.find((r) => r.id === 'ecdsa-zero-signature')).not.toHaveProperty('token');
  });
});

describe('an ES256 token', () => {
  const fixture = pyjwt.cases.find((c) => c.alg === 'ES256')!;
  let full: NegativePack;
  beforeAll(async () => {
    full = await pack({
      token: fixture.control,
      publicKey: { text: ec.publicSpkiPem },
      signingKey: { text: ec.privatePkcs8Pem },
    });
  });

  it('ecdsa-zero-signature: the header and payload kept, a 64-byte signature that decodes to r = s = 0', async () => {
    const t = token(full, 'ecdsa-zero-signature');
    const got = parts(t);
    const control = parts(fixture.control);
    expect([got.h, got.p]).toEqual([control.h, control.p]);
    expect(got.signature).toHaveLength(64);
    const r = BigInt(`0x${got.signature.subarray(0, 32).toString('hex')}`);
    const s = BigInt(`0x${got.signature.subarray(32).toString('hex')}`);
    expect([r, s]).toEqual([0n, 0n]);
    expect(nodeVerify('sha256', got.input, { key: ec.publicSpkiPem, dsaEncoding: 'ieee-p1363' }, got.signature)).toBe(
      false,
    );
    expect((await verifyToken(t, { text: ec.publicSpkiPem })).signature).toBe('invalid');
  });

  it('hmac-key-confusion and the HMAC cases are the tokens PyJWT made from the EC public key', () => {
    for (const name of Object.keys(fixture.tokens).filter((n) => n !== 'hmac-key-confusion:jwk')) {
      expect({ name, token: token(full, name) }).toEqual({ name, token: fixture.tokens[name] });
    }
  });

  it('hmac-key-confusion:jwk, from a pasted JWK, is the token PyJWT made with that JWK text', async () => {
    const fromJwk = await pack({ token: fixture.control, publicKey: { text: fixture.publicJwkText } });
    expect(token(fromJwk, 'hmac-key-confusion:jwk')).toBe(fixture.tokens['hmac-key-confusion:jwk']);
    // A JWK has no PEM of its own: the PEM variants use the SPKI PEM made from it, which is the fixture's.
    expect(token(fromJwk, 'hmac-key-confusion:pem')).toBe(fixture.tokens['hmac-key-confusion:pem']);
  });

  it('alg-swap: ES256 re-signed as ES384 with the same P-256 key', () => {
    const got = parts(token(full, 'alg-swap:ES384'));
    expect(got.header.alg).toBe('ES384');
    expect(nodeVerify('sha384', got.input, { key: ec.publicSpkiPem, dsaEncoding: 'ieee-p1363' }, got.signature)).toBe(
      true,
    );
  });

  it('embedded-jwk, jku-foreign, x5u-foreign and x5c-self-signed use fresh ES256 keys', async () => {
    const t = token(full, 'embedded-jwk');
    const jwk = parts(t).header.jwk as JWK;
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    await expect(compactVerify(t, await importJWK(jwk, 'ES256'))).resolves.toBeTruthy();
    const x5c = parts(token(full, 'x5c-self-signed')).header.x5c as string[];
    const cert = new X509Certificate(Buffer.from(x5c[0] ?? '', 'base64'));
    expect(cert.publicKey.asymmetricKeyType).toBe('ec');
    expect(cert.verify(cert.publicKey)).toBe(true);
  });
});

describe('keys the user gave', () => {
  const fixture = pyjwt.cases.find((c) => c.alg === 'RS256')!;

  it('with the public key only, the signature cases are made and the claim cases need the signing key', async () => {
    const p = await pack({ token: fixture.control, publicKey: { text: rsa.publicSpkiPem } });
    const needsKey = p.cases.filter((c) => c.state === 'needs-key').map((c) => c.id);
    expect(needsKey).toEqual([
      'expired',
      'not-yet-valid',
      'wrong-audience',
      'wrong-issuer',
      'crit-unknown',
      'alg-swap',
    ]);
    for (const id of needsKey) expect(get(p, id).reason).toMatch(/key or secret that signed the token/);
    expect(get(p, 'hmac-key-confusion').state).toBe('ready');
    expect(p.signingKey).toBe('missing');
  });

  it('without any key, key confusion needs the public key and says so', async () => {
    const p = await pack({ token: fixture.control });
    expect(get(p, 'hmac-key-confusion')).toMatchObject({
      state: 'needs-key',
      reason: expect.stringMatching(/public key, JWKS or certificate/),
    });
    expect(get(p, 'alg-none').state).toBe('ready');
  });

  it('a public key that does not verify the token is not used for key confusion', async () => {
    const p = await pack({ token: fixture.control, publicKey: { text: keyPair('rsa-2048-other').publicSpkiPem } });
    expect(p.publicKey).toBe('does-not-verify');
    expect(get(p, 'hmac-key-confusion')).toMatchObject({
      state: 'needs-key',
      reason: expect.stringMatching(/does not verify/),
    });
  });

  it('a signing key that does not verify the token makes no claim case (they would be refused for the wrong reason)', async () => {
    const p = await pack({ token: fixture.control, signingKey: { text: keyPair('rsa-2048-other').privatePkcs8Pem } });
    expect(p.signingKey).toBe('does-not-verify');
    expect(get(p, 'expired')).toMatchObject({ state: 'needs-key', reason: expect.stringMatching(/does not verify/) });
    expect(p.notes.join(' ')).toMatch(/does not verify/);
  });

  it('a certificate as the public key: the PEM variants are keyed with the certificate text, DER with its bytes', async () => {
    const p = await pack({ token: fixture.control, publicKey: { text: rsa.certPem ?? '' } });
    const certDer = new X509Certificate(rsa.certPem ?? '').raw;
    const pem = parts(token(p, 'hmac-key-confusion:pem'));
    expect(pem.signature.equals(hs256(rsa.certPem ?? '', pem.input))).toBe(true);
    const der = parts(token(p, 'hmac-key-confusion:der'));
    expect(der.signature.equals(hs256(certDer, der.input))).toBe(true);
  });

  it('from a JWKS, the key that verifies the token is the one used, its JWK as given', async () => {
    const other = keyPair('rsa-2048-other').publicJwk;
    const p = await pack({ token: fixture.control, publicKey: { text: jwksText(other, rsa.publicJwk) } });
    expect(p.publicKey).toBe('verified');
    const jwk = parts(token(p, 'hmac-key-confusion:jwk'));
    expect(jwk.signature.equals(hs256(JSON.stringify(rsa.publicJwk), jwk.input))).toBe(true);
  });

  it('a PKCS#1 RSA PUBLIC KEY as pasted: the PEM variants use that block, the DER variant its PKCS#1 bytes', async () => {
    const pkcs1 = rsa.publicPkcs1Pem ?? '';
    const p = await pack({ token: fixture.control, publicKey: { text: pkcs1 } });
    const pem = parts(token(p, 'hmac-key-confusion:pem-no-newline'));
    expect(pem.signature.equals(hs256(pkcs1.trimEnd(), pem.input))).toBe(true);
    const der = parts(token(p, 'hmac-key-confusion:der'));
    const pkcs1Der = createPublicKey(pkcs1).export({ type: 'pkcs1', format: 'der' });
    expect(der.signature.equals(hs256(pkcs1Der, der.input))).toBe(true);
  });

  it('an RSA 1024 key verifies its old token but may not sign: the claim cases say so, key confusion still works', async () => {
    const legacy = keyPair('rsa-1024-legacy');
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(JSON.stringify(CLAIMS)).toString('base64url');
    const signature = nodeSign('sha256', Buffer.from(`${header}.${body}`), legacy.privatePkcs8Pem).toString(
      'base64url',
    );
    const loaded = `${header}.${body}.${signature}`;
    const p = await pack({ token: loaded, signingKey: { text: legacy.privatePkcs8Pem } });
    expect(p.signingKey).toBe('unusable');
    expect(get(p, 'expired')).toMatchObject({
      state: 'needs-key',
      reason: expect.stringMatching(/cannot sign: RSA 1024/),
    });
    expect(p.publicKey).toBe('verified');
    const pem = parts(token(p, 'hmac-key-confusion:pem'));
    expect(
      pem.signature.equals(
        hs256(createPublicKey(legacy.privatePkcs8Pem).export({ type: 'spki', format: 'pem' }), pem.input),
      ),
    ).toBe(true);
  });

  it('a private key alone serves as both: its public half (SPKI PEM) for key confusion, itself for the claim cases', async () => {
    const p = await pack({ token: fixture.control, signingKey: { text: rsa.privatePkcs8Pem } });
    expect({ publicKey: p.publicKey, signingKey: p.signingKey }).toEqual({
      publicKey: 'verified',
      signingKey: 'verified',
    });
    expect(token(p, 'hmac-key-confusion:pem')).toBe(fixture.tokens['hmac-key-confusion:pem']);
    expect(get(p, 'expired').state).toBe('ready');
  });
});

describe('the control when the loaded token has expired', () => {
  let expiredToken: string;
  beforeAll(async () => {
    expiredToken = await sign('RS256', { ...CLAIMS, iat: NOW_S - 7200, exp: NOW_S - 3600 }, rsa.privatePkcs8Pem, {
      kid: 'k',
    });
  });

  it('is re-signed with exp moved ahead (and iat now) when the signing key was given, and the cases are made from it', async () => {
    const p = await pack({
      token: expiredToken,
      publicKey: { text: rsa.publicSpkiPem },
      signingKey: { text: rsa.privatePkcs8Pem },
    });
    const control = token(p, 'control');
    expect(control).not.toBe(expiredToken);
    expect(await verifyToken(control, { text: rsa.publicSpkiPem }, { now: NOW })).toMatchObject({
      signature: 'verified',
      claims: 'valid',
    });
    expect(parts(control).payload).toEqual({ ...parts(expiredToken).payload, iat: NOW_S, exp: NOW_S + 3600 });
    expect(parts(control).header).toEqual(parts(expiredToken).header);
    expect(get(p, 'control').notes.join(' ')).toMatch(/had expired/);
    expect(parts(token(p, 'alg-none:none')).p).toBe(parts(control).p);
    expect(parts(token(p, 'payload-tampered')).s).toBe(parts(control).s);
  });

  it('stays the loaded token without the signing key, with a note that the server should refuse it', async () => {
    const p = await pack({ token: expiredToken, publicKey: { text: rsa.publicSpkiPem } });
    expect(token(p, 'control')).toBe(expiredToken);
    expect(get(p, 'control').state).toBe('ready');
    expect(p.notes.join(' ')).toMatch(/expired .* the script stops \(exit 2\)/);
  });
});

describe('an HS256 token with its secret', () => {
  let p: NegativePack;
  let loaded: string;
  beforeAll(async () => {
    loaded = await sign('HS256', CLAIMS, SECRET);
    p = await pack({ token: loaded, signingKey: { text: SECRET } });
  });

  it('has no key confusion and no ECDSA case, and every other case is ready', () => {
    const notReady = p.cases.filter((c) => c.state !== 'ready').map((c) => [c.id, c.state]);
    expect(notReady).toEqual([
      ['hmac-key-confusion', 'n/a'],
      ['ecdsa-zero-signature', 'n/a'],
    ]);
  });

  it('signature-other-key is an HS256 signature under a random secret, not the user one', () => {
    const got = parts(token(p, 'signature-other-key'));
    expect(got.header.alg).toBe('HS256');
    expect(got.signature).toHaveLength(32);
    expect(got.signature.equals(hs256(SECRET, got.input))).toBe(false);
  });

  it('the claim cases are HMACs under the user secret; alg-swap is HS384 under the same secret', () => {
    for (const name of ['expired', 'not-yet-valid', 'wrong-audience', 'wrong-issuer', 'crit-unknown']) {
      const got = parts(token(p, name));
      expect({ name, ok: got.signature.equals(hs256(SECRET, got.input)) }).toEqual({ name, ok: true });
    }
    const swap = parts(token(p, 'alg-swap:HS384'));
    expect(swap.signature.equals(createHmac('sha384', SECRET).update(swap.input).digest())).toBe(true);
  });

  it('the tokens with their own key (jwk, jku, x5u, x5c) are ES256, and say why', () => {
    const c = get(p, 'embedded-jwk');
    expect(parts(token(p, 'embedded-jwk')).header.alg).toBe('ES256');
    expect(c.notes.join(' ')).toMatch(/ES256/);
  });

  it('hmac-empty-key keeps an HS384 token on HS384', async () => {
    const hs384 = await pack({ token: await sign('HS384', CLAIMS, SECRET) });
    const got = parts(token(hs384, 'hmac-empty-key'));
    expect(got.header.alg).toBe('HS384');
    expect(got.signature.equals(createHmac('sha384', Buffer.alloc(0)).update(got.input).digest())).toBe(true);
  });
});

describe('an EdDSA token', () => {
  it('gets Ed25519 keys and certificate for the token-key cases and Ed25519 as its alg-swap', async () => {
    const ed = keyPair('ed25519');
    const loaded = await sign('EdDSA', CLAIMS, ed.privatePkcs8Pem);
    const p = await pack({ token: loaded, signingKey: { text: ed.privatePkcs8Pem } });
    expect(p.cases.filter((c) => c.state !== 'ready').map((c) => c.id)).toEqual(['ecdsa-zero-signature']);
    const x5c = parts(token(p, 'x5c-self-signed'));
    const cert = new X509Certificate(Buffer.from((x5c.header.x5c as string[])[0] ?? '', 'base64'));
    expect(cert.publicKey.asymmetricKeyType).toBe('ed25519');
    expect(nodeVerify(null, x5c.input, cert.publicKey, x5c.signature)).toBe(true);
    const swap = parts(token(p, 'alg-swap:Ed25519'));
    expect(swap.header.alg).toBe('Ed25519');
    expect(nodeVerify(null, swap.input, createPublicKey(ed.privatePkcs8Pem), swap.signature)).toBe(true);
    const other = parts(token(p, 'signature-other-key'));
    expect(nodeVerify(null, other.input, createPublicKey(ed.privatePkcs8Pem), other.signature)).toBe(false);
  });
});

describe('self-signed certificates (pkijs)', () => {
  for (const alg of ['RS256', 'PS384', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const) {
    it(`${alg}: node:crypto reads a v3 certificate signed by its own key, valid around the clock given`, async () => {
      const pair = await generateFreshKeyPair(alg);
      const cert = new X509Certificate(await createSelfSignedCertificate(pair.keys, alg, NOW));
      expect(cert.subject).toBe('CN=JWT Workbench negative test (self-signed)');
      expect(cert.issuer).toBe(cert.subject);
      expect(cert.ca).toBe(false);
      expect(cert.verify(cert.publicKey)).toBe(true);
      expect(cert.publicKey.export({ format: 'jwk' })).toMatchObject(pair.publicJwk);
      expect([Date.parse(cert.validFrom), Date.parse(cert.validTo)]).toEqual([NOW - 86_400_000, NOW + 86_400_000]);
    });
  }
});

it('every certificate has a serial number in minimal DER, which OpenSSL (node:crypto) insists on', async () => {
  // About one random serial in 256 starts with a 0x00 byte DER forbids: 1200 certificates meet one 99% of the time.
  const pair = await generateFreshKeyPair('ES256');
  for (let i = 0; i < 1200; i++) {
    const der = await createSelfSignedCertificate(pair.keys, 'ES256', NOW);
    expect(() => new X509Certificate(der)).not.toThrow();
  }
});

describe('inputs that do not fit', () => {
  it('a foreign URL that is not http(s) leaves jku-foreign and x5u-foreign needing one', async () => {
    const p = await pack({ token: await sign('HS256', CLAIMS, SECRET), foreignUrl: 'file:///etc/passwd' });
    for (const id of ['jku-foreign', 'x5u-foreign'] as const) {
      expect(get(p, id)).toMatchObject({ state: 'needs-key', reason: expect.stringMatching(/not an http\(s\) URL/) });
    }
  });

  it('a foreign URL the user gives goes into jku and x5u', async () => {
    const url = 'https://keys.attacker.example/set.json';
    const p = await pack({ token: await sign('HS256', CLAIMS, SECRET), foreignUrl: url });
    expect(parts(token(p, 'jku-foreign')).header.jku).toBe(url);
    expect(parts(token(p, 'x5u-foreign')).header.x5u).toBe(url);
    expect(get(p, 'jku-foreign').hosted?.url).toBe(url);
  });

  it('an unsecured loaded token gives a control and nothing else', async () => {
    const unsecured = await signToken('{"alg":"none"}', JSON.stringify(CLAIMS), { text: '' }, { allowNone: true });
    const p = await pack({ token: unsecured });
    expect(p.cases.filter((c) => c.state === 'ready').map((c) => c.id)).toEqual(['control']);
    expect(get(p, 'alg-none').reason).toMatch(/unsecured/);
    expect(p.notes.join(' ')).toMatch(/accepts tokens without a signature/);
  });

  it('a payload that is not a JSON object: no payload-tampered and no claim cases', async () => {
    const text = await signToken('{"alg":"HS256"}', 'plain text payload', { text: SECRET });
    const p = await pack({ token: text, signingKey: { text: SECRET } });
    expect(get(p, 'payload-tampered').state).toBe('n/a');
    for (const id of ['expired', 'not-yet-valid', 'wrong-audience', 'wrong-issuer'] as const)
      expect(get(p, id).state).toBe('n/a');
    expect(get(p, 'crit-unknown').state).toBe('ready');
  });
});
