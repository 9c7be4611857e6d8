// Fetched key sets, kept for this page session only: a module-level Map, never persisted,
// gone on reload. The refresh button bypasses it. The panel's own inputs are kept the same way, so
// switching to the Encode view and back does not lose them.
import type { JwksFetchState } from './useJwksFetch';
export type CachedKeySet<T> = { value: T; fetchedAt: number };

const cache = new Map<string, CachedKeySet<unknown>>();

export function readCachedKeySet<T>(url: string): CachedKeySet<T> | undefined {
  return cache.get(url) as CachedKeySet<T> | undefined;
}

export function cacheKeySet<T>(url: string, value: T): void {
  cache.set(url, { value, fetchedAt: Date.now() });
}

export type PanelMemory = {
  url: string;
  /** The key set text the panel put into the key input, and where it came from. */
  applied: { url: string; text: string } | undefined;
  /** The last settled fetch state (never `loading`: an unmounted panel's fetch is cancelled). */
  status: JwksFetchState;
};

let memory: PanelMemory = { url: '', applied: undefined, status: { status: 'idle' } };

export function recallPanel(): PanelMemory {
  return memory;
}

export function rememberPanel(next: PanelMemory): void {
  memory = next;
}
