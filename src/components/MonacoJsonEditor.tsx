// The one lazily imported module holding Monaco (issue 3, issue 7: the first paint and the first
// decode never wait for it). Bundled locally: `loader.config({ monaco })` stops @monaco-editor/react
// from fetching Monaco from its CDN default, and the workers are built by Vite from the package.
// Monaco's Trusted Types hook and worker factory must exist before its modules load (main.tsx imports this too).
import '../app/monacoEnvironment';
import Editor, { loader } from '@monaco-editor/react';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
// The editor contributions (clipboard, find, folding, hover…): jsonMode imports this module lazily, and
// contributions registered after the first editor exists fail with "depends on UNKNOWN service".
import 'monaco-editor/internal/common/workers';
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/language/json/monaco.contribution';
loader.config({ monaco });

// Editor themes whose background is the page's own (Tailwind white / slate-900), so the editors sit in
// the panels instead of looking pasted in.
monaco.editor.defineTheme('workbench-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#ffffff', 'editorGutter.background': '#ffffff' },
});
monaco.editor.defineTheme('workbench-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#0f172a', 'editorGutter.background': '#0f172a' },
});

export type MonacoJsonEditorProps = {
  label: string;
  value: string;
  readOnly: boolean;
  dark: boolean;
  onChange: (text: string) => void;
  height: string;
  /** Focus the editor on mount with the caret at this offset (it replaces a focused plain editor). */
  focusAt?: number | undefined;
};

// One options object per (label, readOnly): @monaco-editor/react calls updateOptions whenever the
// object changes, and a relayout on every keystroke in the token box costs tens of milliseconds.
const BASE_OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  minimap: { enabled: false },
  lineNumbers: 'off',
  folding: true,
  fontSize: 13,
  scrollBeyondLastLine: false,
  wordWrap: 'on',
  automaticLayout: true,
  renderLineHighlight: 'none',
  padding: { top: 8, bottom: 8 },
  lineDecorationsWidth: 6,
  links: false,
  overviewRulerLanes: 0,
  tabSize: 2,
  // Tab must leave the editor for keyboard-only users (issue 6); Ctrl+M toggles it back.
  tabFocusMode: true,
  fixedOverflowWidgets: true,
  // The EditContext input path (Chromium) ignores synthetic input and some IMEs; the classic
  // hidden textarea is what assistive tech and automation have been tested against for years.
  editContext: false,
};

function MonacoJsonEditor({ label, value, readOnly, dark, onChange, height, focusAt }: MonacoJsonEditorProps) {
  const options = useMemo(() => ({ ...BASE_OPTIONS, ariaLabel: label, readOnly }), [label, readOnly]);
  // The latest onChange without handing Monaco a new callback on every render.
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  const valueRef = useRef(value);
  /** True while we put the owner's text into the editor: that is not an edit by the user. */
  const pushing = useRef(false);
  const handleChange = useCallback((text: string | undefined) => {
    if (!pushing.current) onChangeRef.current(text ?? '');
  }, []);
  const focusAtMount = useRef(focusAt);
  const handleMount = useCallback((editor: monaco.editor.IStandaloneCodeEditor) => {
    editorRef.current = editor;
    // The text may have changed while Monaco was starting.
    pushValue(editor, valueRef.current, pushing);
    const offset = focusAtMount.current;
    const model = editor.getModel();
    if (offset === undefined || !model) return;
    editor.setPosition(model.getPositionAt(offset));
    editor.focus();
  }, []);
  // The owner's text goes into the editor here, in a layout effect, i.e. in the same task as the render,
  // and not through @monaco-editor/react's `value` prop: that one is applied in a passive effect, which
  // Preact runs after the next paint. A key pressed before it ran made the editor hold more than the
  // stale `value`, so the effect replaced the text with the old value and then the new one, throwing
  // the caret to the end of the document: the next letter landed after the closing brace (issue 7 bench:
  // keys lost in 2 runs of 3 at 5 ms apart; a fast typist's bursts come close). Here `value` is compared with the editor's text
  // at the moment of the render, when the two can only differ by a change of the owner's.
  useLayoutEffect(() => {
    valueRef.current = value;
    if (editorRef.current) pushValue(editorRef.current, value, pushing);
  }, [value]);
  return (
    <Editor
      language="json"
      defaultValue={value}
      height={height}
      theme={dark ? 'workbench-dark' : 'workbench-light'}
      loading={null}
      onChange={handleChange}
      onMount={handleMount}
      options={options}
    />
  );
}

/** Puts `text` into the editor unless it already holds it, as one undoable edit, without an onChange. */
function pushValue(editor: monaco.editor.IStandaloneCodeEditor, text: string, pushing: { current: boolean }): void {
  const model = editor.getModel();
  if (!model || model.getValue() === text) return;
  pushing.current = true;
  try {
    if (editor.getOption(monaco.editor.EditorOption.readOnly)) model.setValue(text);
    else {
      editor.executeEdits('owner', [{ range: model.getFullModelRange(), text, forceMoveMarkers: true }]);
      editor.pushUndoStop();
    }
  } finally {
    pushing.current = false;
  }
}

// onChange is read through a ref, so a new callback alone does not re-render Monaco.
export default memo(
  MonacoJsonEditor,
  (a, b) =>
    a.value === b.value &&
    a.label === b.label &&
    a.readOnly === b.readOnly &&
    a.dark === b.dark &&
    a.height === b.height,
);
