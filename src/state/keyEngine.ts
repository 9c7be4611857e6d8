// The key engine (core/key-engine.ts) arrives after the page's first paint, so the decoded token is on screen
// without waiting for the code that reads keys and checks signatures. Until it is here, the views that show a
// key's kind say it is being read, a link's publicKey waits for its check, and verification waits for it.
import type * as KeyEngineModule from '../core/key-engine';
import { appStore } from './store';

export type KeyEngine = typeof KeyEngineModule;

let held: Promise<void> | undefined;
let release: (() => void) | undefined;
let loading: Promise<KeyEngine> | undefined;

/** Holds the engine's loading back until releaseKeyEngine(): the page calls this before its first render. */
export function holdKeyEngine(): void {
  held ??= new Promise((resolve) => {
    release = resolve;
  });
}

/** Lets the engine load (the page calls this once it has painted), and starts loading it. */
export function releaseKeyEngine(): void {
  release?.();
  void loadKeyEngine().catch(() => {});
}

/**
 * The engine, once loaded; it is also put in the store (`keyEngine`), so every view reading a key re-renders
 * with the key's real kind. A failed load (the chunk could not be fetched) is retried by the next call.
 */
export function loadKeyEngine(): Promise<KeyEngine> {
  loading ??= (held ?? Promise.resolve())
    .then(() => import('../core/key-engine'))
    .then(
      (engine) => {
        appStore.setState({ keyEngine: engine });
        return engine;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
  return loading;
}
