// @vitest-environment jsdom
// useStoreSlice (src/state/useStoreSlice.ts): a component reading the store follows every change of its
// slice, including one made right after its first render, before any effect that waits for a paint has
// run (a linked token's verdict arrives then; preact/compat's useSyncExternalStore subscribed too late
// for it). No act(): Preact renders a state change in a microtask, and that is what the page relies on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createStore } from '../../src/state/createStore';
import { useStoreSlice } from '../../src/state/useStoreSlice';

const store = createStore({ verdict: 'pending', other: 0 });
let renders = 0;

function Verdict(): ReactNode {
  const verdict = useStoreSlice(store.subscribe, () => store.getState().verdict);
  renders += 1;
  return createElement('p', { id: 'verdict' }, verdict);
}

const microtasks = () => new Promise<void>((resolve) => queueMicrotask(resolve));
const shown = () => document.getElementById('verdict')?.textContent;

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  store.setState({ verdict: 'pending', other: 0 });
  renders = 0;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  root.unmount();
  container.remove();
});

describe('useStoreSlice', () => {
  it('shows a change made right after the first render, without waiting for a frame or a timer', async () => {
    root.render(createElement(Verdict));
    expect(shown()).toBe('pending');
    store.setState({ verdict: 'verified' });
    await microtasks();
    await microtasks();
    expect(shown()).toBe('verified');
  });

  it('catches a change made between the render and its commit', async () => {
    function ChangesWhileRendering(): ReactNode {
      const verdict = useStoreSlice(store.subscribe, () => store.getState().verdict);
      return createElement('p', { id: 'verdict' }, verdict);
    }
    function Sibling(): ReactNode {
      // Rendered after the reader: its render changes the store the reader has already read.
      if (store.getState().verdict === 'pending') store.setState({ verdict: 'invalid' });
      return null;
    }
    root.render(createElement('div', null, createElement(ChangesWhileRendering), createElement(Sibling)));
    await microtasks();
    await microtasks();
    expect(shown()).toBe('invalid');
  });

  it('does not re-render for changes outside its slice, and stops listening when unmounted', async () => {
    root.render(createElement(Verdict));
    await microtasks();
    const before = renders;
    store.setState({ other: 1 });
    await microtasks();
    expect(renders).toBe(before);
    root.render(createElement('span'));
    await microtasks();
    store.setState({ verdict: 'verified' });
    await microtasks();
    expect(renders).toBe(before);
  });
});
