// Results of async work (decrypting, verifying a JSON serialization or a nested token) shared by every panel
// that shows them: the decoded pane and the verdicts are separate lazy components, and both read one run.
// Each result is kept under the inputs it was computed for, so a slow run for older inputs can never stand
// in for the current ones (WebCrypto resolves out of order); the last result a panel showed stays on screen,
// marked not current, while the next one is computed.
import { useEffect, useState, useSyncExternalStore } from 'react';

export type AsyncView<T> = {
  /** The result for the current inputs, or the last one this panel showed while they are computed. */
  result: T | undefined;
  /** False while `result` belongs to earlier inputs (or there is none yet). */
  current: boolean;
  /** Counts the runs started, so each new verdict is seen even when its words did not change. */
  request: number;
};

export type AsyncResults<T> = {
  /**
   * The result for `key` (a string naming every input `run` reads), running `run` once per key. An undefined
   * key means there is nothing to compute.
   */
  use(key: string | undefined, run: () => Promise<T>): AsyncView<T>;
};

/** `fallback` turns a run that threw (a bug: the core's runs return verdicts) into a result to show. */
export function createAsyncResults<T>(fallback: (error: unknown) => T, keep = 4): AsyncResults<T> {
  const results = new Map<string, { value: T; request: number }>();
  const requests = new Map<string, number>();
  const listeners = new Set<() => void>();
  let started = 0;

  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };

  const request = (key: string, run: () => Promise<T>) => {
    if (requests.has(key)) return;
    started += 1;
    const id = started;
    requests.set(key, id);
    void run()
      .catch(fallback)
      .then((value) => {
        results.set(key, { value, request: id });
        // A Map iterates oldest first: keep the few most recent (the token box's and the idle views').
        for (const old of results.keys()) {
          if (results.size <= keep) break;
          results.delete(old);
          requests.delete(old);
        }
        for (const listener of listeners) listener();
      });
  };

  return {
    use(key, run) {
      const found = useSyncExternalStore(subscribe, () => (key === undefined ? undefined : results.get(key)));
      useEffect(() => {
        if (key !== undefined) request(key, run);
        // `key` names everything `run` reads.
        // eslint-disable-next-line react-hooks/exhaustive-deps
      }, [key]);
      const [last, setLast] = useState(found);
      if (found && found !== last) setLast(found);
      if (key === undefined) return { result: undefined, current: true, request: 0 };
      const shown = found ?? last;
      return { result: shown?.value, current: found !== undefined, request: requests.get(key) ?? started + 1 };
    },
  };
}
