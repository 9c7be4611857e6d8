// The app store (a singleton: one page, one workbench) and the hook components read it with.
// Stable API for every feature folder: `useAppState(selector)`, `appStore`, and `actions` (actions.ts).
import { useSyncExternalStore } from 'react';
import { createInitialState, type AppState } from './appState';
import { createStore } from './createStore';
import { loadTheme } from './preferences';

export const appStore = createStore<AppState>(createInitialState(loadTheme(), Date.now()));

/**
 * Reads a slice of the state; the component re-renders only when that slice changes (Object.is).
 * Selectors must return stable values (a state member, or a memoised derivation from derived.ts).
 */
export function useAppState<T>(selector: (state: AppState) => T): T {
  return useSyncExternalStore(
    appStore.subscribe,
    () => selector(appStore.getState()),
    () => selector(appStore.getState()),
  );
}
