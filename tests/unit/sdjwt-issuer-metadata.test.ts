// JWT VC Issuer Metadata (SD-JWT VC draft): the URL built from iss, and the keys it leads to. A stub fetchImpl
// answers; no request leaves the machine.
import { describe, expect, it } from 'vitest';
import { generateKey } from '../../src/core/keygen';
import { JwksError } from '../../src/core/jwks';
import {
  fetchJwtVcIssuerKeys,
  inspectSdJwt,
  issueSdJwt,
  jwtVcIssuerMetadataUrl,
  verifySdJwtIssuer,
} from '../../src/core/sdjwt';

type Routes = Record<string, unknown>;

function stub(routes: Routes, requested: string[] = []): typeof fetch {
  return (input) => {
    const url = String(input);
    requested.push(url);
    const body = routes[url];
    if (body === undefined) return Promise.resolve(new Response('not found', { status: 404 }));
    return Promise.resolve(
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }),
    );
  };
}

async function failure(promise: Promise<unknown>): Promise<JwksError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof JwksError) return error;
    throw error;
  }
  throw new Error('expected a JwksError');
}

describe('jwtVcIssuerMetadataUrl', () => {
  it.each([
    ['https://example.com', 'https://example.com/.well-known/jwt-vc-issuer'],
    ['https://example.com/', 'https://example.com/.well-known/jwt-vc-issuer'],
    ['https://example.com/tenant/1234', 'https://example.com/.well-known/jwt-vc-issuer/tenant/1234'],
    ['https://example.com/tenant/1234/', 'https://example.com/.well-known/jwt-vc-issuer/tenant/1234'],
    ['https://example.com:8443/a', 'https://example.com:8443/.well-known/jwt-vc-issuer/a'],
    ['http://localhost:3000/iss', 'http://localhost:3000/.well-known/jwt-vc-issuer/iss'],
  ])('%s → %s', (iss, url) => {
    expect(jwtVcIssuerMetadataUrl(iss)).toEqual({ ok: true, url });
  });

  it.each([
    ['http://issuer.example.com', 'insecure-http'],
    ['https://example.com/x?tenant=1', 'url'],
    ['https://example.com/x#frag', 'url'],
    ['urn:example:issuer', 'url'],
    ['', 'url'],
  ])('refuses %j (%s)', (iss, code) => {
    expect(jwtVcIssuerMetadataUrl(iss)).toMatchObject({ ok: false, code });
  });
});

describe('fetchJwtVcIssuerKeys', () => {
  it('reads inline jwks, and the keys verify a credential of that issuer', async () => {
    const key = await generateKey('ES256');
    const iss = 'https://issuer.example.com/tenant/7';
    const routes = {
      'https://issuer.example.com/.well-known/jwt-vc-issuer/tenant/7': {
        issuer: iss,
        jwks: JSON.parse(key.publicJwks ?? ''),
      },
    };
    const requested: string[] = [];
    const keys = await fetchJwtVcIssuerKeys(iss, { fetchImpl: stub(routes, requested) });
    expect(requested).toEqual(['https://issuer.example.com/.well-known/jwt-vc-issuer/tenant/7']);
    expect(keys.metadataUrl).toBe(requested[0]);
    expect(keys.issuer).toBe(iss);
    expect(keys.steps.join(' ')).toMatch(/holds the key set itself/);
    const issued = await issueSdJwt({
      payload: { iss, vct: 'urn:x', a: 1 },
      disclose: ['a'],
      key: { text: key.privateText },
    });
    if (!issued.ok) throw new Error(issued.message);
    const verdict = await verifySdJwtIssuer(await inspectSdJwt(issued.sdJwt), { text: keys.keysText });
    expect(verdict.signature, verdict.message).toBe('verified');
  });

  it('follows jwks_uri', async () => {
    const key = await generateKey('ES384');
    const routes = {
      'https://issuer.example.com/.well-known/jwt-vc-issuer': {
        issuer: 'https://issuer.example.com',
        jwks_uri: 'https://keys.example.com/jwks.json',
      },
      'https://keys.example.com/jwks.json': JSON.parse(key.publicJwks ?? ''),
    };
    const keys = await fetchJwtVcIssuerKeys('https://issuer.example.com', { fetchImpl: stub(routes) });
    expect(keys.jwksUrl).toBe('https://keys.example.com/jwks.json');
    expect(JSON.parse(keys.keysText).keys).toHaveLength(1);
  });

  it('refuses metadata published for another issuer', async () => {
    const routes = {
      'https://issuer.example.com/.well-known/jwt-vc-issuer': { issuer: 'https://evil.example', jwks: { keys: [] } },
    };
    const error = await failure(fetchJwtVcIssuerKeys('https://issuer.example.com', { fetchImpl: stub(routes) }));
    expect(error.code).toBe('issuer-mismatch');
    expect(error.message).toMatch(/must not be used/);
    expect(error.steps.length).toBeGreaterThan(0);
  });

  it('refuses metadata without keys, a missing document, and an insecure jwks_uri', async () => {
    const base = 'https://issuer.example.com/.well-known/jwt-vc-issuer';
    const none = await failure(
      fetchJwtVcIssuerKeys('https://issuer.example.com', {
        fetchImpl: stub({ [base]: { issuer: 'https://issuer.example.com' } }),
      }),
    );
    expect(none.code).toBe('not-jwks');
    const missing = await failure(fetchJwtVcIssuerKeys('https://issuer.example.com', { fetchImpl: stub({}) }));
    expect(missing).toMatchObject({ code: 'status', status: 404 });
    const insecure = await failure(
      fetchJwtVcIssuerKeys('https://issuer.example.com', {
        fetchImpl: stub({ [base]: { issuer: 'https://issuer.example.com', jwks_uri: 'http://keys.example.com/jwks' } }),
      }),
    );
    expect(insecure.code).toBe('insecure-http');
  });

  it('never requests anything for an issuer it refuses', async () => {
    const requested: string[] = [];
    const error = await failure(fetchJwtVcIssuerKeys('http://issuer.example.com', { fetchImpl: stub({}, requested) }));
    expect(error.code).toBe('insecure-http');
    expect(requested).toEqual([]);
  });

  it('warns when the metadata has both jwks and jwks_uri, and uses jwks', async () => {
    const key = await generateKey('ES256');
    const routes = {
      'https://issuer.example.com/.well-known/jwt-vc-issuer': {
        issuer: 'https://issuer.example.com',
        jwks: JSON.parse(key.publicJwks ?? ''),
        jwks_uri: 'https://keys.example.com/jwks.json',
      },
    };
    const keys = await fetchJwtVcIssuerKeys('https://issuer.example.com', { fetchImpl: stub(routes) });
    expect(keys.warnings.join(' ')).toMatch(/both "jwks" and "jwks_uri"/);
  });
});
