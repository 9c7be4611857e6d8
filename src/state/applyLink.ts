// Applies the link the page was opened with (docs/interface.md §1): tokens, mode, a public key. Problems
// become notices; nothing here may throw, whatever the URL holds.
import type { KeyExposure } from '../core/key-exposure';
import { addNotice, setExpected, setKeyText, setLinkTokens, setMode, setSecretEncoding, setTokenText } from './actions';
import { loadKeyEngine } from './keyEngine';
import { readLink, withoutFragmentParams } from './link';
import { appStore, catchUpNow } from './store';

// A newer link (pasted into the address bar of the open tab) makes an older one's pending key check moot.
let latestLink = 0;

/**
 * Applies the link; the returned promise settles once its publicKey (if any) has been checked and loaded or
 * refused. The check needs the key engine, which arrives after the first paint: the token shows at once.
 */
export function applyLink(location: Pick<Location, 'search' | 'hash' | 'pathname'>, history: History): Promise<void> {
  const link = ++latestLink;
  const plan = readLink(location.search, location.hash, location.pathname);
  for (const problem of plan.problems) addNotice('warning', problem);
  const first = plan.tokens[0];
  if (first) {
    setLinkTokens(plan.tokens);
    setTokenText(first.token);
    // An access token given beside another token (an implicit-flow redirect's id_token, or a DPoP proof) is what
    // that token's at_hash / ath hashes: it becomes the expected access token, shown and editable as such.
    const accessToken = plan.tokens.find((entry) => entry.name === 'access_token');
    if (accessToken && plan.tokens.length > 1) setExpected({ accessToken: accessToken.token });
  }
  if (plan.key !== undefined) {
    setKeyText(plan.key, 'link');
    setSecretEncoding(plan.secretEncoding ?? 'utf8');
    addNotice(
      'warning',
      'This link carried a secret or private key. Anyone who has the link can sign tokens with it; do not share such links.',
    );
  }
  if (plan.mode) setMode(plan.mode);
  // The first paint shows the link's token decoded, not the empty state before it.
  catchUpNow();
  // A query token moves into the fragment; a refused key leaves the address bar and this history entry.
  const address = plan.replaceUrl ?? `${location.pathname}${location.search}${location.hash}`;
  const publicKey = plan.publicKey;
  if (publicKey === undefined) {
    if (plan.replaceUrl !== undefined) history.replaceState(history.state, '', plan.replaceUrl);
    return Promise.resolve();
  }
  const keyTextBefore = appStore.getState().keyText;
  return loadKeyEngine().then(
    (engine) => {
      if (link !== latestLink) return;
      const exposure = engine.keyExposure({ text: publicKey });
      if (exposure.kind !== 'public') {
        refusePublicKey(exposure);
        history.replaceState(history.state, '', withoutFragmentParams(address, ['publicKey']));
        return;
      }
      if (plan.replaceUrl !== undefined) history.replaceState(history.state, '', plan.replaceUrl);
      // A key the link also gave as `key=`, or one typed while the check ran, is not replaced.
      if (plan.key === undefined && appStore.getState().keyText === keyTextBefore) {
        setKeyText(publicKey, 'link');
        catchUpNow();
      }
    },
    (error: unknown) => {
      if (link !== latestLink) return;
      addNotice(
        'error',
        `The link's publicKey was not loaded: the code that checks keys could not be loaded (${String(error)}). Reload the page to try again.`,
      );
      if (plan.replaceUrl !== undefined) history.replaceState(history.state, '', plan.replaceUrl);
    },
  );
}

function refusePublicKey(exposure: Exclude<KeyExposure, { kind: 'public' }>): void {
  const secret = exposure.kind === 'secret';
  addNotice(
    'error',
    `The link's publicKey was refused: it is ${exposure.what}, not a public key. ${
      secret
        ? 'Links may only carry public keys, because anyone who sees the link (chat logs, browser history) could sign tokens with it; paste a secret or private key into the key box yourself.'
        : 'Links may only carry a public key that can verify signatures.'
    } It was removed from the address bar.`,
  );
}
