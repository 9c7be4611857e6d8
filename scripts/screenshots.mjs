/* global process, Buffer, fetch, console, document, HTMLElement */
// Writes docs/decode-light.png, docs/decode-dark.png, docs/encode-light.png, docs/encode-dark.png and
// docs/negative-light.png from the production build (run `npm run build` first); name scenes to make only those
// (`node scripts/screenshots.mjs negative`; scenes: views, negative). Serves dist/ with `vite preview` on 127.0.0.1,
// drives Debian's Chromium through playwright-core, and makes its RS256 key and token with node:crypto,
// so the pictures show a real verification and nothing is pasted by hand.
import { spawn } from 'node:child_process';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS as ARGS, CHROMIUM_PATH as CHROMIUM } from '../config/chromium.mjs';

const PORT = Number(process.env.SCREENSHOT_PORT ?? 4390);
const SCENES = new Set(process.argv.slice(2));
const wants = (scene) => SCENES.size === 0 || SCENES.has(scene);
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
  for (const scheme of wants('views') ? ['light', 'dark'] : []) {
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
  if (wants('negative')) {
    // Test your server: the Decode view with the server's public key only, the request set in Send it, the
    // panel open at its top, the key pane widened the way a user would (keyboard on the pane separator).
    const context = await browser.newContext({ viewport: { width: 1440, height: 1200 }, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${BASE}/#token=${token}&publicKey=${encodeURIComponent(publicPem)}`);
    await page.waitForSelector('[data-testid="signature-status"][data-state="verified"]');
    // Monaco loads when an editor is wanted (the pointer on it).
    await page.getByTestId('payload-editor').hover();
    await settle(page);
    const separator = page.getByRole('separator', { name: 'Resize the Decoded and Key panes' });
    for (let i = 0; i < 3; i++) await separator.press('ArrowLeft');
    await page.getByTestId('snippet-url').fill('https://api.example.com/orders');
    await page.getByTestId('negative-open').click();
    await page.waitForSelector('[data-testid="negative-pack"][data-state="ready"]', { timeout: 60_000 });
    await page.getByTestId('negative-pack').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
    await sleep(300);
    await page.screenshot({ path: 'docs/negative-light.png' });
    await context.close();
    console.log('docs/negative-light.png');
  }
  await browser.close();
} finally {
  server.kill();
}
