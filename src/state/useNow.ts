// A shared clock for relative times and the exp/nbf verdict: ticks every `intervalMs` and on focus,
// so "expires in 4 minutes" stays true while the tab is open without re-rendering on every frame.
import { useSyncExternalStore } from 'react';

const BUCKET_MS = 1000;
let now = Math.floor(Date.now() / BUCKET_MS) * BUCKET_MS;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function tick() {
  const next = Math.floor(Date.now() / BUCKET_MS) * BUCKET_MS;
  if (next === now) return;
  now = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    timer = setInterval(tick, 5000);
    queueMicrotask(tick);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Milliseconds since the epoch, rounded to the second and refreshed every 5 s. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
