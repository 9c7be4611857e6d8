// Privacy: after decoding, verifying and signing with a secret and with a private key, none of
// the key material is in the URL, Web Storage, IndexedDB, Cache Storage, cookies or any request, and
// every request went to the app's own origin.
import { test, expect, type Page } from './fixtures';
import { randomBytes } from 'node:crypto';
import { APP_ORIGIN, watchPage } from './csp-guard';
import { defaultPayload, hs256, rs256, rsaKeyPair } from './helpers';

/** Distinctive pieces of a key: the whole text, and slices long enough never to occur by chance. */
function fingerprints(text: string): string[] {
  const body = text.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
  const pieces = [text.trim(), body];
  for (let start = 0; start + 24 <= body.length; start += 200) pieces.push(body.slice(start, start + 24));
  return pieces;
}

function variants(piece: string): string[] {
  return [piece, encodeURIComponent(piece), Buffer.from(piece).toString('base64url')];
}

/** Everything the page could have persisted, as text. */
async function persistedState(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const out: Record<string, string> = {};
    const dump = (storage: Storage, name: string) => {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) ?? '';
        out[`${name}:${key}`] = storage.getItem(key) ?? '';
      }
    };
    dump(localStorage, 'localStorage');
    dump(sessionStorage, 'sessionStorage');
    const describe = (value: unknown): string => {
      if (value instanceof CryptoKey) return `CryptoKey(${value.type}, ${JSON.stringify(value.algorithm)})`;
      if (value instanceof ArrayBuffer || ArrayBuffer.isView(value))
        return new TextDecoder().decode(value instanceof ArrayBuffer ? value : value.buffer);
      try {
        return JSON.stringify(value, (_k, v: unknown) => (v instanceof CryptoKey ? describe(v) : v));
      } catch {
        return String(value);
      }
    };
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name ?? '');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const records = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error ?? new Error('read failed'));
        });
        out[`indexedDB:${info.name}/${store}`] = records.map(describe).join('\n');
      }
      db.close();
    }
    if ('caches' in self) {
      for (const name of await caches.keys()) {
        const requests = await (await caches.open(name)).keys();
        out[`caches:${name}`] = requests.map((request) => request.url).join('\n');
      }
    }
    out['document.title'] = document.title;
    return out;
  });
}

test('a secret and a private key never reach the URL, storage, IndexedDB, cookies or any request', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const watch = await watchPage(page, context);
  const secret = `s3cr3t-${randomBytes(18).toString('base64url')}`;
  const rsa = rsaKeyPair();
  const material = [...fingerprints(secret), ...fingerprints(rsa.privatePem)].flatMap(variants);

  // Decode + verify with the secret.
  const hsToken = hs256(defaultPayload({ sub: 'privacy' }), secret);
  await page.goto(`/#token=${hsToken}`);
  await page.getByTestId('key-input').fill(secret);
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');

  // Decode + verify with the private key (its public half is derived in the page).
  await page.getByTestId('token-input').fill(rs256(defaultPayload({ sub: 'privacy-rsa' }), rsa));
  await page.getByTestId('key-input').fill(rsa.privatePem);
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');

  // Sign with the private key, then with the secret.
  await page.getByTestId('mode-encode').click();
  await page.getByTestId('alg-select').selectOption('RS256');
  await page.getByTestId('key-input').fill(rsa.privatePem);
  await expect(page.getByTestId('token-output')).toHaveText(/^eyJ[\w-]+\.[\w-]+\.[\w-]{300,}$/);
  await page.getByTestId('alg-select').selectOption('HS256');
  await page.getByTestId('key-input').fill(secret);
  await expect(page.getByTestId('token-output')).toHaveText(/^eyJ[\w-]+\.[\w-]+\.[\w-]{43}$/);
  await page.getByTestId('copy-link').click();
  await page.getByTestId('mode-decode').click();
  // Let debounced writers (layout, preferences, URL sync) run before looking.
  await page.waitForTimeout(1_000);

  const url = page.url();
  const state = await persistedState(page);
  const cookies = JSON.stringify(await context.cookies());
  for (const piece of material) {
    expect(url, 'the URL').not.toContain(piece);
    expect(cookies, 'cookies').not.toContain(piece);
    for (const [where, value] of Object.entries(state)) expect(value, where).not.toContain(piece);
    for (const request of watch.requests) {
      expect(request.url, `request ${request.url}`).not.toContain(piece);
      expect(request.body, `body of ${request.method} ${request.url}`).not.toContain(piece);
    }
  }
  for (const [where, value] of Object.entries(state))
    expect(value, where).not.toMatch(/CryptoKey\(private|CryptoKey\(secret/);

  expect(watch.requests.length).toBeGreaterThan(0);
  for (const request of watch.requests) {
    if (request.url.startsWith('data:') || request.url.startsWith('blob:')) continue;
    expect(new URL(request.url).origin, `${request.method} ${request.url}`).toBe(APP_ORIGIN);
    expect(request.method, request.url).toBe('GET');
  }
  await watch.expectClean();
});

test('the snippet URL is remembered without the credentials typed into it', async ({ page }) => {
  const watch = await watchPage(page);
  await page.goto(`/#token=${hs256(defaultPayload(), 'k')}`);
  const typed = 'https://alice:hunter2@api.example.com:8443/v1/orders?api_key=K3y-in-query#frag';
  await page.getByTestId('snippet-url').fill(typed);
  await expect(page.getByTestId('curl-snippet')).toContainText('api_key=K3y-in-query');
  await page.waitForTimeout(500);
  const state = await persistedState(page);
  for (const piece of ['alice', 'hunter2', 'api_key', 'K3y-in-query', 'frag']) {
    for (const [where, value] of Object.entries(state)) expect(value, where).not.toContain(piece);
  }
  expect(JSON.stringify(state)).toContain('https://api.example.com:8443/v1/orders');
  await page.reload();
  await expect(page.getByTestId('snippet-url')).toHaveValue('https://api.example.com:8443/v1/orders');
  await watch.expectClean();
});
