// Monaco (≈ 640 KB gzip with its worker, ≈ 2.2 MB of script) loads when an editor is wanted, not with the page: when the
// pointer comes onto a JSON editor or focus enters one (JsonEditor calls `requestMonaco`), or when the
// Encode view opens, where the editors are the input. Until then the plain editor shows the same text
// and takes the same edits. Running it unasked at the first idle moment cost every visit ≈ 3.7 s of
// simulated main-thread blocking (Lighthouse TBT) and competed with the first keystrokes; compiling it
// ahead (warmMonaco) happens off the main thread.
import { createElement, useSyncExternalStore, type ReactNode } from 'react';
import monacoChunkUrl from 'virtual:monaco-chunk-url';
import { whenIdle } from '../state';
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

let warmed = false;

type NetworkInformation = { saveData?: boolean; effectiveType?: string };

/**
 * Where warming pays: a pointer that can hover (the pointer coming onto an editor is what loads Monaco, so the
 * compile is done by then), and a connection that is neither metered by request (Save-Data) nor slow. On a
 * touch screen Monaco loads when an editor is tapped, and a phone should not spend data and battery on it unasked.
 */
function worthWarming(): boolean {
  const connection = (navigator as Navigator & { connection?: NetworkInformation }).connection;
  if (connection?.saveData || /(?:^|-)(?:2g|3g)$/.test(connection?.effectiveType ?? '')) return false;
  return typeof matchMedia === 'function' && matchMedia('(hover: hover) and (pointer: fine)').matches;
}

/**
 * Has the browser fetch and compile Monaco's chunk without running it, so a later `requestMonaco` only runs it:
 * compiling the 2 MB chunk takes about 300 ms here, on a background thread, which was otherwise spent after the
 * pointer came onto an editor. Running it ahead as well would block the page for ~200 ms (why Monaco loads on
 * demand at all). Once per page; skipped once Monaco is loading anyway.
 */
export function warmMonaco(): void {
  if (warmed || loading || !monacoChunkUrl || !worthWarming()) return;
  warmed = true;
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = monacoChunkUrl;
  document.head.append(link);
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

// Editors nobody is pointing at or typing in switch to Monaco one at a time, once the page is idle and every
// editor being created has painted: creating one costs tens of milliseconds, and the editor the user wants
// should not wait for the others (an idle moment comes while Monaco waits for the frame it renders in).
const turns: Array<{ take: () => void; live: boolean }> = [];
let creating = 0;
let turnScheduled = false;

function scheduleTurn(): void {
  if (turnScheduled || creating > 0 || turns.length === 0) return;
  turnScheduled = true;
  whenIdle(() => {
    turnScheduled = false;
    // An editor started meanwhile: its release schedules the next turn.
    if (creating > 0) return;
    let turn = turns.shift();
    while (turn && !turn.live) turn = turns.shift();
    turn?.take();
    scheduleTurn();
  });
}

/** Calls `take` at this editor's turn to switch to Monaco; returns a function that gives the turn up. */
export function awaitMonacoTurn(take: () => void): () => void {
  const turn = { take, live: true };
  turns.push(turn);
  scheduleTurn();
  return () => {
    turn.live = false;
  };
}

/**
 * Holds the other editors' turns while a Monaco editor is created; the returned function releases them once
 * the frame after its creation has been painted (it may be called more than once).
 */
export function holdMonacoTurns(): () => void {
  creating += 1;
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    requestAnimationFrame(() =>
      setTimeout(() => {
        creating -= 1;
        scheduleTurn();
      }, 0),
    );
  };
}
