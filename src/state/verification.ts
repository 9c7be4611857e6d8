// Verification in the Decode view, driven by the store: every change of the token or the key starts a check,
// and a result older than the latest request is dropped (WebCrypto promises resolve out of order).
import type { VerifyResult } from '../core/types';
import { verifyDecodedToken } from '../core/verify';
import type { AppState } from './appState';
import type { Store } from './createStore';
import { clockOptions } from './clock';
import { selectDecode } from './derived';
import { errorMessage } from './errorText';

export function startVerification(store: Store<AppState>): () => void {
  // The inputs of the last request, compared one by one: joining them into one key string copied the
  // whole token (megabytes for a large payload) on every change of the store.
  let last: { token: string; keyText: string; secretEncoding: string; clock: AppState['clock'] } | undefined;
  let requestId = 0;
  const run = () => {
    const state = store.getState();
    const outcome = selectDecode(state.tokenText);
    const token = outcome.ok ? outcome.decoded.normalized : '';
    if (
      last &&
      last.token === token &&
      last.keyText === state.keyText &&
      last.secretEncoding === state.secretEncoding &&
      last.clock === state.clock
    ) {
      return;
    }
    last = { token, keyText: state.keyText, secretEncoding: state.secretEncoding, clock: state.clock };
    requestId += 1;
    const id = requestId;
    if (!outcome.ok || state.keyText.trim() === '') {
      store.setState({ verification: { status: 'idle', requestId: id } });
      return;
    }
    const current = state.verification;
    const previous =
      current.status === 'done' ? current.result : current.status === 'pending' ? current.previous : undefined;
    store.setState({ verification: { status: 'pending', requestId: id, previous } });
    // The decoded token the page already holds: verifyToken would decode it a second time.
    verifyDecodedToken(
      outcome.decoded,
      { text: state.keyText, secretEncoding: state.secretEncoding },
      clockOptions(state.clock, Date.now()),
    ).then(
      (result) => {
        if (id === requestId) store.setState({ verification: { status: 'done', requestId: id, result } });
      },
      (error: unknown) => {
        // verifyToken is documented never to throw; if it does, show it as a verdict, not a crash.
        const result: VerifyResult = {
          signature: 'error',
          claims: 'none',
          message: `Verification failed unexpectedly: ${errorMessage(error)}`,
          code: 'internal',
          claimsMessage: '',
        };
        if (id === requestId) store.setState({ verification: { status: 'done', requestId: id, result } });
      },
    );
  };
  run();
  return store.subscribe(run);
}
