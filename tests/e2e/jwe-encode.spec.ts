// Encrypted tokens in the Encode view: the signed token encrypted to a recipient (a nested JWT), opened by
// jwcrypto through Debian's /usr/bin/python3 (tests/fixtures/jwe/open.py) and by the Decode view; the choices
// the browser cannot run greyed out as the browser says; encryption keys from the key generator; and the
// unencoded (b64: false) and detached payload forms, checked by PyJWT.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Page } from './fixtures';
import { test, expect } from './fixtures';
import { jwcrypto, jwcryptoJwk, type JwcryptoKey } from '../fixtures/jwe/fixtures';
import { guardPage, waitForMonaco } from './helpers';

const PYTHON = '/usr/bin/python3';
const OPEN = fileURLToPath(new URL('../fixtures/jwe/open.py', import.meta.url));
const SECRET = 'encode-view-secret-that-is-long-enough!';

type Opened = { ok: true; plaintext: string; header: Record<string, unknown> } | { ok: false; error: string };

function runPython(args: string[], input: string): string {
  const run = spawnSync(PYTHON, args, { input, encoding: 'utf8', timeout: 60_000 });
  if (run.error || run.status !== 0) {
    throw new Error(
      `${PYTHON} failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr}\nInstall Debian's python3-jwcrypto and python3-jwt.`,
    );
  }
  return run.stdout;
}

function openWithJwcrypto(token: string, key: JwcryptoKey): Opened {
  const out = runPython([OPEN], JSON.stringify({ items: [{ token, jwk: jwcryptoJwk(key) }] }));
  const [opened] = (JSON.parse(out) as { results: Opened[] }).results;
  if (!opened) throw new Error('open.py answered nothing');
  return opened;
}

function key(name: string): JwcryptoKey {
  const found = jwcrypto.keys[name];
  if (!found) throw new Error(`no jwcrypto key ${name}`);
  return found;
}

async function openEncode(page: Page): Promise<void> {
  await page.goto('/#mode=encode');
  await page.getByTestId('key-input').fill(SECRET);
  await expect(page.getByTestId('token-output')).toHaveAttribute('data-state', 'done');
}

async function outputToken(page: Page, parts: number): Promise<string> {
  const output = page.getByTestId('token-output');
  await expect(output).toHaveAttribute('data-state', 'done');
  await expect.poll(async () => ((await output.textContent()) ?? '').split('.').length).toBe(parts);
  return (await output.textContent()) ?? '';
}

const RECIPIENTS = [
  { alg: 'RSA-OAEP-256', enc: 'A256GCM', key: 'rsa', text: (k: JwcryptoKey) => k.publicSpkiPem ?? '' },
  {
    alg: 'ECDH-ES+A256KW',
    enc: 'A128CBC-HS256',
    key: 'P-256',
    text: (k: JwcryptoKey) => JSON.stringify(k.publicJwk),
  },
  { alg: 'A256KW', enc: 'A256GCM', key: 'oct-32', text: (k: JwcryptoKey) => JSON.stringify(k.jwk) },
  { alg: 'dir', enc: 'A256GCM', key: 'oct-32', text: (k: JwcryptoKey) => JSON.stringify(k.jwk) },
] as const;

for (const r of RECIPIENTS) {
  test(`encrypts the signed token with ${r.alg} and ${r.enc}; jwcrypto opens it and finds the signed token`, async ({
    page,
  }) => {
    const guard = guardPage(page);
    await openEncode(page);
    const signed = await outputToken(page, 3);
    await page.getByTestId('encrypt-toggle').check();
    await page.getByTestId('encrypt-alg').selectOption(r.alg);
    await page.getByTestId('encrypt-enc').selectOption(r.enc);
    await page.getByTestId('encrypt-key-input').fill(r.text(key(r.key)));
    const jwe = await outputToken(page, 5);
    await expect(page.getByTestId('token-output-encrypted')).toContainText(r.alg);
    const opened = openWithJwcrypto(jwe, key(r.key));
    expect(opened.ok, JSON.stringify(opened)).toBe(true);
    if (!opened.ok) return;
    expect(opened.header).toMatchObject({ alg: r.alg, enc: r.enc, cty: 'JWT' });
    // Signed first, then encrypted: the plaintext is the very token the view signed.
    expect(opened.plaintext).toBe(signed);
    guard.check();
  });
}

test('the encrypted output goes to the Decode view, decrypts there, and its inner signature verifies', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const guard = guardPage(page);
  await openEncode(page);
  await page.getByTestId('encrypt-toggle').check();
  await page.getByTestId('encrypt-key-input').fill(key('rsa').publicSpkiPem ?? '');
  const jwe = await outputToken(page, 5);
  // Copy and the curl snippet use the token shown: the JWE.
  await page.getByTestId('copy-token').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(jwe);
  await expect(page.getByTestId('curl-snippet')).toContainText(jwe);

  await page.getByTestId('mode-decode').click();
  await expect(page.getByTestId('token-input')).toHaveValue(jwe);
  await page.getByTestId('key-input').fill(key('rsa').privatePkcs8Pem ?? '');
  await expect(page.getByTestId('decryption-status')).toHaveAttribute('data-state', 'decrypted');
  await page.getByTestId('inner-key-input').fill(SECRET);
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
  guard.check();
});

test('without a recipient key the output says it is signed but not encrypted, in words', async ({ page }) => {
  await openEncode(page);
  await page.getByTestId('encrypt-toggle').check();
  await expect(page.getByTestId('sign-error')).toContainText('Signed, but not encrypted');
  await expect(page.getByTestId('sign-error')).toHaveAttribute('data-code', 'key-empty');
  await expect(page.getByTestId('sign-error')).toContainText(/no key: paste an RSA key/i);
  await page.getByTestId('encrypt-key-input').fill(key('P-256').privatePkcs8Pem ?? '');
  await page.getByTestId('encrypt-alg').selectOption('RSA-OAEP-256');
  await expect(page.getByTestId('sign-error')).not.toHaveAttribute('data-code', 'key-empty');
  await expect(page.getByTestId('sign-error')).toContainText(/EC P-256.*RSA/);
  await page.getByTestId('encrypt-toggle').uncheck();
  await outputToken(page, 3);
  await expect(page.getByTestId('sign-error')).toHaveCount(0);
});

test('alg and enc choices the browser cannot run are greyed out, as its WebCrypto says', async ({ page }) => {
  await openEncode(page);
  await page.getByTestId('encrypt-toggle').check();
  const aes192 = await page.evaluate(() =>
    crypto.subtle.importKey('raw', new Uint8Array(24), 'AES-KW', false, ['wrapKey']).then(
      () => true,
      () => false,
    ),
  );
  const a192kw = page.getByTestId('encrypt-alg').locator('option[value="A192KW"]');
  const a192gcm = page.getByTestId('encrypt-enc').locator('option[value="A192GCM"]');
  await expect(page.getByTestId('encrypt-alg').locator('option[value="A256KW"]')).toBeEnabled();
  if (aes192) {
    await expect(a192kw).toBeEnabled();
    await expect(a192gcm).toBeEnabled();
  } else {
    await expect(a192kw).toBeDisabled();
    await expect(a192kw).toContainText('not supported by this browser');
    await expect(a192gcm).toBeDisabled();
  }
});

test('the key generator makes an ECDH-ES P-256 recipient key, encrypts to it, and decrypts with its private half', async ({
  page,
}) => {
  const guard = guardPage(page);
  await openEncode(page);
  await page.getByTestId('keygen-use').selectOption('enc');
  await page.getByTestId('keygen-enc-alg').selectOption('ECDH-ES+A256KW:P-256');
  await page.getByTestId('keygen-enc-run').click();
  await expect(page.getByTestId('keygen-enc-status')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('encrypt-toggle')).toBeChecked();
  await expect(page.getByTestId('encrypt-alg')).toHaveValue('ECDH-ES+A256KW');
  await expect(page.getByTestId('encrypt-key-input')).toHaveValue(/BEGIN PUBLIC KEY/);
  await expect(page.getByTestId('public-jwk')).toContainText('"use": "enc"');
  await expect(page.getByTestId('public-jwks')).toContainText('"keys"');
  await expect(page.getByTestId('keygen-private')).toContainText('BEGIN PRIVATE KEY');
  const jwe = await outputToken(page, 5);
  await page.getByTestId('keygen-decrypt-output').click();
  await expect(page.getByTestId('token-input')).toHaveValue(jwe);
  await expect(page.getByTestId('decryption-status')).toHaveAttribute('data-state', 'decrypted');
  guard.check();
});

test('the key generator makes a dir key: the shared key encrypts and decrypts', async ({ page }) => {
  await openEncode(page);
  await page.getByTestId('keygen-use').selectOption('enc');
  await page.getByTestId('keygen-enc-alg').selectOption('dir:A256GCM');
  await page.getByTestId('keygen-enc-run').click();
  await expect(page.getByTestId('keygen-enc-status')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('encrypt-alg')).toHaveValue('dir');
  await expect(page.getByTestId('encrypt-enc')).toHaveValue('A256GCM');
  await outputToken(page, 5);
  await page.getByTestId('keygen-decrypt-output').click();
  await expect(page.getByTestId('decryption-status')).toHaveAttribute('data-state', 'decrypted');
});

test('b64: false with crit, detached: made in the Encode view, checked by PyJWT, verified in the Decode view', async ({
  page,
}) => {
  await openEncode(page);
  await waitForMonaco(page, 'header-editor');
  await page.getByTestId('encode-b64-false').check();
  await expect(page.getByTestId('encode-b64-false')).toBeChecked();
  await page.getByTestId('encode-detached').check();
  const token = await outputToken(page, 3);
  expect(token.split('.')[1]).toBe('');
  const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  expect(header).toMatchObject({ b64: false, crit: ['b64'] });
  // The Decode view gets the token and, in its detached payload box, the payload exactly as signed.
  await page.getByTestId('mode-decode').click();
  await expect(page.getByTestId('token-input')).toHaveValue(token);
  const payload = await page.getByTestId('detached-payload-input').inputValue();
  expect(payload).toContain('"sub"');
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
  // PyJWT reads RFC 7797 detached tokens too (decode_complete with detached_payload).
  const pyjwt = runPython(
    [
      '-c',
      'import json, sys, jwt\nd = json.load(sys.stdin)\nout = jwt.api_jws.decode_complete(d["token"], d["secret"], algorithms=["HS256"], detached_payload=d["payload"].encode())\nprint(json.dumps(out["header"]))',
    ],
    JSON.stringify({ token, secret: SECRET, payload }),
  );
  expect(JSON.parse(pyjwt)).toMatchObject({ b64: false, crit: ['b64'] });
  // One byte changed in the payload box: the signature no longer verifies.
  await page.getByTestId('detached-payload-input').fill(payload.replace('"sub"', '"sub" '));
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'invalid');
});
