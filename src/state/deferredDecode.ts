// 1 MB payloads: above these sizes a view shows part of a text and says how much it left out,
// instead of handing megabytes to the DOM or Monaco on every keystroke. The full text is always kept
// (the token box holds what was pasted; copy buttons copy everything) and one click shows it all.
import { useMemo } from 'react';
import type { DecodeDraft } from './appState';
import type { DecodeOutcome } from './derived';
import { selectDecode } from './derived';
import { useIdleAppState } from './store';

/** Characters of text (a token, a pretty-printed payload) above which views shorten or simplify it. */
export const LARGE_TEXT_CHARS = 64 * 1024;

/** Entries of a list claim (groups, roles, aud…) shown before "and N more". */
export const LIST_PREVIEW_ITEMS = 50;

export { formatCount } from '../core/lib/format-count';

/** What the Decode view's heavy views show: the decoded token and the editors' draft, always together. */
export type DecodeSnapshot = { outcome: DecodeOutcome; draft: DecodeDraft | undefined };

/**
 * The decoded token (and draft) for the heavy views: editors, claims table, snippet. It lags the token box:
 * these views read the idle state (store.ts, useIdleAppState), which catches up once the input pauses and
 * the verdict for the latest input has landed, so the verdict renders first and a large payload's views
 * never delay it. Token and draft come from the same snapshot.
 */
export function useDeferredDecode(): DecodeSnapshot {
  const outcome = useIdleAppState((s) => selectDecode(s.tokenText));
  const draft = useIdleAppState((s) => s.decodeDraft);
  return useMemo(() => ({ outcome, draft }), [outcome, draft]);
}
