// The app store (a singleton: one page, one workbench) and the hooks components read it with.
// Stable API for every feature folder: `useAppState(selector)`, `useIdleAppState(selector)`, `appStore`,
// and `actions` (actions.ts).
import { useSyncExternalStore } from 'react';
import { createInitialState, type AppState } from './appState';
import { createStore, type Listener } from './createStore';
import { loadSnippetPreferences, loadTheme } from './preferences';
import { whenIdle } from './whenIdle';

export const appStore = createStore<AppState>(createInitialState(loadTheme(), Date.now(), loadSnippetPreferences()));

/**
 * Reads a slice of the state; the component re-renders only when that slice changes (Object.is).
 * Selectors must return stable values (a state member, or a memoised derivation from derived.ts).
 */
export function useAppState<T>(selector: (state: AppState) => T): T {
  return useSyncExternalStore(appStore.subscribe, () => selector(appStore.getState()));
}

// The state as the views off the critical path see it (decoded JSON, claims, lint, snippets, JWKS panel).
// It catches up with appStore once the input has paused for QUIET_MS and the browser is idle, and never
// before the verdict for the latest input has landed: a keystroke in the token box costs the token box and
// the verdict only (keystroke -> verdict p95 <= 8 ms), and a burst of keystrokes, a held key or a
// fast typist cost one catch-up instead of one per keystroke. During a long burst the views still catch up
// every MAX_LAG_MS, and a slow verification is not waited for longer than VERDICT_WAIT_MS.
const QUIET_MS = 50;
const MAX_LAG_MS = 1000;
const VERDICT_WAIT_MS = 100;
let idleState = appStore.getState();
const idleListeners = new Set<Listener>();
let quiet: ReturnType<typeof setTimeout> | undefined;
let overdue: ReturnType<typeof setTimeout> | undefined;
let cancelIdle: (() => void) | undefined;
let behindSince: number | undefined;

function publishIdleState(): void {
  clearTimeout(quiet);
  clearTimeout(overdue);
  cancelIdle?.();
  quiet = overdue = cancelIdle = behindSince = undefined;
  const state = appStore.getState();
  if (state === idleState) return;
  idleState = state;
  for (const listener of idleListeners) listener();
}

/**
 * Brings the idle views up to date at once: for changes that are not keystrokes but a new page's worth of
 * state (a link, an example, switching views), where showing the old state for a moment would be wrong.
 */
export function catchUpNow(): void {
  publishIdleState();
}

function catchUpWhenIdle(): void {
  quiet = undefined;
  cancelIdle ??= whenIdle(() => {
    cancelIdle = undefined;
    // The verdict comes first: its arrival is a state change, which starts the next quiet period.
    if (appStore.getState().verification.status !== 'pending') publishIdleState();
    else overdue ??= setTimeout(publishIdleState, VERDICT_WAIT_MS);
  });
}

appStore.subscribe(() => {
  const now = performance.now();
  behindSince ??= now;
  clearTimeout(quiet);
  quiet = setTimeout(catchUpWhenIdle, now - behindSince >= MAX_LAG_MS ? 0 : QUIET_MS);
});

function subscribeIdle(listener: Listener): () => void {
  idleListeners.add(listener);
  return () => idleListeners.delete(listener);
}

/**
 * useAppState for views that need not keep up with every keystroke (decoded JSON, claims table, lint,
 * snippets, JWKS panel): the slice as of the last idle moment, never older than the last catch-up.
 * Read every slice of one view through the same hook, so the view shows one consistent state.
 */
export function useIdleAppState<T>(selector: (state: AppState) => T): T {
  return useSyncExternalStore(subscribeIdle, () => selector(idleState));
}
