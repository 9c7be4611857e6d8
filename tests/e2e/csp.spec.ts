// Content security: the build ships a strict policy (meta tag and `vite preview` header), the
// whole app runs under it (decode, verify, JWKS fetch, Monaco and its workers, Encode, keygen, themes)
// with zero `securitypolicyviolation` events and zero console errors, and the listener really fires.
import { test, expect } from './fixtures';
import { CONTENT_SECURITY_POLICY, PREVIEW_HEADERS } from '../../config/csp';
import { APP_ORIGIN, watchPage } from './csp-guard';
import { waitForMonaco } from './helpers';
import { PATHS, SIGNING_KID, startJwksServer, type JwksTestServer } from './jwks-server';

let server: JwksTestServer;
test.beforeAll(async () => {
  server = await startJwksServer();
});
test.afterAll(async () => {
  await server.close();
});

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...values]) => [name, values]),
  );
}

test('the policy is strict: self only for scripts, no inline or eval, no plugins, no base, no framing', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('form-action')).toEqual(["'none'"]);
  expect(policy.get('frame-src')).toEqual(["'none'"]);
  // Workers: our origin; blob: only for the single-file build, whose inlined workers start from blob:
  // URLs the page itself mints (same origin; `new Worker` refuses other origins).
  for (const source of policy.get('worker-src') ?? []) expect(["'self'", 'blob:']).toContain(source);
  for (const values of policy.values()) {
    expect(values).not.toContain("'unsafe-eval'");
    expect(values).not.toContain('*');
  }
  // connect-src: what JWKS/OIDC fetching needs (https anywhere, http on loopback only), nothing else.
  for (const source of policy.get('connect-src') ?? []) {
    expect(
      source === "'self'" || source === 'https:' || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\*$/.test(source),
    ).toBe(true);
  }
  expect(PREVIEW_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'");
});

test('the built index.html carries the policy as a meta tag, has no inline script, and preview sends the header', async ({
  request,
}) => {
  const response = await request.get('/');
  expect(response.headers()['content-security-policy']).toBe(PREVIEW_HEADERS['Content-Security-Policy']);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  const html = await response.text();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  expect(meta?.[1]?.replaceAll('&#39;', "'")).toBe(CONTENT_SECURITY_POLICY);
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes = '', body = ''] of scripts) {
    expect(attributes).toMatch(/\bsrc="\/[^"]+"/);
    expect(body.trim()).toBe('');
  }
  expect(html).not.toMatch(/\son[a-z]+=/i);
});

test.describe('injected script', () => {
  // Provoked on purpose here, and asserted below.
  test.use({ allowTrustedTypesViolations: true });

  test('is refused by Trusted Types (before script-src is even asked), and the listeners the other tests rely on report it', async ({
    page,
    trustedTypesViolations,
  }) => {
    const watch = await watchPage(page);
    await page.goto('/');
    await expect(page.getByTestId('token-input')).toBeVisible();
    const outcome = await page.evaluate(() => {
      const script = document.createElement('script');
      let assignment = 'accepted';
      try {
        script.textContent = 'window.__injected = true;';
      } catch (error) {
        assignment = error instanceof TypeError ? 'refused' : String(error);
      }
      // A text node sidesteps the assignment sink; the element is still checked when it is inserted.
      script.append(document.createTextNode('window.__injected = true;'));
      document.body.append(script);
      return new Promise<{ assignment: string; ran: unknown }>((resolve) =>
        setTimeout(() => resolve({ assignment, ran: (window as { __injected?: boolean }).__injected }), 100),
      );
    });
    expect(outcome).toEqual({ assignment: 'refused', ran: undefined });
    await expect
      .poll(async () => (await watch.violations()).map((v) => v.directive))
      .toContain('require-trusted-types-for');
    expect(trustedTypesViolations.map((v) => v.directive)).toContain('require-trusted-types-for');
  });
});

test('decode, verify, JWKS fetch, Monaco, Encode, keygen and both themes run with zero CSP violations', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const watch = await watchPage(page);
  const token = await server.sign({ sub: 'csp', iss: server.origin }, { kid: SIGNING_KID });
  await page.goto(`/#token=${token}`);
  await expect(page.getByTestId('token-input')).toHaveValue(token);
  await waitForMonaco(page, 'payload-editor');

  await page.getByTestId('jwks-url').fill(server.url(PATHS.jwks));
  await page.getByTestId('jwks-fetch').click();
  await expect(page.getByTestId('jwks-status')).toHaveAttribute('data-state', 'loaded');
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');

  await page.getByTestId('theme-dark').click();
  await expect(page.locator('html')).toHaveClass(/dark/);

  await page.getByTestId('mode-encode').click();
  await waitForMonaco(page, 'header-editor');
  await page.getByTestId('keygen-alg').selectOption('ES256');
  await page.getByTestId('keygen-run').click();
  await expect(page.getByTestId('keygen-status')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(page.getByTestId('token-output')).toHaveText(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);

  await page.getByTestId('theme-light').click();
  await page.getByTestId('example-alg').selectOption('RS256');
  await page.getByTestId('example-load').click();
  await expect(page.getByTestId('token-output')).toHaveText(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
  await page.getByTestId('mode-decode').click();
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', /verified|no-key/);

  await watch.expectClean();
  // Monaco's editor and JSON workers really started, from files on our origin (not blob: or data:).
  expect(watch.workers.length).toBeGreaterThanOrEqual(1);
  for (const url of watch.workers) expect(new URL(url).origin).toBe(APP_ORIGIN);
  // The only other origin contacted is the JWKS server the user typed in.
  for (const { url } of watch.requests) expect([APP_ORIGIN, server.origin]).toContain(new URL(url).origin);
});
