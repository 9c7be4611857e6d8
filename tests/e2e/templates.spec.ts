// Templates: each fills header and payload with its real-world shape and fresh times, picks
// the Authorization style its API expects, and "refresh iat/exp on every change" keeps the lifetime
// while moving iat to now. Checked on the token the Encode view actually signs.
import { expect, test, type Page } from './fixtures';
import { decodeToken } from '../../src/core';
import { guardPage, rsaKeyPair } from './helpers';

const SECRET = 'templates-e2e-secret-with-32-bytes!';
const rsa = rsaKeyPair();

type Decoded = { header: Record<string, unknown>; payload: Record<string, unknown>; token: string };

/** Waits for a signed token that passes `check`, and returns it decoded. */
async function signed(page: Page, check: (d: Decoded) => boolean): Promise<Decoded> {
  const output = page.getByTestId('token-output');
  let last: Decoded | undefined;
  await expect
    .poll(async () => {
      const token = ((await output.textContent()) ?? '').trim();
      try {
        const d = decodeToken(token);
        last = { header: d.header, payload: d.payload as Record<string, unknown>, token };
        return check(last);
      } catch {
        return false;
      }
    })
    .toBe(true);
  return last!;
}

const near = (seconds: unknown) => typeof seconds === 'number' && Math.abs(seconds - Date.now() / 1000) < 60;

test.describe('templates', () => {
  test('HS256 API token: sub, iat now, exp +1 h, and the snippet switches to a raw Authorization header', async ({
    page,
  }) => {
    const guard = guardPage(page);
    await page.goto('/#mode=encode');
    await page.getByTestId('snippet-auth').selectOption('bearer');
    await page.getByTestId('template-hs256-api').click();
    await page.getByTestId('key-input').fill(SECRET);
    const t = await signed(page, (d) => d.header.alg === 'HS256' && d.payload.sub === 'user-1234');
    expect(Object.keys(t.payload).sort()).toEqual(['exp', 'iat', 'sub']);
    expect(near(t.payload.iat)).toBe(true);
    expect((t.payload.exp as number) - (t.payload.iat as number)).toBe(3600);
    await expect(page.getByTestId('snippet-auth')).toHaveValue('raw');
    await expect(page.getByTestId('curl-snippet')).toContainText(`Authorization: ${t.token}`);
    await expect(page.getByTestId('template-status')).toContainText('Authorization: <token>');
    guard.check();
  });

  test('RS256 admin token: kid, aud array, exp +5 min, Bearer', async ({ page }) => {
    const guard = guardPage(page);
    await page.goto('/#mode=encode');
    await page.getByTestId('snippet-auth').selectOption('raw');
    await page.getByTestId('template-rs256-admin').click();
    await expect(page.getByTestId('alg-select')).toHaveValue('RS256');
    await page.getByTestId('key-input').fill(rsa.privatePem);
    const t = await signed(page, (d) => d.header.alg === 'RS256');
    expect(typeof t.header.kid).toBe('string');
    expect(Array.isArray(t.payload.aud)).toBe(true);
    expect(near(t.payload.iat)).toBe(true);
    expect((t.payload.exp as number) - (t.payload.iat as number)).toBe(300);
    await expect(page.getByTestId('snippet-auth')).toHaveValue('bearer');
    await expect(page.getByTestId('curl-snippet')).toContainText(`Authorization: Bearer ${t.token}`);
    guard.check();
  });

  test('scoped API key (array and nested forms) gets a fresh random jti each time', async ({ page }) => {
    await page.goto('/#mode=encode');
    await page.getByTestId('key-input').fill(SECRET);
    await page.getByTestId('template-scoped-api-key').click();
    const a = await signed(page, (d) => Array.isArray(d.payload.scopes));
    expect(a.payload.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(near(a.payload.iat)).toBe(true);
    await page.getByTestId('template-scoped-api-key-nested').click();
    const b = await signed(page, (d) => typeof d.payload.scopes === 'object' && !Array.isArray(d.payload.scopes));
    expect(Object.values(b.payload.scopes as object).every(Array.isArray)).toBe(true);
    expect(b.payload.jti).not.toBe(a.payload.jti);
  });

  test('OIDC ID token and the empty template', async ({ page }) => {
    await page.goto('/#mode=encode');
    await page.getByTestId('template-oidc-id-token').click();
    await page.getByTestId('key-input').fill(rsa.privatePem);
    const t = await signed(page, (d) => d.header.alg === 'RS256' && 'nonce' in d.payload);
    for (const claim of ['iss', 'sub', 'aud', 'nonce', 'auth_time', 'email', 'iat', 'exp']) {
      expect(t.payload).toHaveProperty(claim);
    }
    await page.getByTestId('template-empty').click();
    await page.getByTestId('key-input').fill(SECRET);
    const e = await signed(page, (d) => d.header.alg === 'HS256' && Object.keys(d.payload).length === 0);
    expect(e.header).toEqual({ alg: 'HS256', typ: 'JWT' });
  });

  test('"refresh iat/exp on every change" moves iat to now and keeps exp - iat; off, times stay put', async ({
    page,
  }) => {
    await page.goto('/#mode=encode');
    await page.getByTestId('template-hs256-api').click();
    await page.getByTestId('key-input').fill(SECRET);
    const first = await signed(page, (d) => d.payload.sub === 'user-1234');
    await page.waitForTimeout(1100);
    // Off: an edit re-signs but leaves the times as the template set them.
    await page.getByTestId('key-input').fill(`${SECRET}-2`);
    const still = await signed(page, (d) => d.token !== first.token);
    expect(still.payload.iat).toBe(first.payload.iat);

    await page.getByTestId('refresh-times').check();
    const refreshed = await signed(page, (d) => (d.payload.iat as number) > (first.payload.iat as number));
    expect((refreshed.payload.exp as number) - (refreshed.payload.iat as number)).toBe(3600);
    await page.waitForTimeout(1100);
    await page.getByTestId('key-input').fill(SECRET);
    const again = await signed(page, (d) => (d.payload.iat as number) > (refreshed.payload.iat as number));
    expect((again.payload.exp as number) - (again.payload.iat as number)).toBe(3600);
  });
});
