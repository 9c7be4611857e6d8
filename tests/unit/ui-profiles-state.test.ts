// The state behind the token-profile panel: a DPoP proof verified with its own header key when no key is given,
// OpenID discovery filling the expected issuer and token endpoint without overwriting what the user typed, and a
// link's access_token becoming the expected one. Tokens are the committed fixtures (node:crypto and openssl).
import { describe, expect, it } from 'vitest';
import fixtures from '../fixtures/profiles/tokens.json';
import { setDiscovery, setExpected } from '../../src/state/actions';
import { applyLink } from '../../src/state/applyLink';
import { createInitialState, NO_EXPECTATIONS, type AppState } from '../../src/state/appState';
import { createStore } from '../../src/state/createStore';
import { appStore } from '../../src/state/store';
import { startVerification } from '../../src/state/verification';

function fixture(id: string): string {
  const found = fixtures.cases.find((c) => c.id === id);
  if (!found) throw new Error(`no fixture ${id}`);
  return found.token;
}

async function settled(store: ReturnType<typeof createStore<AppState>>): Promise<AppState['verification']> {
  for (let i = 0; i < 200; i++) {
    const { verification } = store.getState();
    if (verification.status !== 'pending') return verification;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('verification never finished');
}

function storeWith(tokenText: string, keyText = ''): ReturnType<typeof createStore<AppState>> {
  return createStore<AppState>({ ...createInitialState('light', Date.now()), tokenText, keyText });
}

describe('verification of a DPoP proof without a key', () => {
  it('verifies a DPoP proof made by node:crypto with its header jwk and says so', async () => {
    const store = storeWith(fixture('dpop_proof/valid'));
    const stop = startVerification(store);
    const verification = await settled(store);
    stop();
    expect(verification.status).toBe('done');
    if (verification.status !== 'done') return;
    expect(verification.keyFrom).toBe('header-jwk');
    expect(verification.result.signature).toBe('verified');
    expect(verification.result.message).toContain('thumbprint');
  });

  it('reports a proof signed with another key than its header jwk as invalid', async () => {
    const store = storeWith(fixture('dpop_proof/signature-other-key'));
    const stop = startVerification(store);
    const verification = await settled(store);
    stop();
    expect(verification.status === 'done' && verification.result.signature).toBe('invalid');
    expect(verification.status === 'done' && verification.keyFrom).toBe('header-jwk');
  });

  it('leaves any other token unverified until a key is given', async () => {
    const store = storeWith(fixture('id_token/valid'));
    const stop = startVerification(store);
    const verification = await settled(store);
    stop();
    expect(verification.status).toBe('idle');
  });

  it('uses the pasted key, not the header jwk, once a key is given', async () => {
    const store = storeWith(fixture('dpop_proof/valid'), 'a-shared-secret-that-is-long-enough-for-hs256');
    const stop = startVerification(store);
    const verification = await settled(store);
    stop();
    expect(verification.status === 'done' && verification.keyFrom).toBeUndefined();
    expect(verification.status === 'done' && verification.result.signature).not.toBe('verified');
  });
});

describe('expected values from discovery and links', () => {
  it('fills the empty issuer and token endpoint, keeps a typed value, and replaces what discovery filled', () => {
    appStore.setState({
      expected: { ...NO_EXPECTATIONS, tokenEndpoint: 'https://typed.example/token' },
      discovery: undefined,
    });
    setDiscovery({
      url: 'https://op.example/.well-known/openid-configuration',
      iss: 'https://op.example',
      tokenEndpoint: 'https://op.example/token',
      warnings: [],
    });
    expect(appStore.getState().expected.iss).toBe('https://op.example');
    expect(appStore.getState().expected.tokenEndpoint).toBe('https://typed.example/token');
    setDiscovery({
      url: 'https://other.example/x',
      iss: 'https://other.example',
      tokenEndpoint: undefined,
      warnings: [],
    });
    expect(appStore.getState().expected.iss).toBe('https://other.example');
    setExpected({ iss: 'https://mine.example' });
    setDiscovery({
      url: 'https://third.example/x',
      iss: 'https://third.example',
      tokenEndpoint: undefined,
      warnings: [],
    });
    expect(appStore.getState().expected.iss).toBe('https://mine.example');
  });

  it("makes a link's access_token the expected access token when another token comes with it", () => {
    appStore.setState({ expected: NO_EXPECTATIONS });
    const history = { state: null, replaceState: () => undefined } as unknown as History;
    applyLink({ search: '', hash: '#id_token=a.b.c', pathname: '/' }, history);
    expect(appStore.getState().expected.accessToken).toBe('');
    applyLink({ search: '', hash: '#id_token=a.b.c&access_token=d.e.f', pathname: '/' }, history);
    expect(appStore.getState().expected.accessToken).toBe('d.e.f');
  });
});
