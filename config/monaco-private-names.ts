// Monaco's private members are `_`-prefixed properties (`this._contentWidgets`, `_onDidChangeModel`…), written
// out in full thousands of times; no minifier renames properties on its own, since it cannot know who else reads
// them. Within each of Monaco's page chunks (the editor's, the JSON mode's) this pass renames such a name to a short
// one when it cannot be read from outside the chunk: it appears in no other module of the build (the app, the other
// chunk), in no module of the worker (the two talk by messages), and in no string of the chunk (read by name:
// `'_x' in o`, `o['_x']`). VS Code's own build does the same with TypeScript's types; without them, "seen anywhere
// else" is the rule. Terser's compression runs in the same pass. It all happens in renderChunk, before the bundler
// hashes the file, so the file's name still follows its content.
import { minify } from 'terser';
import type { Plugin, Rollup } from 'vite';
import { MONACO_MODULE } from './chunk-url.ts';

// The JSON mode is a chunk of its own, imported when the first JSON model appears.
const JSON_MODE_MODULE = /\/monaco-editor\/esm\/vs\/languages\/features\/json\/jsonMode\.js$/;
const WORD = /[A-Za-z_$][\w$]*/g;
const PRIVATE = /^_/;

type Words = Set<string>;
const wordsOf = (text: string): Words => new Set(text.match(WORD));

/** Every word written inside a string or template literal of the program (names a program may read by string). */
function wordsInStrings(ast: unknown): Words {
  const words: Words = new Set();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Literal' && typeof record.value === 'string')
      for (const w of wordsOf(record.value)) words.add(w);
    if (record.type === 'TemplateElement') {
      const value = record.value as { raw?: string } | undefined;
      for (const w of wordsOf(value?.raw ?? '')) words.add(w);
    }
    for (const key in record) if (key !== 'type') visit(record[key]);
  };
  visit(ast);
  return words;
}

/**
 * Renames the `_` properties of `code` that no name in `reserved` and no string of the code mentions. Exported for
 * the unit test; the build calls it through `monacoPrivateNames`.
 */
export async function renamePrivateProperties(
  code: string,
  reserved: Iterable<string>,
  parse: (code: string) => unknown,
): Promise<{ code: string; renamed: number }> {
  const kept = new Set(reserved);
  for (const w of wordsInStrings(parse(code))) kept.add(w);
  const nameCache: { props?: { props?: Record<string, string> } } = { props: {} };
  const result = await minify(code, {
    module: true,
    // Terser's compression too, while the file is parsed: 4 KB gzip more on Monaco's chunk.
    compress: {},
    mangle: { properties: { regex: PRIVATE, reserved: [...kept] } },
    nameCache,
    format: { comments: false },
  });
  if (result.code === undefined) throw new Error('terser returned no code');
  return { code: result.code, renamed: Object.keys(nameCache.props?.props ?? {}).length };
}

/**
 * The page build's plugin and the worker build's plugin (vite.config.ts puts them in place): the worker's plugin
 * collects the worker's words, which Vite builds while the page's modules are being read, before any chunk renders.
 */
export function monacoPrivateNames(): { page: Plugin; worker: Plugin } {
  const wordsByModule = new Map<string, Words>();
  const workerWords: Words = new Set();
  const page: Plugin = {
    name: 'jwt-workbench-monaco-private-names',
    apply: 'build',
    enforce: 'post',
    transform(code, id) {
      wordsByModule.set(id, wordsOf(code));
      return null;
    },
    async renderChunk(code, chunk: Rollup.RenderedChunk) {
      const entry = chunk.facadeModuleId ?? '';
      if (!MONACO_MODULE.test(entry) && !JSON_MODE_MODULE.test(entry)) return null;
      if (workerWords.size === 0) return this.error("Monaco's worker was not built before Monaco's chunk");
      const inChunk = new Set(chunk.moduleIds);
      const reserved = new Set(workerWords);
      for (const [id, words] of wordsByModule) if (!inChunk.has(id)) for (const w of words) reserved.add(w);
      const { code: renamed } = await renamePrivateProperties(code, reserved, (text) => this.parse(text));
      return { code: renamed, map: null };
    },
  };
  const worker: Plugin = {
    name: 'jwt-workbench-monaco-private-names-worker',
    apply: 'build',
    enforce: 'post',
    transform(code) {
      for (const w of wordsOf(code)) workerWords.add(w);
      return null;
    },
  };
  return { page, worker };
}
