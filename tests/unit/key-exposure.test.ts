// The one "is this key public-only?" answer that both Copy link and the link reader use: a link must never
// carry something that signs, and must never be written with a key the same link would then refuse.
import { describe, expect, it } from 'vitest';
import { keyExposure } from '../../src/core/key-exposure';
import { jwksText, keyPair, pemOfJwk, publicJwkOf } from '../fixtures/fixtures';

const ec = keyPair('ec-p256');
const rsa = keyPair('rsa-2048');

describe('keyExposure', () => {
  it('calls a public PEM, a public JWK and a JWKS of public keys public', () => {
    expect(keyExposure({ text: pemOfJwk(ec.privateJwk, 'spki') }).kind).toBe('public');
    expect(keyExposure({ text: JSON.stringify(ec.publicJwk) }).kind).toBe('public');
    expect(keyExposure({ text: jwksText(ec.publicJwk, rsa.publicJwk) }).kind).toBe('public');
  });

  it('calls a shared secret, a private PEM and a private JWK secret', () => {
    expect(keyExposure({ text: 'my-shared-secret' })).toEqual({ kind: 'secret', what: 'a shared secret' });
    expect(keyExposure({ text: pemOfJwk(rsa.privateJwk, 'pkcs8') }).kind).toBe('secret');
    expect(keyExposure({ text: JSON.stringify(ec.privateJwk) }).kind).toBe('secret');
  });

  it('calls a JWKS secret when any member is private or symmetric, even one the verifier skips', () => {
    const privateSet = keyExposure({ text: jwksText(ec.privateJwk, rsa.privateJwk) });
    expect(privateSet).toEqual({ kind: 'secret', what: 'a JWKS whose key 0 is private or symmetric' });
    const octSet = keyExposure({ text: jwksText(ec.publicJwk, { kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ' }) });
    expect(octSet).toEqual({ kind: 'secret', what: 'a JWKS whose key 1 is private or symmetric' });
    // An encryption key is skipped by the verifier, yet its private part would still travel in the link.
    const skippedPrivate = { ...rsa.privateJwk, use: 'enc' };
    expect(keyExposure({ text: jwksText(ec.publicJwk, skippedPrivate) }).kind).toBe('secret');
  });

  it('calls a JWKS with no key that can verify unusable, so no link is written that would be refused', () => {
    const encOnly = { ...publicJwkOf(rsa.privateJwk), use: 'enc' };
    expect(keyExposure({ text: jwksText(encOnly) })).toEqual({
      kind: 'unusable',
      what: 'a JWKS none of whose keys can verify signatures',
    });
    expect(keyExposure({ text: '' })).toEqual({ kind: 'unusable', what: 'empty' });
    expect(keyExposure({ text: '-----BEGIN PUBLIC KEY-----\nAAAA' }).kind).toBe('unusable');
  });
});
