// Issue 7 (1 MB payloads): above these sizes a view shows part of a text and says how much it left out,
// instead of handing megabytes to the DOM or Monaco on every keystroke. The full text is always kept
// (the token box holds what was pasted; copy buttons copy everything) and one click shows it all.
import { useDeferredValue } from 'react';
import type { DecodeOutcome } from './derived';
import { selectDecode } from './derived';
import { useAppState } from './store';

/** Characters of text (a token, a pretty-printed payload) above which views shorten or simplify it. */
export const LARGE_TEXT_CHARS = 64 * 1024;

/** Entries of a list claim (groups, roles, aud…) shown before "and N more". */
export const LIST_PREVIEW_ITEMS = 50;

/** 1234567 → "1,234,567" (digits grouped the same way whatever the page's locale). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * The decoded token for the heavy views (editors, claims table, snippet): it lags the token box by one
 * deferred render, so the verdict renders first and a large payload's views follow in a later task
 * that React can interrupt. Pass it to a memoised child: the urgent render then skips the whole view.
 */
export function useDeferredDecode(): DecodeOutcome {
  return useDeferredValue(useAppState((s) => selectDecode(s.tokenText)));
}
