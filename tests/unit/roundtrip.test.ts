// The algorithm × key-format matrix: sign with every private form the workbench reads, verify with every
// public form (and with the private key itself), then the negatives: wrong key, wrong family, tampering.
// Keys: tests/fixtures/generated/keys.json (generate.mjs); certificates are self-signed by the openssl CLI.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KeyInput, VerifyResult } from '../../src/core';
import { KeyError, decodeToken, detectKey, lintToken, signToken, verifyToken } from '../../src/core';
import type { KeyPairFixture } from '../fixtures/fixtures';
import {
  base64url,
  forgePayload,
  generatedKeys,
  interop,
  jwksText,
  keyPair,
  tamperSegment,
} from '../fixtures/fixtures';

type Form = [label: string, input: KeyInput];
type Family = 'RSA' | 'EC' | 'OKP';

const ASYMMETRIC: [alg: string, keyId: string, family: Family][] = [
  ['RS256', 'rsa-2048', 'RSA'],
  ['RS384', 'rsa-3072', 'RSA'],
  ['RS512', 'rsa-4096', 'RSA'],
  ['PS256', 'rsa-2048', 'RSA'],
  ['PS384', 'rsa-3072', 'RSA'],
  ['PS512', 'rsa-4096', 'RSA'],
  ['ES256', 'ec-p256', 'EC'],
  ['ES384', 'ec-p384', 'EC'],
  ['ES512', 'ec-p521', 'EC'],
  ['EdDSA', 'ed25519', 'OKP'],
  ['Ed25519', 'ed25519', 'OKP'],
];
const OTHER_KEY: Record<string, string> = {
  'rsa-2048': 'rsa-2048-other',
  'rsa-3072': 'rsa-2048-other',
  'rsa-4096': 'rsa-2048-other',
  'ec-p256': 'ec-p256-other',
  'ec-p384': 'ec-p384-other',
  'ec-p521': 'ec-p521-other',
  ed25519: 'ed25519-other',
};
/** A key of another family, and the words a mismatch message must use for the family the algorithm needs. */
const WRONG_FAMILY: Record<Family, { keyId: string; needs: RegExp }> = {
  RSA: { keyId: 'ec-p256', needs: /RSA/ },
  EC: { keyId: 'rsa-2048', needs: /\bEC\b|ECDSA|P-(256|384|521)/ },
  OKP: { keyId: 'ec-p256', needs: /Ed25519|OKP|EdDSA/ },
};
const PAYLOAD = '{"sub":"roundtrip","iat":1700000000,"exp":4102444800}';
const headerFor = (alg: string, kid?: string) =>
  JSON.stringify(kid === undefined ? { alg, typ: 'JWT' } : { alg, typ: 'JWT', kid, 'x-custom': [1, 'two'] });
const text = (t: string): KeyInput => ({ text: t });
const JWKS_ALL = jwksText(...generatedKeys.jwks.keys);

function privateForms(k: KeyPairFixture): Form[] {
  const forms: Form[] = [['PKCS#8 PEM', text(k.privatePkcs8Pem)]];
  if (k.privatePkcs1Pem) forms.push(['PKCS#1 PEM (BEGIN RSA PRIVATE KEY)', text(k.privatePkcs1Pem)]);
  if (k.privateSec1Pem) forms.push(['SEC1 PEM (BEGIN EC PRIVATE KEY)', text(k.privateSec1Pem)]);
  forms.push(['private JWK', text(JSON.stringify(k.privateJwk))]);
  return forms;
}

function publicForms(k: KeyPairFixture): Form[] {
  const forms: Form[] = [['SPKI PEM', text(k.publicSpkiPem)]];
  if (k.publicPkcs1Pem) forms.push(['PKCS#1 public PEM (BEGIN RSA PUBLIC KEY)', text(k.publicPkcs1Pem)]);
  if (k.certPem) forms.push(['X.509 certificate PEM', text(k.certPem)]);
  forms.push(['public JWK', text(JSON.stringify(k.publicJwk))]);
  forms.push([`JWKS of ${generatedKeys.jwks.keys.length} keys`, text(JWKS_ALL)]);
  return forms;
}

const signed = new Map<string, Promise<string>>();
/** Each (alg, key, form, kid) is signed once and shared by the tests that verify it. */
function signOnce(alg: string, form: Form, kid?: string): Promise<string> {
  const id = `${alg}|${form[1].text}|${form[1].secretEncoding ?? ''}|${kid ?? ''}`;
  const existing = signed.get(id);
  if (existing) return existing;
  const token = signToken(headerFor(alg, kid), PAYLOAD, form[1]);
  signed.set(id, token);
  return token;
}

function expectVerified(result: VerifyResult, what: string): void {
  expect(result.signature, `${what}: ${result.message}`).toBe('verified');
  expect(result.claims, `${what}: ${result.claimsMessage}`).toBe('valid');
}

describe.each(ASYMMETRIC)('%s with %s', (alg, keyId, family) => {
  const k = keyPair(keyId);

  describe.each(privateForms(k))('signed with the %s', (privateLabel, privateInput) => {
    const form: Form = [privateLabel, privateInput];

    it('keeps alg, typ, kid and custom header members', async () => {
      const decoded = decodeToken(await signOnce(alg, form, k.kid));
      expect(decoded.header).toEqual({ alg, typ: 'JWT', kid: k.kid, 'x-custom': [1, 'two'] });
      expect(decoded.payload).toEqual(JSON.parse(PAYLOAD));
    });

    it.each(publicForms(k))('verifies with the %s', async (publicLabel, publicInput) => {
      const result = await verifyToken(await signOnce(alg, form, k.kid), publicInput);
      expectVerified(result, `${alg} ${privateLabel} -> ${publicLabel}`);
      if (publicLabel.startsWith('JWKS')) expect(result.kid, 'verify: the JWKS key that matched').toBe(k.kid);
    });

    it('verifies with the private key itself (public half derived)', async () => {
      expectVerified(await verifyToken(await signOnce(alg, form, k.kid), privateInput), `${alg} ${privateLabel}`);
    });
  });

  it('verifies a token without kid against the JWKS by trying every compatible key', async () => {
    const result = await verifyToken(await signOnce(alg, ['PKCS#8 PEM', text(k.privatePkcs8Pem)]), text(JWKS_ALL));
    expectVerified(result, `${alg} without kid -> JWKS`);
    expect(result.kid, 'verify: report which JWKS key matched').toBe(k.kid);
  });

  it('does not verify with another key of the same family', async () => {
    const other = keyPair(OTHER_KEY[keyId] ?? '');
    const token = await signOnce(alg, ['PKCS#8 PEM', text(k.privatePkcs8Pem)], k.kid);
    for (const input of [text(other.publicSpkiPem), text(JSON.stringify(other.publicJwk))]) {
      const result = await verifyToken(token, input);
      expect(result.signature, result.message).toBe('invalid');
    }
  });

  it(`reports an error naming the ${family} family needed when given a key of another family`, async () => {
    const { keyId: wrongId, needs } = WRONG_FAMILY[family];
    const token = await signOnce(alg, ['PKCS#8 PEM', text(k.privatePkcs8Pem)], k.kid);
    const result = await verifyToken(token, text(keyPair(wrongId).publicSpkiPem));
    expect(result.signature, result.message).toBe('error');
    expect(result.code).toBe('mismatch');
    expect(result.message, 'verify: the mismatch message must say what the algorithm needs').toMatch(needs);
  });

  it('refuses to sign with a key of another family', async () => {
    const wrong = keyPair(WRONG_FAMILY[family].keyId).privatePkcs8Pem;
    await expect(signToken(headerFor(alg), PAYLOAD, text(wrong))).rejects.toMatchObject({ code: 'mismatch' });
  });

  it('refuses to sign with a public key', async () => {
    const attempt = signToken(headerFor(alg), PAYLOAD, text(k.publicSpkiPem));
    await expect(attempt).rejects.toBeInstanceOf(KeyError);
    await expect(attempt).rejects.toMatchObject({ code: 'public-for-signing' });
  });

  it('does not verify a forged payload or a flipped signature character', async () => {
    const token = await signOnce(alg, ['PKCS#8 PEM', text(k.privatePkcs8Pem)], k.kid);
    for (const bad of [forgePayload(token, { sub: 'admin' }), tamperSegment(token, 2)]) {
      const result = await verifyToken(bad, text(k.publicSpkiPem));
      expect(result.signature, result.message).toBe('invalid');
    }
  });
});

describe('ES256 with a key on another curve', () => {
  it('reports an error naming the curve ES256 needs', async () => {
    const token = await signOnce('ES256', ['PKCS#8 PEM', text(keyPair('ec-p256').privatePkcs8Pem)]);
    const result = await verifyToken(token, text(keyPair('ec-p384').publicSpkiPem));
    expect(result.signature, result.message).toBe('error');
    expect(result.message).toMatch(/P-256/);
  });
});

const { utf8, raw } = generatedKeys.secrets;
const SECRET_GROUPS: Record<string, Form[]> = {
  'a 40-character utf8 secret': [
    ['utf8 text', { text: utf8, secretEncoding: 'utf8' }],
    ['utf8 text (default reading)', { text: utf8 }],
    ['oct JWK of the same bytes', text(JSON.stringify({ kty: 'oct', k: base64url(utf8) }))],
  ],
  '64 random bytes': [
    ['base64url text', { text: raw.base64url, secretEncoding: 'base64url' }],
    ['base64 text', { text: raw.base64, secretEncoding: 'base64' }],
    ['hex text', { text: raw.hex, secretEncoding: 'hex' }],
    ['oct JWK', text(JSON.stringify({ kty: 'oct', k: raw.base64url }))],
  ],
};

describe.each(['HS256', 'HS384', 'HS512'])('%s', (alg) => {
  describe.each(Object.entries(SECRET_GROUPS))('with %s', (_group, forms) => {
    describe.each(forms)('signed with the secret as %s', (signLabel, signInput) => {
      it.each(forms)('verifies with the secret as %s', async (verifyLabel, verifyInput) => {
        const token = await signOnce(alg, [signLabel, signInput], 'hmac');
        expectVerified(await verifyToken(token, verifyInput), `${alg} ${signLabel} -> ${verifyLabel}`);
      });
    });
  });

  it('does not verify with another secret, a forged payload or a flipped signature character', async () => {
    const token = await signOnce(alg, ['base64url text', { text: raw.base64url, secretEncoding: 'base64url' }]);
    const other = await verifyToken(token, { text: `${raw.base64url.slice(1)}A`, secretEncoding: 'base64url' });
    expect(other.signature, other.message).toBe('invalid');
    for (const bad of [forgePayload(token, { sub: 'admin' }), tamperSegment(token, 2)]) {
      const result = await verifyToken(bad, { text: raw.base64url, secretEncoding: 'base64url' });
      expect(result.signature, result.message).toBe('invalid');
    }
  });

  it.each([
    ['hex', raw.hex, ['hex']],
    ['base64url', raw.base64url, ['base64url', 'base64']],
  ] as const)('names the %s reading when the secret was read as utf8', async (encoding, secretText, accepted) => {
    const token = await signOnce(alg, [encoding, { text: secretText, secretEncoding: encoding }]);
    const result = await verifyToken(token, { text: secretText, secretEncoding: 'utf8' });
    expect(result.signature, result.message).toBe('invalid');
    expect(accepted, 'verify: matchingSecretEncoding').toContain(result.matchingSecretEncoding);
  });

  it('refuses to sign with an RSA private key, and reports a mismatch when verifying with an EC JWK', async () => {
    const attempt = signToken(headerFor(alg), PAYLOAD, text(keyPair('rsa-2048').privatePkcs8Pem));
    await expect(attempt).rejects.toMatchObject({ code: 'mismatch' });
    const token = await signOnce(alg, ['base64url text', { text: raw.base64url, secretEncoding: 'base64url' }]);
    const result = await verifyToken(token, text(JSON.stringify(keyPair('ec-p256').publicJwk)));
    expect(result.signature, result.message).toBe('error');
    expect(result.code).toBe('mismatch');
    expect(result.message).toMatch(/HMAC|secret|oct/i);
  });

  it('never verifies when an RSA public key PEM is offered as the HMAC secret (key confusion, RFC 8725 §2.1)', async () => {
    const pem = keyPair('rsa-2048').publicSpkiPem;
    // The attack: HMAC the token with the public key's PEM text as the secret, hoping the verifier does too.
    const signingInput = `${base64url(headerFor(alg))}.${base64url(PAYLOAD)}`;
    const mac = createHmac(`sha${alg.slice(2)}`, pem)
      .update(signingInput)
      .digest('base64url');
    const token = `${signingInput}.${mac}`;
    const result = await verifyToken(token, text(pem));
    expect(result.signature, `a PEM public key must never verify an ${alg} token: ${result.message}`).not.toBe(
      'verified',
    );
  });
});

describe('legacy RSA 1024 key (jose refuses it; WebCrypto verifies it)', () => {
  const k = keyPair('rsa-1024-legacy');
  const forms = publicForms(k).filter(([label]) => !label.startsWith('JWKS'));

  it.each([...forms, ['PKCS#1 private PEM', text(k.privatePkcs1Pem ?? '')] as Form])(
    'verifies an RS256 token with the %s, with a weak-key note',
    async (label, input) => {
      const token = interop.legacy.token;
      const result = await verifyToken(token, input);
      expectVerified(result, `RSA 1024 via ${label}`);
      const detection = detectKey(input);
      const lint = lintToken(decodeToken(token), { key: detection, keyText: input.text });
      const notes = [
        result.message,
        ...('warnings' in detection ? detection.warnings : []),
        ...lint.map((f) => f.message),
      ];
      expect(notes.join(' | '), 'keys/verify/lint: RSA < 2048 bits must carry a weak-key note').toMatch(
        /1024|2048|weak|legacy/i,
      );
    },
  );

  it('refuses to sign with the 1024-bit key, with a typed error', async () => {
    const attempt = signToken(headerFor('RS256'), PAYLOAD, text(k.privatePkcs8Pem));
    await expect(attempt).rejects.toBeInstanceOf(KeyError);
    await expect(attempt).rejects.toMatchObject({ code: 'weak-rsa' });
  });

  it('does not verify a forged payload with the 1024-bit key', async () => {
    const result = await verifyToken(forgePayload(interop.legacy.token, { sub: 'admin' }), text(k.publicSpkiPem));
    expect(result.signature, result.message).toBe('invalid');
  });
});
