// Listing certificate chains (x5c-cert rows) and reading trust anchors. Every certificate was made by
// python-cryptography or the openssl CLI (tests/fixtures/x5c/generate.py), and its expected fields are what
// python-cryptography reads from it, so the engine (pkijs) is checked against another implementation.
import { describe, expect, it } from 'vitest';
import type { X5cBrokenCertificate, X5cCertificateInfo, X5cChainListing } from '../../src/core';
import { decodeToken } from '../../src/core/token';
import { listCertificateChain, listJwksCertificateChains, parseTrustAnchors } from '../../src/core/x5c';
import { anchorPem, certificate, fixtureToken, x5cFixtures } from '../fixtures/x5c/x5c-fixtures';

// RFC 5280 §4.2.1.12 names of the purposes the fixtures use.
const EKU_NAMES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
};

function only(listing: X5cChainListing, index: number): X5cCertificateInfo {
  const entry = listing.certificates[index];
  if (entry?.kind !== 'certificate') throw new Error(`x5c[${index}] was not read: ${JSON.stringify(entry)}`);
  return entry;
}

function brokenAt(listing: X5cChainListing, index: number): X5cBrokenCertificate {
  const entry = listing.certificates[index];
  if (entry?.kind !== 'broken') throw new Error(`x5c[${index}] was read, a broken entry was expected`);
  return entry;
}

describe('the fields of each certificate match what python-cryptography reads', () => {
  const ids = Object.keys(x5cFixtures.certificates);

  it('covers RSA, EC (openssl) and Ed25519 certificates', () => {
    const types = new Set(ids.map((id) => certificate(id).python.key.type));
    expect([...types].sort()).toEqual(['EC', 'Ed25519', 'RSA']);
    expect(ids).toContain('ec-root');
  });

  it.each(ids)('lists %s with its subject, issuer, serial, validity, key, extensions and fingerprints', async (id) => {
    const fixture = certificate(id);
    const py = fixture.python;
    const info = only(await listCertificateChain([fixture.x5c]), 0);
    expect(info.subject).toBe(py.subject);
    expect(info.issuer).toBe(py.issuer);
    expect(info.serial).toBe(py.serial);
    expect(info.notBeforeMs).toBe(Date.parse(py.notBefore));
    expect(info.notAfterMs).toBe(Date.parse(py.notAfter));
    expect(Date.parse(info.notAfter)).toBe(Date.parse(py.notAfter));
    expect(info.sha256.replace(/:/g, '').toLowerCase()).toBe(py.sha256);
    expect(info.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(info.x5tS256).toBe(fixture['x5t#S256']);
    expect(info.x5t).toBe(fixture.x5t);
    expect(info.key.type).toBe(py.key.type);
    if (py.key.type === 'RSA') expect(info.key).toMatchObject({ bits: py.key.bits, label: `RSA ${py.key.bits}` });
    if (py.key.type === 'EC') {
      expect(info.key).toMatchObject({ curve: py.key.curve, bits: py.key.bits, label: `EC ${py.key.curve}` });
    }
    if (py.key.type === 'Ed25519') expect(info.key.label).toBe('Ed25519');
    expect(info.keyUsage?.usages).toEqual(py.keyUsage);
    expect(info.extendedKeyUsage?.usages).toEqual(py.extendedKeyUsage?.map((oid) => EKU_NAMES[oid] ?? oid));
    if (py.basicConstraints) {
      expect(info.basicConstraints).toEqual({
        ca: py.basicConstraints.ca,
        critical: py.basicConstraints.critical,
        ...(py.basicConstraints.pathLength !== null ? { pathLength: py.basicConstraints.pathLength } : {}),
      });
    } else {
      expect(info.basicConstraints).toBeUndefined();
    }
    expect(info.selfIssued).toBe(py.subject === py.issuer);
    expect(info.pem.replace(/\s/g, '')).toBe(fixture.pem.replace(/\s/g, ''));
  });

  it('names the signature algorithm and keeps the CN for short labels', async () => {
    const listing = await listCertificateChain(decodeToken(fixtureToken('es256-trusted')).header.x5c);
    expect(only(listing, 0).signatureAlgorithm).toBe('ecdsa-with-SHA256');
    // openssl signed the intermediate with the P-384 root and -md sha384.
    expect(only(listing, 1).signatureAlgorithm).toBe('ecdsa-with-SHA384');
    expect(only(listing, 0).commonName).toBe('Test Leaf EC (openssl)');
    const ed = await listCertificateChain([certificate('ed25519-leaf').x5c]);
    expect(only(ed, 0).signatureAlgorithm).toBe('Ed25519');
    const rsa = await listCertificateChain([certificate('rsa-leaf').x5c]);
    expect(only(rsa, 0).signatureAlgorithm).toBe('sha256WithRSAEncryption');
  });

  it('lists a token header x5c in its order, leaf first', async () => {
    const listing = await listCertificateChain(decodeToken(fixtureToken('rs256-with-root')).header.x5c);
    expect(listing.certificates.map((c) => (c.kind === 'certificate' ? c.commonName : c.code))).toEqual([
      'Test Leaf RSA',
      'Test Intermediate RSA',
      'Test Root RSA',
    ]);
    expect(listing.certificates.map((c) => c.ref)).toEqual([0, 1, 2].map((index) => ({ source: 'x5c', index })));
    expect(listing.error).toBeUndefined();
    expect(listing.findings).toEqual([]);
  });
});

describe('a broken x5c says which certificate is broken', () => {
  const leaf = certificate('rsa-leaf').x5c;
  const intermediate = certificate('rsa-intermediate').x5c;

  it('names an entry that is not base64, and still lists the others', async () => {
    const listing = await listCertificateChain([leaf, 'MIIB$$$notbase64', intermediate]);
    const bad = brokenAt(listing, 1);
    expect(bad.code).toBe('x5c-base64');
    expect(bad.message).toContain('x5c[1]');
    expect(bad.message).toContain("'$'");
    expect(only(listing, 0).commonName).toBe('Test Leaf RSA');
    expect(only(listing, 2).commonName).toBe('Test Intermediate RSA');
  });

  it('names an entry whose DER is cut off', async () => {
    const listing = await listCertificateChain([leaf, intermediate.slice(0, 200)]);
    const bad = brokenAt(listing, 1);
    expect(bad.code).toBe('x5c-der');
    expect(bad.message).toMatch(/^x5c\[1\] is not a DER certificate/);
  });

  it('names an entry that is DER but not a certificate', async () => {
    // SEQUENCE { INTEGER 5 }: valid DER, not a certificate.
    const notACert = Buffer.from([0x30, 0x03, 0x02, 0x01, 0x05]).toString('base64');
    const bad = brokenAt(await listCertificateChain([notACert]), 0);
    expect(bad.code).toBe('x5c-der');
    expect(bad.message).toMatch(/^x5c\[0\] is DER but not an X\.509 certificate/);
  });

  it('names an entry that is not a string', async () => {
    const bad = brokenAt(await listCertificateChain([leaf, 42]), 1);
    expect(bad).toMatchObject({ code: 'x5c-entry-not-string', ref: { source: 'x5c', index: 1 } });
    expect(bad.message).toContain('number');
  });

  it('says when x5c is missing, not an array, or empty', async () => {
    expect((await listCertificateChain(undefined)).error?.code).toBe('x5c-missing');
    expect((await listCertificateChain(leaf)).error?.code).toBe('x5c-not-array');
    expect((await listCertificateChain([])).error?.code).toBe('x5c-empty');
  });

  it('reads base64url entries, with a note that RFC 7515 asks for base64', async () => {
    const url = leaf.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(url).not.toBe(leaf);
    const listing = await listCertificateChain([url]);
    expect(only(listing, 0).commonName).toBe('Test Leaf RSA');
    expect(listing.findings.map((f) => f.code)).toEqual(['x5c-base64url']);
  });
});

describe('notes on the shape of a chain', () => {
  it('notes a duplicate certificate', async () => {
    const listing = await listCertificateChain(decodeToken(fixtureToken('rs256-duplicate')).header.x5c);
    expect(listing.findings).toEqual([
      expect.objectContaining({ code: 'duplicate', effect: 'note', certificate: { source: 'x5c', index: 2 } }),
    ]);
  });

  it('notes an issuer that is not right after the certificate it issued', async () => {
    const listing = await listCertificateChain(decodeToken(fixtureToken('rs256-misordered')).header.x5c);
    const order = listing.findings.find((f) => f.code === 'order');
    expect(order?.certificate).toEqual({ source: 'x5c', index: 2 });
    expect(order?.message).toContain('x5c[0] "Test Leaf RSA"');
  });

  it('notes a chain that looks reversed (the leaf last)', async () => {
    const listing = await listCertificateChain(decodeToken(fixtureToken('rs256-reversed')).header.x5c);
    expect(listing.findings.map((f) => f.code)).toEqual(['reversed']);
  });
});

describe('x5c inside the keys of a JWKS', () => {
  it('lists the chain of every key that has x5c, and skips the others', async () => {
    const result = await listJwksCertificateChains(JSON.stringify(x5cFixtures.jwks));
    if (!result.ok) throw new Error(result.message);
    expect(result.keys.map((k) => k.kid)).toEqual(['rsa-leaf', 'ec-leaf', 'mismatched']);
    const [rsa, ec] = result.keys;
    expect(rsa?.index).toBe(0);
    expect(rsa?.chain.certificates.map((c) => (c.kind === 'certificate' ? c.commonName : c.code))).toEqual([
      'Test Leaf RSA',
      'Test Intermediate RSA',
    ]);
    expect(ec?.chain.certificates[0]).toMatchObject({ kind: 'certificate', key: { label: 'EC P-256' } });
  });

  it("says whether each key is its first certificate's key (RFC 7517 §4.7)", async () => {
    const result = await listJwksCertificateChains(x5cFixtures.jwks);
    if (!result.ok) throw new Error(result.message);
    const byKid = Object.fromEntries(result.keys.map((k) => [k.kid, k]));
    expect(byKid['rsa-leaf']?.keyMatchesCertificate).toBe(true);
    expect(byKid['ec-leaf']?.keyMatchesCertificate).toBe(true);
    expect(byKid['mismatched']?.keyMatchesCertificate).toBe(false);
    expect(byKid['mismatched']?.findings[0]).toMatchObject({ code: 'jwk-key-mismatch', effect: 'invalid' });
    expect(byKid['rsa-leaf']?.findings).toEqual([]);
  });

  it("checks a key's x5t#S256 against its first certificate", async () => {
    const [first] = x5cFixtures.jwks.keys;
    const wrong = { ...first, 'x5t#S256': certificate('rsa-intermediate')['x5t#S256'] };
    const result = await listJwksCertificateChains({ keys: [wrong] });
    if (!result.ok) throw new Error(result.message);
    expect(result.keys[0]?.findings.map((f) => f.code)).toEqual(['x5t-s256-mismatch']);
  });

  it('takes a lone JWK too, and refuses what is neither', async () => {
    const lone = await listJwksCertificateChains(x5cFixtures.jwks.keys[1]);
    expect(lone.ok && lone.keys.map((k) => k.kid)).toEqual(['ec-leaf']);
    expect((await listJwksCertificateChains('not json')).ok).toBe(false);
    expect((await listJwksCertificateChains('[1, 2]')).ok).toBe(false);
  });
});

describe('trust anchors pasted as PEM', () => {
  it('reads one or more certificates from the text', async () => {
    const anchors = await parseTrustAnchors(`${anchorPem('other-root')}\n${anchorPem('rsa-root')}`);
    expect(anchors.error).toBeUndefined();
    expect(anchors.certificates.map((c) => (c.kind === 'certificate' ? c.commonName : c.code))).toEqual([
      'Other Root RSA',
      'Test Root RSA',
    ]);
    expect(anchors.certificates[1]?.ref).toEqual({ source: 'anchor', index: 1 });
  });

  it('reads a PEM copied out of JSON with \\n escapes, and a bare base64 certificate', async () => {
    const escaped = anchorPem('ec-root').replace(/\n/g, '\\n');
    expect((await parseTrustAnchors(escaped)).certificates[0]).toMatchObject({ kind: 'certificate' });
    const bare = await parseTrustAnchors(certificate('ec-root').x5c);
    expect(bare.certificates[0]).toMatchObject({ kind: 'certificate', commonName: 'Test Root EC (openssl)' });
  });

  it("reads openssl's TRUSTED CERTIFICATE form (the certificate followed by its trust settings)", async () => {
    const der = Buffer.concat([Buffer.from(certificate('rsa-root').x5c, 'base64'), Buffer.from([0x30, 0x00])]);
    const body = der.toString('base64').replace(/.{64}/g, '$&\n');
    const anchors = await parseTrustAnchors(
      `-----BEGIN TRUSTED CERTIFICATE-----\n${body}\n-----END TRUSTED CERTIFICATE-----\n`,
    );
    expect(anchors.certificates[0]).toMatchObject({ kind: 'certificate', commonName: 'Test Root RSA' });
  });

  it('says the text is cut off when an END line is missing', async () => {
    const cut = anchorPem('rsa-root').replace('-----END CERTIFICATE-----', '');
    const anchors = await parseTrustAnchors(cut);
    expect(anchors.error?.code).toBe('anchor-pem');
    expect(anchors.error?.message).toMatch(/cut off/);
  });

  it('names a block that is not a certificate, and keeps the good ones', async () => {
    const key =
      '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n';
    const anchors = await parseTrustAnchors(`${anchorPem('rsa-root')}${key}`);
    expect(anchors.certificates[0]?.kind).toBe('certificate');
    expect(anchors.certificates[1]).toMatchObject({ kind: 'broken', code: 'anchor-label' });
    expect((anchors.certificates[1] as X5cBrokenCertificate).message).toMatch(/^trust anchor 2 is a PUBLIC KEY block/);
  });

  it('names a certificate block whose content is not a certificate', async () => {
    const junk = '-----BEGIN CERTIFICATE-----\nMAMCAQU=\n-----END CERTIFICATE-----\n';
    const anchors = await parseTrustAnchors(`${anchorPem('rsa-root')}${junk}`);
    expect(anchors.certificates[1]).toMatchObject({ kind: 'broken', code: 'anchor-der' });
  });

  it('says text that is not PEM is not PEM, and reads an empty box as no anchors', async () => {
    expect((await parseTrustAnchors('my root certificate')).error?.code).toBe('anchor-pem');
    expect(await parseTrustAnchors('  \n')).toEqual({ certificates: [], findings: [] });
  });
});
