/* global process, Buffer, fetch, console, document, HTMLElement */
// Writes docs/decode-light.png, docs/decode-dark.png, docs/encode-light.png, docs/encode-dark.png and the token
// profile pictures (docs/profiles-light.png: a DPoP proof, docs/profiles-id-token-light.png: an ID token) from
// the production build (run `npm run build` first). `node scripts/screenshots.mjs profiles` makes only the latter. Serves dist/ with `vite preview` on 127.0.0.1,
// drives Debian's Chromium through playwright-core, and makes its RS256 key and token with node:crypto,
// so the pictures show a real verification and nothing is pasted by hand.
import { spawn } from 'node:child_process';
import { createHash, createSign, generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS as ARGS, CHROMIUM_PATH as CHROMIUM } from '../config/chromium.mjs';

const PORT = Number(process.env.SCREENSHOT_PORT ?? 4390);
const BASE = `http://127.0.0.1:${PORT}`;

const b64url = (value) => Buffer.from(value).toString('base64url');

function exampleToken() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', kid: 'docs-2026' };
  const payload = {
    iss: 'https://auth.example.com/',
    sub: 'auth0|5f7c8ec7c33c6c004bbafe82',
    aud: ['https://api.example.com', 'https://auth.example.com/userinfo'],
    scope: 'openid profile read:orders',
    name: 'Ada Lovelace',
    iat: now - 120,
    nbf: now - 120,
    exp: now + 3480,
  };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const signature = createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url');
  return {
    token: `${input}.${signature}`,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** A DPoP proof (ES256, its public key in the header) bound to an RS256 access token, and an ID token with at_hash. */
function profileTokens() {
  const now = Math.floor(Date.now() / 1000);
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const client = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { kty, crv, x, y } = client.publicKey.export({ format: 'jwk' });
  const jwk = { kty, crv, x, y };
  const jkt = createHash('sha256').update(JSON.stringify({ crv, kty, x, y })).digest('base64url');
  const rs256 = (header, payload) => {
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
    return `${input}.${createSign('RSA-SHA256').update(input).sign(rsa.privateKey).toString('base64url')}`;
  };
  const accessToken = rs256(
    { alg: 'RS256', typ: 'at+jwt', kid: 'as-2026' },
    {
      iss: 'https://as.example.com',
      sub: 'user-8310',
      aud: 'https://api.example.com',
      client_id: 's6BhdRkqt3',
      scope: 'orders:read',
      iat: now - 30,
      exp: now + 570,
      jti: 'at-4f1c9a',
      cnf: { jkt },
    },
  );
  const proofHeader = { typ: 'dpop+jwt', alg: 'ES256', jwk };
  const proofPayload = {
    jti: '-BwC3ESc6acc2lTc',
    htm: 'GET',
    htu: 'https://api.example.com/orders',
    iat: now - 5,
    ath: createHash('sha256').update(accessToken).digest('base64url'),
  };
  const input = `${b64url(JSON.stringify(proofHeader))}.${b64url(JSON.stringify(proofPayload))}`;
  const signature = nodeSign('sha256', Buffer.from(input), { key: client.privateKey, dsaEncoding: 'ieee-p1363' });
  const proof = `${input}.${signature.toString('base64url')}`;
  // OpenID Connect Core §3.1.3.6: at_hash is the left half of the SHA-256 of the access token.
  const atHash = createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url');
  const idToken = rs256(
    { alg: 'RS256', typ: 'JWT', kid: 'op-2026' },
    {
      iss: 'https://op.example.com',
      sub: '248289761001',
      aud: 's6BhdRkqt3',
      nonce: 'n-0S6_WzA2Mj',
      auth_time: now - 40,
      iat: now - 30,
      exp: now + 3570,
      at_hash: atHash,
    },
  );
  return {
    proof,
    accessToken,
    idToken,
    publicPem: rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

async function profileScenes(browser) {
  const { proof, accessToken, idToken, publicPem } = profileTokens();
  // Tall enough for the verdicts, the expected values and every rule in the key pane at once.
  const context = await browser.newContext({ viewport: { width: 1440, height: 1700 }, colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(`${BASE}/#token=${proof}&access_token=${accessToken}`);
  await page.waitForSelector('[data-testid="signature-status"][data-state="verified"]');
  await page.getByTestId('expect-htm').fill('GET');
  await page.getByTestId('expect-htu').fill('https://api.example.com/orders');
  await page.waitForSelector('[data-testid="profile-status"][data-state="pass"]:not([aria-busy])');
  await page.getByTestId('payload-editor').hover();
  await settle(page);
  await page.screenshot({ path: 'docs/profiles-light.png' });

  await page.goto(
    `${BASE}/#id_token=${idToken}&access_token=${accessToken}&publicKey=${encodeURIComponent(publicPem)}`,
  );
  await page.reload();
  await page.waitForSelector('[data-testid="signature-status"][data-state="verified"]');
  await page.getByTestId('expect-iss').fill('https://op.example.com');
  await page.getByTestId('expect-aud').fill('s6BhdRkqt3');
  await page.getByTestId('expect-nonce').fill('n-0S6_WzA2Mj');
  await page.waitForSelector('[data-testid="profile-status"][data-state="pass"]:not([aria-busy])');
  await page.getByTestId('payload-editor').hover();
  await settle(page);
  await page.screenshot({ path: 'docs/profiles-id-token-light.png' });
  await context.close();
  console.log('docs/profiles-light.png, docs/profiles-id-token-light.png');
}

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(200);
  }
  throw new Error(`vite preview did not answer on ${BASE}`);
}

async function settle(page) {
  await page.waitForSelector('[data-testid="payload-editor"][data-editor="monaco"] .monaco-editor', {
    timeout: 30_000,
  });
  // Monaco colours JSON once its tokenizer has run; give it a moment, then drop the caret and focus rings.
  await sleep(1200);
  // Notices (e.g. the first-visit "works offline" one) are not part of the picture.
  for (const dismiss of await page.getByRole('button', { name: /^Dismiss/ }).all()) await dismiss.click();
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
}

const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
  stdio: 'ignore',
});
try {
  await waitForServer();
  const { token, publicPem, privatePem } = exampleToken();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const only = process.argv[2];
  await profileScenes(browser);
  for (const scheme of only === 'profiles' ? [] : ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(`${BASE}/#token=${token}&publicKey=${encodeURIComponent(publicPem)}`);
    await page.waitForSelector('[data-testid="signature-status"][data-state="verified"]');
    await settle(page);
    await page.screenshot({ path: `docs/decode-${scheme}.png` });

    await page.getByTestId('mode-encode').click();
    await page.getByTestId('key-input').fill(privatePem);
    await page.waitForSelector('[data-testid="token-output"][data-state="done"]');
    await settle(page);
    await page.screenshot({ path: `docs/encode-${scheme}.png` });
    await context.close();
    console.log(`docs/decode-${scheme}.png, docs/encode-${scheme}.png`);
  }
  await browser.close();
} finally {
  server.kill();
}
