// What the runtime's WebCrypto can do. Node 20 runs every pair (X25519 and 192-bit AES included); Chromium has
// no 192-bit AES, and older browsers no X25519. jose hides a refused AES-192 key unwrap behind a random content
// key, so without a probe such a token would read as "wrong key": these tests stand in a WebCrypto that
// refuses, the way the browser does, and check the refusal is named.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JWE_CONTENT_ENCRYPTIONS, JWE_KEY_ALGORITHMS, encryptToken, isJweAlgorithmAvailable } from '../../src/core/jwe';
import { jwcrypto, decryptionKeyText, type JwcryptoKey } from '../fixtures/jwe/fixtures';

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

/** The JWE module loaded afresh, so its runtime probes run against the WebCrypto as it is now. */
async function freshJwe() {
  vi.resetModules();
  return import('../../src/core/jwe');
}

describe('Node 20 WebCrypto', () => {
  it('runs every alg/enc pair, ECDH-ES on X25519 and 192-bit AES included', async () => {
    for (const alg of JWE_KEY_ALGORITHMS) {
      for (const enc of JWE_CONTENT_ENCRYPTIONS) {
        const curve = alg.startsWith('ECDH') ? 'X25519' : undefined;
        expect(await isJweAlgorithmAvailable(alg, enc, curve), `${alg} ${enc}`).toBe(true);
      }
    }
    expect(await isJweAlgorithmAvailable('RSA1_5', 'A128GCM')).toBe(false);
    expect(await isJweAlgorithmAvailable('A128KW', 'A128CBC+HS256')).toBe(false);
  });
});

describe('a WebCrypto without 192-bit AES (as in Chromium)', () => {
  function refuseAes192() {
    const importKey = crypto.subtle.importKey.bind(crypto.subtle);
    vi.spyOn(crypto.subtle, 'importKey').mockImplementation(((...args: Parameters<SubtleCrypto['importKey']>) => {
      const [format, data, algorithm] = args;
      const name = typeof algorithm === 'string' ? algorithm : algorithm.name;
      const size = data instanceof Uint8Array ? data.byteLength : 0;
      if (format === 'raw' && name.startsWith('AES') && size === 24) {
        return Promise.reject(new DOMException('192-bit AES keys are not supported', 'OperationError'));
      }
      return importKey(...args);
    }) as SubtleCrypto['importKey']);
  }

  it.each([
    ['A192KW', 'A128GCM', 'oct-24'],
    ['ECDH-ES+A192KW', 'A128GCM', 'P-256'],
    ['PBES2-HS384+A192KW', 'A256GCM', 'password'],
    ['A128KW', 'A192GCM', 'oct-16'],
    ['dir', 'A192CBC-HS384', 'oct-48'],
  ])('%s with %s is refused as unsupported by the browser, not as a wrong key', async (alg, enc, keyId) => {
    const key = jwcrypto.keys[keyId] as JwcryptoKey;
    const token = jwcrypto.tokens.find((t) => t.alg === alg && t.enc === enc && (t.curve ?? 'P-256') === 'P-256');
    refuseAes192();
    const jwe = await freshJwe();
    const result = await jwe.decryptToken(token?.token ?? '', decryptionKeyText(key));
    expect(result.state).toBe('error');
    expect(result.code).toBe('runtime-unsupported');
    expect(result.message).toMatch(/needs 192-bit AES, which this browser's WebCrypto does not support/);
    expect(await jwe.isJweAlgorithmAvailable(alg, enc)).toBe(false);
    const made = await jwe.encryptToken('x', JSON.stringify({ alg, enc }), decryptionKeyText(key));
    expect(made.ok ? 'ok' : made.code).toBe('runtime-unsupported');
  });

  it('128- and 256-bit pairs still work there', async () => {
    refuseAes192();
    const jwe = await freshJwe();
    const made = await jwe.encryptToken('x', '{"alg":"A256KW","enc":"A128CBC-HS256"}', { text: 'k'.repeat(32) });
    if (!made.ok) throw new Error(made.message);
    expect((await jwe.decryptToken(made.token, { text: 'k'.repeat(32) })).state).toBe('decrypted');
  });
});

describe('a WebCrypto without X25519 (older browsers)', () => {
  it('an ECDH-ES token to an X25519 key is refused by name; EC keys still work', async () => {
    const x = jwcrypto.keys.X25519 as JwcryptoKey;
    const made = await encryptToken('x', '{"alg":"ECDH-ES","enc":"A128GCM"}', { text: x.publicSpkiPem ?? '' });
    if (!made.ok) throw new Error(made.message);
    const generateKey = crypto.subtle.generateKey.bind(crypto.subtle);
    vi.spyOn(crypto.subtle, 'generateKey').mockImplementation(((...args: Parameters<SubtleCrypto['generateKey']>) => {
      const [algorithm] = args;
      const name = typeof algorithm === 'string' ? algorithm : algorithm.name;
      if (name === 'X25519') return Promise.reject(new DOMException('Unrecognized name', 'NotSupportedError'));
      return generateKey(...args);
    }) as SubtleCrypto['generateKey']);
    const jwe = await freshJwe();
    const result = await jwe.decryptToken(made.token, { text: x.privatePkcs8Pem ?? '' });
    expect(result).toMatchObject({ state: 'error', code: 'runtime-unsupported' });
    expect(result.message).toMatch(/needs WebCrypto X25519, which this browser\/runtime lacks/);
    const p256 = jwcrypto.keys['P-256'] as JwcryptoKey;
    const ec = await jwe.encryptToken('x', '{"alg":"ECDH-ES","enc":"A128GCM"}', { text: p256.publicSpkiPem ?? '' });
    expect(ec.ok).toBe(true);
  });
});
