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
// Monaco's bracket colours by depth fail WCAG AA's 4.5:1 in two places: the light theme's second (#319331, 3.9:1 on
// white) and the red of an unmatched bracket in both (3.5 and 3.2:1 as drawn); these keep the hues at 5.4–6.5:1.
monaco.editor.defineTheme('workbench-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#ffffff',
    'editorGutter.background': '#ffffff',
    'editorBracketHighlight.foreground2': '#1e7a1e',
    'editorBracketHighlight.unexpectedBracket.foreground': '#c00000',
  },
});
monaco.editor.defineTheme('workbench-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#0f172a',
    'editorGutter.background': '#0f172a',
    'editorBracketHighlight.unexpectedBracket.foreground': '#ff6b6b',
  },
});

export type MonacoJsonEditorProps = {
  label: string;
  value: string;
  readOnly: boolean;
  dark: boolean;
  onChange: (text: string) => void;
  height: string;
  /** Called once the editor exists (its first lines render in the next frame). */
  onCreated?: (() => void) | undefined;
  /**
   * Called once the editor's first lines are in the page (or after about a second without any). The plain editor it
   * replaces answers with its text and caret if it has focus: the editor takes both, and the focus.
   */
  onDrawn?: (() => PlainEditorState | undefined) | undefined;
};

/** A focused plain editor's text and caret offset, handed to Monaco when it takes over. */
export type PlainEditorState = { text: string; caret: number };

// Frames to wait for the first drawn lines before saying the editor is drawn anyway (a box with no height has none).
const MAX_FRAMES_TO_FIRST_LINES = 60;
// Smaller than any editor box on the page, larger than the few pixels Monaco first draws into.
const MIN_DRAWN_SIZE_PX = 20;

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
  onCreated,
  onDrawn,
}: MonacoJsonEditorProps) {
  const options = useMemo(() => ({ ...BASE_OPTIONS, ariaLabel: label, readOnly }), [label, readOnly]);
  const handleChange = useCallback((text: string | undefined) => onChange(text ?? ''), [onChange]);
  const onCreatedAtMount = useRef(onCreated);
  const onDrawnAtMount = useRef(onDrawn);
  const theme = dark ? 'workbench-dark' : 'workbench-light';
  // Before the editor exists: set after it, the theme restyles the rendered editor (tens of ms).
  const handleBeforeMount = useCallback((api: typeof monaco) => api.editor.setTheme(theme), [theme]);
  const handleMount = useCallback((editor: monaco.editor.IStandaloneCodeEditor) => {
    // @monaco-editor/react shows its container in the render before this call: laid out now, the editor draws at its
    // real size in the next frame instead of after its resize observer has noticed, a frame or two later.
    editor.layout();
    onCreatedAtMount.current?.();
    // The editor is built in a hidden container: it first draws one line in a box of a few pixels, then lays itself
    // out at its real size and draws every line in view a frame or two later. Drawn means the latter.
    const node = editor.getDomNode();
    const linesInView = () =>
      editor.getVisibleRanges().reduce((n, r) => n + r.endLineNumber - r.startLineNumber + 1, 0);
    const drawn = (element: HTMLElement) =>
      element.offsetWidth > MIN_DRAWN_SIZE_PX &&
      element.offsetHeight > MIN_DRAWN_SIZE_PX &&
      element.querySelectorAll('.view-line').length >= linesInView();
    let disposed = false;
    editor.onDidDispose(() => {
      disposed = true;
    });
    const takeOver = () => {
      const plain = onDrawnAtMount.current?.();
      const model = editor.getModel();
      if (!plain || !model) return;
      // Keys typed into the plain editor a moment ago may not have reached this editor's value yet.
      if (editor.getValue() !== plain.text) editor.setValue(plain.text);
      const caret = model.getPositionAt(plain.caret);
      editor.setPosition(caret);
      editor.revealPositionInCenterIfOutsideViewport(caret);
      editor.focus();
    };
    const waitForLines = (frames: number) => {
      if (disposed) return;
      if (!node || drawn(node) || frames >= MAX_FRAMES_TO_FIRST_LINES) takeOver();
      else requestAnimationFrame(() => waitForLines(frames + 1));
    };
    requestAnimationFrame(() => waitForLines(0));
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
