// The page's x5c runner (src/state/x5cVerification.ts): the store's token, trust anchors and clock in, the chain
// and signature verdict out, newest request wins. Chains and tokens from tests/fixtures/x5c/generate.py
// (python-cryptography, openssl, PyJWT).
import { describe, expect, it } from 'vitest';
import { createInitialState, type AppState, type X5cVerificationState } from '../../src/state/appState';
import { createStore, type Store } from '../../src/state/createStore';
import { startX5cVerification } from '../../src/state/x5cVerification';
import { AS_OF, BEFORE_EXPIRY, anchorPem, fixtureToken } from '../fixtures/x5c/x5c-fixtures';

function newStore(): Store<AppState> {
  return createStore(createInitialState('light', AS_OF));
}

/** Resolves with the first settled x5c state (done or error) after the current request. */
function settled(store: Store<AppState>): Promise<Extract<X5cVerificationState, { status: 'done' | 'error' }>> {
  return new Promise((resolve) => {
    const check = () => {
      const x5c = store.getState().x5c;
      if (x5c.status === 'done' || x5c.status === 'error') {
        unsubscribe();
        resolve(x5c);
      }
    };
    const unsubscribe = store.subscribe(check);
    check();
  });
}

async function verdictOf(store: Store<AppState>) {
  const x5c = await settled(store);
  if (x5c.status !== 'done') throw new Error(x5c.message);
  return x5c.verdict;
}

describe('the x5c runner', () => {
  it('does nothing for a token without x5c', () => {
    const store = newStore();
    const stop = startX5cVerification(store);
    store.setState({ tokenText: 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln' });
    expect(store.getState().x5c.status).toBe('none');
    stop();
  });

  it('judges a chain untrusted without anchors, then trusted once its root is pasted', async () => {
    const store = newStore();
    const stop = startX5cVerification(store);
    store.setState({ tokenText: fixtureToken('rs256-trusted'), clock: { ...store.getState().clock, asOf: AS_OF } });
    expect(store.getState().x5c.status).toBe('pending');
    const before = await verdictOf(store);
    expect(before.chain.state).toBe('untrusted');
    expect(before.signature).toMatchObject({ state: 'unverified', code: 'would-verify' });
    store.setState({ trustAnchorsText: anchorPem('rsa-root') });
    // The verdict for the same token stays on screen (as busy) while the new one is computed.
    const pending = store.getState().x5c;
    expect(pending.status === 'pending' && pending.previous?.chain.state).toBe('untrusted');
    const after = await verdictOf(store);
    expect(after.chain.state).toBe('trusted');
    expect(after.signature.state).toBe('verified');
    stop();
  });

  it('judges at the "as of" time of the verdict clock', async () => {
    const store = newStore();
    const stop = startX5cVerification(store);
    store.setState({ tokenText: fixtureToken('rs256-expired-leaf'), trustAnchorsText: anchorPem('rsa-root') });
    store.setState({ clock: { ...store.getState().clock, asOf: AS_OF } });
    expect((await verdictOf(store)).chain).toMatchObject({ state: 'invalid', code: 'expired' });
    store.setState({ clock: { ...store.getState().clock, asOf: BEFORE_EXPIRY } });
    expect((await verdictOf(store)).chain.state).toBe('trusted');
    stop();
  });

  it('drops a verdict that arrives after the token changed, and starts the new token without the old verdict', async () => {
    const store = newStore();
    const stop = startX5cVerification(store);
    store.setState({ clock: { ...store.getState().clock, asOf: AS_OF }, trustAnchorsText: anchorPem('rsa-root') });
    store.setState({ tokenText: fixtureToken('rs256-trusted') });
    // Changed before the first verdict lands: only the self-signed token's verdict may be shown.
    store.setState({ tokenText: fixtureToken('rs256-self-signed') });
    const pending = store.getState().x5c;
    expect(pending.status === 'pending' && pending.previous).toBeUndefined();
    const seen: string[] = [];
    const unsubscribe = store.subscribe(() => {
      const x5c = store.getState().x5c;
      if (x5c.status === 'done') seen.push(x5c.verdict.chain.code);
    });
    const verdict = await verdictOf(store);
    await new Promise((resolve) => setTimeout(resolve, 500));
    unsubscribe();
    expect(verdict.chain.state).toBe('untrusted');
    expect(verdict.signature.state).toBe('unverified');
    expect(seen).toEqual([verdict.chain.code]);
    stop();
  });

  it('forgets the verdict when the token no longer has x5c', async () => {
    const store = newStore();
    const stop = startX5cVerification(store);
    store.setState({ tokenText: fixtureToken('rs256-trusted') });
    await verdictOf(store);
    store.setState({ tokenText: 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln' });
    expect(store.getState().x5c.status).toBe('none');
    stop();
  });
});
