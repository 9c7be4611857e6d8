// Monaco (≈ 1 MB gzip, ≈ 4 MB of script) loads when an editor is wanted, not with the page: when the
// pointer comes onto a JSON editor or focus enters one (JsonEditor calls `requestMonaco`), or when the
// Encode view opens, where the editors are the input. Until then the plain editor shows the same text
// and takes the same edits. Loading it unasked at the first idle moment cost every visit ≈ 3.7 s of
// simulated main-thread blocking (Lighthouse TBT) and competed with the first keystrokes.
import { createElement, useSyncExternalStore, type ReactNode } from 'react';
import type * as MonacoModule from './MonacoJsonEditor';

let loading: Promise<typeof MonacoModule> | undefined;
let loaded: typeof MonacoModule | undefined;
const listeners = new Set<() => void>();

function load(): Promise<typeof MonacoModule> {
  if (!loading) {
    loading = import('./MonacoJsonEditor');
    loading.then(
      (module) => {
        loaded = module;
        for (const listener of listeners) listener();
      },
      () => {
        // A failed chunk load (offline before the service worker cached it) leaves the plain editor
        // working; the next request tries again.
        loading = undefined;
      },
    );
  }
  return loading;
}

/** Starts loading Monaco (once); the editors switch to it when it has arrived. */
export function requestMonaco(): void {
  void load().catch(() => undefined);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True once Monaco's module has arrived (it loads on `requestMonaco`). */
export function useMonacoReady(): boolean {
  return useSyncExternalStore(subscribe, () => loaded !== undefined);
}

/**
 * Monaco's editor, for rendering once `useMonacoReady()` is true. Rendered directly rather than through
 * React.lazy + Suspense: React holds a revealed Suspense fallback for about 300 ms before showing the
 * content, which delayed the editor by as much.
 */
export function LoadedMonacoEditor(props: MonacoModule.MonacoJsonEditorProps): ReactNode {
  if (!loaded) return null;
  return createElement(loaded.default, props);
}
