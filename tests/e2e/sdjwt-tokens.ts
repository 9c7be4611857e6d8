// SD-JWTs made for the SD-JWT end-to-end tests by another implementation, @sd-jwt/core 0.17 (a dev dependency),
// with node:crypto for the signatures, hashes and salts, fresh in each run (so a Key Binding JWT's iat is recent).
import { Buffer } from 'node:buffer';
import crypto, { type KeyObject } from 'node:crypto';
import { SDJwtGeneralJSONInstance, SDJwtInstance } from '@sd-jwt/core';

const b64u = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64url');

export type EcKey = {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicPem: string;
  publicJwk: Record<string, string>;
};

export function ecKey(): EcKey {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { kty, crv, x, y } = publicKey.export({ format: 'jwk' }) as Record<string, string>;
  return {
    privateKey,
    publicKey,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicJwk: { kty: kty ?? '', crv: crv ?? '', x: x ?? '', y: y ?? '' },
  };
}

const signer = (key: KeyObject) => (data: string) =>
  b64u(crypto.sign('sha256', Buffer.from(data), { key, dsaEncoding: 'ieee-p1363' }));

const hasher = (data: string | ArrayBuffer, alg: string) =>
  new Uint8Array(
    crypto
      .createHash(alg.replace('sha-', 'sha'))
      .update(typeof data === 'string' ? data : Buffer.from(data))
      .digest(),
  );

const saltGenerator = (length: number) => b64u(crypto.randomBytes(length));

export const AUD = 'https://verifier.example.org';
export const NONCE = 'n-0S6_WzA2Mj';

export function person(iss: string) {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss,
    iat: now,
    exp: now + 3600,
    vct: 'https://credentials.example.com/identity_credential',
    given_name: 'Erika',
    family_name: 'Mustermann',
    email: 'erika@example.com',
    address: { street_address: 'Heidestraße 17', locality: 'Köln', country: 'DE' },
    nationalities: ['DE', 'FR', 'US'],
    status: { status_list: { idx: 7, uri: 'https://status.example.com/lists/1' } },
  };
}

// The disclosure frame (what @sd-jwt/core makes disclosable) is written inline at each issue() call, where the
// library's types check it against the payload: given_name, family_name, email, address (recursive:
// street_address and locality), nationalities[0] and [2], and 2 decoys.
/** Issued disclosures (8) plus decoys (2): the digests in the issuer's payload. */
export const DIGESTS = 10;

function instance(issuer: EcKey, holder: EcKey) {
  return new SDJwtInstance({
    signer: signer(issuer.privateKey),
    signAlg: 'ES256',
    hasher,
    hashAlg: 'sha-256',
    saltGenerator,
    kbSigner: signer(holder.privateKey),
    kbSignAlg: 'ES256',
  });
}

export type MadeSdJwt = { issued: string; presented: string };

/** Issued with every disclosure, and presented with given_name, address.locality and nationalities[0] plus a KB-JWT. */
export async function makeSdJwt(
  issuer: EcKey,
  holder: EcKey,
  iss = 'https://issuer.example.com',
  typ = 'dc+sd-jwt',
): Promise<MadeSdJwt> {
  const sd = instance(issuer, holder);
  const payload = { ...person(iss), cnf: { jwk: holder.publicJwk } };
  const issued = await sd.issue(
    payload,
    {
      _sd: ['given_name', 'family_name', 'email', 'address'],
      address: { _sd: ['street_address', 'locality'] },
      nationalities: { _sd: [0, 2] },
      _sd_decoy: 2,
    },
    { header: { typ } },
  );
  const presented = await sd.present(
    issued,
    { given_name: true, address: { locality: true }, nationalities: { 0: true } },
    { kb: { payload: { aud: AUD, nonce: NONCE, iat: Math.floor(Date.now() / 1000) } } },
  );
  return { issued, presented };
}

/** The same presentation in the General JWS JSON Serialization (RFC 9901 §8.3). */
export async function makeGeneralJson(issuer: EcKey, holder: EcKey): Promise<string> {
  const sd = new SDJwtGeneralJSONInstance({
    hasher,
    hashAlg: 'sha-256',
    saltGenerator,
    kbSigner: signer(holder.privateKey),
    kbSignAlg: 'ES256',
  });
  const payload = { ...person('https://issuer.example.com'), cnf: { jwk: holder.publicJwk } };
  const issued = await sd.issue(
    payload,
    {
      _sd: ['given_name', 'family_name', 'email', 'address'],
      address: { _sd: ['street_address', 'locality'] },
      nationalities: { _sd: [0, 2] },
      _sd_decoy: 2,
    },
    {
      sigs: [{ signer: signer(issuer.privateKey), alg: 'ES256', kid: 'issuer-1', header: { typ: 'dc+sd-jwt' } }],
    },
  );
  const presented = await sd.present(
    issued,
    { email: true, address: { street_address: true } },
    { kb: { payload: { aud: AUD, nonce: NONCE, iat: Math.floor(Date.now() / 1000) } } },
  );
  return JSON.stringify(presented.toJson(), null, 2);
}

/** The disclosures of a compact SD-JWT, decoded: [salt, name, value] or [salt, value]. */
export function disclosuresOf(sdJwt: string): unknown[][] {
  const pieces = sdJwt.split('~').slice(1, -1);
  return pieces.map((d) => JSON.parse(Buffer.from(d, 'base64url').toString('utf8')) as unknown[]);
}

/** A disclosure the issuer never made: a property with its own salt (RFC 9901 §7.1: no digest refers to it). */
export function forgedDisclosure(name: string, value: unknown): string {
  return b64u(JSON.stringify([saltGenerator(16), name, value]));
}
