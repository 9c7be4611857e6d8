// The one lazily imported module holding Monaco (the first paint and the first decode
// never wait for it). Bundled locally: `loader.config({ monaco })` stops @monaco-editor/react
// from fetching Monaco from its CDN default, and the workers are built by Vite from the package.
// Monaco's Trusted Types hook and worker factory must exist before its modules load (main.tsx imports this too).
import './monacoEnvironment';
import Editor, { loader } from '@monaco-editor/react';
import { memo, useCallback, useMemo, useRef } from 'react';
import './monacoFeatures';
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
  /** Called once the editor exists (its first lines render in the next frame). */
  onCreated?: (() => void) | undefined;
  /** Called once the editor's first lines are in the page (or after about a second without any). */
  onDrawn?: (() => void) | undefined;
};

// Frames to wait for the first drawn lines before saying the editor is drawn anyway (a box with no height has none).
const MAX_FRAMES_TO_FIRST_LINES = 60;

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
  // Tab must leave the editor for keyboard-only users; Ctrl+M toggles it back.
  tabFocusMode: true,
  fixedOverflowWidgets: true,
  // The EditContext input path (Chromium) ignores synthetic input and some IMEs; the classic
  // hidden textarea is what assistive tech and automation have been tested against for years.
  editContext: false,
  // 'prompt' (the default) opens a native confirm() for U+2028/U+2029 in a claim and rewrites the token if accepted.
  unusualLineTerminators: 'off',
};

function MonacoJsonEditor({
  label,
  value,
  readOnly,
  dark,
  onChange,
  height,
  focusAt,
  onCreated,
  onDrawn,
}: MonacoJsonEditorProps) {
  const options = useMemo(() => ({ ...BASE_OPTIONS, ariaLabel: label, readOnly }), [label, readOnly]);
  const handleChange = useCallback((text: string | undefined) => onChange(text ?? ''), [onChange]);
  const focusAtMount = useRef(focusAt);
  const onCreatedAtMount = useRef(onCreated);
  const onDrawnAtMount = useRef(onDrawn);
  const theme = dark ? 'workbench-dark' : 'workbench-light';
  // Before the editor exists: set after it, the theme restyles the rendered editor (tens of ms).
  const handleBeforeMount = useCallback((api: typeof monaco) => api.editor.setTheme(theme), [theme]);
  const handleMount = useCallback((editor: monaco.editor.IStandaloneCodeEditor) => {
    onCreatedAtMount.current?.();
    // The editor is built in a hidden container and lays itself out once shown: its lines come a frame or two later.
    const node = editor.getDomNode();
    const waitForLines = (frames: number) => {
      if (!node || node.querySelector('.view-line') || frames >= MAX_FRAMES_TO_FIRST_LINES) onDrawnAtMount.current?.();
      else requestAnimationFrame(() => waitForLines(frames + 1));
    };
    requestAnimationFrame(() => waitForLines(0));
    const offset = focusAtMount.current;
    const model = editor.getModel();
    if (offset === undefined || !model) return;
    editor.setPosition(model.getPositionAt(offset));
    editor.focus();
  }, []);
  return (
    <Editor
      language="json"
      value={value}
      height={height}
      theme={theme}
      loading={null}
      beforeMount={handleBeforeMount}
      onChange={handleChange}
      onMount={handleMount}
      options={options}
      // The context menu is drawn beside the editor, not inside it (fixedOverflowWidgets): the theme's colour
      // variables are set on .monaco-component too, so on the container they reach the menu (else it is see-through).
      className="monaco-component"
    />
  );
}

export default memo(MonacoJsonEditor);
