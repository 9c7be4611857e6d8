// SD-JWT (RFC 9901) and SD-JWT VC end to end: tokens made by another implementation (@sd-jwt/core, see
// sdjwt-tokens.ts) decode, verify and show their disclosures and key-binding verdict; a forged disclosure and a wrong
// sd_hash are caught; what the Encode view makes, the Decode view verifies; the issuer's keys are fetched from its
// JWT VC Issuer Metadata only when asked, and a status list is never fetched.
import { test, expect, type Page } from './fixtures';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { editorText, guardPage } from './helpers';
import { rfc9901 } from '../fixtures/sdjwt/fixtures';
import {
  AUD,
  DIGESTS,
  NONCE,
  disclosuresOf,
  ecKey,
  forgedDisclosure,
  makeGeneralJson,
  makeSdJwt,
  type EcKey,
} from './sdjwt-tokens';

// Several WebCrypto steps per check and a few checks per test, on a machine shared with other runs.
test.describe.configure({ timeout: 120_000 });

let issuer: EcKey;
let holder: EcKey;
test.beforeAll(() => {
  issuer = ecKey();
  holder = ecKey();
});

async function paste(page: Page, text: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('token-input').fill(text);
  await expect(page.getByTestId('sd-status')).toBeVisible();
}

const status = (page: Page, id: string) => page.getByTestId(id);

test('an SD-JWT+KB made by @sd-jwt/core decodes, verifies and shows its disclosures and key binding', async ({
  page,
}) => {
  const guard = guardPage(page);
  const { presented } = await makeSdJwt(issuer, holder);
  await paste(page, presented);

  await expect(status(page, 'sd-status')).toHaveAttribute('data-state', 'ok');
  // given_name, address and its locality (the library sends the object the member sits in), nationalities[0].
  const sent = disclosuresOf(presented);
  const items = page.getByTestId('sd-disclosure');
  await expect(items).toHaveCount(sent.length);
  expect(sent).toHaveLength(4);
  const expectedPaths = new Map([
    ['given_name', '$.given_name'],
    ['address', '$.address'],
    ['locality', '$.address.locality'],
  ]);
  for (const [index, disclosure] of sent.entries()) {
    const item = items.nth(index);
    await expect(item).toHaveAttribute('data-state', 'placed');
    if (disclosure.length === 3) {
      const name = String(disclosure[1]);
      await expect(item).toHaveAttribute('data-name', name);
      await expect(item).toHaveAttribute('data-path', expectedPaths.get(name) ?? '');
      await expect(item).toContainText(String(disclosure[0]));
    } else {
      await expect(item).toHaveAttribute('data-kind', 'array-element');
      await expect(item).toContainText('array element');
      await expect(item).toHaveAttribute('data-path', '$.nationalities[0]');
      await expect(item).toContainText('"DE"');
    }
  }
  await expect(page.getByTestId('sd-undisclosed')).toHaveAttribute('data-count', String(DIGESTS - sent.length));
  await expect(page.getByTestId('sd-undisclosed')).toContainText('undisclosed claims or decoys');

  // The payload editor shows what a verifier sees; the raw issuer payload is one click away.
  await expect.poll(() => editorText(page, 'payload-editor')).toContain('"given_name": "Erika"');
  expect(await editorText(page, 'payload-editor')).not.toContain('family_name');
  expect(await editorText(page, 'payload-editor')).not.toContain('_sd');
  await page.getByTestId('sd-payload-raw').check();
  await expect.poll(() => editorText(page, 'payload-editor')).toContain('"_sd_alg": "sha-256"');
  expect(await editorText(page, 'payload-editor')).not.toContain('Erika');
  await page.getByTestId('sd-payload-processed').check();
  await expect.poll(() => editorText(page, 'payload-editor')).toContain('Erika');
  await expect.poll(() => editorText(page, 'header-editor')).toContain('dc+sd-jwt');

  await expect(status(page, 'claims-status')).toHaveAttribute('data-state', 'valid');
  await expect(page.getByTestId('claims-table')).toContainText('given_name');
  await expect(page.getByTestId('sd-vc-vct')).toHaveText('https://credentials.example.com/identity_credential');
  await expect(page.getByTestId('sd-vc-status')).toContainText('https://status.example.com/lists/1');
  await expect(page.getByTestId('sd-vc-status')).toContainText('Not fetched');

  // The issuer's signature, with the key box.
  await expect(status(page, 'signature-status')).toHaveAttribute('data-state', 'no-key');
  await page.getByTestId('key-input').fill(issuer.publicPem);
  await expect(status(page, 'signature-status')).toHaveAttribute('data-state', 'verified');
  await page.getByTestId('key-input').fill(JSON.stringify({ keys: [holder.publicJwk, issuer.publicJwk] }));
  await expect(status(page, 'signature-status')).toHaveAttribute('data-state', 'verified');
  await page.getByTestId('key-input').fill(JSON.stringify(holder.publicJwk));
  await expect(status(page, 'signature-status')).toHaveAttribute('data-state', 'invalid');

  // Key binding: verified, with aud and nonce unchecked until the verifier says what it expects.
  const kb = status(page, 'kb-status');
  await expect(kb).toHaveAttribute('data-state', 'verified');
  await expect(kb).toContainText('Not checked: aud and nonce');
  await page.getByTestId('expect-aud').fill(AUD);
  await page.getByTestId('expect-nonce').fill(NONCE);
  await expect(kb.locator('[data-check="nonce"]')).toHaveAttribute('data-state', 'pass');
  await expect(kb).toHaveAttribute('data-state', 'verified');
  for (const id of ['typ', 'holder-key', 'signature', 'sd-hash', 'iat', 'aud', 'nonce']) {
    await expect(kb.locator(`[data-check="${id}"]`)).toHaveAttribute('data-state', 'pass');
  }
  await page.getByTestId('expect-nonce').fill('another-transaction');
  await expect(kb).toHaveAttribute('data-state', 'invalid');
  await expect(kb).toHaveAttribute('data-code', 'kb-nonce');
  await expect(kb).toContainText('the expected nonce is "another-transaction"');

  // The token box colours the disclosures and the key-binding JWT.
  const backdrop = page.locator('.token-layer[aria-hidden="true"]');
  await expect(backdrop.locator('.token-disclosure')).toHaveCount(sent.length);
  await expect(backdrop.locator('.token-binding')).toHaveCount(3);
  guard.check();
});

test('the General JWS JSON serialization made by @sd-jwt/core decodes and verifies', async ({ page }) => {
  const guard = guardPage(page);
  await paste(page, await makeGeneralJson(issuer, holder));
  await expect(status(page, 'sd-status')).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('sd-disclosure')).toHaveCount(3);
  await expect(page.getByTestId('sd-disclosure').filter({ hasText: 'street_address' })).toHaveAttribute(
    'data-path',
    '$.address.street_address',
  );
  await page.getByTestId('key-input').fill(issuer.publicPem);
  await expect(status(page, 'signature-status')).toHaveAttribute('data-state', 'verified');
  await page.getByTestId('expect-aud').fill(AUD);
  await page.getByTestId('expect-nonce').fill(NONCE);
  await expect(status(page, 'kb-status')).toHaveAttribute('data-state', 'verified');
  await expect(page.getByTestId('kb-check').filter({ hasText: 'aud' }).first()).toHaveAttribute('data-state', 'pass');
  guard.check();
});

test("RFC 9901's own example opens from a link with the issuer's key; its 2025 Key Binding JWT is stale today", async ({
  page,
}) => {
  const guard = guardPage(page);
  const example = rfc9901.section5;
  const key = encodeURIComponent(JSON.stringify(rfc9901.issuerKey.jwk));
  await page.goto(`/#token=${example.presentation}&publicKey=${key}`);
  await expect(page.getByTestId('token-input')).toHaveValue(example.presentation);
  await expect(status(page, 'sd-status')).toHaveAttribute('data-state', 'ok');
  await expect(status(page, 'signature-status')).toHaveAttribute('data-state', 'verified');
  const sent = disclosuresOf(example.presentation);
  await expect(page.getByTestId('sd-disclosure')).toHaveCount(sent.length);
  for (const disclosure of sent.filter((d) => d.length === 3)) {
    await expect(page.locator(`[data-testid="sd-disclosure"][data-name="${String(disclosure[1])}"]`)).toHaveAttribute(
      'data-state',
      'placed',
    );
  }
  await page.getByTestId('expect-aud').fill(String(example.kbPayload.aud));
  await page.getByTestId('expect-nonce').fill(String(example.kbPayload.nonce));
  const kb = status(page, 'kb-status');
  await expect(kb.locator('[data-check="nonce"]')).toHaveAttribute('data-state', 'pass');
  for (const id of ['signature', 'sd-hash', 'aud']) {
    await expect(kb.locator(`[data-check="${id}"]`)).toHaveAttribute('data-state', 'pass');
  }
  await expect(kb).toHaveAttribute('data-state', 'invalid');
  await expect(kb).toHaveAttribute('data-code', 'kb-iat');
  await expect(kb).toContainText('stale Key Binding JWT');
  guard.check();
});

test('an SD-JWT VC typed with the older vc+sd-jwt is accepted, with a note', async ({ page }) => {
  const guard = guardPage(page);
  const { issued } = await makeSdJwt(issuer, holder, 'https://issuer.example.com', 'vc+sd-jwt');
  await paste(page, issued);
  await expect(status(page, 'sd-status')).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('sd-vc')).toHaveAttribute('data-typ-state', 'vc+sd-jwt');
  await expect(page.getByTestId('sd-vc-typ')).toContainText('older SD-JWT VC media type, accepted');
  await expect(page.getByTestId('sd-vc-notes')).toContainText('"dc+sd-jwt"');
  // An SD-JWT as issued ends with "~": there is no key binding, and that is said.
  await expect(status(page, 'kb-status')).toHaveAttribute('data-state', 'none');
  await expect(page.getByTestId('sd-disclosure')).toHaveCount(8);
  await expect(page.getByTestId('sd-undisclosed')).toHaveAttribute('data-count', '2');
  guard.check();
});

test('a forged disclosure is caught: no digest refers to it', async ({ page }) => {
  const guard = guardPage(page);
  const { issued } = await makeSdJwt(issuer, holder);
  await paste(page, `${issued}${forgedDisclosure('given_name', 'Mallory')}~`);
  const sd = status(page, 'sd-status');
  await expect(sd).toHaveAttribute('data-state', 'error');
  await expect(sd).toHaveAttribute('data-code', 'disclosure-unreferenced');
  await expect(sd).toContainText('no digest');
  const forged = page.getByTestId('sd-disclosure').last();
  await expect(forged).toHaveAttribute('data-state', 'unreferenced');
  await expect(forged).toContainText('Mallory');
  await expect(forged).toContainText('nowhere in the payload');
  // The forged value never reaches the claims a verifier would see.
  await expect.poll(() => editorText(page, 'payload-editor')).toContain('"given_name": "Erika"');
  expect(await editorText(page, 'payload-editor')).not.toContain('Mallory');
  // The issuer's signature is still good: it is the disclosure that is not.
  await page.getByTestId('key-input').fill(issuer.publicPem);
  await expect(status(page, 'signature-status')).toHaveAttribute('data-state', 'verified');
  await expect(status(page, 'kb-status')).toHaveAttribute('data-state', 'none');
  guard.check();
});

test('a wrong sd_hash is caught: a disclosure dropped after the holder signed', async ({ page }) => {
  const guard = guardPage(page);
  const { presented } = await makeSdJwt(issuer, holder);
  const pieces = presented.split('~');
  // Drop nationalities[0] (the last disclosure) and keep the Key Binding JWT made for all four.
  const tampered = [...pieces.slice(0, -2), pieces.at(-1)].join('~');
  await paste(page, tampered);
  await expect(status(page, 'sd-status')).toHaveAttribute('data-state', 'ok');
  const kb = status(page, 'kb-status');
  await expect(kb).toHaveAttribute('data-state', 'invalid');
  await expect(kb).toHaveAttribute('data-code', 'kb-sd-hash');
  await expect(kb).toContainText('made for another presentation');
  await expect(kb.locator('[data-check="sd-hash"]')).toHaveAttribute('data-state', 'fail');
  await expect(kb.locator('[data-check="signature"]')).toHaveAttribute('data-state', 'pass');
  guard.check();
});

test('what the Encode view makes, the Decode view verifies: issue, present with a KB-JWT, decode', async ({ page }) => {
  const guard = guardPage(page);
  await page.goto('/');
  await page.getByTestId('mode-encode').click();
  await page.getByTestId('keygen-alg').selectOption('ES256');
  await page.getByTestId('keygen-run').click();
  await expect(page.getByTestId('keygen-status')).toHaveAttribute('data-state', 'done');
  await page.getByTestId('sd-example').click();
  await expect(page.getByTestId('sd-enable')).toBeChecked();

  // By keyboard: Tab to a claim's checkbox and untick it with Space; birthdate stays always visible.
  const birthdate = page.locator('[data-testid="sd-path"][data-path="$.birthdate"]');
  await expect(birthdate).toBeChecked();
  await birthdate.focus();
  await page.keyboard.press('Space');
  await expect(birthdate).not.toBeChecked();
  await page.getByTestId('sd-decoys').fill('3');

  await page.getByTestId('sd-holder-generate').click();
  await expect(page.getByTestId('sd-holder-status')).toHaveAttribute('data-state', 'done');
  await page.getByTestId('sd-present-toggle').check();
  const keep = (path: string) => page.locator(`[data-testid="sd-keep"][data-path="${path}"]`);
  await expect(keep('$.email')).toBeChecked();
  await keep('$.email').uncheck();
  await keep('$.address.street_address').uncheck();
  await page.getByTestId('sd-kb-toggle').check();
  await page.getByTestId('sd-kb-aud').fill(AUD);
  await page.getByTestId('sd-kb-nonce').fill(NONCE);

  const output = page.getByTestId('token-output');
  await expect(page.getByTestId('token-output-kind')).toHaveText(
    'SD-JWT presentation: 6 of 8 disclosures sent, with a Key Binding JWT.',
  );
  await expect(output).toHaveAttribute('data-state', 'done');
  const token = (await output.textContent()) ?? '';
  expect(token.split('~')).toHaveLength(8);
  expect(token.split('~').at(-1)?.split('.')).toHaveLength(3);
  // The curl snippet sends the token that is shown.
  await expect(page.getByTestId('curl-snippet')).toContainText(token.slice(-40));

  await page.getByTestId('mode-decode').click();
  await expect(page.getByTestId('token-input')).toHaveValue(token);
  await expect(status(page, 'sd-status')).toHaveAttribute('data-state', 'ok');
  // The key box still holds the issuer's private key: its public half verifies.
  await expect(status(page, 'signature-status')).toHaveAttribute('data-state', 'verified');
  await page.getByTestId('expect-aud').fill(AUD);
  await page.getByTestId('expect-nonce').fill(NONCE);
  await expect(status(page, 'kb-status')).toHaveAttribute('data-state', 'verified');
  await expect(page.getByTestId('kb-check').and(page.locator('[data-check="nonce"]'))).toHaveAttribute(
    'data-state',
    'pass',
  );
  await expect(page.getByTestId('sd-disclosure')).toHaveCount(6);
  await expect(page.locator('[data-testid="sd-disclosure"][data-name="email"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="sd-disclosure"][data-path="$.address.locality"]')).toHaveCount(1);
  await expect(page.getByTestId('sd-undisclosed')).toHaveAttribute('data-count', '5');
  await expect.poll(() => editorText(page, 'payload-editor')).toContain('"birthdate": "1815-12-10"');
  expect(await editorText(page, 'payload-editor')).not.toContain('ada@example.com');
  await expect(page.getByTestId('sd-vc-vct')).toHaveText('https://credentials.example.com/identity_credential');
  // The status list is shown, never fetched (the guard fails the test on any request off the page's origin).
  await expect(page.getByTestId('sd-vc-status')).toContainText('https://issuer.example.com/statuslists/1');
  guard.check();
});

test("the issuer's keys come from its JWT VC Issuer Metadata only when asked, and the URL fetched is shown", async ({
  page,
}) => {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const body =
      req.url === '/.well-known/jwt-vc-issuer'
        ? { issuer: origin, jwks_uri: `${origin}/keys.json` }
        : req.url === '/keys.json'
          ? { keys: [{ ...issuer.publicJwk, kid: 'issuer-2026', use: 'sig', alg: 'ES256' }] }
          : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(JSON.stringify(body ?? { error: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const foreign: string[] = [];
    const errors: string[] = [];
    const own = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
    page.on('request', (r) => {
      if (!r.url().startsWith('data:') && !r.url().startsWith('blob:') && new URL(r.url()).origin !== own) {
        foreign.push(r.url());
      }
    });
    page.on('pageerror', (e) => errors.push(e.message));
    const { presented } = await makeSdJwt(issuer, holder, origin);
    await paste(page, presented);
    const metadataUrl = `${origin}/.well-known/jwt-vc-issuer`;
    await expect(page.getByTestId('sd-issuer-metadata-url')).toHaveText(metadataUrl);
    await expect(status(page, 'signature-status')).toHaveAttribute('data-state', 'no-key');
    expect(requests, 'nothing is fetched before the button is pressed').toEqual([]);

    await page.getByTestId('sd-issuer-fetch').click();
    const fetched = page.getByTestId('sd-issuer-status');
    await expect(fetched).toHaveAttribute('data-state', 'loaded');
    await expect(fetched).toContainText(`Fetched ${metadataUrl}, then its jwks_uri ${origin}/keys.json: 1 usable key`);
    await expect(status(page, 'signature-status')).toHaveAttribute('data-state', 'verified');
    await expect(status(page, 'signature-status')).toContainText('issuer-2026');
    expect(requests).toEqual(['/.well-known/jwt-vc-issuer', '/keys.json']);
    expect(foreign).toEqual([metadataUrl, `${origin}/keys.json`]);
    expect(errors).toEqual([]);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
