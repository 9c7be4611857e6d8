import { describe, expect, it } from 'vitest';
import { decodeToken } from '../../src/core/token';
import { isWeakSecret, lintToken, WEAK_SECRETS, type LintContext } from '../../src/core/lint';
import type { KeyDescription, KeyDetection } from '../../src/core/types';

const NOW_S = 1767225600;
const NOW = NOW_S * 1000;
const b64 = (text: string): string => Buffer.from(text).toString('base64url');
const GOOD_PAYLOAD = { sub: 'u1', aud: 'api', iat: NOW_S - 60, exp: NOW_S + 600 };

function ids(header: Record<string, unknown>, payload: unknown = GOOD_PAYLOAD, context: LintContext = {}): string[] {
  const token = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}.c2ln`;
  return lintToken(decodeToken(token), { nowMs: NOW, ...context }).map((f) => f.id);
}

function secret(text: string, byteLength = Buffer.byteLength(text), looksLikePublicKey = false): LintContext {
  const key: KeyDetection = {
    kind: 'secret',
    label: `HMAC secret (UTF-8), ${byteLength} bytes`,
    encoding: 'utf8',
    byteLength,
    alternativeEncodings: [],
    looksLikePublicKey,
  };
  return { key, keyText: text };
}

function asymmetric(description: Partial<KeyDescription> & Pick<KeyDescription, 'family'>): LintContext {
  const key: KeyDescription = {
    format: 'pem-spki',
    isPrivate: false,
    label: `${description.family} key`,
    ...description,
  };
  return { key: { kind: 'key', label: key.label, key, warnings: [] }, keyText: '-----BEGIN PUBLIC KEY-----' };
}

const STRONG = secret('9f2c1b7a6e5d4c3b2a1908f7e6d5c4b3a2918f7e6d5c4b3a');

describe('lintToken', () => {
  it('finds nothing in a well-formed token with a strong key', () => {
    expect(ids({ alg: 'HS256', typ: 'JWT' }, GOOD_PAYLOAD, STRONG)).toEqual([]);
    expect(ids({ alg: 'RS256', kid: 'key-2024-01' }, GOOD_PAYLOAD, asymmetric({ family: 'RSA', bits: 2048 }))).toEqual(
      [],
    );
  });

  it('alg none, including case variants', () => {
    expect(ids({ alg: 'none' })).toContain('alg-none');
    const token = `${b64('{"alg":"nOnE"}')}.${b64(JSON.stringify(GOOD_PAYLOAD))}.`;
    const [finding] = lintToken(decodeToken(token), { nowMs: NOW });
    expect(finding).toMatchObject({ id: 'alg-none', severity: 'error' });
    expect(finding?.message).toMatch(/case variant/);
    expect(finding?.reference).toMatch(/RFC 8725 §2\.1/);
    expect(ids({ alg: 'HS256' })).not.toContain('alg-none');
  });

  it('alg missing or unknown', () => {
    expect(ids({ typ: 'JWT' })).toContain('alg-missing');
    expect(ids({ alg: 'HS257' })).toContain('alg-unknown');
    expect(ids({ alg: 'ES256' })).not.toContain('alg-unknown');
  });

  it('HMAC secret shorter than the hash output is a warning', () => {
    const found = lintToken(decodeToken(`${b64('{"alg":"HS512"}')}.${b64(JSON.stringify(GOOD_PAYLOAD))}.c2ln`), {
      nowMs: NOW,
      ...secret('x'.repeat(40)),
    });
    expect(found).toEqual([expect.objectContaining({ id: 'hmac-secret-short', severity: 'warning' })]);
    expect(found[0]?.message).toMatch(/40 bytes; HS512 needs at least 64/);
    expect(ids({ alg: 'HS256' }, GOOD_PAYLOAD, secret('x'.repeat(32)))).not.toContain('hmac-secret-short');
    expect(ids({ alg: 'HS256' }, GOOD_PAYLOAD, { keyText: 'short' })).toContain('hmac-secret-short');
  });

  it('a well-known weak secret', () => {
    expect(ids({ alg: 'HS256' }, GOOD_PAYLOAD, secret('your-256-bit-secret'))).toContain('weak-secret');
    expect(ids({ alg: 'HS256' }, GOOD_PAYLOAD, secret(' Secret '))).toContain('weak-secret');
    expect(ids({ alg: 'HS256' }, GOOD_PAYLOAD, STRONG)).not.toContain('weak-secret');
    expect(WEAK_SECRETS.length).toBeGreaterThanOrEqual(30);
    expect(isWeakSecret('changeme')).toBe(true);
  });

  it('missing exp, lifetime over a day, iat in the future', () => {
    const { exp: _exp, ...noExp } = GOOD_PAYLOAD;
    expect(ids({ alg: 'HS256' }, noExp)).toContain('missing-exp');
    expect(ids({ alg: 'HS256' }, { ...GOOD_PAYLOAD, exp: NOW_S + 30 * 86400 })).toContain('long-lifetime');
    expect(ids({ alg: 'HS256' }, { ...GOOD_PAYLOAD, iat: NOW_S + 300 })).toContain('iat-future');
    expect(ids({ alg: 'HS256' })).toEqual([]);
  });

  it('invalid or millisecond time claims, and a missing audience', () => {
    expect(ids({ alg: 'HS256' }, { ...GOOD_PAYLOAD, exp: 'tomorrow' })).toContain('time-claim-invalid');
    expect(ids({ alg: 'HS256' }, { ...GOOD_PAYLOAD, exp: NOW + 600_000 })).toContain('time-in-milliseconds');
    const { aud: _aud, ...noAud } = GOOD_PAYLOAD;
    expect(ids({ alg: 'HS256' }, noAud)).toEqual(['missing-aud']);
  });

  it('a header that carries its own key or points at one is never used or fetched', () => {
    const found = lintToken(
      decodeToken(
        `${b64(JSON.stringify({ alg: 'RS256', jwk: { kty: 'RSA' }, x5c: ['MII'], jku: 'https://evil.example/jwks', x5u: 'https://evil.example/cert' }))}.${b64(JSON.stringify(GOOD_PAYLOAD))}.c2ln`,
      ),
      { nowMs: NOW },
    );
    expect(found.map((f) => f.id)).toEqual(['header-jwk', 'header-x5c', 'header-jku', 'header-x5u']);
    expect(found[0]?.message).toMatch(/never used to verify/);
    expect(found[0]?.reference).toMatch(/CVE-2018-0114/);
    expect(found[2]?.message).toMatch(/never fetched automatically/);
    expect(ids({ alg: 'RS256' })).toEqual([]);
  });

  it('keeps the x5c warning when trust anchors are pasted, and says the chain is checked against them', () => {
    const token = `${b64(JSON.stringify({ alg: 'RS256', x5c: ['MII'] }))}.${b64(JSON.stringify(GOOD_PAYLOAD))}.c2ln`;
    const [without] = lintToken(decodeToken(token), { nowMs: NOW });
    const [withAnchors] = lintToken(decodeToken(token), { nowMs: NOW, trustAnchorsGiven: true });
    expect(without).toMatchObject({ id: 'header-x5c', severity: 'warning' });
    expect(without?.message).toMatch(/never used to verify on the token's word/);
    expect(without?.message).toMatch(/Paste the issuer's root certificate as a trust anchor/);
    expect(withAnchors).toMatchObject({ id: 'header-x5c', severity: 'warning', reference: without?.reference });
    expect(withAnchors?.message).toMatch(/checked against the trust anchors you pasted/);
    expect(withAnchors?.message).toMatch(/only when the chain reaches one of them/);
  });

  it('notes, without the embedded-key alarm, the public jwk of a DPoP proof, which has no exp or aud by design', () => {
    const jwk = {
      kty: 'EC',
      crv: 'P-256',
      x: 'l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs',
      y: '9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA',
    };
    const proof = { jti: 'j', htm: 'POST', htu: 'https://server.example.com/token', iat: NOW_S - 5 };
    for (const typ of ['dpop+jwt', 'application/dpop+jwt', 'DPoP+JWT']) {
      expect(ids({ typ, alg: 'ES256', jwk }, proof), typ).toEqual(['dpop-header-jwk']);
    }
    const [note] = lintToken(
      decodeToken(`${b64(JSON.stringify({ typ: 'dpop+jwt', alg: 'ES256', jwk }))}.${b64(JSON.stringify(proof))}.c2ln`),
      { nowMs: NOW },
    );
    expect(note).toMatchObject({ severity: 'info', reference: 'RFC 9449 §4.2, §6.1' });
    // The same key in a token that is not a DPoP proof still raises the alarm.
    expect(ids({ typ: 'JWT', alg: 'ES256', jwk })).toEqual(['header-jwk']);
  });

  it('flags private key members in a header jwk as an error, DPoP proof or not', () => {
    const jwk = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'secret' };
    const proof = { jti: 'j', htm: 'POST', htu: 'https://server.example.com/token', iat: NOW_S - 5 };
    expect(ids({ typ: 'dpop+jwt', alg: 'ES256', jwk }, proof)).toEqual(['header-jwk-private']);
    expect(ids({ alg: 'ES256', jwk })).toEqual(['header-jwk-private', 'header-jwk']);
    expect(ids({ typ: 'dpop+jwt', alg: 'HS256', jwk: { kty: 'oct', k: 'c2VjcmV0' } }, proof)).toEqual([
      'header-jwk-private',
    ]);
    const [finding] = lintToken(
      decodeToken(`${b64(JSON.stringify({ typ: 'dpop+jwt', alg: 'ES256', jwk }))}.${b64(JSON.stringify(proof))}.c2ln`),
      { nowMs: NOW },
    );
    expect(finding).toMatchObject({ severity: 'error', reference: 'RFC 9449 §4.2, §4.3 check 7' });
    expect(finding?.message).toMatch(/\(d\)/);
  });

  it('kid with path traversal or SQL characters', () => {
    expect(ids({ alg: 'HS256', kid: '../../../dev/null' })).toEqual(['kid-path-traversal']);
    expect(ids({ alg: 'HS256', kid: '/dev/null' })).toEqual(['kid-path-traversal']);
    expect(ids({ alg: 'HS256', kid: "x' UNION SELECT 'key" })).toEqual(['kid-sql-injection']);
    expect(ids({ alg: 'HS256', kid: 'k1; DROP TABLE keys--' })).toEqual(['kid-sql-injection', 'kid-command-injection']);
    expect(ids({ alg: 'HS256', kid: 12 })).toEqual(['kid-not-string']);
    expect(ids({ alg: 'HS256', kid: 'https://issuer.example/keys/2024#rsa-1' })).toEqual([]);
  });

  it('an RSA/EC public key offered as an HMAC secret (key confusion)', () => {
    const confused = ids({ alg: 'HS256' }, GOOD_PAYLOAD, asymmetric({ family: 'RSA', bits: 2048 }));
    expect(confused).toEqual(['key-confusion']);
    const pem = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQc=\n-----END PUBLIC KEY-----';
    expect(ids({ alg: 'HS256' }, GOOD_PAYLOAD, { keyText: pem })).toEqual(['key-confusion']);
    expect(ids({ alg: 'HS384' }, GOOD_PAYLOAD, secret(pem, 90, true))).toEqual(['key-confusion']);
    const [finding] = lintToken(decodeToken(`${b64('{"alg":"HS256"}')}.${b64(JSON.stringify(GOOD_PAYLOAD))}.c2ln`), {
      nowMs: NOW,
      keyText: pem,
    });
    expect(finding?.reference).toMatch(/CVE-2016-10555; CVE-2022-29217/);
    expect(ids({ alg: 'RS256' }, GOOD_PAYLOAD, { keyText: pem })).not.toContain('key-confusion');
  });

  it('alg and key family mismatch, a key declaring another alg, a short RSA key', () => {
    expect(ids({ alg: 'ES256' }, GOOD_PAYLOAD, asymmetric({ family: 'RSA', bits: 2048 }))).toEqual([
      'alg-key-mismatch',
    ]);
    expect(ids({ alg: 'RS256' }, GOOD_PAYLOAD, STRONG)).toEqual(['alg-key-mismatch']);
    expect(ids({ alg: 'RS256' }, GOOD_PAYLOAD, asymmetric({ family: 'RSA', bits: 2048, alg: 'PS256' }))).toEqual([
      'key-alg-mismatch',
    ]);
    expect(ids({ alg: 'RS256' }, GOOD_PAYLOAD, asymmetric({ family: 'RSA', bits: 1024 }))).toEqual(['rsa-key-short']);
    const jwks: KeyDetection = {
      kind: 'jwks',
      label: 'JWKS, 1 key',
      keys: [{ format: 'jwk', family: 'EC', isPrivate: false, label: 'EC P-256' }],
      skipped: [],
      warnings: [],
    };
    expect(ids({ alg: 'RS256' }, GOOD_PAYLOAD, { key: jwks })).toEqual(['alg-key-mismatch']);
    expect(ids({ alg: 'ES256' }, GOOD_PAYLOAD, { key: jwks })).toEqual([]);
    expect(ids({ alg: 'HS256' }, GOOD_PAYLOAD, { key: jwks })).toEqual(['key-confusion']);
    const mixed: KeyDetection = {
      ...jwks,
      keys: [...jwks.keys, { format: 'jwk', family: 'oct', isPrivate: true, bits: 256, label: 'HMAC 256' }],
    };
    expect(ids({ alg: 'HS256' }, GOOD_PAYLOAD, { key: mixed })).toEqual([]);
  });

  it('crit present', () => {
    expect(ids({ alg: 'HS256', b64: false, crit: ['b64'] })).toEqual(['crit']);
    expect(ids({ alg: 'HS256' })).not.toContain('crit');
  });

  it('typ unusual', () => {
    expect(ids({ alg: 'HS256', typ: 'JWS' })).toEqual(['typ-unusual']);
    for (const typ of ['JWT', 'jwt', 'at+jwt', 'application/at+JWT', 'dc+sd-jwt', 'JOSE']) {
      expect(ids({ alg: 'HS256', typ })).toEqual([]);
    }
  });

  it('duplicate member names, from the decode warnings', () => {
    const token = `${b64('{"alg":"HS256","alg":"none"}')}.${b64(JSON.stringify(GOOD_PAYLOAD))}.c2ln`;
    // JSON.parse keeps the last "alg", so alg none fires too: exactly the ambiguity the finding is about.
    expect(lintToken(decodeToken(token), { nowMs: NOW }).map((f) => f.id)).toEqual(['alg-none', 'duplicate-member']);
  });

  it('orders findings by severity and gives each an id, message and reference', () => {
    const found = lintToken(
      decodeToken(`${b64(JSON.stringify({ alg: 'HS256', typ: 'x', jku: 'https://a' }))}.${b64('{"sub":"a"}')}.c2ln`),
      { nowMs: NOW, ...secret('secret') },
    );
    const order = { error: 0, warning: 1, info: 2 };
    const severities = found.map((f) => order[f.severity]);
    expect(severities).toEqual([...severities].sort());
    for (const f of found) {
      expect(f.message.length).toBeGreaterThan(20);
      expect(f.reference).toMatch(/RFC|CVE/);
    }
  });
});
