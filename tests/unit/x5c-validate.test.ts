// The x5c-status verdict: chains made by python-cryptography and the openssl CLI (tests/fixtures/x5c/generate.py)
// judged trusted, untrusted or invalid against pasted anchors, at a chosen "as of" time.
import { describe, expect, it } from 'vitest';
import type { X5cChainVerdict } from '../../src/core';
import { decodeToken } from '../../src/core/token';
import { isAlgorithmAvailable } from '../../src/core/verify';
import { validateCertificateChain } from '../../src/core/x5c';
import { AS_OF, BEFORE_EXPIRY, anchorPem, certificate, fixtureToken } from '../fixtures/x5c/x5c-fixtures';

function x5cOf(tokenId: string): unknown {
  return decodeToken(fixtureToken(tokenId)).header.x5c;
}

const RSA_ROOT = anchorPem('rsa-root');

async function judge(tokenId: string, anchors = RSA_ROOT, now = AS_OF): Promise<X5cChainVerdict> {
  return validateCertificateChain(x5cOf(tokenId), anchors, { now });
}

const x5c = (index: number) => ({ source: 'x5c', index });
const anchor = (index: number) => ({ source: 'anchor', index });

describe('trusted chains', () => {
  it('trusts an RSA chain that ends at an intermediate when its root is pasted', async () => {
    const v = await judge('rs256-trusted');
    expect(v).toMatchObject({ state: 'trusted', code: 'trusted', path: [x5c(0), x5c(1), anchor(0)] });
    expect(v.message).toContain('trust anchor 1 "Test Root RSA"');
    expect(v.findings).toEqual([]);
  });

  it('trusts a chain that carries its own root as the last element, when that root is pasted', async () => {
    const v = await judge('rs256-with-root');
    expect(v.state).toBe('trusted');
    expect(v.path).toEqual([x5c(0), x5c(1), anchor(0)]);
    expect(v.findings.map((f) => f.code)).toEqual(['anchor-in-chain']);
  });

  it('trusts an EC chain made by openssl (P-384 root signing with SHA-384)', async () => {
    const v = await judge('es256-trusted', anchorPem('ec-root'));
    expect(v).toMatchObject({ state: 'trusted', path: [x5c(0), x5c(1), anchor(0)] });
  });

  it('trusts an Ed25519 chain (certificate signatures pkijs does not know, checked through WebCrypto)', async () => {
    const v = await judge('eddsa-trusted', anchorPem('ed25519-root'));
    if (await isAlgorithmAvailable('EdDSA')) {
      expect(v).toMatchObject({ state: 'trusted', path: [x5c(0), x5c(1), anchor(0)] });
    } else {
      expect(v).toMatchObject({ state: 'untrusted', code: 'unsupported-signature' });
    }
  });

  it('finds the right root among several pasted anchors', async () => {
    const v = await judge('rs256-trusted', `${anchorPem('other-root')}${anchorPem('ec-root')}${RSA_ROOT}`);
    expect(v).toMatchObject({ state: 'trusted', path: [x5c(0), x5c(1), anchor(2)] });
  });

  it('trusts a chain whose intermediate is itself pasted as the anchor', async () => {
    const v = await judge('rs256-trusted', certificate('rsa-intermediate').pem);
    expect(v).toMatchObject({ state: 'trusted', path: [x5c(0), anchor(0)] });
  });

  it('trusts a chain out of order, and says so', async () => {
    const v = await judge('rs256-misordered');
    expect(v.state).toBe('trusted');
    expect(v.path).toEqual([x5c(0), x5c(2), anchor(0)]);
    expect(v.findings.map((f) => f.code)).toContain('order');
  });

  it('trusts a chain with a repeated certificate, and says so', async () => {
    const v = await judge('rs256-duplicate');
    expect(v.state).toBe('trusted');
    expect(v.findings).toEqual([expect.objectContaining({ code: 'duplicate', certificate: x5c(2) })]);
  });

  it('trusts a chain with a certificate that is not on the path, and says it is unused', async () => {
    const chain = [certificate('rsa-leaf').x5c, certificate('ec-root').x5c, certificate('rsa-intermediate').x5c];
    const v = await validateCertificateChain(chain, RSA_ROOT, { now: AS_OF });
    expect(v).toMatchObject({ state: 'trusted', path: [x5c(0), x5c(2), anchor(0)] });
    expect(v.findings).toContainEqual(expect.objectContaining({ code: 'unused', certificate: x5c(1) }));
  });

  it('uses the good anchors when another pasted block is not a certificate, and notes the bad one', async () => {
    const key =
      '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n';
    const v = await judge('rs256-trusted', `${key}${RSA_ROOT}`);
    expect(v).toMatchObject({ state: 'trusted', path: [x5c(0), x5c(1), anchor(1)] });
    expect(v.findings).toEqual([
      expect.objectContaining({ code: 'anchor-label', effect: 'note', certificate: anchor(0) }),
    ]);
  });

  it('trusts a leaf without keyUsage or basicConstraints (nothing forbids it to sign)', async () => {
    expect((await judge('rs256-no-extensions')).state).toBe('trusted');
  });

  it('trusts a self-signed leaf only when that very certificate is pasted as the anchor', async () => {
    const v = await judge('rs256-self-signed', anchorPem('self-signed-leaf'));
    expect(v).toMatchObject({ state: 'trusted', code: 'leaf-is-anchor', path: [x5c(0), anchor(0)] });
  });

  it('judges at the "as of" time: today (certificates run to 2100) when no time is given', async () => {
    const v = await validateCertificateChain(x5cOf('rs256-trusted'), RSA_ROOT);
    expect(v.state).toBe('trusted');
    expect(Math.abs(v.checkedAt - Date.now())).toBeLessThan(60_000);
  });
});

describe('untrusted chains: no anchor reached', () => {
  it('does not trust a chain whose root is not among the anchors', async () => {
    const v = await judge('rs256-trusted', anchorPem('other-root'));
    expect(v).toMatchObject({ state: 'untrusted', code: 'no-anchor', certificate: x5c(1) });
    expect(v.message).toContain('CN=Test Root RSA');
  });

  it('does not trust a chain that carries its own root when that root is not pasted', async () => {
    const v = await judge('rs256-with-root', anchorPem('other-root'));
    expect(v).toMatchObject({ state: 'untrusted', code: 'no-anchor', certificate: x5c(2) });
    expect(v.message).toMatch(/self-signed root that is not among the trust anchors/);
  });

  it('does not trust a self-signed leaf that is not among the anchors', async () => {
    const v = await judge('rs256-self-signed');
    expect(v).toMatchObject({ state: 'untrusted', code: 'self-signed-untrusted', certificate: x5c(0) });
  });

  it('trusts nothing when no anchor is pasted, and says to paste one', async () => {
    const v = await judge('rs256-trusted', '');
    expect(v).toMatchObject({ state: 'untrusted', code: 'no-trust-anchors' });
    expect(v.message).toMatch(/Paste the root certificate/);
  });

  it('trusts nothing when the pasted anchors cannot be read, and says why', async () => {
    const v = await judge('rs256-trusted', RSA_ROOT.replace('-----END CERTIFICATE-----', ''));
    expect(v.state).toBe('untrusted');
    expect(v.anchors.error?.code).toBe('anchor-pem');
    expect(v.findings.map((f) => f.code)).toContain('anchor-pem');
  });

  it('does not trust a leaf alone whose issuer is missing', async () => {
    const v = await judge('rs256-leaf-only');
    expect(v).toMatchObject({ state: 'untrusted', code: 'no-anchor', certificate: x5c(0) });
  });
});

describe('invalid chains: the reason names the certificate', () => {
  it('finds the expired leaf, and trusts the same chain as of a day before it expired', async () => {
    const v = await judge('rs256-expired-leaf');
    expect(v).toMatchObject({ state: 'invalid', code: 'expired', certificate: x5c(0) });
    expect(v.message).toMatch(/^x5c\[0\] "Test Leaf RSA \(expired\)" expired on 2025-01-01/);
    expect((await judge('rs256-expired-leaf', RSA_ROOT, BEFORE_EXPIRY)).state).toBe('trusted');
  });

  it('finds the intermediate that is not yet valid, and trusts it once it is', async () => {
    const v = await judge('rs256-not-yet-valid-intermediate');
    expect(v).toMatchObject({ state: 'invalid', code: 'not-yet-valid', certificate: x5c(1) });
    expect(v.message).toContain('2090-01-01');
    const later = await judge('rs256-not-yet-valid-intermediate', RSA_ROOT, Date.parse('2095-01-01T00:00:00Z'));
    expect(later.state).toBe('trusted');
  });

  it('finds a trust anchor that has expired as of the chosen time', async () => {
    const v = await judge('rs256-trusted', RSA_ROOT, Date.parse('2101-01-01T00:00:00Z'));
    expect(v.state).toBe('invalid');
    expect(v.code).toBe('expired');
    expect(v.findings.map((f) => f.certificate)).toEqual([x5c(0), x5c(1), anchor(0)]);
  });

  it('finds an intermediate whose signature was altered', async () => {
    const v = await judge('rs256-tampered-intermediate');
    expect(v).toMatchObject({ state: 'invalid', code: 'bad-signature', certificate: x5c(1) });
    expect(v.message).toContain('trust anchor 1 "Test Root RSA"');
  });

  it('finds an intermediate signed by a different root than the one it names', async () => {
    const v = await judge('rs256-impostor-intermediate');
    expect(v).toMatchObject({ state: 'invalid', code: 'bad-signature', certificate: x5c(1) });
  });

  it('finds an intermediate with CA:FALSE', async () => {
    const v = await judge('rs256-intermediate-not-ca');
    expect(v).toMatchObject({ state: 'invalid', code: 'issuer-not-ca', certificate: x5c(1) });
    expect(v.message).toContain('CA:FALSE');
  });

  it('finds a leaf whose keyUsage does not allow signing (keyCertSign only)', async () => {
    const v = await judge('rs256-leaf-cert-sign-only');
    expect(v).toMatchObject({ state: 'invalid', code: 'leaf-key-usage', certificate: x5c(0) });
    expect(v.message).toContain('digitalSignature');
  });

  it('finds a CA below an intermediate whose pathLenConstraint is 0', async () => {
    const v = await judge('rs256-path-length');
    expect(v).toMatchObject({ state: 'invalid', code: 'path-length', certificate: x5c(2) });
  });

  it('takes x5c[0] as the leaf even when the chain is reversed, and says it looks reversed', async () => {
    const v = await judge('rs256-reversed');
    expect(v).toMatchObject({ state: 'invalid', code: 'leaf-key-usage', certificate: x5c(0) });
    expect(v.findings.map((f) => f.code)).toContain('reversed');
  });

  it('reports an invalid certificate even when no anchor is reached', async () => {
    const v = await judge('rs256-expired-leaf', anchorPem('other-root'));
    expect(v).toMatchObject({ state: 'invalid', code: 'expired', certificate: x5c(0) });
    expect(v.findings.map((f) => f.code)).toContain('no-anchor');
  });

  it('is invalid, naming the entry, when an x5c entry cannot be read', async () => {
    const chain = [certificate('rsa-leaf').x5c, 'not*base64'];
    const v = await validateCertificateChain(chain, RSA_ROOT, { now: AS_OF });
    expect(v).toMatchObject({ state: 'invalid', code: 'x5c-base64', certificate: x5c(1) });
    expect((await validateCertificateChain('nope', RSA_ROOT)).code).toBe('x5c-not-array');
  });
});
