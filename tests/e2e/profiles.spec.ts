// Token profiles (ID token, RFC 9068 access token, RFC 7523 client assertion, back-channel logout token, RFC 9449
// DPoP proof): the Decode view recognises each profile, judges every rule with its spec section, and names the rule
// a broken token fails. Tokens come from other implementations: the committed fixtures (node:crypto and the
// openssl CLI, tests/fixtures/profiles/generate.mjs) and node:crypto here. The clock controls move every time
// verdict; the Encode view's profile templates make tokens that pass their own profile.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';
import {
  defaultPayload,
  ecKeyPair,
  es256,
  expectSignature,
  guardPage,
  nowSeconds,
  openToken,
  publicJwk,
  rs256,
  rsaKeyPair,
} from './helpers';

// The as-of input is in the browser's local time: pin the zone so the fixtures' clock reads the same everywhere.
test.use({ timezoneId: 'UTC' });

type Profile = 'id_token' | 'access_token' | 'client_assertion' | 'logout_token' | 'dpop_proof';
type Field = 'iss' | 'aud' | 'clientId' | 'nonce' | 'accessToken' | 'code' | 'htm' | 'htu' | 'maxAge' | 'tokenEndpoint';
type Case = {
  id: string;
  profile: string;
  token: string;
  expected: Record<string, unknown>;
  options: { now?: number; maxAgeSeconds?: number };
  verdict: 'pass' | 'fail';
  failing: string[];
  warning: string[];
};
const fixtures = JSON.parse(readFileSync(new URL('../fixtures/profiles/tokens.json', import.meta.url), 'utf8')) as {
  cases: Case[];
};

const TEST_ID: Record<Field, string> = {
  iss: 'expect-iss',
  aud: 'expect-aud',
  clientId: 'expect-client-id',
  nonce: 'expect-nonce',
  accessToken: 'expect-access-token',
  code: 'expect-code',
  htm: 'expect-htm',
  htu: 'expect-htu',
  maxAge: 'expect-max-age',
  tokenEndpoint: 'expect-token-endpoint',
};

/** The expected-value inputs the panel shows for each profile. */
const FIELDS: Record<Profile, Field[]> = {
  id_token: ['iss', 'aud', 'nonce', 'accessToken', 'code', 'maxAge'],
  access_token: ['iss', 'aud', 'clientId'],
  client_assertion: ['clientId', 'tokenEndpoint', 'iss', 'aud'],
  logout_token: ['iss', 'aud'],
  dpop_proof: ['htm', 'htu', 'accessToken', 'nonce'],
};

const PROFILES = Object.keys(FIELDS) as Profile[];

/** "2023-11-14T22:13:50" for the datetime-local input (UTC here, see timezoneId). */
function asOfText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

async function setClock(page: Page, options: { now?: number; maxAgeSeconds?: number }): Promise<void> {
  if (options.now !== undefined) await page.getByTestId('clock-as-of').fill(asOfText(options.now));
  await page
    .getByTestId('clock-max-age')
    .fill(options.maxAgeSeconds === undefined ? '' : String(options.maxAgeSeconds));
}

async function fillExpected(page: Page, profile: Profile, expected: Partial<Record<Field, unknown>>): Promise<void> {
  for (const field of FIELDS[profile]) {
    const value = expected[field];
    await page.getByTestId(TEST_ID[field]).fill(value === undefined ? '' : String(value));
  }
}

/** The profile-check element of one rule. */
const check = (page: Page, id: string) => page.locator(`[data-testid="profile-check"][data-check="${id}"]`);

async function judgeCase(page: Page, c: Case): Promise<void> {
  const profile = c.profile as Profile;
  // Emptied first, so no verdict on the previous token can be read as this one's.
  await page.getByTestId('token-input').fill('');
  await expect(page.getByTestId('profiles-panel')).toHaveCount(0);
  await page.getByTestId('token-input').fill(c.token);
  // A correct token must be recognised; a broken one may have lost the clue (typ), so it is picked by hand.
  await page.getByTestId('profile-select').selectOption(c.verdict === 'pass' ? 'auto' : profile);
  await setClock(page, c.options);
  await fillExpected(page, profile, c.expected as Partial<Record<Field, unknown>>);
  const status = page.getByTestId('profile-status');
  await expect(status, c.id).toBeVisible();
  await expect(status, c.id).not.toHaveAttribute('aria-busy', 'true');
  await expect(status, c.id).toHaveAttribute('data-state', c.verdict);
  await expect(status, c.id).toHaveAttribute('data-profile', profile);
  for (const id of c.failing) {
    await expect(check(page, id), `${c.id}: ${id}`).toHaveAttribute('data-state', 'fail');
    await expect(status, c.id).toContainText(id);
  }
  for (const id of c.warning) await expect(check(page, id), `${c.id}: ${id}`).toHaveAttribute('data-state', 'warn');
  // Every rule names its spec section.
  for (const text of await page.getByTestId('profile-check').allTextContents()) {
    expect(text, c.id).toMatch(/\((?:RFC \d+|OIDC Core|Back-Channel Logout) §[^()]*\)$/);
  }
  await expect(page.locator('[data-testid="profile-check"][data-state="fail"]'), c.id).toHaveCount(c.failing.length);
}

for (const profile of PROFILES) {
  test(`${profile}: correct fixture tokens pass (recognised in auto), and each broken one names its failing rule`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const guard = guardPage(page);
    const cases = fixtures.cases.filter((c) => c.profile === profile);
    expect(cases.some((c) => c.verdict === 'pass')).toBe(true);
    expect(cases.some((c) => c.verdict === 'fail')).toBe(true);
    await openToken(page, cases[0]!.token);
    await expect(page.getByTestId('profile-select')).toBeVisible();
    for (const c of cases) await judgeCase(page, c);
    guard.check();
  });
}

test('auto says which clue decided, and a token no clue fits gets no profile', async ({ page }) => {
  const guard = guardPage(page);
  const dpop = fixtures.cases.find((c) => c.id === 'dpop_proof/valid')!;
  await openToken(page, dpop.token);
  await expect(page.getByTestId('profile-recognition')).toContainText('typ is "dpop+jwt"');
  const logout = fixtures.cases.find((c) => c.id === 'logout_token/typ-jwt')!;
  await page.getByTestId('token-input').fill(logout.token);
  await expect(page.getByTestId('profile-recognition')).toContainText('events holds the back-channel logout event');
  const assertion = fixtures.cases.find((c) => c.id === 'client_assertion/valid')!;
  await page.getByTestId('token-input').fill(assertion.token);
  await expect(page.getByTestId('profile-recognition')).toContainText('iss equals sub');
  await page.getByTestId('token-input').fill(rs256(defaultPayload(), rsaKeyPair()));
  const status = page.getByTestId('profile-status');
  await expect(status).toHaveAttribute('data-state', 'none');
  await expect(status).not.toHaveAttribute('data-profile', /./);
  await expect(page.getByTestId('profile-checks')).toHaveCount(0);
  // Picking a profile by hand judges it anyway, and says what is missing.
  await page.getByTestId('profile-select').selectOption('access_token');
  await expect(status).toHaveAttribute('data-state', 'fail');
  await expect(check(page, 'typ')).toHaveAttribute('data-state', 'fail');
  guard.check();
});

test('an empty expected value leaves its rule "not checked" and says which input to fill', async ({ page }) => {
  const guard = guardPage(page);
  const c = fixtures.cases.find((x) => x.id === 'id_token/valid')!;
  await openToken(page, c.token);
  await setClock(page, c.options);
  await expect(check(page, 'nonce')).toHaveAttribute('data-state', 'unchecked');
  await expect(check(page, 'nonce')).toContainText('fill the expected nonce');
  await expect(check(page, 'at_hash')).toHaveAttribute('data-state', 'unchecked');
  await expect(page.getByTestId('profile-status')).toHaveAttribute('data-state', 'pass');
  await expect(page.getByTestId('profile-status')).toContainText('not checked');
  await page.getByTestId('expect-nonce').fill('n-0S6_WzA2Mj');
  await expect(check(page, 'nonce')).toHaveAttribute('data-state', 'pass');
  await page.getByTestId('expect-nonce').fill('another-nonce');
  await expect(check(page, 'nonce')).toHaveAttribute('data-state', 'fail');
  await expect(page.getByTestId('profile-status')).toHaveAttribute('data-state', 'fail');
  guard.check();
});

/** RFC 7638 thumbprint of an EC public JWK, computed here (not by the app). */
function thumbprint(jwk: Record<string, unknown>): string {
  const canonical = `{"crv":${JSON.stringify(jwk.crv)},"kty":"EC","x":${JSON.stringify(jwk.x)},"y":${JSON.stringify(jwk.y)}}`;
  return createHash('sha256').update(canonical).digest('base64url');
}

test('a DPoP proof is verified with its header key, without the embedded-key alarm, and bound to the access token from the link', async ({
  page,
}) => {
  const guard = guardPage(page);
  const client = ecKeyPair();
  const { kty, crv, x, y } = publicJwk(client);
  const jwk = { kty, crv, x, y };
  const now = nowSeconds();
  const accessToken = rs256(
    {
      iss: 'https://as.example.com',
      sub: 'u-1',
      aud: 'https://rs.example.com',
      iat: now,
      exp: now + 600,
      cnf: { jkt: thumbprint(jwk) },
    },
    rsaKeyPair(),
    { alg: 'RS256', typ: 'at+jwt' },
  );
  const htu = 'https://rs.example.com/orders';
  const proof = es256(
    {
      jti: 'e1j3V_bKic8-LAEB',
      htm: 'GET',
      htu,
      iat: now,
      ath: createHash('sha256').update(accessToken).digest('base64url'),
    },
    client,
    { typ: 'dpop+jwt', alg: 'ES256', jwk },
  );
  await page.goto(`/#token=${proof}&access_token=${accessToken}`);
  await expect(page.getByTestId('token-input')).toHaveValue(proof);
  await expectSignature(page, 'verified');
  await expect(page.getByTestId('signature-key-from-header')).toContainText("proof's own header");
  await expect(page.getByTestId('signature-status')).toContainText('right for a DPoP proof');
  // The security review notes the key instead of raising the "token carries its own key" alarm.
  await expect(page.locator('[data-lint="dpop-header-jwk"]')).toBeVisible();
  await expect(page.locator('[data-lint="header-jwk"]')).toHaveCount(0);
  await expect(page.getByTestId('expect-access-token')).toHaveValue(accessToken);
  await expect(check(page, 'signature')).toHaveAttribute('data-state', 'pass');
  await expect(check(page, 'ath')).toHaveAttribute('data-state', 'pass');
  await expect(check(page, 'cnf-jkt')).toHaveAttribute('data-state', 'pass');
  await expect(check(page, 'htu')).toHaveAttribute('data-state', 'unchecked');
  await page.getByTestId('expect-htm').fill('get');
  await page.getByTestId('expect-htu').fill(htu);
  await expect(check(page, 'htm')).toHaveAttribute('data-state', 'pass');
  await expect(check(page, 'htu')).toHaveAttribute('data-state', 'pass');
  await expect(page.getByTestId('profile-status')).toHaveAttribute('data-state', 'pass');
  await expect(page.getByTestId('profile-status')).toHaveAttribute('data-profile', 'dpop_proof');
  await page.getByTestId('expect-htu').fill('https://rs.example.com/other');
  await expect(page.getByTestId('profile-status')).toHaveAttribute('data-state', 'fail');
  await expect(page.getByTestId('profile-status')).toContainText('htu');
  // A proof altered after signing no longer verifies with its own key.
  const [h, p] = proof.split('.');
  await page.getByTestId('token-input').fill(`${h}.${p}.${es256({ other: true }, client).split('.')[2]}`);
  await expectSignature(page, 'invalid');
  await expect(page.getByTestId('signature-key-from-header')).toBeVisible();
  // Control: any other token with a header jwk still raises the alarm and is not verified with it.
  const other = ecKeyPair();
  await page
    .getByTestId('token-input')
    .fill(es256(defaultPayload(), other, { alg: 'ES256', typ: 'JWT', jwk: publicJwk(other) }));
  await expectSignature(page, 'no-key');
  await expect(page.locator('[data-lint="header-jwk"]')).toBeVisible();
  guard.check();
});

test('the clock controls move the claims verdict, the profile rules and the security review', async ({ page }) => {
  const guard = guardPage(page);
  const key = rsaKeyPair();
  const now = nowSeconds();
  const token = rs256(
    { iss: 'https://op.example.com', sub: 'u-1', aud: 'client-1', iat: now - 600, exp: now + 600 },
    key,
  );
  await openToken(page, token);
  const claims = page.getByTestId('claims-status');
  await expect(claims).toHaveAttribute('data-state', 'valid');
  await expect(page.getByTestId('profile-status')).toHaveAttribute('data-profile', 'id_token');
  await expect(check(page, 'exp')).toHaveAttribute('data-state', 'pass');
  // An hour ahead: expired everywhere.
  await page.getByTestId('clock-as-of').fill(asOfText((now + 3600) * 1000));
  await expect(page.getByTestId('clock-status')).toContainText(String(now + 3600));
  await expect(claims).toHaveAttribute('data-state', 'expired');
  await expect(check(page, 'exp')).toHaveAttribute('data-state', 'fail');
  await expect(page.getByTestId('profile-status')).toHaveAttribute('data-state', 'fail');
  // 30 s after exp, with a leeway of 60 s: valid again.
  await page.getByTestId('clock-as-of').fill(asOfText((now + 630) * 1000));
  await expect(claims).toHaveAttribute('data-state', 'expired');
  await page.getByTestId('clock-leeway').fill('60');
  await expect(claims).toHaveAttribute('data-state', 'valid');
  await expect(check(page, 'exp')).toHaveAttribute('data-state', 'pass');
  // Before it was issued: the security review sees an iat in the future.
  await page.getByTestId('clock-leeway').fill('0');
  await expect(page.locator('[data-lint="iat-future"]')).toHaveCount(0);
  await page.getByTestId('clock-as-of').fill(asOfText((now - 3600) * 1000));
  await expect(page.locator('[data-lint="iat-future"]')).toBeVisible();
  // No nbf, so the claims verdict stays valid and says iat is in the future; the profile warns.
  await expect(claims).toHaveAttribute('data-state', 'valid');
  await expect(claims).toContainText('iat is in the future');
  await expect(check(page, 'iat')).toHaveAttribute('data-state', 'warn');
  // Back to now, then a maximum age for iat shorter than the token's age: too old.
  await page.getByTestId('clock-now').click();
  await expect(page.getByTestId('clock-as-of')).toHaveValue('');
  await expect(page.locator('[data-lint="iat-future"]')).toHaveCount(0);
  await expect(claims).toHaveAttribute('data-state', 'valid');
  await page.getByTestId('clock-max-age').fill('300');
  await expect(claims).toHaveAttribute('data-state', 'expired');
  await expect(claims).toContainText('Too old');
  await expect(check(page, 'iat')).toHaveAttribute('data-state', 'fail');
  await page.getByTestId('clock-max-age').fill('');
  await expect(claims).toHaveAttribute('data-state', 'valid');
  // "When issued" judges the token as of its iat.
  await page.getByTestId('clock-at-iat').click();
  await expect(page.getByTestId('clock-status')).toContainText(String(now - 600));
  guard.check();
});

/** The Encode view's output once it is a signed token whose header passes `check`. */
async function signedToken(page: Page, check: (header: Record<string, unknown>) => boolean): Promise<string> {
  let token = '';
  await expect
    .poll(async () => {
      token = ((await page.getByTestId('token-output').textContent()) ?? '').trim();
      const [header] = token.split('.');
      try {
        return check(JSON.parse(Buffer.from(header ?? '', 'base64url').toString('utf8')) as Record<string, unknown>);
      } catch {
        return false;
      }
    })
    .toBe(true);
  return token;
}

const TEMPLATE_HEADER: Record<Profile, (header: Record<string, unknown>) => boolean> = {
  id_token: (h) => h.alg === 'ES256' && h.typ === 'JWT',
  access_token: (h) => h.alg === 'ES256' && h.typ === 'at+jwt',
  client_assertion: (h) => h.alg === 'ES256' && h.typ === undefined,
  logout_token: (h) => h.alg === 'ES256' && h.typ === 'logout+jwt',
  dpop_proof: (h) => h.alg === 'ES256' && h.typ === 'dpop+jwt' && typeof h.jwk === 'object',
};

for (const profile of PROFILES) {
  test(`the ${profile} template makes a token that passes its own profile in the Decode view`, async ({ page }) => {
    const guard = guardPage(page);
    await page.goto('/#mode=encode');
    await page.getByTestId('keygen-alg').selectOption('ES256');
    await page.getByTestId('keygen-run').click();
    await expect(page.getByTestId('keygen-status')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    // An opaque access token, as many servers issue: at_hash and ath hash it whatever it holds.
    const accessToken = 'Kz~8qiAp2Ga-m3IHt6c0X9oNv1Lw4yRb';
    await page.getByTestId('template-access-token').fill(accessToken);
    await page.getByTestId(`template-profile-${profile}`).click();
    await expect(page.getByTestId('template-profile-status')).toContainText('loaded');
    await signedToken(page, TEMPLATE_HEADER[profile]);
    await page.getByTestId('mode-decode').click();
    const status = page.getByTestId('profile-status');
    await expect(status).toHaveAttribute('data-profile', profile);
    await expect(status).not.toHaveAttribute('aria-busy', 'true');
    await expect(status).toHaveAttribute('data-state', 'pass');
    await expect(page.locator('[data-testid="profile-check"][data-state="fail"]')).toHaveCount(0);
    // The template filled the expected values, so the rules that need one are checked.
    if (profile === 'id_token') {
      await expect(page.getByTestId('expect-access-token')).toHaveValue(accessToken);
      await expect(check(page, 'at_hash')).toHaveAttribute('data-state', 'pass');
      await expect(check(page, 'nonce')).toHaveAttribute('data-state', 'pass');
    }
    if (profile === 'dpop_proof') {
      await expect(check(page, 'ath')).toHaveAttribute('data-state', 'pass');
      await expect(check(page, 'htu')).toHaveAttribute('data-state', 'pass');
      await expect(check(page, 'signature')).toHaveAttribute('data-state', 'pass');
      // Without the generated key, the proof is verified with the key in its header.
      await page.getByTestId('key-input').fill('');
      await expectSignature(page, 'verified');
      await expect(page.getByTestId('signature-key-from-header')).toBeVisible();
    } else {
      await expectSignature(page, 'verified');
    }
    guard.check();
  });
}
