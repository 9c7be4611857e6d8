// Parts of the page that the first decoded token does not need (the JWKS fetcher, the curl snippet) are
// code-split and mounted after the first frame is on screen, one per idle moment: the first decode
// downloads nothing it does not show (90 KB gzip), and no mount adds up with another into a
// long task while the page is still loading (Lighthouse counts every task over 50 ms of simulated CPU).
import { useEffect, useState } from 'react';
import { whenIdle } from '../state';

const waiting: Array<() => void> = [];
let pumping = false;
/** The first paint and the mounts queued during it are done: later mounts need not wait. */
let settled = false;

const MOUNT_IDLE_TIMEOUT_MS = 500;

function pump(): void {
  const next = waiting.shift();
  if (!next) {
    pumping = false;
    settled = true;
    return;
  }
  next();
  whenIdle(pump, MOUNT_IDLE_TIMEOUT_MS);
}

function enqueue(mount: () => void): void {
  waiting.push(mount);
  if (pumping) return;
  pumping = true;
  // The frame callback runs before that frame paints; the task after it runs once it has.
  requestAnimationFrame(() => setTimeout(() => whenIdle(pump, MOUNT_IDLE_TIMEOUT_MS), 0));
}

/** False until this component's turn after the first paint; true at once once the page has settled. */
export function useDeferredMount(): boolean {
  const [ready, setReady] = useState(settled);
  useEffect(() => {
    if (ready) return;
    let live = true;
    enqueue(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [ready]);
  return ready;
}
