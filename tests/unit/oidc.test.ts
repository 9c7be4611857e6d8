// Vectors: OpenID Connect Core 1.0 Appendix A.3 (at_hash) and A.4/A.6 (c_hash), whose ID token segments are
// decoded here as published; other algorithms are checked against node:crypto, an independent implementation.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkAudience,
  checkNonce,
  checkTokenHashes,
  computeTokenHash,
  OidcError,
  tokenHashAlgorithm,
} from '../../src/core/oidc';

const SPEC_HEADER = 'eyJraWQiOiIxZTlnZGs3IiwiYWxnIjoiUlMyNTYifQ';
const SPEC_PAYLOAD_AT =
  'ewogImlzcyI6ICJodHRwOi8vc2VydmVyLmV4YW1wbGUuY29tIiwKICJzdWIiOiAiMjQ4Mjg5NzYxMDAxIiwKICJhdWQiOiAiczZCaGRSa3F0MyIsCiAibm9uY2UiOiAibi0wUzZfV3pBMk1qIiwKICJleHAiOiAxMzExMjgxOTcwLAogImlhdCI6IDEzMTEyODA5NzAsCiAiYXRfaGFzaCI6ICI3N1FtVVB0alBmeld0RjJBbnBLOVJRIgp9';
const SPEC_PAYLOAD_C =
  'ewogImlzcyI6ICJodHRwOi8vc2VydmVyLmV4YW1wbGUuY29tIiwKICJzdWIiOiAiMjQ4Mjg5NzYxMDAxIiwKICJhdWQiOiAiczZCaGRSa3F0MyIsCiAibm9uY2UiOiAibi0wUzZfV3pBMk1qIiwKICJleHAiOiAxMzExMjgxOTcwLAogImlhdCI6IDEzMTEyODA5NzAsCiAiY19oYXNoIjogIkxEa3RLZG9RYWszUGswY25YeENsdEEiCn0';
const SPEC_ACCESS_TOKEN = 'jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y';
const SPEC_CODE = 'Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk';

const decodeSegment = (s: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Record<string, unknown>;
const specToken = (payload: string) => ({ header: decodeSegment(SPEC_HEADER), payload: decodeSegment(payload) });

function nodeHash(value: string, hash: string): string {
  const d = createHash(hash).update(value, 'ascii').digest();
  return d.subarray(0, d.length / 2).toString('base64url');
}

describe('computeTokenHash', () => {
  it('reproduces the at_hash and c_hash of OpenID Connect Core Appendix A (RS256)', async () => {
    expect(await computeTokenHash(SPEC_ACCESS_TOKEN, 'RS256')).toBe('77QmUPtjPfzWtF2AnpK9RQ');
    expect(await computeTokenHash(SPEC_CODE, 'RS256')).toBe('LDktKdoQak3Pk0cnXxCltA');
  });

  it('uses the hash size of the alg, left half, for every JWS family (checked against node:crypto)', async () => {
    const value = 'ya29.a0AfH6SMBx-some_access.token';
    const table: [string, string, number][] = [
      ['HS256', 'sha256', 22],
      ['RS384', 'sha384', 32],
      ['PS512', 'sha512', 43],
      ['ES256', 'sha256', 22],
      ['ES384', 'sha384', 32],
      ['ES512', 'sha512', 43],
      ['EdDSA', 'sha512', 43],
      ['Ed25519', 'sha512', 43],
    ];
    for (const [alg, hash, length] of table) {
      const got = await computeTokenHash(value, alg);
      expect(got, alg).toBe(nodeHash(value, hash));
      expect(got).toHaveLength(length);
    }
  });

  it('refuses an alg that names no hash with OidcError("unsupported-alg")', async () => {
    for (const alg of ['none', 'ML-DSA-44', 'RSA-OAEP', '']) {
      await expect(computeTokenHash('x', alg)).rejects.toSatisfy(
        (e: unknown) => e instanceof OidcError && e.code === 'unsupported-alg' && e.message.includes('§3.1.3.6'),
      );
      expect(tokenHashAlgorithm(alg)).toBeUndefined();
    }
  });
});

describe('checkTokenHashes', () => {
  it('matches the spec ID token against its access token and code', async () => {
    expect(await checkTokenHashes(specToken(SPEC_PAYLOAD_AT), { accessToken: SPEC_ACCESS_TOKEN })).toEqual([
      {
        claim: 'at_hash',
        state: 'match',
        expected: '77QmUPtjPfzWtF2AnpK9RQ',
        actual: '77QmUPtjPfzWtF2AnpK9RQ',
        message: expect.stringContaining('matches the access token') as string,
      },
    ]);
    const [c] = await checkTokenHashes(specToken(SPEC_PAYLOAD_C), { code: ` ${SPEC_CODE}\n` });
    expect(c).toMatchObject({ claim: 'c_hash', state: 'match', expected: 'LDktKdoQak3Pk0cnXxCltA' });
  });

  it('reports a mismatch with both values when the access token is another one', async () => {
    const other = `${SPEC_ACCESS_TOKEN.slice(0, -1)}Z`;
    const [row] = await checkTokenHashes(specToken(SPEC_PAYLOAD_AT), { accessToken: other });
    expect(row).toMatchObject({ claim: 'at_hash', state: 'mismatch', actual: '77QmUPtjPfzWtF2AnpK9RQ' });
    expect(row?.expected).toBe(nodeHash(other, 'sha256'));
    expect(row?.message).toContain('does not match');
  });

  it('says absent when a value is given but the ID token lacks the claim, no-value for the reverse', async () => {
    const rows = await checkTokenHashes(specToken(SPEC_PAYLOAD_AT), { code: SPEC_CODE });
    expect(rows.map((r) => [r.claim, r.state])).toEqual([
      ['at_hash', 'no-value'],
      ['c_hash', 'absent'],
    ]);
    expect(rows[1]?.message).toContain('no c_hash claim');
  });

  it('returns nothing when neither claim nor value is there', async () => {
    expect(await checkTokenHashes({ header: { alg: 'RS256' }, payload: { sub: 'a' } }, {})).toEqual([]);
    expect(await checkTokenHashes({ header: { alg: 'RS256' }, payload: 'not json' }, { accessToken: ' ' })).toEqual([]);
  });

  it('says unsupported for alg none or a missing alg', async () => {
    for (const header of [{ alg: 'none' }, {}]) {
      const [row] = await checkTokenHashes({ header, payload: { at_hash: 'abc' } }, { accessToken: 'x' });
      expect(row).toMatchObject({ claim: 'at_hash', state: 'unsupported', actual: 'abc' });
    }
  });

  it('treats a non-string claim as a mismatch', async () => {
    const [row] = await checkTokenHashes({ header: { alg: 'ES384' }, payload: { at_hash: 42 } }, { accessToken: 'x' });
    expect(row).toMatchObject({ state: 'mismatch', actual: '42', expected: nodeHash('x', 'sha384') });
    expect(row?.message).toContain('must be a string');
  });
});

describe('checkAudience (OIDC Core §3.1.3.7 items 3–5)', () => {
  it('matches a single aud equal to the client id, and says it is unchecked without one', () => {
    expect(checkAudience({ aud: 'client-1' }, 'client-1').state).toBe('match');
    expect(checkAudience({ aud: 'client-1' }, '  ').state).toBe('unchecked');
  });

  it('reports a missing aud, another client, an azp of another client, and several audiences without azp', () => {
    expect(checkAudience({}, 'client-1').state).toBe('missing');
    expect(checkAudience({ aud: 'client-2' }, 'client-1').message).toMatch(/issued for another client/);
    expect(checkAudience({ aud: ['client-1', 'api'], azp: 'client-2' }, 'client-1').message).toMatch(
      /requested by another client/,
    );
    expect(checkAudience({ aud: ['client-1', 'api'] }, 'client-1').message).toMatch(/no azp/);
    expect(checkAudience({ aud: ['client-1', 'api'], azp: 'client-1' }, 'client-1').state).toBe('match');
  });
});

describe('checkNonce (OIDC Core §3.1.3.7 item 11)', () => {
  it('matches the nonce sent, and reports a missing or different one', () => {
    expect(checkNonce({ nonce: 'n-0S6_WzA2Mj' }, 'n-0S6_WzA2Mj').state).toBe('match');
    expect(checkNonce({}, 'n-0S6_WzA2Mj').state).toBe('missing');
    expect(checkNonce({ nonce: 'other' }, 'n-0S6_WzA2Mj').state).toBe('mismatch');
    expect(checkNonce({ nonce: 'other' }, '').state).toBe('unchecked');
  });
});
