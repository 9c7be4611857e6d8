// Each key of a JWKS with its own x5c chain, judged against pasted trust anchors (the page lists these beside the
// key set it verifies with). Chains, keys and the JWKS were made by python-cryptography and openssl
// (tests/fixtures/x5c/generate.py).
import { describe, expect, it } from 'vitest';
import { judgeJwksCertificateChains } from '../../src/core/x5c';
import { AS_OF, anchorPem, certificate, x5cFixtures } from '../fixtures/x5c/x5c-fixtures';

const ANCHORS = `${anchorPem('rsa-root')}\n${anchorPem('ec-root')}`;

async function judged(input: unknown, anchors: string, now = AS_OF) {
  const result = await judgeJwksCertificateChains(input, anchors, { now });
  if (!result.ok) throw new Error(result.message);
  return Object.fromEntries(result.keys.map((k) => [k.kid ?? String(k.index), k]));
}

describe('x5c chains inside a JWKS, judged against trust anchors', () => {
  it('trusts the RSA and EC keys whose chains reach the pasted roots, and skips keys without x5c', async () => {
    const byKid = await judged(JSON.stringify(x5cFixtures.jwks), ANCHORS);
    expect(Object.keys(byKid)).toEqual(['rsa-leaf', 'ec-leaf', 'mismatched']);
    expect(byKid['rsa-leaf']?.verdict.state).toBe('trusted');
    expect(byKid['ec-leaf']?.verdict.state).toBe('trusted');
    expect(byKid['rsa-leaf']?.verdict.path?.at(-1)).toEqual({ source: 'anchor', index: 0 });
  });

  it("judges a key that is not its certificate's key invalid, naming the key (RFC 7517 §4.7)", async () => {
    const byKid = await judged(x5cFixtures.jwks, ANCHORS);
    const verdict = byKid['mismatched']?.verdict;
    expect(verdict?.state).toBe('invalid');
    expect(verdict?.code).toBe('jwk-key-mismatch');
    expect(verdict?.message).toContain("kid 'mismatched'");
  });

  it('leaves every chain untrusted when no anchor is given', async () => {
    const byKid = await judged(x5cFixtures.jwks, '');
    expect(byKid['rsa-leaf']?.verdict).toMatchObject({ state: 'untrusted', code: 'no-trust-anchors' });
  });

  it('leaves a chain untrusted when only another root is given', async () => {
    const byKid = await judged(x5cFixtures.jwks, anchorPem('other-root'));
    expect(byKid['rsa-leaf']?.verdict.state).toBe('untrusted');
  });

  it('judges at the "as of" time: after the certificates end, the chain is invalid', async () => {
    const byKid = await judged(x5cFixtures.jwks, ANCHORS, Date.parse('2101-01-01T00:00:00Z'));
    expect(byKid['rsa-leaf']?.verdict.state).toBe('invalid');
    expect(byKid['rsa-leaf']?.verdict.code).toBe('expired');
  });

  it("makes a chain invalid when the key's x5t#S256 names another certificate", async () => {
    const [first] = x5cFixtures.jwks.keys;
    const wrong = { ...first, 'x5t#S256': certificate('rsa-intermediate')['x5t#S256'] };
    const byKid = await judged({ keys: [wrong] }, ANCHORS);
    expect(byKid['rsa-leaf']?.verdict).toMatchObject({ state: 'invalid', code: 'x5t-s256-mismatch' });
  });

  it('refuses text that is neither a JWKS nor a JWK', async () => {
    expect((await judgeJwksCertificateChains('not json', ANCHORS)).ok).toBe(false);
  });
});
