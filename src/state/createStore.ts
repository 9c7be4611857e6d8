// A tiny external store read through useStoreSlice (useSyncExternalStore, subscribed at commit): components
// subscribe to the slice they render, so a keystroke in the token box re-renders the panels that depend on
// the token and nothing else (the speed budget: keystroke -> verdict p95 <= 8 ms). No state library: this is
// all it takes.
export type Listener = () => void;

export type Store<S> = {
  getState(): S;
  setState(update: Partial<S> | ((state: S) => Partial<S>)): void;
  subscribe(listener: Listener): () => void;
};

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    getState: () => state,
    setState(update) {
      const patch = typeof update === 'function' ? update(state) : update;
      let changed = false;
      for (const key of Object.keys(patch) as (keyof S)[]) {
        if (!Object.is(patch[key], state[key])) {
          changed = true;
          break;
        }
      }
      if (!changed) return;
      state = { ...state, ...patch };
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
