// Applies the link the page was opened with (docs/interface.md §1): tokens, mode, a public key. Problems
// become notices; nothing here may throw, whatever the URL holds.
import { keyExposure } from '../core/key-exposure';
import { addNotice, setExpected, setKeyText, setLinkTokens, setMode, setSecretEncoding, setTokenText } from './actions';
import { readLink, withoutFragmentParams } from './link';
import { catchUpNow } from './store';

export function applyLink(location: Pick<Location, 'search' | 'hash' | 'pathname'>, history: History): void {
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
  const refused: string[] = [];
  if (plan.publicKey !== undefined) {
    const exposure = keyExposure({ text: plan.publicKey });
    if (exposure.kind === 'public') setKeyText(plan.publicKey, 'link');
    else {
      refused.push('publicKey');
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
  }
  if (plan.key !== undefined) {
    setKeyText(plan.key, 'link');
    setSecretEncoding(plan.secretEncoding ?? 'utf8');
    addNotice(
      'warning',
      'This link carried a secret or private key. Anyone who has the link can sign tokens with it; do not share such links.',
    );
  }
  // A query token moves into the fragment; a refused key leaves the address bar and this history entry.
  const address = plan.replaceUrl ?? `${location.pathname}${location.search}${location.hash}`;
  const cleaned = refused.length > 0 ? withoutFragmentParams(address, refused) : plan.replaceUrl;
  if (cleaned !== undefined) history.replaceState(history.state, '', cleaned);
  if (plan.mode) setMode(plan.mode);
  // The first paint shows the link's token decoded, not the empty state before it.
  catchUpNow();
}
