// Tokens made by other implementations verify with the engine, and the engine's tokens verify with them.
// Producers (tests/fixtures/generate.mjs): node:crypto with hand-assembled JWS, the `jsonwebtoken` package,
// and the openssl CLI. None of them uses jose, the library the engine is built on.
import {
  X509Certificate,
  constants,
  createHash,
  createHmac,
  createPublicKey,
  timingSafeEqual,
  verify as nodeVerify,
  webcrypto,
} from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { KeyInput } from '../../src/core';
import { decodeToken, signToken, verifyToken } from '../../src/core';
import type { InteropToken } from '../fixtures/fixtures';
import { forgePayload, generatedKeys, interop, jwksText, keyPair } from '../fixtures/fixtures';

type JsonWebTokenModule = {
  verify(token: string, key: string | Buffer, options: { algorithms: string[] }): unknown;
};
// jsonwebtoken ships CommonJS without types; only `verify` is used here.
const jsonwebtoken = createRequire(import.meta.url)('jsonwebtoken') as JsonWebTokenModule;

const secretBytes = Buffer.from(generatedKeys.secrets.raw.base64url, 'base64url');
const SECRET: KeyInput = { text: generatedKeys.secrets.raw.base64url, secretEncoding: 'base64url' };
const JWKS_ALL = jwksText(...generatedKeys.jwks.keys);

function publicInputs(t: InteropToken): [string, KeyInput][] {
  if (t.keyId === 'secret') return [['base64url secret', SECRET]];
  const made = generatedKeys.opensslKeys[t.keyId];
  if (made) {
    const inputs: [string, KeyInput][] = [['SPKI PEM from openssl pkey -pubout', { text: made.publicSpkiPem }]];
    if (made.publicPkcs1Pem)
      inputs.push(['PKCS#1 PEM from openssl rsa -RSAPublicKey_out', { text: made.publicPkcs1Pem }]);
    inputs.push([`private PEM from ${made.command}`, { text: made.privatePem }]);
    return inputs;
  }
  const k = keyPair(t.keyId);
  const inputs: [string, KeyInput][] = [
    ['SPKI PEM', { text: k.publicSpkiPem }],
    ['public JWK', { text: JSON.stringify(k.publicJwk) }],
    ['JWKS', { text: JWKS_ALL }],
  ];
  if (k.certPem) inputs.push(['X.509 certificate', { text: k.certPem }]);
  return inputs;
}

const cases = interop.tokens.flatMap((t) =>
  publicInputs(t).map(([label, input]) => [`${t.id}`, label, t, input] as const),
);

describe('tokens from other implementations verify', () => {
  it('covers every algorithm from node:crypto, and RS/PS/ES/HS from jsonwebtoken and openssl', () => {
    const produced = new Set(interop.tokens.map((t) => t.id));
    for (const alg of ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']) {
      expect(produced).toContain(`node-${alg}`);
      expect(produced).toContain(`jsonwebtoken-${alg}`);
    }
    for (const alg of ['ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519']) expect(produced).toContain(`node-${alg}`);
    for (const alg of ['ES256', 'ES384', 'ES512']) expect(produced).toContain(`jsonwebtoken-${alg}`);
  });

  it.each(cases)('%s verifies with the %s', async (_id, label, t, input) => {
    const result = await verifyToken(t.token, input);
    expect(result.signature, `${t.producer ?? ''} ${t.alg} via ${label}: ${result.message}`).toBe('verified');
    const textPayload = t.payloadText !== undefined && !t.payloadText.startsWith('{');
    expect(result.claims, result.claimsMessage).toBe(textPayload ? 'none' : 'valid');
    if (label === 'JWKS') expect(result.kid).toBe(t.keyId);
  });

  it.each(interop.tokens.filter((t) => t.headerText !== undefined))(
    '$id keeps the exact header and payload text it was signed over',
    (t) => {
      const decoded = decodeToken(t.token);
      expect(decoded.headerText).toBe(t.headerText);
      expect(decoded.payloadText).toBe(t.payloadText);
    },
  );

  const jsonPayloadTokens = interop.tokens.filter((t) => t.payloadText === undefined || t.payloadText.startsWith('{'));
  it.each(jsonPayloadTokens)('$id does not verify with a forged payload', async (t) => {
    const input = publicInputs(t)[0]?.[1] ?? SECRET;
    const result = await verifyToken(forgePayload(t.token, { sub: 'admin' }), input);
    expect(result.signature, result.message).toBe('invalid');
  });
});

describe('mistakes other producers make do not verify', () => {
  it.each(interop.malformed)('$id', async (t) => {
    const result = await verifyToken(t.token, { text: keyPair(t.keyId).publicSpkiPem });
    expect(result.signature, `must not verify: ${result.message}`).not.toBe('verified');
    expect(result.message.length).toBeGreaterThan(0);
  });
});

// ---- the reverse direction: the engine's tokens, checked by other implementations ----

const HASH: Record<string, string> = { '256': 'sha256', '384': 'sha384', '512': 'sha512' };
const ASYMMETRIC: [alg: string, keyId: string][] = [
  ['RS256', 'rsa-2048'],
  ['RS384', 'rsa-3072'],
  ['RS512', 'rsa-4096'],
  ['PS256', 'rsa-2048'],
  ['PS384', 'rsa-3072'],
  ['PS512', 'rsa-4096'],
  ['ES256', 'ec-p256'],
  ['ES384', 'ec-p384'],
  ['ES512', 'ec-p521'],
  ['EdDSA', 'ed25519'],
  ['Ed25519', 'ed25519'],
];
const PAYLOAD = '{"sub":"engine","iat":1700000000,"exp":4102444800,"name":"Zoë"}';

/** RFC 7515 §5.2 by hand with node:crypto: ECDSA as R||S (RFC 7518 §3.4), PSS salt = hash length (§3.5). */
function nodeVerifies(token: string, alg: string, publicPem: string): boolean {
  const [header = '', payload = '', signature = ''] = token.split('.');
  const data = Buffer.from(`${header}.${payload}`, 'ascii');
  const sig = Buffer.from(signature, 'base64url');
  const key = createPublicKey(publicPem);
  const hash = HASH[alg.slice(2)] ?? null;
  if (alg.startsWith('PS')) {
    return nodeVerify(
      hash,
      data,
      { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(alg.slice(2)) / 8 },
      sig,
    );
  }
  if (alg.startsWith('ES')) return nodeVerify(hash, data, { key, dsaEncoding: 'ieee-p1363' }, sig);
  return nodeVerify(alg.startsWith('RS') ? hash : null, data, key, sig);
}

describe('the engine signs tokens other implementations accept', () => {
  it.each(ASYMMETRIC)('%s verifies with node:crypto', async (alg, keyId) => {
    const k = keyPair(keyId);
    const token = await signToken(JSON.stringify({ alg, kid: keyId }), PAYLOAD, { text: k.privatePkcs8Pem });
    expect(nodeVerifies(token, alg, k.publicSpkiPem)).toBe(true);
  });

  it.each(ASYMMETRIC.filter(([alg]) => !alg.startsWith('Ed')))('%s verifies with jsonwebtoken', async (alg, keyId) => {
    const k = keyPair(keyId);
    const token = await signToken(JSON.stringify({ alg, typ: 'JWT' }), PAYLOAD, { text: JSON.stringify(k.privateJwk) });
    expect(jsonwebtoken.verify(token, k.publicSpkiPem, { algorithms: [alg] })).toMatchObject({ sub: 'engine' });
  });

  it.each(['HS256', 'HS384', 'HS512'])('%s verifies with jsonwebtoken and with node:crypto HMAC', async (alg) => {
    const token = await signToken(JSON.stringify({ alg, typ: 'JWT' }), PAYLOAD, SECRET);
    expect(jsonwebtoken.verify(token, secretBytes, { algorithms: [alg] })).toMatchObject({ name: 'Zoë' });
    const [header, payload, signature = ''] = token.split('.');
    const mac = createHmac(HASH[alg.slice(2)] ?? '', secretBytes)
      .update(`${header}.${payload}`)
      .digest();
    expect(timingSafeEqual(mac, Buffer.from(signature, 'base64url'))).toBe(true);
  });
});

describe('keys as other tools write them', () => {
  it.each(Object.values(generatedKeys.opensslKeys))('signs and verifies with the key from `$command`', async (k) => {
    const token = await signToken(JSON.stringify({ alg: k.alg }), PAYLOAD, { text: k.privatePem });
    for (const text of [k.publicSpkiPem, k.publicPkcs1Pem ?? k.publicSpkiPem, k.privatePem]) {
      const result = await verifyToken(token, { text });
      expect(result.signature, `${k.command}: ${result.message}`).toBe('verified');
    }
    expect(nodeVerifies(token, k.alg, k.publicSpkiPem)).toBe(true);
  });

  const rsa = keyPair('rsa-2048');
  const body = rsa.publicSpkiPem.split('\n').filter((line) => line !== '' && !line.startsWith('-----'));
  const pasted: [label: string, privateText: string, publicText: string][] = [
    [
      'Windows line endings (CRLF)',
      rsa.privatePkcs8Pem.replace(/\n/g, '\r\n'),
      rsa.certPem?.replace(/\n/g, '\r\n') ?? '',
    ],
    [
      'indented lines (from YAML or code)',
      rsa.privatePkcs1Pem?.replace(/^/gm, '    ') ?? '',
      rsa.publicSpkiPem.replace(/^/gm, '  '),
    ],
    [
      'literal \\n escapes (from an environment variable)',
      rsa.privatePkcs8Pem.trim().replace(/\n/g, '\\n'),
      rsa.publicSpkiPem.trim().replace(/\n/g, '\\n'),
    ],
    ['a JSON string (quoted, escaped)', JSON.stringify(rsa.privatePkcs8Pem), JSON.stringify(rsa.publicSpkiPem)],
    [
      'the base64 body on one line',
      rsa.privatePkcs8Pem,
      `-----BEGIN PUBLIC KEY-----\n${body.join('')}\n-----END PUBLIC KEY-----\n`,
    ],
    ['pretty-printed JWK', JSON.stringify(rsa.privateJwk, null, 2), JSON.stringify({ keys: [rsa.publicJwk] }, null, 4)],
  ];

  it.each(pasted)('signs and verifies with keys pasted with %s', async (label, privateText, publicText) => {
    const token = await signToken('{"alg":"RS256"}', PAYLOAD, { text: privateText });
    const result = await verifyToken(token, { text: publicText });
    expect(result.signature, `${label}: ${result.message}`).toBe('verified');
  });
});

describe('JWKs as other producers export them', () => {
  it('signs with a WebCrypto-exported private JWK (key_ops ["sign"], ext) and verifies with it and its public JWK', async () => {
    const pair = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const privateJwk = await webcrypto.subtle.exportKey('jwk', pair.privateKey);
    const publicJwk = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
    expect(privateJwk.key_ops).toEqual(['sign']);
    const token = await signToken('{"alg":"ES256"}', PAYLOAD, { text: JSON.stringify(privateJwk) });
    for (const jwk of [privateJwk, publicJwk]) {
      const result = await verifyToken(token, { text: JSON.stringify(jwk) });
      expect(result.signature, result.message).toBe('verified');
    }
  });

  it('verifies against a JWKS entry carrying alg, use, x5c and x5t (as Auth0 and Entra ID publish them)', async () => {
    const k = keyPair('rsa-2048');
    const der = new X509Certificate(k.certPem ?? '').raw;
    const entry = {
      ...k.publicJwk,
      alg: 'RS256',
      use: 'sig',
      x5c: [der.toString('base64')],
      x5t: createHash('sha1').update(der).digest('base64url'),
    };
    const token = await signToken(JSON.stringify({ alg: 'RS256', kid: k.kid }), PAYLOAD, { text: k.privatePkcs8Pem });
    const result = await verifyToken(token, {
      text: JSON.stringify({ keys: [keyPair('rsa-2048-other').publicJwk, entry] }),
    });
    expect(result.signature, result.message).toBe('verified');
    expect(result.kid).toBe(k.kid);
  });
});
