/* global process, Buffer, fetch, console, document, HTMLElement, TextEncoder */
// Writes the README's pictures from the production build (run `npm run build` first): docs/decode-*.png and
// docs/encode-*.png in both themes, and one light picture per guide scene (SCENES below: profiles, sdjwt, x5c,
// negative, jwe). Name scenes on the command line to make only those (`node scripts/screenshots.mjs x5c`; `decode`
// makes the overviews). Serves dist/ with `vite preview` on 127.0.0.1, drives Debian's Chromium through
// playwright-core, and makes its keys, tokens and certificates with node:crypto, jose, the openssl CLI and
// @sd-jwt/core, so the pictures show a real verification and nothing is pasted by hand.
import { execFileSync, spawn } from 'node:child_process';
import { createHash, createSign, generateKeyPairSync, randomBytes, sign as nodeSign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SDJwtInstance } from '@sd-jwt/core';
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

// An SD-JWT VC presentation made by another implementation (@sd-jwt/core, a dev dependency) with node:crypto keys:
// some claims disclosed, others withheld, two decoys, and a Key Binding JWT for a verifier.
async function exampleSdJwt() {
  const issuer = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const holder = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signer = (key) => (data) =>
    nodeSign('sha256', Buffer.from(data), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  const sd = new SDJwtInstance({
    signer: signer(issuer.privateKey),
    signAlg: 'ES256',
    hasher: (data, alg) => new Uint8Array(createHash(alg.replace('sha-', 'sha')).update(Buffer.from(data)).digest()),
    hashAlg: 'sha-256',
    saltGenerator: (length) => randomBytes(length).toString('base64url'),
    kbSigner: signer(holder.privateKey),
    kbSignAlg: 'ES256',
  });
  const now = Math.floor(Date.now() / 1000);
  const { kty, crv, x, y } = holder.publicKey.export({ format: 'jwk' });
  const payload = {
    iss: 'https://issuer.example.com',
    iat: now - 60,
    exp: now + 365 * 24 * 3600,
    vct: 'https://credentials.example.com/identity_credential',
    given_name: 'Ada',
    family_name: 'Lovelace',
    birthdate: '1815-12-10',
    address: { street_address: "12 St James's Square", locality: 'London', country: 'GB' },
    nationalities: ['GB', 'IT'],
    status: { status_list: { idx: 412, uri: 'https://issuer.example.com/statuslists/1' } },
    cnf: { jwk: { kty, crv, x, y } },
  };
  const frame = {
    _sd: ['given_name', 'family_name', 'birthdate', 'address'],
    address: { _sd: ['street_address', 'locality'] },
    nationalities: { _sd: [0, 1] },
    _sd_decoy: 2,
  };
  const issued = await sd.issue(payload, frame, { header: { typ: 'dc+sd-jwt' } });
  const aud = 'https://verifier.example.org';
  const nonce = 'n-0S6_WzA2Mj';
  const presentation = await sd.present(
    issued,
    { given_name: true, address: { locality: true }, nationalities: { 0: true } },
    { kb: { payload: { aud, nonce, iat: now } } },
  );
  return { presentation, aud, nonce, publicPem: issuer.publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

async function sdJwtScene(browser) {
  const { presentation, aud, nonce, publicPem } = await exampleSdJwt();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(`${BASE}/#token=${presentation}&publicKey=${encodeURIComponent(publicPem)}`);
  await page.waitForSelector('[data-testid="signature-status"][data-state="verified"]');
  await page.getByTestId('expect-aud').fill(aud);
  await page.getByTestId('expect-nonce').fill(nonce);
  await page.waitForSelector('[data-testid="kb-status"][data-state="verified"]');
  await page.getByTestId('payload-editor').hover();
  await settle(page);
  // The Decoded pane scrolled to the end of the disclosed claims, so the VC facts and disclosures are in view.
  await page.getByTestId('sd-payload-view').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  // Filling the expected values scrolled the Key pane; its verdicts are what the picture is for.
  await page.getByTestId('sd-status').evaluate((el) => {
    const pane = el.closest('.overflow-auto');
    if (pane) pane.scrollTop = 0;
  });
  await page.screenshot({ path: 'docs/sdjwt-light.png' });
  await context.close();
  console.log('docs/sdjwt-light.png');
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

async function x5cScene(browser) {
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

async function negativeScene(browser) {
  const { token, publicPem } = exampleToken();
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

/**
 * A nested token as an API gateway might receive it: an ES256-signed JWT encrypted to an RSA-OAEP-256 recipient
 * (A256GCM, cty "JWT"), made with jose in Node; the picture shows it decrypted and its inner signature verified.
 */
async function jweScene(browser) {
  const { CompactEncrypt, SignJWT, exportPKCS8, exportSPKI, generateKeyPair } = await import('jose');
  const signer = await generateKeyPair('ES256', { extractable: true });
  const recipient = await generateKeyPair('RSA-OAEP-256', { extractable: true, modulusLength: 2048 });
  const now = Math.floor(Date.now() / 1000);
  const inner = await new SignJWT({ scope: 'orders:read', client_id: 's6BhdRkqt3' })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: 'as-signing-2026' })
    .setIssuer('https://as.example.com')
    .setSubject('user-8310')
    .setAudience('https://api.example.com')
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(signer.privateKey);
  const token = await new CompactEncrypt(new TextEncoder().encode(inner))
    .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT', kid: 'api-enc-2026' })
    .encrypt(recipient.publicKey);
  const context = await browser.newContext({ viewport: { width: 1440, height: 1100 }, colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(`${BASE}/#token=${token}`);
  await page.getByTestId('key-input').fill(await exportPKCS8(recipient.privateKey));
  await page.waitForSelector('[data-testid="decryption-status"][data-state="decrypted"]');
  await page.getByTestId('inner-key-input').fill(await exportSPKI(signer.publicKey));
  await page.waitForSelector('[data-testid="signature-status"][data-state="verified"]');
  await page.getByTestId('payload-editor').hover();
  await settle(page);
  await page.mouse.move(0, 0);
  await page.getByTestId('decryption-status').evaluate((el) => {
    const pane = el.closest('.overflow-auto');
    if (pane) pane.scrollTop = 0;
  });
  await page.screenshot({ path: 'docs/jwe-light.png' });
  await context.close();
  console.log('docs/jwe-light.png');
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

// The guide's pictures beyond the four overviews, by the name that makes only that one.
const SCENES = { profiles: profileScenes, sdjwt: sdJwtScene, x5c: x5cScene, negative: negativeScene, jwe: jweScene };

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
  for (const [name, scene] of Object.entries(SCENES)) if (wanted(name)) await scene(browser);
  await browser.close();
} finally {
  server.kill();
}
