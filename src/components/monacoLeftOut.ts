// Stands in for Monaco modules a JSON editor never runs (vite.config.ts points their imports here). Each is
// imported by a feature that is kept only for a class to test against or a controller to look up, and
// brings a widget tree with it; here the lookup finds nothing and the test never matches, which is what
// the real module does when its contribution is not registered or the language has no such provider.
import { createFastDomNode, type FastDomNode } from 'monaco-editor/base/browser/fastDomNode';
import { ViewPart } from 'monaco-editor/editor/browser/view/viewPart';
import { createDecorator } from 'monaco-editor/platform/instantiation/common/instantiation';

function notInThisBuild(what: string): never {
  throw new Error(`${what} is not part of this build of Monaco`);
}

// The standalone API can create diff editors; a JSON editor never does, and the widgets are a tenth of
// Monaco's script.
export class DiffEditorWidget {
  constructor() {
    notInThisBuild('The diff editor');
  }
}

export class MultiDiffEditorWidget {
  constructor() {
    notInThisBuild('The multi-file diff editor');
  }
}

// Hover: the JSON language offers no definitions or code actions, and no colour decorators or inlay hints
// are registered, so "Go to definition", "Quick Fix…" and the colour picker never appear in a hover.
const noContribution = { get: (): null => null };

export const GotoDefinitionAtPositionEditorContribution = noContribution;
export const CodeActionController = noContribution;
export class ColorHover {}
export class HoverColorPickerParticipant {}
export class InlayHintsHover {}
export const isOnColorDecorator = (): boolean => false;
// The marker hover asks the code action providers for quick fixes; the JSON language registers none, so the
// answer is always "No quick fixes available".
export const quickFixCommandId = 'editor.action.quickFix';
export const ApplyCodeActionReason = Object.freeze({ FromProblemsHover: 'fromProblemsHover' });
export function getCodeActions(): Promise<{ validActions: []; allActions: []; dispose(): void }> {
  return Promise.resolve({ validActions: [], allActions: [], dispose() {} });
}
// The glyph-margin hover shows decorations' margin and line-number hover messages, which no kept feature sets.
export class GlyphHoverController {
  static readonly ID = 'editor.contrib.marginHover';
  dispose(): void {}
}
export const InlineSuggestionHintsContentWidget = { dropDownVisible: false };

// Paste: the drop/paste-as providers' controller is registered by a contribution this build leaves out.
export const CopyPasteController = noContribution;

// The quick input (command palette, Go to Line, quick outline) is not offered; Monaco's service is created
// at start-up, so this one exists and refuses when something asks it for a picker.
export class StandaloneQuickInputService {
  readonly _serviceBrand = undefined;
  get currentQuickInput(): undefined {
    return undefined;
  }
  get quickAccess(): never {
    return notInThisBuild('Quick access');
  }
  pick(): never {
    return notInThisBuild('Quick pick');
  }
  input(): never {
    return notInThisBuild('Quick input');
  }
  createQuickPick(): never {
    return notInThisBuild('Quick pick');
  }
  createInputBox(): never {
    return notInThisBuild('Quick input');
  }
  toggle(): void {}
  toggleHover(): void {}
}

// The list service tracks the workbench's lists and trees (quick input, references peek), none of which
// this build has; Monaco creates the service at start-up, and the real one imports every tree widget.
export const IListService = createDecorator('listService');
export class ListService {
  readonly _serviceBrand = undefined;
  readonly lastFocusedList = undefined;
  register(): never {
    return notInThisBuild('A workbench list');
  }
  dispose(): void {}
}

// Drop-down boxes in action bars: no menu or widget kept here has one.
export const SeparatorSelectOption = Object.freeze({ text: '─────────', isDisabled: true, isSeparator: true });
export class SelectBox {
  constructor() {
    notInThisBuild('A select box');
  }
}

// The GPU renderer runs only with `experimentalGpuAcceleration: 'on'`, which these editors never set.
export class ViewGpuContext {
  constructor() {
    notInThisBuild('The GPU renderer');
  }
}
export const ViewLinesGpu = ViewGpuContext;
export const RulersGpu = ViewGpuContext;
export const GpuMarkOverlay = ViewGpuContext;

// Monarch tokenizers are made by `setMonarchTokensProvider`; the JSON language has a tokenizer of its own.
export class MonarchTokenizer {
  constructor() {
    notInThisBuild('Monarch');
  }
}
export function compile(): never {
  return notInThisBuild('Monarch');
}

// Tree-sitter tokens are used only for a language the tree-sitter service supports, and the standalone
// service supports none.
export class TreeSitterSyntaxTokenBackend {
  constructor() {
    notInThisBuild('Tree-sitter tokenization');
  }
}

// The observables' DevTools logger is attached only when VS Code's developers debug observables.
export const DevToolsLogger = {
  getInstance(): never {
    return notInThisBuild("The observables' DevTools logger");
  },
};

// The minimap is off in these editors (`minimap: { enabled: false }`), but the view creates it anyway; this
// one is the empty element it would render, and never draws.
export class Minimap extends ViewPart {
  private readonly domNode: FastDomNode = createFastDomNode(document.createElement('div'));
  constructor(context: unknown) {
    super(context);
    this.domNode.setClassName('minimap');
  }
  getDomNode(): FastDomNode {
    return this.domNode;
  }
  prepareRender(): void {}
  render(): void {}
}

// The EditContext input path runs only with `editContext: true`; these editors set it false and type
// through the hidden textarea in every browser.
export class NativeEditContext {
  constructor() {
    notInThisBuild('The EditContext input path');
  }
}

// Markdown: what reaches a renderer here is the JSON language's schema hovers, whose text is escaped paragraphs
// and `code` spans (completion details are plain strings); drawn as text nodes, they need neither Markdown's
// parser nor an HTML sanitizer, and anything richer shows as its own text.
type Markdown = { readonly value: string };
const MAX_MARKDOWN_LENGTH = 100_000;
const markdownEscape = /\\([\\`*_{}[\]()#+\-.!~])/g;
// A backslash escape, or a code span: a run of backticks, its text, and the same run again.
const markdownInline = /\\([\\`*_{}[\]()#+\-.!~])|(?<!`)(`+)(?!`)([\s\S]*?[^`])\2(?!`)/g;

function markdownParagraph(text: string): HTMLParagraphElement {
  const paragraph = document.createElement('p');
  let last = 0;
  for (const match of text.matchAll(markdownInline)) {
    paragraph.append(text.slice(last, match.index), match[1] ?? '');
    last = match.index + match[0].length;
    const code = match[3];
    if (code === undefined) continue;
    const element = document.createElement('code');
    element.textContent = /^ [\s\S]* $/.test(code) ? code.slice(1, -1) : code;
    paragraph.append(element);
  }
  paragraph.append(text.slice(last));
  return paragraph;
}

export function renderMarkdown(
  markdown: Markdown,
  _options?: unknown,
  target?: HTMLElement,
): { element: HTMLElement; dispose(): void } {
  const element = target ?? document.createElement('div');
  const value =
    markdown.value.length > MAX_MARKDOWN_LENGTH ? `${markdown.value.slice(0, MAX_MARKDOWN_LENGTH)}…` : markdown.value;
  const paragraphs = value.split(/\n[ \t]*\n/).filter((text) => text.trim() !== '');
  element.replaceChildren(...paragraphs.map((text) => markdownParagraph(text.trim())));
  return { element, dispose() {} };
}

export function renderAsPlaintext(markdown: string | Markdown): string {
  return typeof markdown === 'string' ? markdown : markdown.value.replace(markdownEscape, '$1').trim();
}
