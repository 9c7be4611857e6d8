// The encoded token: a transparent <textarea> over a backdrop that paints header, payload and
// signature in the colours of their panels, and marks the character the decoder choked on.
import { useLayoutEffect, useRef, useState } from 'react';
import { takeLargePaste } from '../../components/largePaste';
import { MAX_TOKEN_LENGTH } from '../../core/token';
import {
  actions,
  appStore,
  formatCount,
  LARGE_TEXT_CHARS,
  selectDecode,
  selectTokenKind,
  useAppState,
} from '../../state';
import { problemRange, tokenRuns, type RunKind } from './tokenSegments';

/** Characters of a large token painted while the box is not focused. */
const COLLAPSED_CHARS = 2048;

const RUN_CLASS: Record<RunKind, string> = {
  header: 'token-header',
  payload: 'token-payload',
  signature: 'token-signature',
  'encrypted-key': 'token-encrypted-key',
  iv: 'token-iv',
  disclosure: 'token-disclosure',
  binding: 'token-binding',
  extra: 'text-slate-500',
  dot: 'token-dot',
};

export function TokenInput() {
  const tokenText = useAppState((s) => s.tokenText);
  const outcome = useAppState((s) => selectDecode(s.tokenText));
  const kind = useAppState((s) => selectTokenKind(s.tokenText).kind);
  const backdrop = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  // Not a controlled textarea: React keeps a controlled textarea's defaultValue (its child text node) equal
  // to its value, so each edit of a 1.4 MB token also rewrote and read back a 1.4 MB DOM text node.
  useLayoutEffect(() => {
    const element = input.current;
    if (element && element.value !== tokenText) element.value = tokenText;
  }, [tokenText]);
  // A large token (a 1 MB payload is 1.4 million characters) is never painted in colour: the coloured copy
  // doubled the text the browser lays out. While the box is not focused it is not laid out at all: its start
  // is painted behind it and the textarea skips its own rendering (content-visibility), because laying out
  // a megabyte of unbroken text took Chromium hundreds of ms on every change. Focus shows it all, as plain
  // text. The textarea holds the whole token in every case.
  const [focused, setFocused] = useState(false);
  const large = tokenText.length > LARGE_TEXT_CHARS;
  const collapsed = large && !focused;
  const display = collapsed ? 'collapsed' : large ? 'plain' : 'coloured';
  // The JWS decoder's problem is marked only in a compact JWS; other kinds explain theirs in their own panels.
  const jws = kind === 'jws-compact' || kind === 'jws-detached' || kind === 'other';
  const bad =
    outcome.ok || large || !jws ? undefined : problemRange(tokenText, outcome.problem.part, outcome.problem.offset);
  const runs =
    display === 'plain' ? [] : tokenRuns(collapsed ? tokenText.slice(0, COLLAPSED_CHARS) : tokenText, bad, kind);
  return (
    <div className="relative h-full min-h-48 overflow-hidden rounded-md border border-slate-300 bg-white focus-within:border-sky-600 focus-within:ring-2 focus-within:ring-sky-600/40 dark:border-slate-700 dark:bg-slate-900">
      {display === 'plain' ? null : (
        <div
          ref={backdrop}
          aria-hidden="true"
          className="token-layer pointer-events-none absolute inset-0 overflow-y-scroll"
        >
          {runs.map((run, index) => (
            <span key={index} className={run.bad ? `${RUN_CLASS[run.kind]} token-bad` : RUN_CLASS[run.kind]}>
              {run.text}
            </span>
          ))}
          {/* A trailing newline in a textarea adds a line the backdrop must add too. */}
          {'\u200b'}
        </div>
      )}
      {collapsed ? (
        // Over the bottom of the box, so it is seen whatever the box's size; the words for screen readers
        // are under the box (token-large).
        <p
          data-testid="token-collapsed"
          aria-hidden="true"
          className="pointer-events-none absolute inset-x-0 bottom-0 z-10 border-t border-slate-200 bg-white/95 px-3 py-1.5 text-xs text-slate-700 dark:border-slate-700 dark:bg-slate-900/95 dark:text-slate-300"
        >
          … and {formatCount(tokenText.length - COLLAPSED_CHARS)} more characters, not drawn while the box is not
          focused. Click in the box to show and edit the whole token.
        </p>
      ) : null}
      <textarea
        id="token-input"
        data-testid="token-input"
        data-display={display}
        aria-label="Encoded token"
        aria-describedby={large ? 'token-help token-large token-problem' : 'token-help token-problem'}
        aria-invalid={!outcome.ok && tokenText !== ''}
        ref={input}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        placeholder="Paste a JWT (eyJ…), an Authorization header, or a quoted token"
        onChange={(event) => {
          const element = event.currentTarget;
          actions.setTokenText(element.value);
          // As a controlled textarea would: the box shows the stored (normalised) text, also when normalising
          // left the state as it was.
          const stored = appStore.getState().tokenText;
          if (element.value !== stored) element.value = stored;
        }}
        onPaste={(event) => {
          const text = takeLargePaste(event, LARGE_TEXT_CHARS);
          if (text === undefined) return;
          if (text.length > MAX_TOKEN_LENGTH) actions.refuseTokenPaste(text.length);
          else actions.setTokenText(text);
        }}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onScroll={(event) => {
          if (backdrop.current) backdrop.current.scrollTop = event.currentTarget.scrollTop;
        }}
        className={`token-layer absolute inset-0 h-full w-full resize-none overflow-y-scroll bg-transparent caret-slate-900 outline-none placeholder:text-slate-500 dark:caret-white dark:placeholder:text-slate-400 ${display === 'plain' ? 'text-slate-900 dark:text-slate-100' : 'text-transparent'}`}
        style={collapsed ? { contentVisibility: 'hidden' } : undefined}
      />
    </div>
  );
}
