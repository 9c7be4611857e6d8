// What the Encode view's signer does with the SD-JWT settings (src/state/sdJwtSigning.ts): issue the ticked claims,
// leave out ticked claims no longer in the payload, present without the unticked disclosures and with a KB-JWT, and
// say why when it cannot. The tokens it makes are read back by the SD-JWT engine, as the Decode view reads them.
import { describe, expect, it } from 'vitest';
import { inspectSdJwt, verifyKeyBinding, verifySdJwtIssuer } from '../../src/core/sdjwt';
import type { SdJwtSettings } from '../../src/state/appState';
import { createInitialState } from '../../src/state/appState';
import { makeSdJwt } from '../../src/state/sdJwtSigning';
import { readFileSync } from 'node:fs';

const keys = JSON.parse(readFileSync(new URL('../fixtures/generated/keys.json', import.meta.url), 'utf8'))
  .keys as Record<string, { privatePkcs8Pem: string; publicSpkiPem: string }>;
const ISSUER = keys['ec-p256']!;
const HOLDER = keys['ec-p256-other']!;

const HEADER = JSON.stringify({ alg: 'ES256', typ: 'dc+sd-jwt' });
const PAYLOAD = JSON.stringify({
  iss: 'https://issuer.example.com',
  vct: 'https://credentials.example.com/id',
  given_name: 'Ada',
  email: 'ada@example.com',
  address: { locality: 'London', country: 'GB' },
  nationalities: ['GB', 'IT'],
});

function settings(changes: Partial<SdJwtSettings> = {}): SdJwtSettings {
  return { ...createInitialState('light', 0).sdJwt, enabled: true, ...changes };
}

function make(changes: Partial<SdJwtSettings>, payloadText = PAYLOAD, keyText = ISSUER.privatePkcs8Pem) {
  return makeSdJwt({ headerText: HEADER, payloadText, key: { text: keyText }, settings: settings(changes) });
}

describe('the Encode view signer with SD-JWT settings', () => {
  it('issues the ticked claims with decoys and the holder key as cnf.jwk; the SD-JWT reads back as the payload', async () => {
    const made = await make({
      disclose: ['$.given_name', '$.email', '$.address', '$.address.locality', '$.nationalities[1]'],
      decoys: 2,
      holderKeyText: HOLDER.privatePkcs8Pem,
    });
    if (!made.ok) throw new Error(made.message);
    expect(made.token.endsWith('~')).toBe(true);
    expect(made.output?.disclosures.map((d) => d.path).sort()).toEqual(
      ['$.address', '$.address.locality', '$.email', '$.given_name', '$.nationalities[1]'].sort(),
    );
    expect(made.output?.decoys).toBe(2);
    expect(made.output?.presentation).toBeUndefined();
    const inspection = await inspectSdJwt(made.token);
    expect(inspection.structure.state).toBe('ok');
    expect(inspection.undisclosed).toHaveLength(2);
    const { cnf, ...claims } = inspection.processedPayload ?? {};
    expect(claims).toEqual(JSON.parse(PAYLOAD));
    expect(cnf).toMatchObject({ jwk: { kty: 'EC', crv: 'P-256' } });
    expect((await verifySdJwtIssuer(inspection, { text: ISSUER.publicSpkiPem })).signature).toBe('verified');
  });

  it('leaves out a ticked claim the payload no longer has, instead of refusing to sign', async () => {
    const made = await make({ disclose: ['$.given_name', '$.middle_name', '$.nationalities[5]'] });
    if (!made.ok) throw new Error(made.message);
    expect(made.output?.disclosures.map((d) => d.path)).toEqual(['$.given_name']);
  });

  it('presents without the unticked disclosures and with a KB-JWT that verifies for its aud and nonce', async () => {
    const made = await make({
      disclose: ['$.given_name', '$.email', '$.address', '$.address.locality'],
      holderKeyText: HOLDER.privatePkcs8Pem,
      present: true,
      // The address object is left out, but the locality inside it is kept: the address must go too.
      omit: ['$.email', '$.address'],
      keyBinding: true,
      aud: 'https://verifier.example.org',
      nonce: 'n-42',
    });
    if (!made.ok) throw new Error(made.message);
    expect(made.output?.presentation?.kept).toEqual(expect.arrayContaining(['$.given_name', '$.address.locality']));
    expect(made.output?.presentation?.added).toEqual(['$.address']);
    const inspection = await inspectSdJwt(made.token);
    expect(inspection.disclosures.map((d) => d.path).sort()).toEqual(
      ['$.address', '$.address.locality', '$.given_name'].sort(),
    );
    expect(inspection.processedPayload?.email).toBeUndefined();
    const kb = await verifyKeyBinding(inspection, {
      expectedAud: 'https://verifier.example.org',
      expectedNonce: 'n-42',
    });
    expect(kb.state).toBe('verified');
  });

  it('refuses a key binding without a holder key, in words', async () => {
    const made = await make({ disclose: ['$.email'], present: true, keyBinding: true, aud: 'a', nonce: 'n' });
    expect(made).toMatchObject({ ok: false, code: 'kb-input' });
    expect(made.ok ? '' : made.message).toContain('holder');
  });

  it("passes on the key reader's and the engine's codes", async () => {
    expect(await make({ disclose: ['$.email'] }, PAYLOAD, '')).toMatchObject({ ok: false, code: 'empty' });
    expect(await make({ disclose: [] }, '{"a":')).toMatchObject({ ok: false, code: 'payload-json' });
    expect(await make({ disclose: [] }, '{"_sd":["x"]}')).toMatchObject({ ok: false, code: 'path-reserved' });
  });
});
