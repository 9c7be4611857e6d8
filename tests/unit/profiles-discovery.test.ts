// Filling the expected issuer and token endpoint from an OpenID Provider's discovery document.
import { describe, expect, it } from 'vitest';
import { expectationsFromDiscovery } from '../../src/core';

describe('expectationsFromDiscovery', () => {
  it('reads issuer and token_endpoint, and the signing algorithms listed', () => {
    const result = expectationsFromDiscovery({
      issuer: 'https://server.example.com',
      token_endpoint: 'https://server.example.com/token',
      jwks_uri: 'https://server.example.com/jwks',
      id_token_signing_alg_values_supported: ['RS256', 'ES256'],
      dpop_signing_alg_values_supported: ['ES256'],
    });
    expect(result).toEqual({
      iss: 'https://server.example.com',
      tokenEndpoint: 'https://server.example.com/token',
      idTokenSigningAlgs: ['RS256', 'ES256'],
      dpopSigningAlgs: ['ES256'],
      warnings: [],
    });
  });

  it('explains what is missing or malformed instead of throwing', () => {
    expect(expectationsFromDiscovery(null).warnings).toEqual(['The discovery document is not a JSON object.']);
    expect(expectationsFromDiscovery({}).warnings).toEqual([
      expect.stringMatching(/no issuer/),
      'The document has no token_endpoint.',
    ]);
    const http = expectationsFromDiscovery({ issuer: 'http://op.example', token_endpoint: 'https://op.example/t' });
    expect(http.iss).toBe('http://op.example');
    expect(http.warnings).toEqual([expect.stringMatching(/not an https URL/)]);
    expect(expectationsFromDiscovery({ issuer: 'https://op.example?x=1' }).warnings[0]).toMatch(/query or fragment/);
    expect(expectationsFromDiscovery({ issuer: 'op' }).warnings[0]).toMatch(/not a URL/);
    expect(
      expectationsFromDiscovery({ issuer: 'https://op.example', id_token_signing_alg_values_supported: 'RS256' })
        .idTokenSigningAlgs,
    ).toBeUndefined();
  });
});
