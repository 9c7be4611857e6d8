// A small JWKS/OIDC server on 127.0.0.1 for the JWKS end-to-end tests.
// Each test file starts its own instance on a random port and stops it afterwards, so no
// request ever leaves the machine. The keys are generated at start-up with jose; the tokens
// the tests paste are signed here with the same private keys.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { JWK, JWTPayload } from 'jose';

/** The kid of the key that signs the tests' tokens; the JWKS holds it beside two unrelated keys. */
export const SIGNING_KID = 'workbench-e2e-signing-key';
export const RSA_KID = 'unrelated-rsa';
export const EC_KID = 'unrelated-ec';
/** A key the server can sign with but does not publish (a rotated-out key). */
export const UNPUBLISHED_KID = 'rotated-away';

/** How long the slow endpoint waits before answering: longer than the app's 10 s timeout. */
export const SLOW_DELAY_MS = 20_000;
/** Size of the oversized body: above the 1 MB limit of the core. */
export const HUGE_BODY_BYTES = 1_500_000;

export const PATHS = {
  jwks: '/jwks.json',
  discovery: '/.well-known/openid-configuration',
  tenantIssuer: '/tenant',
  tenantDiscovery: '/tenant/.well-known/openid-configuration',
  noCors: '/no-cors/jwks.json',
  slow: '/slow/jwks.json',
  missing: '/missing/jwks.json',
  html: '/page.html',
  huge: '/huge/jwks.json',
  notJwks: '/not-a-jwks.json',
  notJson: '/not-json.txt',
  partial: '/partial/jwks.json',
  /** 302 to this server's own JWKS. */
  redirectHere: '/redirect/jwks.json',
  /** 302 to the absolute URL in `?to=`. */
  redirectAway: '/redirect-away',
} as const;

export type JwksTestServer = {
  /** `http://127.0.0.1:<port>`, no trailing slash; also the issuer of the tokens. */
  origin: string;
  url(path: string): string;
  /** Paths requested so far, in order (for "never fetched by itself" assertions). */
  requests: string[];
  /**
   * Signs a JWT with one of the JWKS's private keys (the signing key unless told otherwise). `header`
   * members win over the defaults, so a test can claim a `kid` that is not in the set.
   */
  sign(payload: JWTPayload, options?: { kid?: string; header?: Record<string, unknown> }): Promise<string>;
  jwks: { keys: JWK[] };
  close(): Promise<void>;
};

type Signer = { alg: string; key: CryptoKey };

async function keyPair(alg: string, kid: string): Promise<{ signer: Signer; publicJwk: JWK }> {
  const pair = await generateKeyPair(alg, { extractable: true });
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid, alg, use: 'sig' };
  return { signer: { alg, key: pair.privateKey }, publicJwk };
}

function send(res: ServerResponse, status: number, body: string | Buffer, contentType: string, cors = true): void {
  const headers: Record<string, string> = { 'content-type': contentType, 'cache-control': 'no-store' };
  if (cors) headers['access-control-allow-origin'] = '*';
  res.writeHead(status, headers);
  res.end(body);
}

export async function startJwksServer(): Promise<JwksTestServer> {
  const signing = await keyPair('RS256', SIGNING_KID);
  const rsa = await keyPair('RS256', RSA_KID);
  const ec = await keyPair('ES256', EC_KID);
  const unpublished = await keyPair('RS256', UNPUBLISHED_KID);
  const signers = new Map<string, Signer>([
    [SIGNING_KID, signing.signer],
    [RSA_KID, rsa.signer],
    [EC_KID, ec.signer],
    [UNPUBLISHED_KID, unpublished.signer],
  ]);
  const jwks = { keys: [rsa.publicJwk, ec.publicJwk, signing.publicJwk] };
  // One key jose cannot import (an unknown kty) and one RSA key with a broken modulus: both must be
  // skipped with a reason while the good keys stay usable.
  const partial = {
    keys: [...jwks.keys, { kty: 'XYZ', kid: 'unknown-kty' }, { kty: 'RSA', kid: 'broken-rsa', e: 'AQAB' }],
  };
  const requests: string[] = [];
  const pending = new Set<NodeJS.Timeout>();
  let origin = '';

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const requested = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = requested.pathname;
    // A CORS fetch checks the redirect response too, so it carries the CORS header like every other answer.
    const redirect = (location: string) => {
      res.writeHead(302, { location, 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
      res.end();
    };
    requests.push(path);
    const json = (status: number, value: unknown, cors = true) =>
      send(res, status, JSON.stringify(value), 'application/json', cors);
    switch (path) {
      case PATHS.jwks:
        return json(200, jwks);
      case PATHS.discovery:
        return json(200, { issuer: origin, jwks_uri: `${origin}${PATHS.jwks}`, token_endpoint: `${origin}/token` });
      case PATHS.tenantDiscovery:
        return json(200, { issuer: `${origin}${PATHS.tenantIssuer}`, jwks_uri: `${origin}${PATHS.jwks}` });
      case PATHS.noCors:
        return json(200, jwks, false);
      case PATHS.slow: {
        const timer = setTimeout(() => {
          pending.delete(timer);
          json(200, jwks);
        }, SLOW_DELAY_MS);
        pending.add(timer);
        return;
      }
      case PATHS.html:
        return send(res, 200, '<!doctype html><title>Login</title><p>Sign in</p>', 'text/html');
      case PATHS.huge: {
        // Valid JSON, so only the size limit can reject it.
        const padding = 'x'.repeat(HUGE_BODY_BYTES);
        return send(res, 200, `{"keys":[],"padding":"${padding}"}`, 'application/json');
      }
      case PATHS.notJwks:
        return json(200, { hello: 'this is JSON but not a JWKS' });
      case PATHS.notJson:
        return send(res, 200, 'keys: none', 'text/plain');
      case PATHS.partial:
        return json(200, partial);
      case PATHS.redirectHere:
        return redirect(`${origin}${PATHS.jwks}`);
      case PATHS.redirectAway:
        return redirect(requested.searchParams.get('to') ?? '/');
      default:
        return json(404, { error: 'not_found' });
    }
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    jwks,
    async sign(payload, options = {}) {
      const kid = options.kid ?? SIGNING_KID;
      const signer = signers.get(kid);
      if (!signer) throw new Error(`no test key with kid ${kid}`);
      return new SignJWT(payload)
        .setProtectedHeader({ typ: 'JWT', kid, ...options.header, alg: signer.alg })
        .sign(signer.key);
    },
    async close() {
      for (const timer of pending) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
