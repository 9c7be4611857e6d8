// Async work driven by the state: verification (Decode view) and signing (Encode view).
// WebCrypto promises resolve out of order, so each run carries a request id and a result older than
// the latest request is dropped (STYLE.md, "Drop stale async results").
import type { CoreError } from '../core/errors';
import type * as SignModule from '../core/sign';
import type { VerifyResult } from '../core/types';
import { verifyDecodedToken } from '../core/verify';
import type { AppState } from './appState';
import { selectDecode } from './derived';
import { compactJson, parseJsonObject, refreshedPayload } from './jsonParts';
import type { Store } from './createStore';

function errorCode(error: unknown): string {
  return error && typeof error === 'object' && 'code' in error ? String((error as CoreError).code) : 'unexpected';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function startVerification(store: Store<AppState>): () => void {
  // The inputs of the last request, compared one by one: joining them into one key string copied the
  // whole token (megabytes for a large payload) on every change of the store.
  let last: { token: string; keyText: string; secretEncoding: string } | undefined;
  let requestId = 0;
  const run = () => {
    const state = store.getState();
    const outcome = selectDecode(state.tokenText);
    const token = outcome.ok ? outcome.decoded.normalized : '';
    if (
      last &&
      last.token === token &&
      last.keyText === state.keyText &&
      last.secretEncoding === state.secretEncoding
    ) {
      return;
    }
    last = { token, keyText: state.keyText, secretEncoding: state.secretEncoding };
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
    verifyDecodedToken(outcome.decoded, { text: state.keyText, secretEncoding: state.secretEncoding }).then(
      (result) => {
        if (id === requestId) store.setState({ verification: { status: 'done', requestId: id, result } });
      },
      (error: unknown) => {
        // verifyToken is documented never to throw; if it does, show it as a verdict, not a crash.
        const result: VerifyResult = {
          signature: 'error',
          claims: 'none',
          message: `Verification failed unexpectedly: ${errorMessage(error)}`,
          code: errorCode(error),
          claimsMessage: '',
        };
        if (id === requestId) store.setState({ verification: { status: 'done', requestId: id, result } });
      },
    );
  };
  run();
  return store.subscribe(run);
}

type Signer = typeof SignModule;
let signer: Signer | undefined;

// Once loaded, the signer is handed over at once: even an import() of a loaded module resolves a task later,
// which put the next frame (~16 ms) between a key press and its signed token (issue 7).
function loadSigner(): Promise<Signer> {
  if (signer) return Promise.resolve(signer);
  return import('../core/sign').then((module) => (signer = module));
}

export function startSigning(store: Store<AppState>): () => void {
  let lastKey = '';
  let requestId = 0;
  const run = () => {
    const state = store.getState();
    if (state.mode !== 'encode') return;
    const edited = state.refreshTimes ? refreshedPayload(state.payloadText) : state.payloadText;
    // Valid JSON objects are signed compactly; anything else goes to the core as typed, so its error
    // message points at the user's own text.
    const payloadText = parseJsonObject(edited).ok ? compactJson(edited) : edited;
    const inputKey = [state.headerText, payloadText, state.keyText, state.secretEncoding, state.alg].join('\u0000');
    if (inputKey === lastKey) return;
    lastKey = inputKey;
    requestId += 1;
    const id = requestId;
    const token = state.signing.token;
    store.setState({ signing: { status: 'pending', requestId: id, token } });
    // The signer is loaded with the Encode view, never before the first decode.
    loadSigner()
      .then(({ signToken }) =>
        signToken(
          state.headerText,
          payloadText,
          { text: state.keyText, secretEncoding: state.secretEncoding },
          { allowNone: state.alg === 'none' },
        ),
      )
      .then(
        (signed) => {
          if (id === requestId) store.setState({ signing: { status: 'done', requestId: id, token: signed } });
        },
        (error: unknown) => {
          if (id !== requestId) return;
          const last = store.getState().signing.token;
          store.setState({
            signing: {
              status: 'error',
              requestId: id,
              token: last,
              code: errorCode(error),
              message: errorMessage(error),
            },
          });
        },
      );
  };
  run();
  return store.subscribe(run);
}
