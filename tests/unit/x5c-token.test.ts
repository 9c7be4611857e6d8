// Tokens signed by PyJWT with the leaf's key, carrying their chain in x5c (tests/fixtures/x5c/generate.py):
// only a trusted chain's leaf key verifies the signature; the leaf is never trusted on the token's word.
import { describe, expect, it } from 'vitest';
import { decodeToken } from '../../src/core/token';
import { isAlgorithmAvailable } from '../../src/core/verify';
import { verifyX5cToken } from '../../src/core/x5c';
import { AS_OF, anchorPem, fixtureToken } from '../fixtures/x5c/x5c-fixtures';

const RSA_ROOT = anchorPem('rsa-root');

async function check(tokenId: string, anchors = RSA_ROOT, now = AS_OF) {
  return verifyX5cToken(decodeToken(fixtureToken(tokenId)), anchors, { now });
}

describe('a trusted chain: the leaf key decides the signature', () => {
  it('verifies an RS256 token made by PyJWT whose chain reaches the pasted root', async () => {
    const { chain, signature } = await check('rs256-trusted');
    expect(chain.state).toBe('trusted');
    expect(signature).toMatchObject({ state: 'verified', code: 'signature-verified', leafWouldVerify: true });
    expect(signature.message).toContain('x5c[0] "Test Leaf RSA"');
  });

  it('verifies an ES256 token made by PyJWT with an openssl-made leaf key', async () => {
    const { chain, signature } = await check('es256-trusted', anchorPem('ec-root'));
    expect(chain.state).toBe('trusted');
    expect(signature.state).toBe('verified');
  });

  it('verifies an EdDSA token made by PyJWT when the runtime has Ed25519', async () => {
    const { chain, signature } = await check('eddsa-trusted', anchorPem('ed25519-root'));
    expect(chain.state).toBe('trusted');
    expect(signature.state).toBe((await isAlgorithmAvailable('EdDSA')) ? 'verified' : 'error');
  });

  it('says the signature does not match when the token was signed by another key than the leaf', async () => {
    const { chain, signature } = await check('rs256-wrong-key');
    expect(chain.state).toBe('trusted');
    expect(signature).toMatchObject({
      state: 'invalid',
      code: 'signature-invalid',
      leafWouldVerify: false,
      verifyCode: 'signature',
    });
  });

  it('passes the time-claims verdict through at the same "as of" time', async () => {
    const { signature } = await check('rs256-trusted');
    expect(signature.claims).toBe('none');
  });
});

describe('without a trusted chain the signature stays unverified', () => {
  it('says a self-signed leaf would verify the token, but is not trusted', async () => {
    const { chain, signature } = await check('rs256-self-signed');
    expect(chain).toMatchObject({ state: 'untrusted', code: 'self-signed-untrusted' });
    expect(signature).toMatchObject({ state: 'unverified', code: 'would-verify', leafWouldVerify: true });
    expect(signature.message).toMatch(/would verify the signature, but the chain is not trusted/);
  });

  it('keeps a good chain unverified when its root is not pasted', async () => {
    const { chain, signature } = await check('rs256-trusted', anchorPem('other-root'));
    expect(chain.state).toBe('untrusted');
    expect(signature).toMatchObject({ state: 'unverified', leafWouldVerify: true });
  });

  it('keeps it unverified when no anchor is pasted at all', async () => {
    const { chain, signature } = await check('rs256-trusted', '');
    expect(chain.code).toBe('no-trust-anchors');
    expect(signature.state).toBe('unverified');
  });

  it('keeps it unverified when a certificate of the chain is invalid (expired leaf)', async () => {
    const { chain, signature } = await check('rs256-expired-leaf');
    expect(chain).toMatchObject({ state: 'invalid', code: 'expired' });
    expect(signature).toMatchObject({ state: 'unverified', code: 'would-verify' });
    expect(signature.message).toMatch(/the chain is invalid/);
  });

  it('says when the leaf would not verify it either', async () => {
    const { signature } = await check('rs256-wrong-key', anchorPem('other-root'));
    expect(signature).toMatchObject({ state: 'unverified', code: 'would-not-verify', leafWouldVerify: false });
  });

  it('never verifies with the key of an intermediate sent first (x5c[0] is the leaf)', async () => {
    const { chain, signature } = await check('rs256-reversed');
    expect(chain.state).toBe('invalid');
    expect(signature).toMatchObject({ state: 'unverified', leafWouldVerify: false });
  });

  it('has no key to try when x5c[0] cannot be read', async () => {
    const token = decodeToken(fixtureToken('rs256-trusted'));
    const broken = { ...token, header: { ...token.header, x5c: ['@@@'] } };
    const { chain, signature } = await verifyX5cToken(broken, RSA_ROOT, { now: AS_OF });
    expect(chain).toMatchObject({ state: 'invalid', code: 'x5c-base64' });
    expect(signature).toMatchObject({ state: 'unverified', code: 'would-error' });
    expect(signature.leafWouldVerify).toBeUndefined();
  });
});

describe('x5t#S256 and x5t name the leaf', () => {
  it('accepts thumbprints that match the leaf', async () => {
    const token = decodeToken(fixtureToken('rs256-trusted'));
    expect(token.header['x5t#S256']).toBeTypeOf('string');
    expect(token.header.x5t).toBeTypeOf('string');
    expect((await check('rs256-trusted')).chain.state).toBe('trusted');
  });

  it('makes the chain invalid when x5t#S256 is the thumbprint of another certificate', async () => {
    const { chain, signature } = await check('rs256-wrong-x5t-s256');
    expect(chain).toMatchObject({
      state: 'invalid',
      code: 'x5t-s256-mismatch',
      certificate: { source: 'x5c', index: 0 },
    });
    expect(chain.path).toBeUndefined();
    expect(signature.state).toBe('unverified');
  });

  it('makes the chain invalid when x5t (SHA-1) is the thumbprint of another certificate', async () => {
    const { chain } = await check('rs256-wrong-x5t');
    expect(chain).toMatchObject({ state: 'invalid', code: 'x5t-mismatch' });
  });

  it('adds a thumbprint mismatch to the findings of a chain already invalid', async () => {
    const token = decodeToken(fixtureToken('rs256-expired-leaf'));
    const wrong = { ...token, header: { ...token.header, 'x5t#S256': 'AAAA' } };
    const { chain } = await verifyX5cToken(wrong, RSA_ROOT, { now: AS_OF });
    expect(chain.code).toBe('expired');
    expect(chain.findings.map((f) => f.code)).toContain('x5t-s256-mismatch');
  });

  it('says a thumbprint that is not a string is malformed', async () => {
    const token = decodeToken(fixtureToken('rs256-trusted'));
    const odd = { ...token, header: { ...token.header, x5t: 42 } };
    const { chain } = await verifyX5cToken(odd, RSA_ROOT, { now: AS_OF });
    expect(chain).toMatchObject({ state: 'invalid', code: 'x5t-malformed' });
  });
});
