// RFC 7523 §3 client authentication assertion rules (with OIDC Core §9): each rule passing and failing.
import { describe, expect, it } from 'vitest';
import { CLOCK, failing, judge, messageOf, T, verdicts, without } from './profiles-helpers';

const CLIENT = 's6BhdRkqt3';
const HEADER = { alg: 'RS256' };
const CLAIMS = { iss: CLIENT, sub: CLIENT, aud: 'https://as.example.com/token', jti: 'id-1', iat: T, exp: T + 300 };
const EXPECTED = { clientId: CLIENT, tokenEndpoint: 'https://as.example.com/token', iss: 'https://as.example.com' };

const assertion = (
  claims: Record<string, unknown> = CLAIMS,
  expected: object = EXPECTED,
  options = CLOCK,
  header: object = HEADER,
) => judge('client_assertion', header as Record<string, unknown>, claims, expected, options);

describe('RFC 7523 client assertion profile', () => {
  it('passes every rule of a correct assertion', async () => {
    const result = await assertion();
    expect(result.state).toBe('pass');
    expect(verdicts(result)).toEqual({
      alg: 'pass',
      iss: 'pass',
      sub: 'pass',
      'iss-equals-sub': 'pass',
      'client-id-expected': 'pass',
      aud: 'pass',
      'aud-expected': 'pass',
      exp: 'pass',
      iat: 'pass',
      jti: 'pass',
    });
    expect(result.checks.find((c) => c.id === 'alg')?.reference).toBe('RFC 7523 §3 item 9');
  });

  it('fails an assertion whose sub is not its iss', async () => {
    const result = await assertion({ ...CLAIMS, sub: 'user-1' });
    expect(failing(result)).toEqual(['iss-equals-sub', 'client-id-expected']);
    expect(messageOf(result, 'client-id-expected')).toMatch(/sub is "user-1"/);
    expect(failing(await assertion({ ...CLAIMS, sub: 'user-1' }, { ...EXPECTED, clientId: '' }))).toEqual([
      'iss-equals-sub',
    ]);
  });

  it('fails iss and sub of another client, and leaves that unchecked when no client id is given', async () => {
    expect(failing(await assertion({ ...CLAIMS, iss: 'other', sub: 'other' }))).toEqual(['client-id-expected']);
    const unchecked = await assertion(CLAIMS, { tokenEndpoint: EXPECTED.tokenEndpoint });
    expect(verdicts(unchecked)['client-id-expected']).toBe('unchecked');
    expect(messageOf(unchecked, 'client-id-expected')).toMatch(/Fill the client id/);
  });

  it('fails a missing iss or sub', async () => {
    expect(failing(await assertion(without(CLAIMS, 'iss')))).toEqual(['iss', 'iss-equals-sub', 'client-id-expected']);
    expect(failing(await assertion(without(CLAIMS, 'sub')))).toEqual(['sub', 'iss-equals-sub', 'client-id-expected']);
  });

  it('accepts as aud the token endpoint, the issuer or the expected audience, and fails anything else', async () => {
    expect(failing(await assertion({ ...CLAIMS, aud: 'https://as.example.com' }))).toEqual([]);
    expect(failing(await assertion({ ...CLAIMS, aud: ['https://x.example', 'https://as.example.com/token'] }))).toEqual(
      [],
    );
    expect(
      failing(
        await assertion(
          { ...CLAIMS, aud: 'https://custom.example' },
          { clientId: CLIENT, aud: 'https://custom.example' },
        ),
      ),
    ).toEqual([]);
    const other = await assertion({ ...CLAIMS, aud: 'https://other.example/token' });
    expect(failing(other)).toEqual(['aud-expected']);
    expect(messageOf(other, 'aud-expected')).toMatch(
      /the token endpoint "https:\/\/as\.example\.com\/token" or the authorization server's issuer/,
    );
    expect(failing(await assertion(without(CLAIMS, 'aud')))).toEqual(['aud', 'aud-expected']);
    expect(verdicts(await assertion(CLAIMS, { clientId: CLIENT }))['aud-expected']).toBe('unchecked');
  });

  it('requires exp, and fails an expired assertion', async () => {
    expect(failing(await assertion(without(CLAIMS, 'exp')))).toEqual(['exp']);
    expect(failing(await assertion({ ...CLAIMS, exp: T }))).toEqual(['exp']);
    expect(failing(await assertion({ ...CLAIMS, exp: T }, EXPECTED, { ...CLOCK, leewaySeconds: 60 }))).toEqual([]);
  });

  it('requires a jti, which servers use against replay', async () => {
    const result = await assertion(without(CLAIMS, 'jti'));
    expect(failing(result)).toEqual(['jti']);
    expect(messageOf(result, 'jti')).toMatch(/replay/);
  });

  it('takes iat as optional, but fails one older than the maximum age', async () => {
    expect(verdicts(await assertion(without(CLAIMS, 'iat'))).iat).toBeUndefined();
    expect(failing(await assertion(CLAIMS, EXPECTED, { ...CLOCK, maxAgeSeconds: 5 }))).toEqual(['iat']);
  });

  it('fails an nbf in the future', async () => {
    expect(failing(await assertion({ ...CLAIMS, nbf: T + 60 }))).toEqual(['nbf']);
  });

  it('fails an unsecured assertion and accepts an HMAC one (client_secret_jwt)', async () => {
    expect(failing(await assertion(CLAIMS, EXPECTED, CLOCK, { alg: 'none' }))).toEqual(['alg']);
    expect(failing(await assertion(CLAIMS, EXPECTED, CLOCK, { alg: 'HS256' }))).toEqual([]);
  });
});
