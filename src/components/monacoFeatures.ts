// The editor contributions a JSON editor uses, and nothing else (no diff editor actions, inline
// completions, code lens, colour picker, GPU renderer, sticky scroll…). Imported by MonacoJsonEditor
// before it creates an editor: a contribution registered after the first editor exists fails with
// "depends on UNKNOWN service".
/* eslint-disable @typescript-eslint/no-restricted-imports -- monaco-editor's own features/ entry points, not src/features */
import 'monaco-editor/editor/browser/coreCommands';
// The icon font of the find widget, folding markers, suggestions and menus.
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/hover/register';
// The suggest controller alone: features/suggest/register also offers suggestions as inline completions.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/lineSelection/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/wordPartOperations/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/format/register';
// Ctrl+M: tabFocusMode is on (Tab leaves the editor) and this is how a keyboard user turns it off.
import 'monaco-editor/features/toggleTabFocusMode/register';
// The JSON language's mode (its tokenizer and the worker-backed features) is a chunk of its own that Monaco
// imports when the first JSON model appears; fetched now, it is there by then, and the first frame of the
// first editor shows coloured text instead of plain text and a second render.
void import('monaco-editor/languages/features/json/jsonMode');
