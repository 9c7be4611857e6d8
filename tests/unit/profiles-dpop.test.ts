// RFC 9449 DPoP proof rules (§4.2, §4.3 checks 3–12, §6.1): RFC 9449's own example proofs, then each rule passing
// and failing on proofs signed here, and the verification with the header's key.
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  accessTokenHash,
  checkProfile,
  decodeToken,
  DPOP_DEFAULT_MAX_AGE_SECONDS,
  generateKey,
  jwkThumbprint,
  signToken,
  verifyWithHeaderJwk,
  type GeneratedKey,
  type ProfileExpectations,
  type VerifyOptions,
} from '../../src/core';
import { CLOCK, failing, messageOf, T, unsignedToken, verdicts, without } from './profiles-helpers';

type RfcProof = { section: string; token: string; htm: string; htu: string; iat: number };
const RFC = JSON.parse(readFileSync(new URL('../fixtures/profiles/rfc-examples.json', import.meta.url), 'utf8')) as {
  rfc9449: {
    tokenRequestProof: RfcProof & { jwk: Record<string, string> };
    refreshRequestProof: RfcProof;
    resourceRequestProof: RfcProof & { accessToken: string; ath: string };
    boundAccessToken: { section: string; token: string; jkt: string };
  };
};
const { tokenRequestProof, refreshRequestProof, resourceRequestProof, boundAccessToken } = RFC.rfc9449;

const at = (seconds: number): VerifyOptions => ({ now: seconds * 1000 });

describe('RFC 9449 example proofs', () => {
  it(`passes the token request proof of ${tokenRequestProof.section}, recognised by typ`, async () => {
    const p = tokenRequestProof;
    const result = await checkProfile(decodeToken(p.token), 'auto', { htm: p.htm, htu: p.htu }, at(p.iat + 1));
    expect(result.recognition).toMatchObject({ profile: 'dpop_proof', clue: 'typ' });
    expect(result.state).toBe('pass');
    expect(verdicts(result)).toMatchObject({
      signature: 'pass',
      htm: 'pass',
      htu: 'pass',
      iat: 'pass',
      ath: 'unchecked',
    });
  });

  it(`passes the refresh request proof of ${refreshRequestProof.section}`, async () => {
    const p = refreshRequestProof;
    const result = await checkProfile(decodeToken(p.token), 'dpop_proof', { htm: p.htm, htu: p.htu }, at(p.iat));
    expect(failing(result)).toEqual([]);
  });

  it(`passes the resource request proof of ${resourceRequestProof.section}, whose ath hashes the access token`, async () => {
    const p = resourceRequestProof;
    expect(await accessTokenHash(p.accessToken)).toBe(p.ath);
    const expected = { htm: p.htm, htu: p.htu, accessToken: `DPoP ${p.accessToken}` };
    const result = await checkProfile(decodeToken(p.token), 'dpop_proof', expected, at(p.iat));
    expect(result.state).toBe('pass');
    expect(verdicts(result)).toMatchObject({ ath: 'pass', 'cnf-jkt': 'unchecked' });
    expect(messageOf(result, 'cnf-jkt')).toMatch(/not a JWT.*introspection/);
  });

  it(`finds the proofs' key thumbprint in the cnf.jkt of ${boundAccessToken.section}`, async () => {
    const verification = await verifyWithHeaderJwk(decodeToken(tokenRequestProof.token));
    expect(verification).toMatchObject({ state: 'verified', thumbprint: boundAccessToken.jkt });
    const p = tokenRequestProof;
    const result = await checkProfile(
      decodeToken(p.token),
      'dpop_proof',
      { htm: p.htm, htu: p.htu, accessToken: boundAccessToken.token },
      at(p.iat),
    );
    expect(verdicts(result)['cnf-jkt']).toBe('pass');
    // A proof for the token endpoint carries no ath: sent with an access token, it fails that rule.
    expect(failing(result)).toEqual(['ath']);
  });

  it('fails the RFC proof once it is older than the window, and as a request it was not made for', async () => {
    const p = tokenRequestProof;
    const late = await checkProfile(decodeToken(p.token), 'dpop_proof', { htm: p.htm, htu: p.htu }, at(p.iat + 3600));
    expect(failing(late)).toEqual(['iat']);
    expect(messageOf(late, 'iat')).toMatch(`maximum age of ${DPOP_DEFAULT_MAX_AGE_SECONDS} s`);
    const wider = await checkProfile(
      decodeToken(p.token),
      'dpop_proof',
      {},
      { ...at(p.iat + 3600), maxAgeSeconds: 7200 },
    );
    expect(failing(wider)).toEqual([]);
    const elsewhere = await checkProfile(
      decodeToken(p.token),
      'dpop_proof',
      { htm: 'GET', htu: 'https://server.example.com/userinfo' },
      at(p.iat),
    );
    expect(failing(elsewhere)).toEqual(['htm', 'htu']);
  });

  it('fails the signature of an RFC proof whose payload was changed', async () => {
    const [h, , s] = tokenRequestProof.token.split('.');
    const payload = Buffer.from(
      JSON.stringify({ jti: '-BwC3ESc6acc2lTc', htm: 'GET', htu: 'https://server.example.com/token', iat: 1562262616 }),
    ).toString('base64url');
    const result = await checkProfile(decodeToken(`${h}.${payload}.${s}`), 'dpop_proof', {}, at(1562262616));
    expect(failing(result)).toEqual(['signature']);
  });
});

const HTU = 'https://resource.example.org/protectedresource';
let es256: GeneratedKey | undefined;
let other: GeneratedKey | undefined;
async function keys(): Promise<{ key: GeneratedKey; other: GeneratedKey }> {
  es256 ??= await generateKey('ES256');
  other ??= await generateKey('ES256');
  return { key: es256, other };
}

function bare(jwk: Record<string, unknown>): Record<string, unknown> {
  return without(jwk, 'kid', 'alg', 'use');
}

async function proof(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
  signer?: GeneratedKey,
): Promise<string> {
  const { key } = await keys();
  const jwk = bare(key.publicJwk as Record<string, unknown>);
  return signToken(JSON.stringify({ typ: 'dpop+jwt', alg: 'ES256', jwk, ...header }), JSON.stringify(claims), {
    text: (signer ?? key).privateText,
  });
}

async function accessTokenBoundTo(jkt: string | undefined): Promise<string> {
  const as = await generateKey('ES256');
  const claims = {
    iss: 'https://as.example.com',
    sub: 'u',
    aud: 'https://resource.example.org',
    exp: T + 600,
    iat: T,
    ...(jkt ? { cnf: { jkt } } : {}),
  };
  return signToken(JSON.stringify({ typ: 'at+jwt', alg: 'ES256' }), JSON.stringify(claims), { text: as.privateText });
}

const dpop = (
  token: string,
  expected: ProfileExpectations = { htm: 'GET', htu: HTU },
  options: VerifyOptions = CLOCK,
) => checkProfile(decodeToken(token), 'dpop_proof', expected, options);

const CLAIMS = { jti: 'e1j3V_bKic8-LAEB', htm: 'GET', htu: HTU, iat: T };

describe('DPoP proof rules', () => {
  it('passes a proof made with a generated ES256 key, bound to its access token', async () => {
    const { key } = await keys();
    const accessToken = await accessTokenBoundTo(await jwkThumbprint(key.publicJwk!));
    const token = await proof({ ...CLAIMS, ath: await accessTokenHash(accessToken) });
    const result = await dpop(token, { htm: 'GET', htu: HTU, accessToken });
    expect(result.state).toBe('pass');
    expect(verdicts(result)).toEqual({
      typ: 'pass',
      alg: 'pass',
      'jwk-public': 'pass',
      signature: 'pass',
      jti: 'pass',
      htm: 'pass',
      htu: 'pass',
      iat: 'pass',
      nonce: 'unchecked',
      ath: 'pass',
      'cnf-jkt': 'pass',
    });
  });

  it('passes EdDSA and PS256 proofs, verified with their header keys', async () => {
    for (const alg of ['EdDSA', 'PS256'] as const) {
      const key = await generateKey(alg);
      const header = { typ: 'dpop+jwt', alg, jwk: bare(key.publicJwk as Record<string, unknown>) };
      const token = await signToken(JSON.stringify(header), JSON.stringify(CLAIMS), { text: key.privateText });
      expect(failing(await dpop(token)), alg).toEqual([]);
    }
  });

  it('fails a typ other than dpop+jwt', async () => {
    expect(failing(await dpop(await proof(CLAIMS, { typ: 'JWT' })))).toEqual(['typ']);
    expect(failing(await dpop(await proof(CLAIMS, { typ: 'application/dpop+jwt' })))).toEqual([]);
  });

  it('fails a symmetric or unknown alg, and none', async () => {
    const hs = unsignedToken({ typ: 'dpop+jwt', alg: 'HS256', jwk: { kty: 'oct', k: 'c2VjcmV0' } }, CLAIMS);
    const result = await checkProfile(hs, 'dpop_proof', { htm: 'GET', htu: HTU }, CLOCK);
    expect(failing(result)).toEqual(['alg', 'jwk-public', 'signature']);
    expect(messageOf(result, 'alg')).toMatch(/symmetric/);
    const none = unsignedToken({ typ: 'dpop+jwt', alg: 'none', jwk: { kty: 'EC' } }, CLAIMS);
    expect(failing(await checkProfile(none, 'dpop_proof', {}, CLOCK))).toEqual(['alg', 'signature']);
    const unknown = unsignedToken({ typ: 'dpop+jwt', alg: 'ES256K', jwk: { kty: 'EC' } }, CLAIMS);
    expect(verdicts(await checkProfile(unknown, 'dpop_proof', {}, CLOCK)).alg).toBe('fail');
  });

  it('fails a jwk that holds the private key, though the signature verifies with its public half', async () => {
    const { key } = await keys();
    const { d } = createPrivateKey(key.privateText).export({ format: 'jwk' });
    const jwk = { ...bare(key.publicJwk as Record<string, unknown>), d };
    const result = await dpop(await proof(CLAIMS, { jwk }));
    expect(failing(result)).toEqual(['jwk-public']);
    expect(messageOf(result, 'jwk-public')).toMatch(/private key members \(d\)/);
    expect(messageOf(result, 'signature')).toMatch(/its public half/);
  });

  it('fails a proof without jwk, and one signed by another key than its jwk', async () => {
    const { other: stranger } = await keys();
    const noJwk = unsignedToken({ typ: 'dpop+jwt', alg: 'ES256' }, CLAIMS);
    expect(failing(await checkProfile(noJwk, 'dpop_proof', { htm: 'GET', htu: HTU }, CLOCK))).toEqual([
      'jwk-public',
      'signature',
    ]);
    const forged = await dpop(await proof(CLAIMS, {}, stranger));
    expect(failing(forged)).toEqual(['signature']);
    expect(messageOf(forged, 'signature')).toMatch(/does not verify/);
  });

  it('compares htm case-sensitively, reading a lower-case standard method as upper case', async () => {
    const token = await proof(CLAIMS);
    expect(verdicts(await dpop(token, { htm: 'get', htu: HTU })).htm).toBe('pass');
    const lower = await dpop(await proof({ ...CLAIMS, htm: 'get' }));
    expect(failing(lower)).toEqual(['htm']);
    expect(messageOf(lower, 'htm')).toMatch(/case-sensitive/);
    expect(failing(await dpop(await proof(without(CLAIMS, 'htm'))))).toEqual(['htm']);
    expect(verdicts(await dpop(token, { htu: HTU })).htm).toBe('unchecked');
  });

  it('compares htu without query and fragment, after URL normalisation', async () => {
    const token = await proof(CLAIMS);
    for (const htu of [`${HTU}?page=2#top`, 'HTTPS://Resource.Example.org:443/protectedresource', `${HTU}#x`]) {
      expect(verdicts(await dpop(token, { htm: 'GET', htu })).htu, htu).toBe('pass');
    }
    expect(failing(await dpop(token, { htm: 'GET', htu: 'https://resource.example.org/other' }))).toEqual(['htu']);
    expect(failing(await dpop(token, { htm: 'GET', htu: 'http://resource.example.org/protectedresource' }))).toEqual([
      'htu',
    ]);
    const withQuery = await dpop(await proof({ ...CLAIMS, htu: `${HTU}?page=2` }));
    expect(verdicts(withQuery).htu).toBe('warn');
    expect(failing(await dpop(await proof(without(CLAIMS, 'htu'))))).toEqual(['htu']);
    expect(verdicts(await dpop(token, { htm: 'GET' })).htu).toBe('unchecked');
  });

  it('fails an iat outside the window: older than the maximum age, or in the future beyond the leeway', async () => {
    const token = await proof(CLAIMS);
    expect(failing(await dpop(token, undefined, { now: (T + DPOP_DEFAULT_MAX_AGE_SECONDS + 1) * 1000 }))).toEqual([
      'iat',
    ]);
    expect(failing(await dpop(token, undefined, { now: (T + 100) * 1000, maxAgeSeconds: 60 }))).toEqual(['iat']);
    expect(failing(await dpop(token, undefined, { now: (T - 20) * 1000 }))).toEqual(['iat']);
    expect(failing(await dpop(token, undefined, { now: (T - 20) * 1000, leewaySeconds: 30 }))).toEqual([]);
    expect(failing(await dpop(await proof(without(CLAIMS, 'iat'))))).toEqual(['iat']);
  });

  it('fails a proof without jti', async () => {
    expect(failing(await dpop(await proof(without(CLAIMS, 'jti'))))).toEqual(['jti']);
  });

  it("compares nonce with the server's DPoP-Nonce when one is given", async () => {
    const withNonce = await proof({ ...CLAIMS, nonce: 'eyJ7S_zG.eyJH0-Z.HX4w-7v' });
    expect(verdicts(await dpop(withNonce, { htm: 'GET', htu: HTU, nonce: 'eyJ7S_zG.eyJH0-Z.HX4w-7v' })).nonce).toBe(
      'pass',
    );
    expect(failing(await dpop(withNonce, { htm: 'GET', htu: HTU, nonce: 'other' }))).toEqual(['nonce']);
    expect(failing(await dpop(await proof(CLAIMS), { htm: 'GET', htu: HTU, nonce: 'n' }))).toEqual(['nonce']);
    expect(verdicts(await dpop(withNonce)).nonce).toBe('unchecked');
  });

  it('fails an ath of another access token, and a missing ath when an access token is sent', async () => {
    const accessToken = 'Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU';
    const right = await proof({ ...CLAIMS, ath: await accessTokenHash(accessToken) });
    expect(verdicts(await dpop(right, { htm: 'GET', htu: HTU, accessToken })).ath).toBe('pass');
    expect(failing(await dpop(right, { htm: 'GET', htu: HTU, accessToken: 'another' }))).toEqual(['ath']);
    expect(failing(await dpop(await proof(CLAIMS), { htm: 'GET', htu: HTU, accessToken }))).toEqual(['ath']);
    const noToken = await dpop(right);
    expect(verdicts(noToken).ath).toBe('unchecked');
    expect(messageOf(noToken, 'ath')).toMatch(/fill the access token/);
  });

  it('fails an access token bound to another key, or bound to none', async () => {
    const { other: stranger } = await keys();
    for (const [jkt, pattern] of [
      [await jwkThumbprint(stranger.publicJwk!), /bound to the key .* signed with another key/],
      [undefined, /not bound to a DPoP key/],
    ] as const) {
      const accessToken = await accessTokenBoundTo(jkt);
      const token = await proof({ ...CLAIMS, ath: await accessTokenHash(accessToken) });
      const result = await dpop(token, { htm: 'GET', htu: HTU, accessToken });
      expect(failing(result)).toEqual(['cnf-jkt']);
      expect(messageOf(result, 'cnf-jkt')).toMatch(pattern);
    }
  });
});

describe('verifyWithHeaderJwk', () => {
  it('names why it cannot verify: no jwk, no usable alg, a symmetric key, a key that does not fit the alg', async () => {
    const { key } = await keys();
    const jwk = bare(key.publicJwk as Record<string, unknown>);
    const cases: [Record<string, unknown>, string][] = [
      [{ alg: 'ES256' }, 'no-jwk'],
      [{ alg: 'ES256', jwk: 'not-a-key' }, 'no-jwk'],
      [{ alg: 'none', jwk }, 'alg'],
      [{ jwk }, 'alg'],
      [{ alg: 'HS256', jwk: { kty: 'oct', k: 'c2VjcmV0' } }, 'symmetric'],
      [{ alg: 'ES256', jwk: { kty: 'oct', k: 'c2VjcmV0' } }, 'symmetric'],
      [{ alg: 'RS256', jwk }, 'jwk'],
      [{ alg: 'ES256', jwk: { ...jwk, alg: 'ES384' } }, 'jwk'],
      [{ alg: 'ES256', jwk: { ...jwk, x: 'AAAA' } }, 'jwk'],
    ];
    for (const [header, code] of cases) {
      const result = await verifyWithHeaderJwk(unsignedToken({ typ: 'dpop+jwt', ...header }, CLAIMS));
      expect(result, JSON.stringify(header)).toMatchObject({ state: 'error', code });
      expect(result.message.length).toBeGreaterThan(10);
    }
  });

  it('reports an invalid signature with the thumbprint of the key it tried', async () => {
    const { key } = await keys();
    const jwk = bare(key.publicJwk as Record<string, unknown>);
    const result = await verifyWithHeaderJwk(unsignedToken({ typ: 'dpop+jwt', alg: 'ES256', jwk }, CLAIMS));
    expect(result).toMatchObject({ state: 'invalid', thumbprint: await jwkThumbprint(key.publicJwk!) });
  });

  it('reports a token jose refuses (an unknown crit member) as an error', async () => {
    const token = await proof(CLAIMS, { crit: ['x-unknown'], 'x-unknown': 1 });
    expect(await verifyWithHeaderJwk(decodeToken(token))).toMatchObject({ state: 'error', code: 'jws' });
  });
});
