// @vitest-environment jsdom
// A large paste is taken over from the browser (its own insertion of megabytes into a textarea held the page
// for seconds): the text the paste leaves, the refusal of a token over the size limit, and a token box that
// keeps the token it held. The environment override is this docblock: vite.config.ts keeps `node` otherwise.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClipboardEvent } from 'react';
import { takeLargePaste, valueAfterPaste } from '../../src/components/largePaste';
import { MAX_TOKEN_LENGTH, tokenTooLargeMessage } from '../../src/core/token';
import { actions, appStore } from '../../src/state';

function box(value: string, start: number, end: number): HTMLTextAreaElement {
  const element = document.createElement('textarea');
  element.value = value;
  element.setSelectionRange(start, end);
  return element;
}

/** The parts of React's paste event that takeLargePaste reads. */
function pasteEvent(target: HTMLTextAreaElement, text: string) {
  const preventDefault = vi.fn();
  const event = {
    clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') },
    currentTarget: target,
    preventDefault,
  } as unknown as ClipboardEvent<HTMLTextAreaElement>;
  return { event, preventDefault };
}

afterEach(() => actions.setTokenText(''));

describe('valueAfterPaste', () => {
  it('replaces the selection, or inserts at the caret', () => {
    expect(valueAfterPaste(box('abcdef', 2, 4), 'XY')).toBe('abXYef');
    expect(valueAfterPaste(box('abc', 3, 3), 'Z')).toBe('abcZ');
    expect(valueAfterPaste(box('abc', 0, 3), 'new')).toBe('new');
  });
});

describe('takeLargePaste', () => {
  it('leaves a paste up to the threshold to the browser', () => {
    const { event, preventDefault } = pasteEvent(box('', 0, 0), 'x'.repeat(10));
    expect(takeLargePaste(event, 10)).toBeUndefined();
    expect(preventDefault).not.toHaveBeenCalled();
  });

  it('takes a larger paste: the browser does not insert it, and the caller gets the whole text', () => {
    const { event, preventDefault } = pasteEvent(box('[old]', 1, 4), 'y'.repeat(11));
    expect(takeLargePaste(event, 10)).toBe(`[${'y'.repeat(11)}]`);
    expect(preventDefault).toHaveBeenCalledOnce();
  });
});

describe('a refused token paste', () => {
  it('keeps the token in the box and is remembered with its size, until the token changes', () => {
    actions.setTokenText('eyJhbGciOiJIUzI1NiJ9.e30.c2ln');
    actions.refuseTokenPaste(10_485_760);
    const state = appStore.getState();
    expect(state.tokenText).toBe('eyJhbGciOiJIUzI1NiJ9.e30.c2ln');
    expect(state.refusedTokenPaste).toEqual({ chars: 10_485_760, keptText: 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln' });
    // Shown only while the box still holds that token (TokenStatus compares keptText with tokenText).
    actions.setTokenText('eyJhbGciOiJIUzI1NiJ9.e30.b3RoZXI');
    expect(appStore.getState().refusedTokenPaste?.keptText).not.toBe(appStore.getState().tokenText);
  });

  it('says the size, the limit and what to check', () => {
    expect(tokenTooLargeMessage(10_485_760)).toBe(
      'The input is 10,485,760 characters; the limit is 2,097,152 (2 MiB). Real tokens are a few kilobytes: check that only the token was pasted.',
    );
  });

  it('text over the limit that still reaches the box is stored as it stands, not normalised first', () => {
    const huge = `Bearer ${'A'.repeat(MAX_TOKEN_LENGTH)}`;
    actions.setTokenText(huge);
    expect(appStore.getState().tokenText).toBe(huge);
    expect(appStore.getState().tokenChanges).toEqual([]);
  });
});
