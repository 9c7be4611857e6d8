// The encoded token: a transparent <textarea> over a backdrop that paints header, payload and
// signature in the colours of their panels, and marks the character the decoder choked on.
import { useRef } from 'react';
import { actions, selectDecode, useAppState } from '../../state';
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
  const bad = outcome.ok ? undefined : problemRange(tokenText, outcome.problem.part, outcome.problem.offset);
  const runs = tokenRuns(tokenText, bad);
  return (
    <div className="relative h-full min-h-48 overflow-hidden rounded-md border border-slate-300 bg-white focus-within:border-sky-600 focus-within:ring-2 focus-within:ring-sky-600/40 dark:border-slate-700 dark:bg-slate-900">
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
      <textarea
        id="token-input"
        data-testid="token-input"
        aria-label="Encoded token"
        aria-describedby="token-help token-problem"
        aria-invalid={!outcome.ok && tokenText !== ''}
        value={tokenText}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        placeholder="Paste a JWT (eyJ…), an Authorization header, or a quoted token"
        onChange={(event) => actions.setTokenText(event.target.value)}
        onScroll={(event) => {
          if (backdrop.current) backdrop.current.scrollTop = event.currentTarget.scrollTop;
        }}
        className="token-layer absolute inset-0 h-full w-full resize-none overflow-y-scroll bg-transparent text-transparent caret-slate-900 outline-none placeholder:text-slate-500 dark:caret-white dark:placeholder:text-slate-400"
      />
    </div>
  );
}
