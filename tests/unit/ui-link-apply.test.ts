// Opening a link (CONTRACT.md §1) as the page does: what `publicKey=` may load, what the notice says when it is
// refused, and that a refused key leaves the address bar and the history entry while the token stays.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLink } from '../../src/state/applyLink';
import { createInitialState } from '../../src/state/appState';
import { withoutFragmentParams } from '../../src/state/link';
import { appStore } from '../../src/state/store';
import { jwksText, keyPair, pemOfJwk } from '../fixtures/fixtures';

const ec = keyPair('ec-p256');
const rsa = keyPair('rsa-2048');
const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJsaW5rIn0.c2ln';

/** A History that records the URLs the page writes. */
function fakeHistory(): History & { urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    state: null,
    replaceState: (_state: unknown, _title: string, url?: string | URL | null) => {
      if (url !== undefined && url !== null) urls.push(String(url));
    },
  } as unknown as History & { urls: string[] };
}

async function open(hash: string, search = ''): Promise<{ urls: string[] }> {
  const history = fakeHistory();
  await applyLink({ search, hash, pathname: '/' }, history);
  return history;
}

const notices = () => appStore.getState().notices.map((n) => n.text);

beforeEach(() => {
  appStore.setState(createInitialState('light', Date.now()));
});

describe('publicKey= in a link', () => {
  it('loads a JWKS of public keys and says the key came from the link', async () => {
    const history = await open(
      `#token=${TOKEN}&publicKey=${encodeURIComponent(jwksText(ec.publicJwk, rsa.publicJwk))}`,
    );
    expect(appStore.getState().keyText).toBe(jwksText(ec.publicJwk, rsa.publicJwk));
    expect(appStore.getState().keySource).toBe('link');
    expect(history.urls).toEqual([]);
  });

  it('refuses a JWKS whose private key the verifier would skip (use: enc), and says why', async () => {
    const set = jwksText(ec.publicJwk, { ...rsa.privateJwk, use: 'enc' });
    await open(`#token=${TOKEN}&publicKey=${encodeURIComponent(set)}`);
    expect(appStore.getState().keyText).toBe('');
    const [notice] = notices();
    expect(notice).toContain('publicKey was refused');
    expect(notice).toContain('key 1 is private or symmetric');
    expect(notice).toMatch(/anyone who sees the link .* could sign tokens/);
  });

  it('refuses a JWKS holding a symmetric key for key wrapping (alg A256KW), and a private signing key', async () => {
    const wrapping = jwksText(ec.publicJwk, {
      kty: 'oct',
      alg: 'A256KW',
      k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTMyYg',
    });
    await open(`#token=${TOKEN}&publicKey=${encodeURIComponent(wrapping)}`);
    expect(appStore.getState().keyText).toBe('');
    expect(notices().at(-1)).toContain('key 1 is private or symmetric');
    await open(`#token=${TOKEN}&publicKey=${encodeURIComponent(jwksText(ec.privateJwk))}`);
    expect(appStore.getState().keyText).toBe('');
    expect(notices().at(-1)).toContain('key 0 is private or symmetric');
  });
});

describe('a refused key leaves the address bar', () => {
  it('removes a refused publicKey= and keeps the token and the other parameters', async () => {
    const pem = encodeURIComponent(pemOfJwk(rsa.privateJwk, 'pkcs8'));
    const history = await open(`#token=${TOKEN}&publicKey=${pem}&mode=decode`);
    expect(history.urls).toEqual([`/#token=${TOKEN}&mode=decode`]);
    expect(appStore.getState().tokenText).toBe(TOKEN);
  });

  it('removes it after a ?token= moved into the fragment, in one history write', async () => {
    const history = await open(`#publicKey=hunter2`, `?token=${TOKEN}`);
    expect(history.urls).toEqual([`/#token=${TOKEN}`]);
  });

  it('leaves an accepted public key where it is', async () => {
    const history = await open(`#token=${TOKEN}&publicKey=${encodeURIComponent(pemOfJwk(ec.privateJwk, 'spki'))}`);
    expect(history.urls).toEqual([]);
    expect(appStore.getState().keyText).toContain('BEGIN PUBLIC KEY');
  });

  it('withoutFragmentParams drops only the named parameters, and the "#" when nothing is left', () => {
    expect(withoutFragmentParams('/a?x=1#token=t&publicKey=k&mode=encode', ['publicKey'])).toBe(
      '/a?x=1#token=t&mode=encode',
    );
    expect(withoutFragmentParams('/#publicKey=k', ['publicKey'])).toBe('/');
    expect(withoutFragmentParams('/?publicKey=k', ['publicKey'])).toBe('/?publicKey=k');
    expect(withoutFragmentParams('/#publicKeys=k', ['publicKey'])).toBe('/#publicKeys=k');
  });
});

describe('the key check waits for the key engine', () => {
  it('shows the token at once and loads the public key only once the engine is released', async () => {
    vi.resetModules();
    const keyEngine = await import('../../src/state/keyEngine');
    const { applyLink: apply } = await import('../../src/state/applyLink');
    const { appStore: store } = await import('../../src/state/store');
    keyEngine.holdKeyEngine();
    const pem = pemOfJwk(ec.privateJwk, 'spki');
    const applied = apply(
      { search: '', hash: `#token=${TOKEN}&publicKey=${encodeURIComponent(pem)}`, pathname: '/' },
      fakeHistory(),
    );
    expect(store.getState().tokenText).toBe(TOKEN);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getState().keyText).toBe('');
    expect(store.getState().keyEngine).toBeUndefined();
    keyEngine.releaseKeyEngine();
    await applied;
    expect(store.getState().keyText).toBe(pem);
    expect(store.getState().keySource).toBe('link');
    expect(store.getState().keyEngine).toBeDefined();
  });

  it('does not replace a key the link also gave as key=, and still refuses a private publicKey', async () => {
    const history = await open(
      `#token=${TOKEN}&publicKey=${encodeURIComponent(pemOfJwk(ec.privateJwk, 'spki'))}&key=hunter2`,
    );
    expect(appStore.getState().keyText).toBe('hunter2');
    expect(history.urls).toEqual([]);
    await open(`#token=${TOKEN}&publicKey=${encodeURIComponent(pemOfJwk(rsa.privateJwk, 'pkcs8'))}&key=hunter2`);
    expect(notices().some((n) => n.includes('publicKey was refused'))).toBe(true);
  });
});
