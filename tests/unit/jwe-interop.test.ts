// The other direction: tokens encryptToken makes are opened by jwcrypto, through Debian's /usr/bin/python3
// running tests/fixtures/jwe/open.py. CI installs python3-jwcrypto; without it this test fails (it is the
// only check that another implementation reads what the workbench writes).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JWE_CONTENT_ENCRYPTIONS, JWE_KEY_ALGORITHMS, encryptToken } from '../../src/core/jwe';
import { signToken } from '../../src/core/sign';
import { encryptionKeyText, jwcrypto, jwcryptoJwk, type JwcryptoKey } from '../fixtures/jwe/fixtures';

const PYTHON = '/usr/bin/python3';
const OPEN = fileURLToPath(new URL('../fixtures/jwe/open.py', import.meta.url));
const ENC_BYTES: Record<string, number> = {
  A128GCM: 16,
  A192GCM: 24,
  A256GCM: 32,
  'A128CBC-HS256': 32,
  'A192CBC-HS384': 48,
  'A256CBC-HS512': 64,
};

type Opened = { ok: true; plaintext: string; header: Record<string, unknown> } | { ok: false; error: string };

function keyId(alg: string, enc: string, curve: string): string {
  if (alg.startsWith('RSA-OAEP')) return 'rsa';
  if (alg.startsWith('ECDH-ES')) return curve;
  if (alg.startsWith('PBES2')) return 'password';
  if (alg === 'dir') return `oct-${ENC_BYTES[enc]}`;
  return `oct-${Number(alg.slice(1, 4)) / 8}`;
}

function openWithJwcrypto(items: { token: string; jwk: Record<string, unknown> }[]): Opened[] {
  const run = spawnSync(PYTHON, [OPEN], { input: JSON.stringify({ items }), encoding: 'utf8', timeout: 120_000 });
  if (run.error || run.status !== 0) {
    throw new Error(
      `${PYTHON} ${OPEN} failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr}\nInstall Debian's python3-jwcrypto (apt-get install python3-jwcrypto).`,
    );
  }
  return (JSON.parse(run.stdout) as { results: Opened[] }).results;
}

describe('jwcrypto opens what encryptToken makes', () => {
  it('every alg/enc pair (ECDH-ES on P-256, P-384, P-521 and X25519), the plaintext and header intact', async () => {
    const plaintext = '{"iss":"workbench","name":"Zoë","exp":4102444800}';
    const cases: { label: string; token: string; jwk: Record<string, unknown> }[] = [];
    for (const alg of JWE_KEY_ALGORITHMS) {
      for (const enc of JWE_CONTENT_ENCRYPTIONS) {
        for (const curve of alg.startsWith('ECDH') ? ['P-256', 'P-384', 'P-521', 'X25519'] : ['-']) {
          const key = jwcrypto.keys[keyId(alg, enc, curve)] as JwcryptoKey;
          const made = await encryptToken(
            plaintext,
            JSON.stringify({ alg, enc, kid: key.kid }),
            encryptionKeyText(key),
          );
          if (!made.ok) throw new Error(`${alg} ${enc}: ${made.message}`);
          cases.push({ label: `${alg} ${enc} ${curve}`, token: made.token, jwk: jwcryptoJwk(key) });
        }
      }
    }
    expect(cases).toHaveLength(14 * 6 + 4 * 6 * 4);
    const results = openWithJwcrypto(cases);
    const failures = results.flatMap((r, i) =>
      r.ok && r.plaintext === plaintext ? [] : [`${cases[i]?.label}: ${JSON.stringify(r)}`],
    );
    expect(failures).toEqual([]);
  }, 120_000);

  it('a nested token (signed, then encrypted with cty JWT) opens to the signed token', async () => {
    const signed = await signToken('{"alg":"HS256","typ":"JWT"}', '{"sub":"a"}', {
      text: 'a-string-secret-at-least-256-bits-long',
    });
    const rsa = jwcrypto.keys.rsa as JwcryptoKey;
    const made = await encryptToken(signed, '{"alg":"RSA-OAEP-256","enc":"A256GCM"}', {
      text: rsa.publicSpkiPem ?? '',
    });
    if (!made.ok) throw new Error(made.message);
    const [opened] = openWithJwcrypto([{ token: made.token, jwk: jwcryptoJwk(rsa) }]);
    expect(opened).toMatchObject({ ok: true, plaintext: signed, header: { cty: 'JWT' } });
  });

  it('a zip DEF token opens to the plaintext', async () => {
    const key = jwcrypto.keys['oct-16'] as JwcryptoKey;
    const plaintext = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    const made = await encryptToken(plaintext, '{"alg":"A128KW","enc":"A128GCM","zip":"DEF"}', encryptionKeyText(key));
    if (!made.ok) throw new Error(made.message);
    const [opened] = openWithJwcrypto([{ token: made.token, jwk: jwcryptoJwk(key) }]);
    expect(opened).toMatchObject({ ok: true, plaintext });
  });
});
