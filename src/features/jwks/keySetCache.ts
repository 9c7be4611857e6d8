// Fetched key sets, kept for this page session only (issue 4): a module-level Map, never persisted,
// gone on reload. The refresh button bypasses it.
export type CachedKeySet<T> = { value: T; fetchedAt: number };

const cache = new Map<string, CachedKeySet<unknown>>();

export function readCachedKeySet<T>(url: string): CachedKeySet<T> | undefined {
  return cache.get(url) as CachedKeySet<T> | undefined;
}

export function cacheKeySet<T>(url: string, value: T): void {
  cache.set(url, { value, fetchedAt: Date.now() });
}
