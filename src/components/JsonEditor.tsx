// A JSON editor: Monaco once it has loaded, a plain textarea until then (same wrapper test id, so
// tests and users do not care which one they got). The wrapper keeps the user's text while it is not
// valid JSON and reports the syntax error under the editor.
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useIsDark, whenIdle } from '../state';
import { LoadedMonacoEditor, awaitMonacoTurn, holdMonacoTurns, requestMonaco, useMonacoReady } from './useMonaco';
import type { PlainEditorState } from './MonacoJsonEditor';

export type JsonEditorProps = {
  testId: string;
  label: string;
  value: string;
  onChange?: (text: string) => void;
  /** Problem reported by the owner (e.g. "the header must be an object"), shown like a syntax error. */
  problem?: string | undefined;
  /** The value is the last good one while the input is broken: shown in a dashed frame. */
  stale?: boolean;
  height?: string;
  accent?: 'header' | 'payload';
};

// Monaco's JSON worker parses recursively: a few thousand levels of nesting overflow its stack (an
// unhandled rejection in the page) and its main-thread folding stalls the tab long before that. Real
// tokens nest a handful of levels; deeper text (10,000 levels) stays in the plain editor.
const MONACO_MAX_DEPTH = 200;

function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return false;
}

function syntaxError(text: string): string | undefined {
  if (text.trim() === '') return 'Empty: type a JSON object.';
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function JsonEditor({
  testId,
  label,
  value,
  onChange,
  problem,
  stale,
  height = '12rem',
  accent,
}: JsonEditorProps) {
  const dark = useIsDark();
  const monacoLoaded = useMonacoReady();
  const id = useId();
  // The text shown follows `value` whenever the owner changes it, and the user's typing otherwise.
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    setLastValue(value);
    setText(value);
  }
  // What the editor shows. Pushing new text into Monaco costs milliseconds of script and layout, so it
  // waits until the page is idle after the verdict has painted; the latest text always wins. The
  // user's own edits are in the editor already and are taken at once.
  const [shown, setShown] = useState(text);
  const shownRef = useRef(shown);
  useLayoutEffect(() => {
    shownRef.current = shown;
  });
  useEffect(() => (shown === text ? undefined : whenIdle(() => setShown(text))), [shown, text]);
  // Monaco takes over once it has loaded: at once in the editor the pointer or focus is on, in the others
  // at their turn (how the plain editor hands over is below, at `handOver`).
  const [wanted, setWanted] = useState(false);
  const want = useCallback(() => {
    setWanted(true);
    requestMonaco();
  }, []);
  useEffect(
    () => (monacoLoaded && !wanted ? awaitMonacoTurn(() => setWanted(true)) : undefined),
    [monacoLoaded, wanted],
  );
  const plainRef = useRef<HTMLTextAreaElement>(null);
  // Judged on what the editor would be given, so Monaco never receives deep text, even for a moment.
  const monacoReady = monacoLoaded && wanted && !nestsDeeperThan(shown, MONACO_MAX_DEPTH);
  const releaseTurns = useRef<() => void>(undefined);
  useLayoutEffect(() => {
    if (!monacoReady) return;
    const release = holdMonacoTurns();
    releaseTurns.current = release;
    return release;
  }, [monacoReady]);
  const created = useCallback(() => releaseTurns.current?.(), []);
  // From its arrival to its first drawn lines Monaco takes a few hundred milliseconds (building the editor, then a
  // layout). The plain editor stays on top meanwhile, showing the text and taking keys and clicks; once Monaco's
  // lines are drawn it takes the text and, if the plain editor had focus, the caret and focus. Before, the box was
  // blank for that time and keys typed in it were lost.
  const [handedOver, setHandedOver] = useState(false);
  if (!monacoReady && handedOver) setHandedOver(false);
  const handOver = useCallback((): PlainEditorState | undefined => {
    const plainEditor = plainRef.current;
    setHandedOver(true);
    if (!plainEditor || plainEditor !== document.activeElement) return undefined;
    return { text: plainEditor.value, caret: plainEditor.selectionStart };
  }, []);
  const readOnly = !onChange;
  const error = readOnly ? undefined : (syntaxError(text) ?? problem);
  // @monaco-editor/react echoes a new `value` of a read-only editor as a change (it calls setValue, which
  // fires onChange), through the handler of the previous render: a JWE header replacing an editable header
  // came back as an "edit" that rebuilt the previous token over the one the user pasted. The handler reads
  // the current props, and an echo of the text we showed is not an edit.
  const latest = useRef({ value, onChange });
  useLayoutEffect(() => {
    latest.current = { value, onChange };
  });
  // Stable, so a render of the owner does not hand Monaco a new listener.
  const change = useCallback((next: string) => {
    // The echo of text we showed ourselves (a read-only editor echoes it, see above) is not an edit.
    if (next === shownRef.current) return;
    shownRef.current = next;
    setShown(next);
    setText(next);
    const { value: given, onChange: notify } = latest.current;
    if (notify && next !== given) notify(next);
  }, []);
  const plain = (
    <textarea
      ref={plainRef}
      id={id}
      aria-label={label}
      value={shown}
      readOnly={readOnly}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      onChange={(event) => change(event.target.value)}
      className={`h-full w-full resize-none bg-white p-2 font-mono text-[13px] leading-5 text-slate-900 focus:outline-none dark:bg-slate-900 dark:text-slate-100 ${monacoReady ? 'absolute inset-0 z-10' : ''}`}
    />
  );
  const border =
    accent === 'header'
      ? 'border-rose-300 dark:border-rose-800'
      : accent === 'payload'
        ? 'border-violet-300 dark:border-violet-800'
        : 'border-slate-300 dark:border-slate-700';
  return (
    <div>
      <div
        data-testid={testId}
        data-editor={monacoReady ? 'monaco' : 'plain'}
        data-stale={stale || undefined}
        // Not opacity: greyed-out JSON fell below WCAG contrast (axe); a dashed border and the
        // words under TokenStatus ("the last token that decoded") say it is out of date.
        className={`relative overflow-hidden rounded-md border focus-within:ring-2 focus-within:ring-sky-600 ${border} ${stale ? 'border-dashed border-2' : ''}`}
        style={{ height }}
        onPointerEnter={want}
        onFocusCapture={want}
      >
        {monacoReady && handedOver ? null : plain}
        {monacoReady ? (
          <LoadedMonacoEditor
            label={label}
            value={shown}
            readOnly={readOnly}
            dark={dark}
            onChange={change}
            height={height}
            onCreated={created}
            onDrawn={handOver}
          />
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
          <span aria-hidden="true">⚠ </span>
          {label}: {error}
        </p>
      ) : null}
    </div>
  );
}
