// The Encode view's profile templates are correct by construction: each, signed with a key generated here,
// passes its own profile (and is recognised as it in auto) with the expected values the template hands back.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkProfile,
  decodeToken,
  fillProfileTemplate,
  generateKey,
  PROFILE_IDS,
  PROFILE_TEMPLATES,
  signToken,
  type JwsAlgorithm,
  type ProfileId,
} from '../../src/core';

const NOW_S = 1767225600;
let counter = 0;
const env = {
  nowSeconds: NOW_S + 0.7,
  randomUUID: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
};
const ACCESS_TOKEN = 'Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU';

async function signedAndChecked(profile: ProfileId, alg: JwsAlgorithm, accessToken?: string) {
  const key = await generateKey(alg);
  const template = await fillProfileTemplate(profile, env, {
    alg,
    accessToken,
    publicJwk: key.publicJwk as Record<string, unknown>,
  });
  const token = await signToken(template.headerText, template.payloadText, {
    text: key.privateText,
    secretEncoding: 'base64url',
  });
  const decoded = decodeToken(token);
  const options = { now: (NOW_S + 5) * 1000 };
  return {
    template,
    decoded,
    result: await checkProfile(decoded, profile, template.expected, options),
    auto: await checkProfile(decoded, 'auto', template.expected, options),
  };
}

describe('profile templates', () => {
  const cases: [ProfileId, JwsAlgorithm, string | undefined][] = [
    ['id_token', 'RS256', ACCESS_TOKEN],
    ['id_token', 'ES384', ACCESS_TOKEN],
    ['id_token', 'EdDSA', ACCESS_TOKEN],
    ['access_token', 'RS256', undefined],
    ['access_token', 'ES256', undefined],
    ['client_assertion', 'RS256', undefined],
    ['client_assertion', 'HS256', undefined],
    ['logout_token', 'RS256', undefined],
    ['dpop_proof', 'ES256', ACCESS_TOKEN],
    ['dpop_proof', 'ES256', undefined],
    ['dpop_proof', 'EdDSA', ACCESS_TOKEN],
    ['dpop_proof', 'PS256', ACCESS_TOKEN],
  ];
  it.each(cases)(
    'a %s template signed with a generated %s key passes its own profile (access token: %s)',
    async (profile, alg, accessToken) => {
      const { result, auto } = await signedAndChecked(profile, alg, accessToken);
      expect(result.checks.filter((c) => c.state === 'fail' || c.state === 'warn')).toEqual([]);
      expect(result.state).toBe('pass');
      expect(auto.profile).toBe(profile);
      expect(auto.state).toBe('pass');
    },
  );

  it('fills at_hash of an ID token from the access token, with the hash its alg names', async () => {
    const digest = createHash('sha384').update(ACCESS_TOKEN, 'ascii').digest();
    const { template, result } = await signedAndChecked('id_token', 'ES384', ACCESS_TOKEN);
    expect(template.payload.at_hash).toBe(digest.subarray(0, 24).toString('base64url'));
    expect(result.checks.find((c) => c.id === 'at_hash')?.state).toBe('pass');
    const without = await fillProfileTemplate('id_token', env, { alg: 'RS256' });
    expect(without.payload.at_hash).toBeUndefined();
    expect(without.notes).toEqual([expect.stringMatching(/Paste the access token/)]);
  });

  it("fills a DPoP proof's jwk with the bare public key and ath with the access token's SHA-256", async () => {
    const { template, decoded, result } = await signedAndChecked('dpop_proof', 'ES256', ACCESS_TOKEN);
    expect(Object.keys(decoded.header.jwk as object).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(template.payload.ath).toBe(createHash('sha256').update(ACCESS_TOKEN).digest('base64url'));
    expect(template.payload).toMatchObject({ htm: 'GET', htu: 'https://resource.example.org/protectedresource' });
    expect(result.checks.find((c) => c.id === 'signature')?.state).toBe('pass');
    const tokenEndpoint = await fillProfileTemplate('dpop_proof', env, {
      tokenEndpoint: 'https://as.example/token?x=1',
    });
    expect(tokenEndpoint.payload).toMatchObject({ htm: 'POST', htu: 'https://as.example/token' });
    expect(tokenEndpoint.payload.ath).toBeUndefined();
  });

  it('says what a DPoP template lacks: a key for jwk, an asymmetric algorithm', async () => {
    const noKey = await fillProfileTemplate('dpop_proof', env, {});
    expect(noKey.header.jwk).toBeUndefined();
    expect(noKey.notes.join(' ')).toMatch(/Generate or paste the signing key/);
    const hmac = await fillProfileTemplate('dpop_proof', env, { alg: 'HS256' });
    expect(hmac.alg).toBe('ES256');
    expect(hmac.notes.join(' ')).toMatch(/asymmetric/);
  });

  it('picks the alg a DPoP key implies when none is given', async () => {
    const key = await generateKey('ES384');
    const filled = await fillProfileTemplate('dpop_proof', env, {
      publicJwk: { ...key.publicJwk, alg: undefined } as Record<string, unknown>,
    });
    expect(filled.alg).toBe('ES384');
  });

  it('takes the issuer, client, audience and request from the inputs', async () => {
    const inputs = {
      issuer: 'https://login.example',
      clientId: 'app-1',
      audience: 'https://api.example',
      tokenEndpoint: 'https://login.example/oauth/token',
    };
    expect((await fillProfileTemplate('id_token', env, inputs)).payload).toMatchObject({
      iss: 'https://login.example',
      aud: 'app-1',
    });
    expect((await fillProfileTemplate('access_token', env, inputs)).payload).toMatchObject({
      aud: 'https://api.example',
      client_id: 'app-1',
    });
    expect((await fillProfileTemplate('client_assertion', env, inputs)).payload).toMatchObject({
      iss: 'app-1',
      sub: 'app-1',
      aud: 'https://login.example/oauth/token',
    });
    expect((await fillProfileTemplate('logout_token', env, inputs)).expected).toEqual({
      iss: 'https://login.example',
      aud: 'app-1',
    });
  });

  it('uses whole seconds and fresh ids, and lists one template per profile', async () => {
    const a = await fillProfileTemplate('access_token', env);
    const b = await fillProfileTemplate('access_token', env);
    expect(a.payload.iat).toBe(NOW_S);
    expect(a.payload.jti).not.toBe(b.payload.jti);
    expect(JSON.parse(a.headerText)).toEqual(a.header);
    expect(PROFILE_TEMPLATES.map((t) => t.profile)).toEqual([...PROFILE_IDS]);
  });
});
