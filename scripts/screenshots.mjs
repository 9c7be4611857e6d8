/* global process, Buffer, fetch, console, document, HTMLElement */
// Writes docs/decode-light.png, docs/decode-dark.png, docs/encode-light.png, docs/encode-dark.png from
// the production build (run `npm run build` first). Serves dist/ with `vite preview` on 127.0.0.1,
// drives Debian's Chromium through playwright-core, and makes its RS256 key and token with node:crypto,
// so the pictures show a real verification and nothing is pasted by hand. Scenes of single features
// (docs/x5c-light.png: a certificate chain made with the openssl CLI) follow; name scenes on the command
// line to make only those (`node scripts/screenshots.mjs x5c`).
import { execFileSync, spawn } from 'node:child_process';
import { createHash, createSign, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * A three-certificate chain made with the openssl CLI (EC root and issuing CA, RSA leaf) and an RS256 token
 * whose x5c carries the leaf and the issuing CA, signed with the leaf's key by node:crypto.
 */
function x5cExample() {
  const dir = mkdtempSync(join(tmpdir(), 'x5c-docs-'));
  const openssl = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    writeFileSync(
      join(dir, 'ext.cnf'),
      [
        '[ca]',
        'basicConstraints = critical, CA:TRUE, pathlen:0',
        'keyUsage = critical, keyCertSign, cRLSign',
        'subjectKeyIdentifier = hash',
        'authorityKeyIdentifier = keyid',
        '[leaf]',
        'basicConstraints = critical, CA:FALSE',
        'keyUsage = critical, digitalSignature',
        'subjectKeyIdentifier = hash',
        'authorityKeyIdentifier = keyid',
        '',
      ].join('\n'),
    );
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
    openssl(
      ...['req', '-x509', ...ec, '-keyout', 'root.key', '-out', 'root.pem', '-days', '3650'],
      ...['-subj', '/C=NL/O=Example Trust Services/CN=Example Root CA'],
      ...['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    );
    openssl(
      'req',
      '-new',
      ...ec,
      '-keyout',
      'ca.key',
      '-out',
      'ca.csr',
      '-subj',
      '/C=NL/O=Example Trust Services/CN=Example Issuing CA',
    );
    openssl(
      ...['x509', '-req', '-in', 'ca.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial'],
      ...['-out', 'ca.pem', '-days', '1825', '-extfile', 'ext.cnf', '-extensions', 'ca'],
    );
    openssl(
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'leaf.key',
      '-out',
      'leaf.csr',
      '-subj',
      '/C=NL/O=Example Corp/CN=tokens.example.com',
    );
    openssl(
      ...['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial'],
      ...['-out', 'leaf.pem', '-days', '365', '-extfile', 'ext.cnf', '-extensions', 'leaf'],
    );
    const der = (name) => openssl('x509', '-in', name, '-outform', 'DER');
    const leafDer = der('leaf.pem');
    const now = Math.floor(Date.now() / 1000);
    const header = {
      alg: 'RS256',
      typ: 'JWT',
      x5c: [leafDer.toString('base64'), der('ca.pem').toString('base64')],
      'x5t#S256': createHash('sha256').update(leafDer).digest('base64url'),
    };
    const payload = {
      iss: 'https://tokens.example.com',
      sub: 'service-42',
      aud: 'https://api.example.com',
      iat: now,
      exp: now + 900,
    };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
    const signature = createSign('RSA-SHA256')
      .update(input)
      .sign(readFileSync(join(dir, 'leaf.key'), 'utf8'));
    return {
      token: `${input}.${signature.toString('base64url')}`,
      rootPem: readFileSync(join(dir, 'root.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
const only = process.argv.slice(2);
const wanted = (scene) => only.length === 0 || only.includes(scene);

try {
  await waitForServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  if (wanted('decode') || wanted('encode')) {
    const { token, publicPem, privatePem } = exampleToken();
    for (const scheme of ['light', 'dark']) {
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
  }
  if (wanted('x5c')) {
    // The chain is trusted once its root is pasted as a trust anchor; the key box stays empty.
    const { token, rootPem } = x5cExample();
    const context = await browser.newContext({ viewport: { width: 1440, height: 1100 }, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${BASE}/#token=${token}`);
    await page.getByTestId('trust-anchor-input').fill(rootPem);
    await page.waitForSelector('[data-testid="x5c-status"][data-state="trusted"]');
    await page.waitForSelector('[data-testid="signature-status"][data-state="verified"]');
    // Monaco loads when an editor is wanted: point at one, then move away for the picture.
    await page.getByTestId('payload-editor').hover();
    await settle(page);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: 'docs/x5c-light.png' });
    await context.close();
    console.log('docs/x5c-light.png');
  }
  await browser.close();
} finally {
  server.kill();
}
