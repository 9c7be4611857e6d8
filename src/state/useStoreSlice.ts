// useSyncExternalStore, subscribed in a layout effect instead of a passive one.
//
// Why not React's hook: the bundle runs on preact/compat (vite.config.ts), whose useSyncExternalStore
// subscribes in a passive effect, and Preact runs passive effects after the next paint. A store change
// between a component's first render and that moment reached the page only then: a linked token's
// verdict, which WebCrypto settles in the microtasks right after the first render, was painted 40-60 ms
// after the decoded token, one frame and a timer later (issue 7: navigation -> verified). A layout effect
// runs as the render commits, so the subscription is in place before any later change can be missed, and
// a change that came between render and commit is caught by the check on subscribing.
import { useLayoutEffect, useReducer, useRef } from 'react';

export function useStoreSlice<T>(subscribe: (listener: () => void) => () => void, getSnapshot: () => T): T {
  const value = getSnapshot();
  const [, forceRender] = useReducer((n: number) => n + 1, 0);
  const latest = useRef({ value, getSnapshot });
  useLayoutEffect(() => {
    latest.current = { value, getSnapshot };
  });
  useLayoutEffect(() => {
    const check = () => {
      const { value: shown, getSnapshot: read } = latest.current;
      if (!Object.is(shown, read())) forceRender();
    };
    check();
    return subscribe(check);
  }, [subscribe]);
  return value;
}
