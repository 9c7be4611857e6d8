// Signing in the Encode view, driven by the store: every change of the header, payload, key or algorithm signs
// again, and a result older than the latest request is dropped (WebCrypto promises resolve out of order).
import { payloadToSign } from '../core/payload-bytes';
import type * as SignModule from '../core/sign';
import type { AppState, SigningState } from './appState';
import { encryptSigned } from './encryption';
import type { Store } from './createStore';
import { errorMessage, signingErrorCode, type SigningErrorCode } from './errorText';
import type { SdJwtMade } from './sdJwtSigning';

type Signer = typeof SignModule;
let signer: Signer | undefined;

// Once loaded, the signer is handed over at once: even an import() of a loaded module resolves a task later,
// which put the next frame (~16 ms) between a key press and its signed token.
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
    const payloadText = payloadToSign(
      state.payloadText,
      state.refreshTimes ? { refreshTimesAt: Date.now() / 1000 } : {},
    );
    // An SD-JWT depends on its settings too; a plain JWT does not (they are kept while SD-JWT is off). Encrypting
    // wraps a plain signed token (a nested JWT); a detached token stays as it is (it has no payload to hide). An
    // SD-JWT is neither encrypted nor detached: no spec defines either for it, and its caption says so.
    const sdJwt = state.sdJwt.enabled ? state.sdJwt : undefined;
    const encryption = state.encryption.enabled && !sdJwt ? state.encryption : undefined;
    const detached = state.signDetached && !encryption && !sdJwt;
    const inputKey = [
      state.headerText,
      payloadText,
      state.keyText,
      state.secretEncoding,
      state.alg,
      sdJwt ? JSON.stringify(sdJwt) : '',
      detached ? 'detached' : '',
      encryption ? JSON.stringify(encryption) : '',
    ].join('\u0000');
    if (inputKey === lastKey) return;
    lastKey = inputKey;
    requestId += 1;
    const id = requestId;
    const token = state.signing.token;
    store.setState({ signing: { status: 'pending', requestId: id, token } });
    const key = { text: state.keyText, secretEncoding: state.secretEncoding };
    // The signer is loaded with the Encode view, never before the first decode; the SD-JWT engine only when asked.
    const work: Promise<SdJwtMade> = sdJwt
      ? import('./sdJwtSigning').then(({ makeSdJwt }) =>
          makeSdJwt({ headerText: state.headerText, payloadText, key, settings: sdJwt }),
        )
      : loadSigner()
          .then(({ signToken }) =>
            signToken(state.headerText, payloadText, key, { allowNone: state.alg === 'none', detached }),
          )
          .then((signed): SdJwtMade => ({ ok: true, token: signed }));
    const fail = (code: SigningErrorCode, message: string) => {
      if (id !== requestId) return;
      const last = store.getState().signing.token;
      store.setState({ signing: { status: 'error', requestId: id, token: last, code, message } });
    };
    work
      .then(async (made) => ({
        made,
        encrypted: made.ok && encryption ? await encryptSigned(made.token, encryption) : undefined,
      }))
      .then(
        ({ made, encrypted }) => {
          if (id !== requestId) return;
          if (!made.ok) return fail(made.code, made.message);
          let signing: SigningState;
          if (!encrypted) {
            signing = {
              status: 'done',
              requestId: id,
              token: made.token,
              ...(made.output ? { sdJwt: made.output } : {}),
              ...(detached ? { detachedPayload: payloadText } : {}),
            };
          } else if (encrypted.ok) {
            signing = { status: 'done', requestId: id, token: encrypted.token, encrypted: encrypted.output };
          } else {
            const last = store.getState().signing.token;
            signing = {
              status: 'error',
              requestId: id,
              token: last,
              code: encrypted.code,
              message: encrypted.message,
              stage: 'encrypt',
            };
          }
          store.setState({ signing });
        },
        (error: unknown) => fail(signingErrorCode(error), errorMessage(error)),
      );
  };
  run();
  return store.subscribe(run);
}
