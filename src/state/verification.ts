// Verification in the Decode view, driven by the store: every change of the token or the key starts a check,
// and a result older than the latest request is dropped (WebCrypto promises resolve out of order).
import { checkTimeClaims } from '../core/claims';
import { isDpopProofHeader } from '../core/dpop-header';
import type { DecodedToken } from '../core/token';
import type { VerifyOptions, VerifyResult } from '../core/types';
import type { AppState } from './appState';
import type { Store } from './createStore';
import { clockOptions } from './clock';
import { selectDecode } from './derived';
import { errorMessage } from './errorText';
import { loadKeyEngine } from './keyEngine';

/** A DPoP proof verified with its header jwk, as a VerifyResult (the profile code loads only for such a proof). */
async function verifyWithOwnKey(decoded: DecodedToken, options: VerifyOptions): Promise<VerifyResult> {
  const { verifyWithHeaderJwk } = await import('../core/profiles/header-jwk');
  const verdict = await verifyWithHeaderJwk(decoded);
  const claims = checkTimeClaims(decoded.payload, options);
  return {
    signature: verdict.state,
    claims: claims.state,
    claimsMessage: claims.message,
    message: verdict.thumbprint
      ? `${verdict.message} Key thumbprint (RFC 7638): ${verdict.thumbprint}.`
      : verdict.message,
    ...(verdict.state === 'invalid' ? { code: 'signature' as const } : {}),
    ...(verdict.code === 'unsupported' ? { code: 'alg-unsupported' as const } : {}),
  };
}

export function startVerification(store: Store<AppState>): () => void {
  // The inputs of the last request, compared one by one: joining them into one key string copied the
  // whole token (megabytes for a large payload) on every change of the store.
  let last:
    | { token: string; keyText: string; secretEncoding: string; clock: AppState['clock']; detached: string | undefined }
    | undefined;
  let requestId = 0;
  const run = () => {
    const state = store.getState();
    const outcome = selectDecode(state.tokenText);
    const token = outcome.ok ? outcome.decoded.normalized : '';
    // A detached JWS (RFC 7515 Appendix F) is verified over the payload the user typed beside it; an empty box
    // leaves the core's own verdict (the empty payload, and a hint that the payload may be detached).
    const detached =
      outcome.ok && outcome.decoded.detached && state.detachedPayloadText !== ''
        ? state.detachedPayloadText
        : undefined;
    if (
      last &&
      last.token === token &&
      last.keyText === state.keyText &&
      last.secretEncoding === state.secretEncoding &&
      last.clock === state.clock &&
      last.detached === detached
    ) {
      return;
    }
    last = { token, keyText: state.keyText, secretEncoding: state.secretEncoding, clock: state.clock, detached };
    requestId += 1;
    const id = requestId;
    // A DPoP proof carries the key it is checked with (RFC 9449 §4.3 check 6): with no key given, that one is used.
    const headerJwk =
      outcome.ok &&
      state.keyText.trim() === '' &&
      !outcome.decoded.missingParts &&
      isDpopProofHeader(outcome.decoded.header);
    if (!outcome.ok || (state.keyText.trim() === '' && !headerJwk)) {
      store.setState({ verification: { status: 'idle', requestId: id } });
      return;
    }
    const keyFrom = headerJwk ? ({ keyFrom: 'header-jwk' } as const) : {};
    const current = state.verification;
    const previous =
      current.status === 'done' ? current.result : current.status === 'pending' ? current.previous : undefined;
    store.setState({ verification: { status: 'pending', requestId: id, previous, ...keyFrom } });
    const options: VerifyOptions = {
      ...clockOptions(state.clock, Date.now()),
      ...(detached !== undefined ? { detachedPayload: detached } : {}),
    };
    // The decoded token the page already holds: verifyToken would decode it a second time. Verification is part
    // of the key engine, which arrives after the first paint; until then the verdict stays pending.
    const decoded = outcome.decoded;
    const key = { text: state.keyText, secretEncoding: state.secretEncoding };
    const verdict = headerJwk
      ? verifyWithOwnKey(decoded, options)
      : loadKeyEngine().then((engine) => engine.verifyDecodedToken(decoded, key, options));
    verdict.then(
      (result) => {
        if (id === requestId) store.setState({ verification: { status: 'done', requestId: id, result, ...keyFrom } });
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
