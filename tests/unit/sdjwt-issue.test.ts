// Making SD-JWTs (the Encode view's engine): issueSdJwt from a payload and JSON paths, presentSdJwt with a KB-JWT;
// what they make, inspectSdJwt, verifySdJwtIssuer and verifyKeyBinding accept.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateKey, type GeneratedKey } from '../../src/core/keygen';
import {
  inspectSdJwt,
  issueSdJwt,
  presentSdJwt,
  verifyKeyBinding,
  verifySdJwtIssuer,
  type IssueSdJwtInput,
} from '../../src/core/sdjwt';

const CLAIMS = {
  iss: 'https://issuer.example.com',
  iat: 1_800_000_000,
  sub: 'user_42',
  given_name: 'John',
  family_name: 'Doe',
  address: { street_address: '123 Main St', locality: 'Anytown', country: 'US' },
  nationalities: ['US', 'DE', 'FR'],
  '18': true,
};
const NOW = { now: 1_800_000_000_000 };

let issuer: GeneratedKey;
let holder: GeneratedKey;

beforeAll(async () => {
  issuer = await generateKey('ES256');
  holder = await generateKey('EdDSA');
});

async function issue(overrides: Partial<IssueSdJwtInput> = {}) {
  const result = await issueSdJwt({
    payload: JSON.stringify(CLAIMS),
    disclose: ['$.given_name', '$.family_name', '$.address', '$.address.*', '$.nationalities[*]', "$['18']"],
    key: { text: issuer.privateText },
    holderKey: { text: holder.publicPem ?? '' },
    ...overrides,
  });
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result;
}

describe('issueSdJwt', () => {
  it('issues an SD-JWT whose processed payload is the claims given, cnf.jwk added', async () => {
    const issued = await issue();
    const inspection = await inspectSdJwt(issued.sdJwt);
    expect(inspection.structure.state, inspection.structure.message).toBe('ok');
    const { jwk } = (inspection.processedPayload?.cnf ?? {}) as { jwk?: Record<string, unknown> };
    expect(jwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: holder.publicJwk?.x });
    expect(inspection.processedPayload).toEqual({ ...CLAIMS, cnf: { jwk } });
    expect(issued.header).toEqual({ alg: 'ES256' });
    const verdict = await verifySdJwtIssuer(inspection, { text: issuer.publicPem ?? '' }, NOW);
    expect(verdict.signature, verdict.message).toBe('verified');
  });

  it('makes one disclosure per path, recursive ones inside the address, and reports each where it lands', async () => {
    const issued = await issue();
    // Bottom-up, in the payload's own member order (integer-like names such as "18" first, as JavaScript keeps them).
    expect(issued.disclosures.map((d) => d.path)).toEqual([
      "$['18']",
      '$.given_name',
      '$.family_name',
      '$.address.street_address',
      '$.address.locality',
      '$.address.country',
      '$.address',
      '$.nationalities[0]',
      '$.nationalities[1]',
      '$.nationalities[2]',
    ]);
    const inspection = await inspectSdJwt(issued.sdJwt);
    const address = inspection.disclosures.find((d) => d.path === '$.address');
    expect(inspection.disclosures.filter((d) => d.parent === address?.index)).toHaveLength(3);
    expect(issued.payload).not.toHaveProperty('given_name');
    expect(issued.payload._sd_alg).toBe('sha-256');
    expect(issued.payload.nationalities).toHaveLength(3);
    for (const d of issued.disclosures) {
      expect(inspection.disclosures.find((x) => x.digest === d.digest)?.path).toBe(d.path);
      expect(d.salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
    }
  });

  it('adds decoys where asked, which the verifier counts as undisclosed without knowing they are decoys', async () => {
    const issued = await issue({ decoys: { $: 3, '$.nationalities': 2 } });
    expect(issued.decoys.map((d) => d.container).sort()).toEqual(['$', '$', '$', '$.nationalities', '$.nationalities']);
    expect(issued.payload.nationalities).toHaveLength(5);
    const all = await inspectSdJwt(issued.sdJwt);
    expect(all.undisclosed.map((u) => u.digest).sort()).toEqual(issued.decoys.map((d) => d.digest).sort());
    expect(all.processedPayload?.nationalities).toEqual(['US', 'DE', 'FR']);
    const count = await issue({ decoys: 4 });
    expect(count.decoys).toHaveLength(4);
  });

  it('sorts each _sd array, so the order of the digests says nothing about the claims', async () => {
    const issued = await issue();
    const sd = issued.payload._sd as string[];
    expect(sd).toEqual([...sd].sort());
  });

  it.each(['sha-384', 'sha-512'] as const)('issues with _sd_alg %s', async (sdAlg) => {
    const issued = await issue({ sdAlg });
    const inspection = await inspectSdJwt(issued.sdJwt);
    expect(inspection.sdAlg).toMatchObject({ name: sdAlg, state: 'supported' });
    expect(inspection.structure.state).toBe('ok');
    expect(issued.disclosures[0]?.digest).toHaveLength(sdAlg === 'sha-384' ? 64 : 86);
  });

  it('is reproducible with a given source of randomness', async () => {
    let n = 0;
    const random = (length: number) => Uint8Array.from({ length }, () => n++ % 256);
    const first = await issue({ random, holderKey: undefined });
    n = 0;
    const second = await issue({ random, holderKey: undefined });
    expect(second.payload).toEqual(first.payload);
    expect(second.disclosures).toEqual(first.disclosures);
  });

  it('types an SD-JWT VC as dc+sd-jwt when the payload has vct, and warns when a claim it forbids is disclosable', async () => {
    const issued = await issueSdJwt({
      payload: { vct: 'urn:example:pid:1', iss: 'https://issuer.example.com', exp: 1_900_000_000, given_name: 'Erika' },
      disclose: ['$.given_name', '$.exp'],
      key: { text: issuer.privateText },
    });
    if (!issued.ok) throw new Error(issued.message);
    expect(issued.header).toEqual({ typ: 'dc+sd-jwt', alg: 'ES256' });
    expect(issued.warnings.join(' ')).toMatch(/forbids disclosing "exp"/);
    const inspection = await inspectSdJwt(issued.sdJwt);
    expect(inspection.vc).toMatchObject({ typState: 'dc+sd-jwt', vct: 'urn:example:pid:1' });
    expect(inspection.vc?.notes.join(' ')).toMatch(/"exp" is selectively disclosed/);
  });

  it('keeps the header members given and takes alg from it', async () => {
    const rsa = await generateKey('PS256');
    const issued = await issueSdJwt({
      payload: CLAIMS,
      header: '{"alg":"PS256","kid":"k1","typ":"example+sd-jwt"}',
      disclose: ['given_name'],
      key: { text: rsa.privateText },
    });
    if (!issued.ok) throw new Error(issued.message);
    expect(issued.header).toEqual({ alg: 'PS256', kid: 'k1', typ: 'example+sd-jwt' });
    const verdict = await verifySdJwtIssuer(await inspectSdJwt(issued.sdJwt), { text: rsa.publicPem ?? '' }, NOW);
    expect(verdict.signature).toBe('verified');
  });

  it.each([
    [{ payload: '{"a":' }, 'payload-json'],
    [{ payload: '[1]' }, 'payload-json'],
    [{ header: 'nope' }, 'header-json'],
    [{ disclose: ['$.address['] }, 'path'],
    [{ disclose: ['$.missing'] }, 'path-not-found'],
    [{ disclose: ['$.nationalities[7]'] }, 'path-not-found'],
    [{ disclose: ['$'] }, 'path-reserved'],
    [{ payload: { a: { _sd: [] } } }, 'path-reserved'],
    [{ decoys: -1 }, 'decoys'],
    [{ decoys: { '$.given_name': 1 } }, 'decoys'],
    [{ sdAlg: 'md5' }, 'sd-alg'],
    [{ key: { text: '' } }, 'key-empty'],
    [{ header: '{"alg":"none"}' }, 'sign-alg-none'],
  ] as [Partial<IssueSdJwtInput>, string][])('refuses %j with code %s', async (overrides, code) => {
    const result = await issueSdJwt({
      payload: CLAIMS,
      disclose: ['$.given_name'],
      key: { text: issuer.privateText },
      ...overrides,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.message.length).toBeGreaterThan(10);
    }
  });
});

describe('presentSdJwt', () => {
  it('keeps the chosen disclosures, adds the KB-JWT, and the verifier accepts both signatures', async () => {
    const issued = await issue();
    const presented = await presentSdJwt({
      sdJwt: issued.sdJwt,
      disclose: ['$.given_name', '$.nationalities[1]'],
      keyBinding: {
        key: { text: holder.privateText },
        aud: 'https://verifier.example',
        nonce: 'n1',
        iat: 1_800_000_000,
      },
    });
    if (!presented.ok) throw new Error(presented.message);
    expect(presented.added).toEqual([]);
    expect(presented.warnings).toEqual([]);
    expect(presented.presentation).toBe(presented.sdJwt + (presented.kbJwt ?? ''));
    const inspection = await inspectSdJwt(presented.presentation);
    expect(inspection.structure.state, inspection.structure.message).toBe('ok');
    expect(inspection.processedPayload).toMatchObject({ given_name: 'John', nationalities: ['DE'] });
    expect(inspection.processedPayload).not.toHaveProperty('family_name');
    expect(inspection.kb?.header).toEqual({ alg: 'EdDSA', typ: 'kb+jwt' });
    const kb = await verifyKeyBinding(inspection, {
      expectedAud: 'https://verifier.example',
      expectedNonce: 'n1',
      ...NOW,
    });
    expect(kb.state, kb.message).toBe('verified');
    expect((await verifySdJwtIssuer(inspection, { text: issuer.publicPem ?? '' }, NOW)).signature).toBe('verified');
  });

  it('adds the address disclosure when only a member of it is chosen (by digest), and says so', async () => {
    const issued = await issue();
    const locality = issued.disclosures.find((d) => d.path === '$.address.locality')?.digest ?? '';
    const presented = await presentSdJwt({ sdJwt: issued.sdJwt, disclose: [locality] });
    if (!presented.ok) throw new Error(presented.message);
    expect(presented.added).toEqual(['$.address']);
    expect(presented.kbJwt).toBeUndefined();
    const inspection = await inspectSdJwt(presented.presentation);
    expect(inspection.processedPayload?.address).toEqual({ locality: 'Anytown' });
  });

  it('accepts paths without the leading $ and presents nothing when nothing is chosen', async () => {
    const issued = await issue();
    const some = await presentSdJwt({ sdJwt: issued.sdJwt, disclose: ['family_name'] });
    expect(some.ok && some.kept).toHaveLength(1);
    const none = await presentSdJwt({ sdJwt: issued.sdJwt, disclose: [] });
    expect(none.ok && none.presentation).toBe(`${issued.issuerJwt}~`);
  });

  it('refuses a disclosure it does not have, a broken SD-JWT, an HMAC holder key, and a missing aud', async () => {
    const issued = await issue();
    expect(await presentSdJwt({ sdJwt: issued.sdJwt, disclose: ['$.email'] })).toMatchObject({
      ok: false,
      code: 'unknown-disclosure',
    });
    expect(await presentSdJwt({ sdJwt: `${issued.sdJwt}bm90LWEtZGlzY2xvc3VyZQ~`, disclose: [] })).toMatchObject({
      ok: false,
      code: 'sd-jwt',
    });
    const secret = await generateKey('HS256');
    expect(
      await presentSdJwt({
        sdJwt: issued.sdJwt,
        disclose: [],
        keyBinding: { key: { text: secret.privateText, secretEncoding: 'base64url' }, aud: 'a', nonce: 'n' },
      }),
    ).toMatchObject({ ok: false, code: 'kb-input' });
    expect(
      await presentSdJwt({
        sdJwt: issued.sdJwt,
        disclose: [],
        keyBinding: { key: { text: holder.privateText }, aud: ' ', nonce: 'n' },
      }),
    ).toMatchObject({ ok: false, code: 'kb-input' });
  });
});
