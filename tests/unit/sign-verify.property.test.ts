// Property: for any JSON claims object and any extra header members (kid, typ, custom ones), a token the
// engine signs verifies with the matching public key, decodes to exactly what was signed, and stops
// verifying once its payload is swapped. Fixed keys from tests/fixtures/generated/keys.json.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KeyInput } from '../../src/core';
import { decodeToken, signToken, verifyToken } from '../../src/core';
import { forgePayload, generatedKeys, keyPair } from '../fixtures/fixtures';

const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 50);
// Longer than any generated claim name (maxLength 12), so forging always changes the payload.
const FORGED = { 'forged-by-test': true };

/**
 * Header members whose meaning changes how a JWS is processed (RFC 7515 §4.1.11 crit, RFC 7797 b64), that make
 * the token look like a JWE (enc, zip), or that carry or point at a key (jwk, jku, x5c, x5u, x5t): each has its
 * own dedicated tests; random values for them are not "custom members".
 */
const RESERVED = new Set([
  'alg',
  'kid',
  'typ',
  'crit',
  'b64',
  'enc',
  'zip',
  'jwk',
  'jku',
  'x5c',
  'x5u',
  'x5t',
  'x5t#S256',
]);

const claims = fc.dictionary(fc.string({ unit: 'binary', maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), {
  maxKeys: 8,
});
const headerExtras = fc.record({
  kid: fc.option(fc.string({ unit: 'binary', maxLength: 40 }), { nil: undefined }),
  typ: fc.option(fc.constantFrom('JWT', 'at+jwt', 'JOSE', 'application/example+jwt', 'dpop+jwt'), { nil: undefined }),
  custom: fc.dictionary(
    fc.string({ minLength: 1, maxLength: 12 }).filter((name) => !RESERVED.has(name)),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 3 },
  ),
});

const canonical = (json: string): string => JSON.stringify(JSON.parse(json));

const KEYS: [alg: string, sign: KeyInput, verify: KeyInput][] = [
  [
    'HS256',
    { text: generatedKeys.secrets.raw.base64url, secretEncoding: 'base64url' },
    { text: generatedKeys.secrets.raw.base64url, secretEncoding: 'base64url' },
  ],
  ['ES256', { text: keyPair('ec-p256').privatePkcs8Pem }, { text: keyPair('ec-p256').publicSpkiPem }],
  ['EdDSA', { text: keyPair('ed25519').privatePkcs8Pem }, { text: keyPair('ed25519').publicSpkiPem }],
  ['RS256', { text: keyPair('rsa-2048').privatePkcs8Pem }, { text: JSON.stringify(keyPair('rsa-2048').publicJwk) }],
];

describe.each(KEYS)('sign -> verify property, %s', (alg, signKey, verifyKey) => {
  it(`holds for ${NUM_RUNS} random claim sets and header extras`, async () => {
    await fc.assert(
      fc.asyncProperty(claims, headerExtras, async (payload, extras) => {
        const header: Record<string, unknown> = { ...extras.custom, alg };
        if (extras.kid !== undefined) header.kid = extras.kid;
        if (extras.typ !== undefined) header.typ = extras.typ;
        const headerText = JSON.stringify(header);
        const payloadText = JSON.stringify(payload);

        const token = await signToken(headerText, payloadText, signKey);
        const decoded = decodeToken(token);
        // Compared as canonical JSON text: toEqual would trip on members named "constructor" or "__proto__".
        expect(canonical(decoded.headerText), 'sign: every header member kept').toBe(canonical(headerText));
        expect(canonical(decoded.payloadText), 'sign: payload kept').toBe(canonical(payloadText));

        // exp/nbf/iat may be random values here; only the signature verdict is the property.
        const result = await verifyToken(token, verifyKey);
        expect(result.signature, `${alg} ${headerText} ${payloadText}: ${result.message}`).toBe('verified');

        const forged = await verifyToken(forgePayload(token, FORGED), verifyKey);
        expect(forged.signature, forged.message).toBe('invalid');
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

const ENCODINGS = ['base64url', 'base64', 'hex'] as const;
const encode = (bytes: Uint8Array, encoding: (typeof ENCODINGS)[number]): string =>
  Buffer.from(bytes).toString(encoding);

describe('HMAC secret readings property', () => {
  // Short secrets included on purpose: under 32 bytes is a lint warning, never a refusal.
  it(`any secret of 1-96 bytes signs in one reading and verifies in another (${NUM_RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 96 }),
        fc.constantFrom(...ENCODINGS),
        fc.constantFrom(...ENCODINGS),
        fc.constantFrom('HS256', 'HS384', 'HS512'),
        async (bytes, signEncoding, verifyEncoding, alg) => {
          const signKey: KeyInput = { text: encode(bytes, signEncoding), secretEncoding: signEncoding };
          const token = await signToken(JSON.stringify({ alg }), '{"sub":"secret-readings"}', signKey);
          const verifyKey: KeyInput = { text: encode(bytes, verifyEncoding), secretEncoding: verifyEncoding };
          const result = await verifyToken(token, verifyKey);
          expect(result.signature, `${alg} ${signEncoding} -> ${verifyEncoding}: ${result.message}`).toBe('verified');
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
