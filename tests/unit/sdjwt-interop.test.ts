// SD-JWTs made by another implementation, @sd-jwt/core 0.17.0 with node:crypto (tests/fixtures/sdjwt/generate.mjs,
// committed as sd-jwt-js.json); and the other way round: what this engine issues and presents, @sd-jwt/core accepts.
import crypto from 'node:crypto';
import { SDJwtInstance } from '@sd-jwt/core';
import { describe, expect, it } from 'vitest';
import { inspectSdJwt, issueSdJwt, presentSdJwt, verifyKeyBinding, verifySdJwtIssuer } from '../../src/core/sdjwt';
import { keyPair } from '../fixtures/fixtures';
import { sdJwtJs, sdJwtJsCase } from '../fixtures/sdjwt/fixtures';

const publicKeyOf = (id: string) => ({ text: keyPair(id).publicSpkiPem });

describe('SD-JWTs made by @sd-jwt/core', () => {
  it.each(sdJwtJs.cases.map((c) => [c.id, c] as const))(
    '%s: processes to the claims @sd-jwt/core reads',
    async (_id, c) => {
      const inspection = await inspectSdJwt(c.sdJwt);
      expect(inspection.structure.state, inspection.structure.message).toBe('ok');
      expect(inspection.processedPayload).toEqual(c.claims);
      expect(inspection.disclosures.every((d) => d.state === 'placed')).toBe(true);
    },
  );

  it.each(sdJwtJs.cases.map((c) => [c.id, c] as const))(
    "%s: the issuer's signature verifies with the issuer's public key",
    async (_id, c) => {
      const inspection = await inspectSdJwt(c.sdJwt);
      const verdict = await verifySdJwtIssuer(inspection, publicKeyOf(c.issuerKey), {
        now: (c.claims.iat as number) * 1000,
      });
      expect(verdict.signature, verdict.message).toBe('verified');
      const other = await verifySdJwtIssuer(inspection, publicKeyOf('ec-p256-other'));
      expect(other.signature).not.toBe('verified');
    },
  );

  it.each(sdJwtJs.cases.filter((c) => c.holderKey).map((c) => [c.id, c] as const))(
    '%s: the key binding verifies with the expected aud and nonce',
    async (_id, c) => {
      const inspection = await inspectSdJwt(c.sdJwt);
      const kb = await verifyKeyBinding(inspection, {
        expectedAud: c.aud ?? '',
        expectedNonce: c.nonce ?? '',
        now: (c.iat ?? 0) * 1000 + 5000,
      });
      expect(kb.state, kb.message).toBe('verified');
    },
  );

  it('counts the 2 decoys of the issued SD-JWT as undisclosed, and every claim placed at its path', async () => {
    const inspection = await inspectSdJwt(sdJwtJsCase('es256-issued').sdJwt);
    expect(inspection.undisclosed).toHaveLength(2);
    expect(inspection.undisclosed.every((u) => u.container === '$' && u.kind === 'property')).toBe(true);
    expect(inspection.disclosures.map((d) => d.path).sort()).toEqual([
      '$.address',
      '$.address.locality',
      '$.address.street_address',
      '$.email',
      '$.family_name',
      '$.given_name',
      '$.nationalities[0]',
      '$.nationalities[2]',
    ]);
  });

  it('reads the SD-JWT VC: dc+sd-jwt, vct and the status list reference, with sha-384 digests', async () => {
    const inspection = await inspectSdJwt(sdJwtJsCase('vc-es384-sha384-kb').sdJwt);
    expect(inspection.sdAlg.name).toBe('sha-384');
    expect(inspection.vc).toMatchObject({
      typState: 'dc+sd-jwt',
      vct: 'urn:eudi:pid:1',
      statusList: { idx: 412, uri: 'https://pid-issuer.example.com/statuslists/1' },
      notes: [],
    });
  });

  it('reads the General JSON Serialization and rebuilds the compact form sd_hash covers', async () => {
    const inspection = await inspectSdJwt(sdJwtJsCase('general-json-kb').sdJwt);
    expect(inspection.format).toBe('json-general');
    expect(inspection.normalized.startsWith(inspection.presentation)).toBe(true);
    expect(inspection.normalized.slice(inspection.presentation.length)).toBe(inspection.kbJwt);
  });
});

describe('what this engine makes, @sd-jwt/core accepts', () => {
  const holder = keyPair('ec-p256-other');
  const issuerKey = keyPair('ec-p256');

  function sdJwtJsVerifier(): SDJwtInstance<Record<string, unknown>> {
    const verify = (pem: crypto.KeyObject, data: string, signature: string) =>
      crypto.verify(
        'sha256',
        Buffer.from(data),
        { key: pem, dsaEncoding: 'ieee-p1363' },
        Buffer.from(signature, 'base64url'),
      );
    return new SDJwtInstance({
      hasher: (data: string | ArrayBuffer, alg: string) =>
        new Uint8Array(
          crypto
            .createHash(alg.replace('sha-', 'sha'))
            .update(typeof data === 'string' ? data : Buffer.from(data))
            .digest(),
        ),
      verifier: (data: string, signature: string) =>
        verify(crypto.createPublicKey(issuerKey.publicSpkiPem), data, signature),
      kbVerifier: (data: string, signature: string, payload: Record<string, unknown>) =>
        verify(
          crypto.createPublicKey({ key: (payload.cnf as { jwk: crypto.JsonWebKey }).jwk, format: 'jwk' }),
          data,
          signature,
        ),
    });
  }

  it('an issued SD-JWT and a presentation with key binding verify there, with the same claims', async () => {
    const issued = await issueSdJwt({
      payload: {
        iss: 'https://issuer.example.com',
        given_name: 'Ada',
        family_name: 'Lovelace',
        address: { locality: 'London', country: 'GB' },
        nationalities: ['GB', 'IT'],
      },
      disclose: ['$.given_name', '$.family_name', '$.address', '$.address.locality', '$.nationalities[1]'],
      decoys: { $: 2, '$.address': 1, '$.nationalities': 1 },
      key: { text: issuerKey.privatePkcs8Pem },
      holderKey: { text: holder.publicSpkiPem },
    });
    if (!issued.ok) throw new Error(issued.message);
    const library = sdJwtJsVerifier();
    expect((await library.verify(issued.sdJwt)).payload).toEqual((await inspectSdJwt(issued.sdJwt)).processedPayload);

    const presented = await presentSdJwt({
      sdJwt: issued.sdJwt,
      disclose: ['$.address.locality', '$.nationalities[1]'],
      keyBinding: { key: { text: holder.privatePkcs8Pem }, aud: 'https://verifier.example.org', nonce: 'abc' },
    });
    if (!presented.ok) throw new Error(presented.message);
    const checked = await library.verify(presented.presentation, { keyBindingNonce: 'abc' });
    expect(checked.payload).toMatchObject({
      address: { locality: 'London', country: 'GB' },
      nationalities: ['GB', 'IT'],
    });
    expect(checked.payload).not.toHaveProperty('given_name');
  });
});
