// Parts of the page that the first decoded token does not need (the JWKS fetcher, the curl snippet) are
// code-split, and their chunks are requested only after the first frame has been painted, so the first
// decode downloads nothing it does not show (issue 7 load budget: 90 KB gzip before the first decode).
import { useEffect, useSyncExternalStore } from 'react';

let painted = false;
let scheduled = false;
const listeners = new Set<() => void>();

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  // The frame callback runs before that frame paints; the task after it runs once it has.
  requestAnimationFrame(() =>
    setTimeout(() => {
      painted = true;
      for (const listener of listeners) listener();
    }, 0),
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** False until the page's first frame is on screen, then true for the rest of the page's life. */
export function useAfterFirstPaint(): boolean {
  useEffect(schedule, []);
  return useSyncExternalStore(subscribe, () => painted);
}
