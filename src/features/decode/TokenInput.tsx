// The encoded token: a transparent <textarea> over a backdrop that paints header, payload and
// signature in the colours of their panels, and marks the character the decoder choked on.
import { useLayoutEffect, useRef } from 'react';
import { actions, appStore, LARGE_TEXT_CHARS, selectDecode, useAppState } from '../../state';
import { problemRange, tokenRuns, type RunKind } from './tokenSegments';

const RUN_CLASS: Record<RunKind, string> = {
  header: 'token-header',
  payload: 'token-payload',
  signature: 'token-signature',
  extra: 'text-slate-500',
  dot: 'token-dot',
};

export function TokenInput() {
  const tokenText = useAppState((s) => s.tokenText);
  const outcome = useAppState((s) => selectDecode(s.tokenText));
  const backdrop = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  // Not a controlled textarea: React keeps a controlled textarea's defaultValue (its child text node) equal
  // to its value, so each edit of a 1.4 MB token also rewrote and read back a 1.4 MB DOM text node.
  useLayoutEffect(() => {
    const element = input.current;
    if (element && element.value !== tokenText) element.value = tokenText;
  }, [tokenText]);
  // A large token (a 1 MB payload is 1.4 million characters) is shown in plain text: the coloured copy
  // behind the textarea doubled the text the browser lays out, in thousands of spans. The textarea holds
  // the whole token either way.
  const plain = tokenText.length > LARGE_TEXT_CHARS;
  const bad = outcome.ok || plain ? undefined : problemRange(tokenText, outcome.problem.part, outcome.problem.offset);
  const runs = plain ? [] : tokenRuns(tokenText, bad);
  return (
    <div className="relative h-full min-h-48 overflow-hidden rounded-md border border-slate-300 bg-white focus-within:border-sky-600 focus-within:ring-2 focus-within:ring-sky-600/40 dark:border-slate-700 dark:bg-slate-900">
      {plain ? null : (
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
      <textarea
        id="token-input"
        data-testid="token-input"
        data-coloured={plain ? 'false' : 'true'}
        aria-label="Encoded token"
        aria-describedby="token-help token-problem"
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
        onScroll={(event) => {
          if (backdrop.current) backdrop.current.scrollTop = event.currentTarget.scrollTop;
        }}
        className={`token-layer absolute inset-0 h-full w-full resize-none overflow-y-scroll bg-transparent caret-slate-900 outline-none placeholder:text-slate-500 dark:caret-white dark:placeholder:text-slate-400 ${plain ? 'text-slate-900 dark:text-slate-100' : 'text-transparent'}`}
      />
    </div>
  );
}
