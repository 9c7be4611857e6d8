// The x5c verdict, driven by the store like verification.ts: a token whose header has x5c gets its chain judged
// against the pasted trust anchors at the verdict clock, and the signature checked by the chain's leaf (which
// counts only when the chain is trusted). The engine carries pkijs, so it is imported only when such a token
// is first seen; a result older than the latest request is dropped.
import type * as X5cModule from '../core/x5c';
import type { X5cTokenVerdict } from '../core/x5c/types';
import type { AppState } from './appState';
import { clockOptions } from './clock';
import type { Store } from './createStore';
import { selectDecode } from './derived';
import { errorMessage } from './errorText';

type X5cEngine = typeof X5cModule;

export function startX5cVerification(store: Store<AppState>): () => void {
  let last: { token: string; anchors: string; clock: AppState['clock']; detached: string } | undefined;
  let requestId = 0;
  let engine: Promise<X5cEngine> | undefined;
  const run = () => {
    const state = store.getState();
    const outcome = selectDecode(state.tokenText);
    const decoded = outcome.ok && outcome.decoded.header.x5c !== undefined ? outcome.decoded : undefined;
    const token = decoded?.normalized ?? '';
    // A detached JWS (RFC 7515 Appendix F) is checked over the payload the user pasted beside it.
    const detached = decoded?.detached ? state.detachedPayloadText : '';
    if (
      last &&
      last.token === token &&
      last.anchors === state.trustAnchorsText &&
      last.clock === state.clock &&
      last.detached === detached
    ) {
      return;
    }
    const sameToken = last?.token === token;
    last = { token, anchors: state.trustAnchorsText, clock: state.clock, detached };
    requestId += 1;
    const id = requestId;
    if (!decoded) {
      // Most tokens have no x5c: no store change (and no re-render) for them on every keystroke.
      if (state.x5c.status !== 'none') store.setState({ x5c: { status: 'none', requestId: id } });
      return;
    }
    const current = state.x5c;
    const previous = !sameToken
      ? undefined
      : current.status === 'done'
        ? current.verdict
        : current.status === 'pending'
          ? current.previous
          : undefined;
    store.setState({ x5c: { status: 'pending', requestId: id, previous } });
    const anchors = state.trustAnchorsText;
    const options = {
      ...clockOptions(state.clock, Date.now()),
      ...(detached !== '' ? { detachedPayload: detached } : {}),
    };
    engine ??= import('../core/x5c');
    engine
      .then((x5c) => x5c.verifyX5cToken(decoded, anchors, options))
      .then(
        (verdict: X5cTokenVerdict) => {
          if (id === requestId) store.setState({ x5c: { status: 'done', requestId: id, verdict } });
        },
        (error: unknown) => {
          // A chunk that failed to load is tried again on the next change instead of failing for good.
          engine = undefined;
          const message = `The certificate chain could not be checked: ${errorMessage(error)}`;
          if (id === requestId) store.setState({ x5c: { status: 'error', requestId: id, message } });
        },
      );
  };
  run();
  return store.subscribe(run);
}
