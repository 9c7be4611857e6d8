// Loads the Monaco module once, when the browser is idle after the first paint, so the token is
// decoded and verified before a byte of Monaco is fetched (issue 7 load budget).
import { lazy, useEffect, useSyncExternalStore } from 'react';
import type * as MonacoModule from './MonacoJsonEditor';

let loading: Promise<typeof MonacoModule> | undefined;
let ready = false;
const listeners = new Set<() => void>();

function load(): Promise<typeof MonacoModule> {
  if (!loading) {
    loading = import('./MonacoJsonEditor');
    loading.then(
      () => {
        ready = true;
        for (const listener of listeners) listener();
      },
      () => {
        // A failed chunk load (offline before the service worker cached it) leaves the plain editor working.
        loading = undefined;
      },
    );
  }
  return loading;
}

function scheduleLoad(): void {
  if (loading) return;
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void load(), { timeout: 400 });
  else setTimeout(() => void load(), 50);
}

/** Rendered only once the module has arrived, so it never suspends. */
export const LazyMonacoJsonEditor = lazy(load);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True once Monaco has loaded; the first call schedules the load for an idle moment. */
export function useMonacoReady(): boolean {
  useEffect(scheduleLoad, []);
  return useSyncExternalStore(subscribe, () => ready);
}
