// When the page has the browser compile Monaco ahead of use (components/useMonaco.ts warmMonaco): once the key
// engine (the code that verifies the token) has arrived, at an idle moment. Earlier, Monaco's 2 MB would share the
// network with the key engine. Before the service worker's precache, not after it: the precache then finds
// the chunk in the HTTP cache (hashed files are fetched with the default cache mode) instead of fetching it again.
import { whenIdle } from '../state';
import { loadKeyEngine } from '../state/keyEngine';
import { warmMonaco } from '../components/useMonaco';

/** Warms Monaco once the key engine is in (or failed to load) and the page is idle; returns a function that cancels it. */
export function warmEditorWhenSettled(): () => void {
  let cancelled = false;
  let cancelIdle: (() => void) | undefined;
  const warm = () => {
    // Past the timeout the page is busy with the user; the preload then costs it next to nothing (the compile runs
    // on a background thread).
    if (!cancelled) cancelIdle = whenIdle(warmMonaco, 2_000);
  };
  loadKeyEngine().then(warm, warm);
  return () => {
    cancelled = true;
    cancelIdle?.();
  };
}
