// Applies the link the page was opened with (docs/interface.md §1): tokens, mode, a public key. Problems
// become notices; nothing here may throw, whatever the URL holds.
import { keyExposure } from '../core/key-exposure';
import { addNotice, setExpected, setKeyText, setLinkTokens, setMode, setSecretEncoding, setTokenText } from './actions';
import { readLink } from './link';
import { catchUpNow } from './store';

export function applyLink(location: Pick<Location, 'search' | 'hash' | 'pathname'>, history: History): void {
  const plan = readLink(location.search, location.hash, location.pathname);
  if (plan.replaceUrl) history.replaceState(history.state, '', plan.replaceUrl);
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
  if (plan.publicKey !== undefined) {
    const exposure = keyExposure({ text: plan.publicKey });
    if (exposure.kind === 'public') setKeyText(plan.publicKey, 'link');
    else
      addNotice(
        'error',
        `The link's publicKey was refused: it is ${exposure.what}, not a public key. Links may only carry public keys; paste a secret or private key into the key box yourself.`,
      );
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
}
