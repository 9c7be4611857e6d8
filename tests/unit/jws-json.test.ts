// JWS JSON serialization (RFC 7515 §7.2) and detached payloads (RFC 7515 Appendix F, RFC 7797): the RFC 7520
// §4.5–4.8 and RFC 7797 §4 examples, a general JWS with three signatures made by jwcrypto, and signing
// detached and b64:false tokens.
import { describe, expect, it } from 'vitest';
import { SignError } from '../../src/core/errors';
import { decodeJwsJson, verifyJwsJson } from '../../src/core/jws';
import { signToken } from '../../src/core/sign';
import { decodeToken } from '../../src/core/token';
import { verifyDecodedToken, verifyToken } from '../../src/core/verify';
import { jwcrypto, rfc7520jwsJson, rfc7797, type JwcryptoKey } from '../fixtures/jwe/fixtures';

const jwk = (value: unknown): { text: string } => ({ text: JSON.stringify(value) });
const PAYLOAD = rfc7520jwsJson['4.5'].payload;

describe('RFC 7520 §4.5: detached content', () => {
  const v = rfc7520jwsJson['4.5'];

  it('decodeToken says the compact form is detached instead of failing', () => {
    const decoded = decodeToken(v.compact ?? '');
    expect(decoded.detached).toBe(true);
    expect(decoded.payloadText).toBe('');
    expect(decoded.warnings.map((w) => w.code)).toEqual(['payload-empty']);
  });

  it('the compact form verifies once the payload is given, and says what is missing without it', async () => {
    const given = await verifyToken(v.compact ?? '', jwk(v.key), { detachedPayload: PAYLOAD });
    expect(given.signature, given.message).toBe('verified');
    const decoded = decodeToken(v.compact ?? '');
    expect((await verifyDecodedToken(decoded, jwk(v.key), { detachedPayload: PAYLOAD })).signature).toBe('verified');
    const missing = await verifyToken(v.compact ?? '', jwk(v.key));
    expect(missing.signature).toBe('invalid');
    expect(missing.message).toMatch(/payload part is empty: if the payload is detached/);
    const wrong = await verifyToken(v.compact ?? '', jwk(v.key), { detachedPayload: `${PAYLOAD} ` });
    expect(wrong.signature).toBe('invalid');
  });

  it('the JSON forms have no payload member: verified with the payload given, an error without', async () => {
    for (const json of [v.json, v.json_flat]) {
      const text = JSON.stringify(json);
      expect(decodeJwsJson(text).detached).toBe(true);
      const given = await verifyJwsJson(text, jwk(v.key), { detachedPayload: PAYLOAD });
      expect(given.signature, given.message).toBe('verified');
      const missing = await verifyJwsJson(text, jwk(v.key));
      expect(missing).toMatchObject({ signature: 'error', code: 'detached-payload-missing' });
    }
  });
});

describe('RFC 7520 §4.6–4.8: JWS JSON serialization', () => {
  it('§4.6: alg protected, kid unprotected; both forms verify and the joint header has both', async () => {
    const v = rfc7520jwsJson['4.6'];
    for (const json of [v.json, v.json_flat]) {
      const decoded = decodeJwsJson(JSON.stringify(json));
      expect(decoded.signatures[0]?.joint).toEqual({ alg: 'HS256', kid: '018c0ae5-4d9b-471b-bfd6-eef314bc7037' });
      expect(decoded.payloadText).toBe(PAYLOAD);
      const result = await verifyJwsJson(JSON.stringify(json), jwk(v.key));
      expect(result.signature, result.message).toBe('verified');
    }
  });

  it('§4.7: no protected header at all (alg in the unprotected header) still verifies', async () => {
    const v = rfc7520jwsJson['4.7'];
    const decoded = decodeJwsJson(JSON.stringify(v.json_flat));
    expect(decoded.signatures[0]?.protected).toBeUndefined();
    expect((await verifyJwsJson(JSON.stringify(v.json_flat), jwk(v.key))).signature).toBe('verified');
  });

  it('§4.8: three signatures (RS256, ES512, HS256); each key verifies its own and says which', async () => {
    const v = rfc7520jwsJson['4.8'];
    const text = JSON.stringify(v.json);
    const decoded = decodeJwsJson(text);
    expect(decoded.serialization).toBe('general');
    expect(decoded.signatures.map((s) => s.alg)).toEqual(['RS256', 'ES512', 'HS256']);
    for (const [index, key] of (v.keys ?? []).entries()) {
      const result = await verifyJwsJson(text, jwk(key));
      expect(result.signature, result.message).toBe('verified');
      expect(result.verifiedIndex).toBe(index);
      expect(result.message).toMatch(new RegExp(`^Signature ${index + 1} of 3 verified\\.`));
      expect(result.signatures.map((s) => s.state)).toEqual([0, 1, 2].map((i) => (i === index ? 'verified' : 'error')));
    }
  });

  it('§4.8 with another key: none verifies, and each signature says why', async () => {
    const text = JSON.stringify(rfc7520jwsJson['4.8'].json);
    const result = await verifyJwsJson(text, { text: 'not the key at all, but a secret' });
    expect(result.signature).toBe('invalid');
    expect(result.message).toMatch(
      /^None of the 3 signatures verified\. signature 1 \(kid 'bilbo.baggins@hobbiton.example'\): this is an HMAC secret; RS256 needs an RSA key/,
    );
    expect(result.signatures[2]).toMatchObject({ state: 'invalid', code: 'signature' });
  });
});

describe('a general JWS made by jwcrypto with three signatures', () => {
  const { json, signers } = jwcrypto.json.jwsGeneral;
  const keyText = (id: string): { text: string; secretEncoding?: 'base64url' } => {
    const key = jwcrypto.keys[id] as JwcryptoKey;
    return key.publicSpkiPem
      ? { text: key.publicSpkiPem }
      : { text: key.secretBase64url ?? '', secretEncoding: 'base64url' };
  };

  it('each signer key verifies exactly its signature; a JWKS of all three verifies the first, by kid', async () => {
    const text = JSON.stringify(json);
    for (const [index, id] of signers.entries()) {
      const result = await verifyJwsJson(text, keyText(id));
      expect(result.verifiedIndex, result.message).toBe(index);
      expect(result.claims).toBe('valid');
    }
    const set = {
      keys: signers.map((id) => (jwcrypto.keys[id] as JwcryptoKey).publicJwk ?? (jwcrypto.keys[id] as JwcryptoKey).jwk),
    };
    const all = await verifyJwsJson(text, jwk(set));
    expect(all.signatures.map((s) => s.state)).toEqual(['verified', 'verified', 'verified']);
    expect(all.kid).toBe('rsa-2048');
  });
});

describe('RFC 7797: the unencoded payload option (b64: false)', () => {
  const key = jwk(rfc7797.key);

  it('§4.1 (b64 true) verifies as a plain compact JWS', async () => {
    expect((await verifyToken(rfc7797['4.1'].compact, key)).signature).toBe('verified');
  });

  it('§4.2 detached compact: the payload "$.02" is signed as it is', async () => {
    const token = rfc7797['4.2'].compactDetached;
    const decoded = decodeToken(token);
    expect(decoded).toMatchObject({ detached: true, unencodedPayload: true, header: { b64: false, crit: ['b64'] } });
    const result = await verifyToken(token, key, { detachedPayload: rfc7797.payload });
    expect(result.signature, result.message).toBe('verified');
    expect((await verifyToken(token, key, { detachedPayload: '$.03' })).signature).toBe('invalid');
    // Read as base64url (b64 true) the same bytes would not verify: the header decides.
    expect((await verifyToken(token, key, { detachedPayload: 'JC4wMg' })).signature).toBe('invalid');
  });

  it('§4.2 flattened JSON with the payload as it is', async () => {
    const text = JSON.stringify(rfc7797['4.2'].json_flat);
    const decoded = decodeJwsJson(text);
    expect(decoded).toMatchObject({ unencodedPayload: true, payloadText: '$.02', detached: false });
    expect((await verifyJwsJson(text, key)).signature).toBe('verified');
  });

  it('signs §4.2 byte for byte (HMAC is deterministic), detached', async () => {
    const token = await signToken(rfc7797['4.2'].headerText, rfc7797.payload, key, { detached: true });
    expect(token).toBe(rfc7797['4.2'].compactDetached);
  });

  it('signs an attached b64:false token when the payload has no dot, which decodes and verifies', async () => {
    const token = await signToken('{"alg":"HS256","b64":false,"crit":["b64"]}', 'hello-world', key);
    expect(token.split('.')[1]).toBe('hello-world');
    const decoded = decodeToken(token);
    expect(decoded).toMatchObject({ unencodedPayload: true, payloadText: 'hello-world' });
    expect(decoded.warnings.map((w) => w.code)).toContain('payload-unencoded');
    expect((await verifyToken(token, key)).signature).toBe('verified');
  });

  it('refuses b64:false with a dot in an attached payload, and b64:false without crit', async () => {
    await expect(signToken(rfc7797['4.2'].headerText, '$.02', key)).rejects.toMatchObject({ code: 'b64-payload' });
    await expect(signToken('{"alg":"HS256","b64":false}', 'x', key)).rejects.toBeInstanceOf(SignError);
    await expect(signToken('{"alg":"HS256","b64":false}', 'x', key)).rejects.toMatchObject({ code: 'b64-crit' });
    await expect(signToken('{"alg":"HS256","b64":"no","crit":["b64"]}', 'x', key)).rejects.toMatchObject({
      code: 'b64',
    });
  });

  it('signs a detached b64:true token (header..signature) that verifies with the payload', async () => {
    const token = await signToken('{"alg":"HS256"}', '{"sub":"a"}', key, { detached: true });
    expect(token.split('.')[1]).toBe('');
    const result = await verifyToken(token, key, { detachedPayload: '{"sub":"a"}' });
    expect(result.signature).toBe('verified');
    expect(result.claims).toBe('none');
  });
});
