// RFC 9901's own examples (tests/fixtures/sdjwt/rfc9901-examples.json, extracted from the RFC text): every
// disclosure digest, the processed payloads, the issuer signatures (A.5 key) and the key bindings.
import { describe, expect, it } from 'vitest';
import { generateKey } from '../../src/core/keygen';
import { signToken } from '../../src/core/sign';
import { sdDigest } from '../../src/core/sdjwt/hash';
import { inspectSdJwt, isSdJwt, verifyKeyBinding, verifySdJwtIssuer } from '../../src/core/sdjwt';
import { rfc9901, type RfcDisclosure } from '../fixtures/sdjwt/fixtures';

const ISSUER_KEY = { text: JSON.stringify(rfc9901.issuerKey.jwk) };
// The KB-JWTs of the examples were made at iat 1748537243; the issuer JWTs are valid 1683000000–1883000000.
const KB_IAT_MS = 1748537243 * 1000;
const AT_KB_TIME = { now: KB_IAT_MS + 60_000 };
const EXPECTED = { expectedAud: 'https://verifier.example.org', expectedNonce: '1234567890' };

function byDigest(list: RfcDisclosure[]): Map<string, RfcDisclosure> {
  return new Map(list.map((d) => [d.digest, d]));
}

describe('RFC 9901 §4.2: disclosures and their digests', () => {
  it('computes the §4.2.3 digest of the §4.2.1 family_name disclosure over its base64url text', async () => {
    expect(await sdDigest('SHA-256', rfc9901.disclosureExample.disclosure)).toBe(rfc9901.disclosureExample.digest);
  });

  it.each([
    ['§5.1', rfc9901.section5.disclosures],
    ['§6.3', rfc9901.section63.disclosures],
    ['A.1', rfc9901['A.1'].disclosures],
    ['A.2', rfc9901['A.2'].disclosures],
    ['A.3', rfc9901['A.3'].disclosures],
  ])('computes every SHA-256 digest listed in %s', async (_section, list) => {
    expect(list.length).toBeGreaterThan(3);
    for (const d of list) expect(await sdDigest('SHA-256', d.disclosure), d.name ?? 'array entry').toBe(d.digest);
  });
});

describe('RFC 9901 §5: the simple example', () => {
  const s5 = rfc9901.section5;

  it('recognises the issued SD-JWT and the SD-JWT+KB, but not the bare Issuer-signed JWT', () => {
    expect(isSdJwt(s5.issued)).toBe(true);
    expect(isSdJwt(s5.presentation)).toBe(true);
    expect(isSdJwt(s5.issuerJwt)).toBe(false);
  });

  it('reads the issued SD-JWT: 10 disclosures, each named and placed, nothing undisclosed', async () => {
    const inspection = await inspectSdJwt(s5.issued);
    expect(inspection.structure.state, inspection.structure.message).toBe('ok');
    expect(inspection.issuerJwt).toBe(s5.issuerJwt);
    expect(inspection.rawPayload).toEqual(s5.issuerPayload);
    expect(inspection.sdAlg).toEqual({ name: 'sha-256', source: 'claim', state: 'supported' });
    expect(inspection.kbJwt).toBeUndefined();
    const listed = byDigest(s5.disclosures);
    expect(inspection.disclosures).toHaveLength(10);
    for (const d of inspection.disclosures) {
      expect(d.state).toBe('placed');
      const rfc = listed.get(d.digest ?? '');
      expect(rfc?.disclosure).toBe(d.encoded);
      if (rfc?.name) expect(d).toMatchObject({ kind: 'property', name: rfc.name, path: `$.${rfc.name}` });
      else expect(d.kind).toBe('array-element');
    }
    expect(inspection.disclosures.filter((d) => d.kind === 'array-element').map((d) => [d.path, d.value])).toEqual([
      ['$.nationalities[0]', 'US'],
      ['$.nationalities[1]', 'DE'],
    ]);
    expect(inspection.undisclosed).toEqual([]);
    expect(inspection.digestCount).toBe(10);
    const { iss, iat, exp, cnf } = s5.issuerPayload;
    expect(inspection.processedPayload).toEqual({ ...s5.userClaims, iss, iat, exp, cnf });
    expect(inspection.structure.message).toContain('10 disclosures');
  });

  it('verifies the issuer signature with the A.5 key, and reports the presentation has no key binding', async () => {
    const inspection = await inspectSdJwt(s5.issued);
    const verdict = await verifySdJwtIssuer(inspection, ISSUER_KEY, AT_KB_TIME);
    expect(verdict.signature, verdict.message).toBe('verified');
    expect(verdict.claims).toBe('valid');
    const kb = await verifyKeyBinding(inspection, EXPECTED);
    expect(kb.state).toBe('none');
  });

  it('processes the §5.2 presentation into the payload the RFC shows, counting 6 undisclosed digests', async () => {
    const inspection = await inspectSdJwt(s5.presentation);
    expect(inspection.structure.state, inspection.structure.message).toBe('ok');
    expect(inspection.processedPayload).toEqual(s5.processed);
    expect(inspection.disclosures.map((d) => d.path)).toEqual([
      '$.family_name',
      '$.address',
      '$.given_name',
      '$.nationalities[0]',
    ]);
    expect(inspection.undisclosed).toHaveLength(6);
    expect(inspection.undisclosed.filter((u) => u.kind === 'array-element')).toEqual([
      { kind: 'array-element', container: '$.nationalities', digest: '7Cf6JkPudry3lcbwHgeZ8khAv1U1OSlerP0VkBJrWZ0' },
    ]);
    expect(inspection.digestCount).toBe(10);
    expect(inspection.kb?.payload).toEqual(s5.kbPayload);
  });

  it('verifies the §5.2 key binding: kb+jwt, cnf.jwk signature, sd_hash, iat, aud and nonce', async () => {
    const inspection = await inspectSdJwt(s5.presentation);
    expect(await sdDigest('SHA-256', inspection.presentation)).toBe(s5.kbPayload.sd_hash);
    const kb = await verifyKeyBinding(inspection, { ...EXPECTED, ...AT_KB_TIME });
    expect(kb.state, kb.message).toBe('verified');
    expect(kb.checks.map((c) => [c.id, c.state])).toEqual([
      ['format', 'pass'],
      ['typ', 'pass'],
      ['holder-key', 'pass'],
      ['signature', 'pass'],
      ['sd-hash', 'pass'],
      ['iat', 'pass'],
      ['aud', 'pass'],
      ['nonce', 'pass'],
    ]);
    expect(kb.holderKey).toEqual(rfc9901.holderPublicJwk.jwk);
  });

  it('says aud and nonce were not checked when no expected values are given', async () => {
    const kb = await verifyKeyBinding(await inspectSdJwt(s5.presentation), AT_KB_TIME);
    expect(kb.state).toBe('verified');
    expect(kb.message).toContain('Not checked: aud and nonce');
    expect(kb.checks.find((c) => c.id === 'aud')).toMatchObject({ state: 'unchecked' });
  });

  it('reads the presentation with the line breaks the RFC prints it with', async () => {
    const wrapped = s5.presentation.replace(/.{68}/g, '$&\n   ');
    expect(isSdJwt(wrapped)).toBe(true);
    const inspection = await inspectSdJwt(wrapped);
    expect(inspection.normalized).toBe(s5.presentation);
    expect(inspection.changes.join(' ')).toMatch(/line break/);
    expect(inspection.structure.state).toBe('ok');
  });
});

describe('RFC 9901 Appendix A', () => {
  it('A.1: region and country disclosed, 14 digests left (undisclosed claims and the 6 decoys)', async () => {
    const a1 = rfc9901['A.1'];
    const inspection = await inspectSdJwt(a1.presentation);
    expect(inspection.structure.state, inspection.structure.message).toBe('ok');
    expect(inspection.processedPayload).toEqual(a1.processed);
    expect(inspection.disclosures.map((d) => [d.path, d.value])).toEqual([
      ['$.address.region', '港区'],
      ['$.address.country', 'JP'],
    ]);
    expect(inspection.undisclosed).toHaveLength(14);
    const hidden = new Set(inspection.undisclosed.map((u) => u.digest));
    for (const decoy of a1.decoys) expect(hidden.has(decoy)).toBe(true);
    expect(inspection.structure.message).toContain('14 digests not disclosed');
    expect((await verifySdJwtIssuer(inspection, ISSUER_KEY, AT_KB_TIME)).signature).toBe('verified');
  });

  it('A.2: resolves disclosures inside disclosures and inside arrays of objects', async () => {
    const a2 = rfc9901['A.2'];
    const inspection = await inspectSdJwt(a2.presentation);
    expect(inspection.structure.state, inspection.structure.message).toBe('ok');
    expect(inspection.processedPayload).toEqual(a2.processed);
    const paths = Object.fromEntries(inspection.disclosures.map((d) => [d.path, d]));
    expect(paths['$.verified_claims.verification.evidence[0]']?.kind).toBe('array-element');
    const evidence = paths['$.verified_claims.verification.evidence[0]']?.index;
    expect(paths['$.verified_claims.verification.evidence[0].method']?.parent).toBe(evidence);
    expect(paths['$.verified_claims.claims.address']?.parent).toBeUndefined();
    expect((await verifySdJwtIssuer(inspection, ISSUER_KEY, AT_KB_TIME)).signature).toBe('verified');
  });

  it('A.3: an SD-JWT VC (dc+sd-jwt, vct) whose issued form has 27 disclosures, all placed', async () => {
    const a3 = rfc9901['A.3'];
    const inspection = await inspectSdJwt(a3.issued);
    expect(inspection.structure.state, inspection.structure.message).toBe('ok');
    expect(inspection.rawPayload).toEqual(a3.issuerPayload);
    expect(inspection.disclosures).toHaveLength(27);
    expect(inspection.disclosures.every((d) => d.state === 'placed')).toBe(true);
    expect(inspection.vc).toMatchObject({
      typ: 'dc+sd-jwt',
      typState: 'dc+sd-jwt',
      vct: 'urn:eudi:pid:de:1',
      notes: [],
    });
    expect(inspection.vc?.iss).toBe('https://pid-issuer.bund.de.example');
    const over18 = inspection.disclosures.find((d) => d.path === "$.age_equal_or_over['18']");
    expect(over18).toMatchObject({ name: '18', value: true });
    expect(inspection.disclosures[over18?.parent ?? -1]?.name).toBe('age_equal_or_over');
  });

  it('A.3: the presentation of nationality and age over 18 verifies, key binding included', async () => {
    const a3 = rfc9901['A.3'];
    const inspection = await inspectSdJwt(a3.presentation);
    expect(inspection.structure.state, inspection.structure.message).toBe('ok');
    expect(inspection.processedPayload).toEqual(a3.processed);
    expect((await verifySdJwtIssuer(inspection, ISSUER_KEY, AT_KB_TIME)).signature).toBe('verified');
    const kb = await verifyKeyBinding(inspection, { ...EXPECTED, ...AT_KB_TIME });
    expect(kb.state, kb.message).toBe('verified');
  });

  it('A.4: the W3C VC presentation verifies and processes as the RFC shows', async () => {
    const a4 = rfc9901['A.4'];
    const inspection = await inspectSdJwt(a4.presentation);
    expect(inspection.structure.state, inspection.structure.message).toBe('ok');
    expect(inspection.processedPayload).toEqual(a4.processed);
    expect(inspection.vc).toBeUndefined();
    expect((await verifySdJwtIssuer(inspection, ISSUER_KEY, AT_KB_TIME)).signature).toBe('verified');
    expect((await verifyKeyBinding(inspection, { ...EXPECTED, ...AT_KB_TIME })).state).toBe('verified');
    const issued = await inspectSdJwt(a4.issued);
    expect(issued.structure.state, issued.structure.message).toBe('ok');
  });
});

describe('RFC 9901 §6.3: recursive disclosures', () => {
  it('places the address sub-claims under the address disclosure they sit in', async () => {
    const s63 = rfc9901.section63;
    const key = await generateKey('ES256');
    const jwt = await signToken('{"alg":"ES256"}', JSON.stringify(s63.issuerPayload), { text: key.privateText });
    const inspection = await inspectSdJwt(`${jwt}~${s63.disclosures.map((d) => `${d.disclosure}~`).join('')}`);
    expect(inspection.structure.state, inspection.structure.message).toBe('ok');
    expect(inspection.processedPayload?.address).toEqual({
      street_address: 'Schulstr. 12',
      locality: 'Schulpforta',
      region: 'Sachsen-Anhalt',
      country: 'DE',
    });
    const address = inspection.disclosures.find((d) => d.name === 'address');
    const inner = inspection.disclosures.filter((d) => d.path?.startsWith('$.address.'));
    expect(inner).toHaveLength(4);
    for (const d of inner) expect(d.parent).toBe(address?.index);
  });

  it('leaves the address sub-claims out when the address disclosure is not sent, and flags them as unreferenced', async () => {
    const s63 = rfc9901.section63;
    const key = await generateKey('ES256');
    const jwt = await signToken('{"alg":"ES256"}', JSON.stringify(s63.issuerPayload), { text: key.privateText });
    const region = s63.disclosures.find((d) => d.name === 'region');
    const inspection = await inspectSdJwt(`${jwt}~${region?.disclosure ?? ''}~`);
    expect(inspection.structure).toMatchObject({ state: 'error', code: 'disclosure-unreferenced' });
    expect(inspection.processedPayload).not.toHaveProperty('address');
  });
});

describe('RFC 9901 §8: JWS JSON Serialization', () => {
  it('§8.2: reads the flattened issued form', async () => {
    const inspection = await inspectSdJwt(JSON.stringify(rfc9901['8.2'].issued, null, 2));
    expect(inspection.format).toBe('json-flattened');
    expect(inspection.structure.state, inspection.structure.message).toBe('ok');
    expect(inspection.processedPayload).toMatchObject({
      sub: 'john_doe_42',
      given_name: 'John',
      birthdate: '1940-01-01',
    });
    expect((await verifySdJwtIssuer(inspection, ISSUER_KEY, AT_KB_TIME)).signature).toBe('verified');
  });

  it.each([
    ['§8.2 flattened', rfc9901['8.2'].presentation, 'json-flattened'],
    ['§8.3 general', rfc9901['8.3'].presentation, 'json-general'],
  ])('%s: verifies the key binding over the rebuilt compact form', async (_name, doc, format) => {
    const text = JSON.stringify(doc);
    expect(isSdJwt(text)).toBe(true);
    const inspection = await inspectSdJwt(text);
    expect(inspection.format).toBe(format);
    expect(inspection.structure.state, inspection.structure.message).toBe('ok');
    expect(inspection.processedPayload).toMatchObject({ given_name: 'John', family_name: 'Doe' });
    expect((await verifySdJwtIssuer(inspection, ISSUER_KEY, AT_KB_TIME)).signature).toBe('verified');
    const kb = await verifyKeyBinding(inspection, { ...EXPECTED, ...AT_KB_TIME });
    expect(kb.state, kb.message).toBe('verified');
  });
});
