// @vitest-environment jsdom
// "An error in one panel is caught by an error boundary that keeps the rest of the page and the
// user's input, and offers to reset that panel." No input found so far crashes a real panel (the chaos
// test looks for one), so a panel that throws on a marker token stands in for a rendering bug, beside
// the real token box and the app store. The environment override is this docblock: vite.config.ts
// keeps `node` for every other unit test.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { PanelBoundary } from '../../src/components/PanelBoundary';
import { TokenInput } from '../../src/features/decode/TokenInput';
import { actions, appStore, useAppState } from '../../src/state';

const BOMB = 'eyJhbGciOiJIUzI1NiJ9.eyJib21iIjp0cnVlfQ.c2ln';
const SAFE = 'eyJhbGciOiJub25lIn0.e30.';

function Bomb(): ReactNode {
  const token = useAppState((s) => s.tokenText);
  if (token === BOMB) throw new Error('Decoded panel exploded on this token');
  return createElement('p', { 'data-testid': 'decoded-ok' }, `decoded ${token.length} characters`);
}

function Page(props: { onReset: () => void }): ReactNode {
  return createElement(
    'div',
    null,
    createElement(PanelBoundary, { name: 'Encoded', children: createElement(TokenInput) }),
    createElement(PanelBoundary, { name: 'Decoded', onReset: props.onReset, children: createElement(Bomb) }),
    createElement(PanelBoundary, {
      name: 'Key',
      children: createElement('p', { 'data-testid': 'key-ok' }, 'key panel'),
    }),
  );
}

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  actions.setTokenText('');
});

function query<T extends HTMLElement = HTMLElement>(selector: string): T | null {
  return container.querySelector<T>(selector);
}

describe('PanelBoundary', () => {
  it('keeps the other panels and the typed token when one panel throws, and resets that panel', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const onReset = vi.fn(() => actions.setTokenText(SAFE));
    act(() => root.render(createElement(Page, { onReset })));
    expect(query('[data-testid="decoded-ok"]')).not.toBeNull();

    act(() => actions.setTokenText(BOMB));

    const alert = query('[role="alert"]');
    expect(alert?.textContent).toContain('The Decoded panel hit a problem and was stopped.');
    expect(alert?.textContent).toContain('Your token and key are kept. Decoded panel exploded on this token');
    // The rest of the page is still there, and the token box still holds what was typed.
    expect(query('[data-testid="key-ok"]')?.textContent).toBe('key panel');
    expect(query<HTMLTextAreaElement>('[data-testid="token-input"]')?.value).toBe(BOMB);
    expect(appStore.getState().tokenText).toBe(BOMB);
    expect(warn).toHaveBeenCalledWith('JWT Workbench: the Decoded panel failed', expect.any(Error), expect.any(String));

    const reset = Array.from(container.querySelectorAll('button')).find(
      (button) => button.textContent === 'Reset the Decoded panel',
    );
    expect(reset).toBeDefined();
    act(() => reset?.click());
    expect(onReset).toHaveBeenCalledTimes(1);
    expect(query('[role="alert"]')).toBeNull();
    expect(query('[data-testid="decoded-ok"]')?.textContent).toBe(`decoded ${SAFE.length} characters`);
    expect(query('[data-testid="key-ok"]')).not.toBeNull();
    warn.mockRestore();
    error.mockRestore();
  });

  it('a reset without a handler re-renders the panel, which fails again while the input still breaks it', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    act(() => root.render(createElement(PanelBoundary, { name: 'Decoded', children: createElement(Bomb) })));
    act(() => actions.setTokenText(BOMB));
    const button = () => container.querySelector('button');
    expect(button()?.textContent).toBe('Reset the Decoded panel');
    act(() => button()?.click());
    // Still the same broken input: the boundary catches it again instead of taking the page down.
    expect(query('[role="alert"]')?.textContent).toContain('exploded');
    act(() => actions.setTokenText('abc'));
    act(() => button()?.click());
    expect(query('[data-testid="decoded-ok"]')?.textContent).toBe('decoded 3 characters');
    vi.restoreAllMocks();
  });
});
