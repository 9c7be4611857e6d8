// A real HTTP server on 127.0.0.1 (random port, closed afterwards) serves every case of the JWKS fetcher; a recording
// fetchImpl proves refused URLs are never requested, and a rejecting one stands in for the browser's CORS TypeError.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkJwksUrl,
  fetchKeySet,
  JwksError,
  MAX_JWKS_BYTES,
  summarizeKeySet,
  type JwksErrorCode,
} from '../../src/core/jwks';
import { expectationsFromDiscovery } from '../../src/core/profiles';
import { verifyToken } from '../../src/core/verify';

// RFC 7638 §3.1: the example RSA key and its published SHA-256 thumbprint.
const RFC7638_KEY = {
  kty: 'RSA',
  n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
  e: 'AQAB',
  alg: 'RS256',
  kid: '2011-04-29',
};
const RFC7638_THUMBPRINT = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs';

let server: Server;
let base: string;
let closedPortUrl: string;
let threeKeys: { keys: JWK[] };
const requests: string[] = [];

const signingKeys = new Map<string, CryptoKey>();
async function publicJwk(alg: string, kid: string): Promise<JWK> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  signingKeys.set(kid, privateKey);
  return { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
}

type Route = (res: ServerResponse) => void;
const json =
  (value: unknown, status = 200): Route =>
  (res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };

function routes(): Record<string, Route> {
  return {
    '/jwks.json': json(threeKeys),
    '/issuer': json({ error: 'not here' }, 404),
    '/issuer/.well-known/openid-configuration': json({ issuer: `${base}/issuer`, jwks_uri: `${base}/jwks.json` }),
    '/direct/.well-known/openid-configuration': json({ issuer: `${base}/direct`, jwks_uri: `${base}/jwks.json` }),
    '/other-issuer/.well-known/openid-configuration': json({
      issuer: 'https://elsewhere.example',
      jwks_uri: `${base}/jwks.json`,
    }),
    '/insecure-issuer/.well-known/openid-configuration': json({
      issuer: 'x',
      jwks_uri: 'http://keys.example.com/jwks',
    }),
    '/no-jwks-uri/.well-known/openid-configuration': json({ issuer: `${base}/no-jwks-uri` }),
    '/html': (res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html><html><body>Welcome</body></html>');
    },
    '/not-jwks': json({ hello: 'world', version: 2 }),
    '/keys-object': json({ keys: { a: 1 } }),
    '/server-error': json({ error: 'boom' }, 500),
    '/empty-set': json({ keys: [] }),
    '/mixed': json({
      keys: [
        RFC7638_KEY,
        { kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'BBBB', kid: 'broken-ec' },
        { ...RFC7638_KEY, kid: 'enc', use: 'enc', alg: 'RSA-OAEP' },
        { kty: 'OKP', crv: 'X25519', x: '8pOVNfpfnmUZTbM2rl1sJ5aNflXzxCUrAWIgfPG3Ul8', kid: 'ecdh' },
        { kty: 'RSA', kid: 'no-n', e: 'AQAB' },
        'not an object',
        { kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTMyYg', kid: 'dup' },
        { ...RFC7638_KEY, kid: 'dup' },
      ],
    }),
    '/none-usable': json({ keys: [{ kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'BBBB', kid: 'bad' }, { kid: 'no-kty' }] }),
    '/redirect': (res) => {
      res.writeHead(302, { location: '/jwks.json' });
      res.end();
    },
    '/redirect-insecure': (res) => {
      res.writeHead(302, { location: 'http://keys.example.com/jwks.json' });
      res.end();
    },
    '/slow': (res) => {
      setTimeout(() => json(threeKeys)(res), 3_000).unref();
    },
    '/slow-body': (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"keys": [');
      setTimeout(() => res.end(']}'), 3_000).unref();
    },
    '/big': (res) => {
      // No Content-Length: chunked, so only counting while streaming can stop it.
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 4 * MAX_JWKS_BYTES) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end('{}');
      };
      res.on('error', () => undefined);
      pump();
    },
    '/big-declared': (res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(MAX_JWKS_BYTES + 1) });
      res.write('{"keys":[]}');
      res.on('error', () => undefined);
    },
  };
}

beforeAll(async () => {
  threeKeys = {
    keys: [await publicJwk('RS256', 'rsa-1'), await publicJwk('ES256', 'ec-1'), await publicJwk('Ed25519', 'ed-1')],
  };
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const route = routes()[new URL(req.url ?? '/', base).pathname];
    if (route) return route(res);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not Found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPortUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/jwks.json`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

async function failure(promise: Promise<unknown>, code: JwksErrorCode): Promise<JwksError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(JwksError);
    expect((err as JwksError).code, (err as Error).message).toBe(code);
    return err as JwksError;
  }
  throw new Error(`expected JwksError('${code}'), got a result`);
}

function recordingFetch(): { calls: string[]; fetchImpl: typeof fetch } {
  const calls: string[] = [];
  return {
    calls,
    fetchImpl: (input, init) => {
      calls.push(String(input));
      return fetch(input, init);
    },
  };
}

describe('checkJwksUrl', () => {
  it('accepts https anywhere and http only for localhost, 127.0.0.1 and [::1]', () => {
    for (const ok of [
      'https://login.example.com',
      ' https://x.example/.well-known/jwks.json ',
      'http://localhost:8080/jwks',
      'http://127.0.0.1/x',
      'http://[::1]:9/x',
    ]) {
      expect(checkJwksUrl(ok).ok, ok).toBe(true);
    }
  });

  it.each([
    ['', 'url', /Enter a JWKS URL/],
    ['login.example.com/jwks', 'url', /Did you mean https:\/\/login\.example\.com\/jwks/],
    ['https://exa mple.com', 'url', /space/],
    ['ftp://example.com/jwks', 'url', /Only https/],
    ['javascript:alert(1)', 'url', /Only https/],
    ['https://user:pw@example.com/jwks', 'url', /user name and password/],
    [
      'http://example.com/jwks',
      'insecure-http',
      /Plain http:\/\/ is refused for example\.com.*https:\/\/example\.com\/jwks/,
    ],
    ['http://127.0.0.2/jwks', 'insecure-http', /refused/],
    ['http://localhost.evil.example/jwks', 'insecure-http', /refused/],
  ])('refuses %j with code %s', (text, code, message) => {
    const result = checkJwksUrl(text);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('refuses a malformed or insecure URL before any fetch', async () => {
    const { calls, fetchImpl } = recordingFetch();
    await failure(fetchKeySet('not a url', { fetchImpl }), 'url');
    await failure(fetchKeySet('http://example.com/jwks', { fetchImpl }), 'insecure-http');
    expect(calls).toEqual([]);
  });
});

describe('fetchKeySet', () => {
  it('loads a JWKS with three keys and returns them as key text', async () => {
    const result = await fetchKeySet(`${base}/jwks.json`);
    expect(result.jwksUrl).toBe(`${base}/jwks.json`);
    expect(result.issuerConfigUrl).toBeUndefined();
    expect(result.skipped).toEqual([]);
    expect(result.jwks).toEqual(threeKeys);
    expect(JSON.parse(result.keysText)).toEqual(threeKeys);
    expect(result.steps[0]).toBe(`Fetching ${base}/jwks.json.`);
    expect(result.steps.at(-1)).toBe('Read 3 keys: 3 usable.');
  });

  it('gives key text with which a token signed by one of the keys verifies, naming its kid', async () => {
    const result = await fetchKeySet(`${base}/issuer`);
    const key = signingKeys.get('ec-1');
    if (key === undefined) throw new Error('fixture key missing');
    const token = await new SignJWT({ sub: 'a' }).setProtectedHeader({ alg: 'ES256', kid: 'ec-1' }).sign(key);
    const verdict = await verifyToken(token, { text: result.keysText });
    expect(verdict).toMatchObject({ signature: 'verified', kid: 'ec-1' });
  });

  it('follows an issuer URL that 404s to /.well-known/openid-configuration and its jwks_uri', async () => {
    requests.length = 0;
    const result = await fetchKeySet(`${base}/issuer/`);
    expect(requests).toEqual(['/issuer/', '/issuer/.well-known/openid-configuration', '/jwks.json']);
    expect(result).toMatchObject({
      jwksUrl: `${base}/jwks.json`,
      issuerConfigUrl: `${base}/issuer/.well-known/openid-configuration`,
      issuer: `${base}/issuer`,
      warnings: [],
    });
    expect(JSON.parse(result.keysText)).toEqual(threeKeys);
    expect(result.steps.join('\n')).toMatch(/issuer\/ answered HTTP 404 Not Found; trying it as an issuer: /);
    expect(result.discovery).toEqual({ issuer: `${base}/issuer`, jwks_uri: `${base}/jwks.json` });
  });

  it('hands back the discovery document, so the expected issuer can be filled from it', async () => {
    const direct = await fetchKeySet(`${base}/direct/.well-known/openid-configuration`);
    expect(expectationsFromDiscovery(direct.discovery).iss).toBe(`${base}/direct`);
    const plain = await fetchKeySet(`${base}/jwks.json`);
    expect(plain.discovery).toBeUndefined();
  });

  it('reads a discovery document given directly, and warns when its issuer differs', async () => {
    const direct = await fetchKeySet(`${base}/direct/.well-known/openid-configuration`);
    expect(direct).toMatchObject({ jwksUrl: `${base}/jwks.json`, issuer: `${base}/direct`, warnings: [] });
    const other = await fetchKeySet(`${base}/other-issuer`);
    expect(other.warnings).toEqual([expect.stringContaining('says issuer https://elsewhere.example')]);
  });

  it('follows a redirect to the key set on the same origin, and records where it landed', async () => {
    const result = await fetchKeySet(`${base}/redirect`);
    expect(result.jwksUrl).toBe(`${base}/jwks.json`);
    expect(result.redirects).toEqual([{ from: `${base}/redirect`, to: `${base}/jwks.json` }]);
    expect(result.steps).toContain(`${base}/redirect redirected to ${base}/jwks.json.`);
    expect((await fetchKeySet(`${base}/jwks.json`)).redirects).toEqual([]);
  });

  it('uses the keys of a redirect to another origin only when that origin was chosen', async () => {
    // What a browser's fetch returns after following a redirect: the final URL and `redirected`.
    const fake: typeof fetch = async () =>
      Object.defineProperties(new Response(JSON.stringify({ keys: [RFC7638_KEY] })), {
        redirected: { value: true },
        url: { value: 'https://keys.elsewhere.example/jwks.json' },
      });
    const error = await failure(fetchKeySet(`${base}/redirect`, { fetchImpl: fake }), 'redirect-cross-origin');
    expect(error.redirectedTo).toBe('https://keys.elsewhere.example/jwks.json');
    expect(error.message).toContain('on another origin (https://keys.elsewhere.example). Its keys were not used');
    const chosen = await fetchKeySet(`${base}/redirect`, {
      fetchImpl: fake,
      allowRedirectTo: ['https://keys.elsewhere.example'],
    });
    expect(chosen.jwksUrl).toBe('https://keys.elsewhere.example/jwks.json');
    expect(chosen.redirects).toEqual([{ from: `${base}/redirect`, to: 'https://keys.elsewhere.example/jwks.json' }]);
  });

  it('refuses a redirect to a plain-http host and an insecure jwks_uri, without fetching them', async () => {
    const { calls, fetchImpl } = recordingFetch();
    // What a browser's fetch returns after following a redirect: the final URL and `redirected`.
    const fake: typeof fetch = async () =>
      Object.defineProperties(new Response('{"keys":[]}'), {
        redirected: { value: true },
        url: { value: 'http://keys.example.com/jwks.json' },
      });
    const error = await failure(fetchKeySet(`${base}/redirect-insecure`, { fetchImpl: fake }), 'insecure-http');
    expect(error.message).toMatch(/redirected to http:\/\/keys\.example\.com\/jwks\.json, which is refused/);
    calls.length = 0;
    const bad = await failure(fetchKeySet(`${base}/insecure-issuer`, { fetchImpl }), 'insecure-http');
    expect(bad.message).toMatch(/jwks_uri in .* is refused/);
    expect(calls.some((c) => c.includes('keys.example.com'))).toBe(false);
  });

  it('reports a 404 with the status, after trying discovery', async () => {
    const error = await failure(fetchKeySet(`${base}/missing`), 'status');
    expect(error.status).toBe(404);
    expect(error.message).toBe(
      `${base}/missing answered HTTP 404 Not Found, and it is not an issuer either: ` +
        `${base}/missing/.well-known/openid-configuration answered HTTP 404 Not Found. ` +
        "Enter the JWKS URL itself, or the issuer's base URL (the token's iss).",
    );
    expect(error.steps.length).toBeGreaterThanOrEqual(2);
  });

  it('reports a 500 without trying discovery', async () => {
    requests.length = 0;
    const error = await failure(fetchKeySet(`${base}/server-error`), 'status');
    expect(error).toMatchObject({ status: 500 });
    expect(error.message).toMatch(/HTTP 500.*server failed/);
    expect(requests).toEqual(['/server-error']);
  });

  it('says an HTML page is not JSON', async () => {
    const error = await failure(fetchKeySet(`${base}/html`), 'not-json');
    expect(error.message).toMatch(/returned an HTML page \(text\/html; charset=utf-8\), not JSON/);
  });

  it('says JSON without a keys array is not a JWKS', async () => {
    const error = await failure(fetchKeySet(`${base}/not-jwks`), 'not-jwks');
    expect(error.message).toMatch(/without a "keys" array \(members: hello, version\)/);
    await failure(fetchKeySet(`${base}/keys-object`), 'not-jwks');
    const noUri = await failure(fetchKeySet(`${base}/no-jwks-uri`), 'status');
    expect(noUri.message).toMatch(/has no jwks_uri/);
  });

  it('skips keys jose cannot import and says why', async () => {
    const result = await fetchKeySet(`${base}/mixed`);
    expect(JSON.parse(result.keysText).keys.map((k: JWK) => k.kid)).toEqual(['2011-04-29', 'dup', 'dup']);
    const reasons = Object.fromEntries(result.skipped.map((s) => [s.index, s.reason]));
    expect(result.skipped.map((s) => s.index)).toEqual([1, 2, 3, 4, 5]);
    expect(result.skipped[0]).toMatchObject({ kid: 'broken-ec' });
    expect(reasons[1]).toMatch(/cannot be imported as a ES256 key/);
    expect(reasons[2]).toMatch(/encryption key \(use: "enc"\)/);
    expect(reasons[3]).toMatch(/key-agreement key \(crv X25519\)/);
    expect(reasons[4]).toMatch(/cannot be imported as a RS256 key/);
    expect(reasons[5]).toMatch(/not a JSON object/);
    expect(result.warnings).toEqual([
      expect.stringContaining('Key 6 (kid dup) contains private or secret key material'),
      '2 keys share kid "dup"; each will be tried.',
    ]);
  });

  it('fails with no-usable-keys when no key is usable, listing each reason', async () => {
    const error = await failure(fetchKeySet(`${base}/none-usable`), 'no-usable-keys');
    expect(error.skipped).toHaveLength(2);
    expect(error.message).toMatch(/key 0 \(kid bad\): .*; key 1 \(kid no-kty\): it has no "kty"/);
    const empty = await failure(fetchKeySet(`${base}/empty-set`), 'no-usable-keys');
    expect(empty.message).toMatch(/is empty/);
  });

  it('times out a slow endpoint and a slow body', async () => {
    const started = Date.now();
    const error = await failure(fetchKeySet(`${base}/slow`, { timeoutMs: 300 }), 'timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error.message).toMatch(/did not answer within 300 ms/);
    await failure(fetchKeySet(`${base}/slow-body`, { timeoutMs: 300 }), 'timeout');
  });

  it('is cancellable through its signal', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(fetchKeySet(`${base}/slow`, { signal: controller.signal }), 'aborted');
    expect(error.message).toMatch(/cancelled/);
    await failure(fetchKeySet(`${base}/jwks.json`, { signal: AbortSignal.abort() }), 'aborted');
  });

  it('stops reading past 1 MiB, streamed or declared', async () => {
    const error = await failure(fetchKeySet(`${base}/big`), 'too-large');
    expect(error.message).toMatch(/more than 1 MiB/);
    await failure(fetchKeySet(`${base}/big-declared`), 'too-large');
  });

  it('cancels the body stream once past 1 MiB instead of reading it all', async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
      cancel() {
        cancelled = true;
      },
    });
    const fetchImpl: typeof fetch = async () => new Response(endless);
    await failure(fetchKeySet('https://keys.example.com/jwks', { fetchImpl }), 'too-large');
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(MAX_JWKS_BYTES + 3 * 64 * 1024);
  });

  it('says when nothing answers, with a curl command', async () => {
    const error = await failure(fetchKeySet(closedPortUrl), 'network');
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.curlCommand).toBe(`curl -s '${closedPortUrl}'`);
  });

  it('explains a browser TypeError as unreachable or no CORS, offering curl', async () => {
    const browserLike: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const url = "https://keys.example.com/it's/jwks";
    const error = await failure(fetchKeySet(url, { fetchImpl: browserLike }), 'cors');
    expect(error.message).toMatch(/could not be reached, or it does not allow browser access/);
    expect(error.curlCommand).toBe(`curl -s 'https://keys.example.com/it'\\''s/jwks'`);
  });
});

describe('summarizeKeySet', () => {
  it('lists kid, kty, alg, use, curve or modulus size and the RFC 7638 thumbprint', async () => {
    const rows = await summarizeKeySet({ keys: [RFC7638_KEY, ...threeKeys.keys] });
    expect(rows[0]).toEqual({
      index: 0,
      kid: '2011-04-29',
      kty: 'RSA',
      alg: 'RS256',
      bits: 2048,
      thumbprint: RFC7638_THUMBPRINT,
      isPrivate: false,
      label: 'RSA 2048',
    });
    expect(rows[1]).toMatchObject({ kid: 'rsa-1', kty: 'RSA', bits: 2048, use: 'sig', label: 'RSA 2048' });
    expect(rows[2]).toMatchObject({ kid: 'ec-1', kty: 'EC', curve: 'P-256', label: 'EC P-256' });
    expect(rows[3]).toMatchObject({ kid: 'ed-1', kty: 'OKP', curve: 'Ed25519', label: 'OKP Ed25519' });
    for (const [i, key] of threeKeys.keys.entries()) {
      expect(rows[i + 1]?.thumbprint).toBe(await calculateJwkThumbprint(key));
    }
  });

  it('copes with odd keys and non-JWKS input', async () => {
    const rows = await summarizeKeySet({
      keys: [{ kty: 'RSA', n: 'AAEA', e: 'AQAB' }, { kty: 'oct', k: 'AAAAAAAAAAAAAAAAAAAAAA' }, 'x', { kty: 'EC' }],
    });
    expect(rows.map((r) => r.label)).toEqual(['RSA 9', 'oct 128', 'unknown key type', 'EC']);
    expect(rows[1]?.isPrivate).toBe(true);
    expect(rows[3]?.thumbprint).toBeUndefined();
    expect(await summarizeKeySet({ hello: 1 })).toEqual([]);
    expect(await summarizeKeySet(null)).toEqual([]);
  });
});
