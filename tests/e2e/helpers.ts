// Shared pieces of the end-to-end specs: tokens and keys made fresh in each run (node:crypto, no
// pasted fixtures), a guard that fails a test when the page talks to any origin but its own, and
// the page-error collector.
import { expect, type Page } from '@playwright/test';
import { createHmac, createSign, generateKeyPairSync, sign as nodeSign, type KeyObject } from 'node:crypto';

export const b64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function defaultPayload(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const now = nowSeconds();
  return { sub: 'user-42', name: 'Grace Hopper', aud: ['api', 'web'], iat: now, exp: now + 3600, ...extra };
}

export function signingInput(header: object, payload: object): string {
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
}

export function hs256(payload: object, secret: string | Buffer, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const input = signingInput(header, payload);
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

export type KeyPair = { privateKey: KeyObject; publicKey: KeyObject; publicPem: string; privatePem: string };

export function rsaKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey,
    publicKey,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

export function ecKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privateKey,
    publicKey,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

export function rs256(payload: object, key: KeyPair, header: object = { alg: 'RS256', typ: 'JWT' }): string {
  const input = signingInput(header, payload);
  const signature = createSign('RSA-SHA256').update(input).sign(key.privateKey);
  return `${input}.${b64url(signature)}`;
}

export function es256(payload: object, key: KeyPair, header: object = { alg: 'ES256', typ: 'JWT' }): string {
  const input = signingInput(header, payload);
  // JWS ECDSA signatures are r||s (RFC 7518 §3.4), not DER.
  const signature = nodeSign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${b64url(signature)}`;
}

export function publicJwk(key: KeyPair, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...(key.publicKey.export({ format: 'jwk' }) as Record<string, unknown>), ...extra };
}

/**
 * Records every request the page makes and every uncaught error; `check()` fails the test if a request
 * went anywhere but the app's own origin (nothing leaves the page) or the page threw.
 */
export function guardPage(page: Page, ownOrigin = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`) {
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== ownOrigin) foreign.push(url);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    check() {
      expect(foreign, 'requests to other origins').toEqual([]);
      expect(errors, 'uncaught page errors').toEqual([]);
    },
  };
}

export async function openToken(page: Page, token: string, extraFragment = ''): Promise<void> {
  await page.goto(`/#token=${token}${extraFragment}`);
  await expect(page.getByTestId('token-input')).toHaveValue(token);
}

export async function expectSignature(page: Page, state: 'verified' | 'invalid' | 'no-key' | 'error'): Promise<void> {
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', state);
}

/**
 * Monaco loads when an editor is wanted (pointer on it, focus in it, or the Encode view): point at it, and wait
 * until the plain editor, which stays on top until Monaco's lines are drawn, has handed over.
 */
export async function waitForMonaco(
  page: Page,
  testId: 'header-editor' | 'payload-editor',
  timeout = 20_000,
): Promise<void> {
  await page.getByTestId(testId).hover();
  await expect(page.getByTestId(testId)).toHaveAttribute('data-editor', 'monaco', { timeout });
  await expect(page.getByTestId(testId).locator('.monaco-editor')).toBeVisible();
  // Monaco's own input is a textarea too (class "inputarea").
  await expect(page.getByTestId(testId).locator('textarea:not(.inputarea)')).toHaveCount(0, { timeout });
}

/**
 * The text a JSON editor shows: the plain editor's textarea value (a textarea's value is not in the DOM
 * tree, so `toContainText` cannot see it), or the lines Monaco has rendered (spaces as U+00A0 there).
 */
export async function editorText(page: Page, testId: 'header-editor' | 'payload-editor'): Promise<string> {
  return page.getByTestId(testId).evaluate((element) => {
    if (element.getAttribute('data-editor') === 'plain') return element.querySelector('textarea')?.value ?? '';
    return (element.querySelector('.view-lines')?.textContent ?? '').replaceAll('\u00a0', ' ');
  });
}

export async function expectEditorText(
  page: Page,
  testId: 'header-editor' | 'payload-editor',
  expected: string,
): Promise<void> {
  await expect.poll(() => editorText(page, testId), { message: `${testId} shows ${expected}` }).toContain(expected);
}
