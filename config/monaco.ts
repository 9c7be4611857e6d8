// How the build cuts Monaco down to a JSON editor. src/components/monacoFeatures.ts picks the editor
// contributions; what those still import but a JSON editor never runs is pointed at stand-ins here (each
// stand-in says why it is safe), and the icon set is cut to the icons the kept features show.
import { fileURLToPath } from 'node:url';
import type { Alias, Plugin } from 'vite';

const source = (path: string): string => fileURLToPath(new URL(`../src/components/${path}`, import.meta.url));

/** Monaco modules (the end of their import path) whose importers get src/components/monacoLeftOut.ts instead. */
const LEFT_OUT = [
  'diffEditor/diffEditorWidget',
  'multiDiffEditor/multiDiffEditorWidget',
  'gotoSymbol/browser/link/goToDefinitionAtPosition',
  'codeAction/browser/codeActionController',
  'colorPicker/browser/hoverColorPicker/hoverColorPicker(?:Participant)?',
  'inlayHints/browser/inlayHintsHover',
  'inlineCompletions/browser/hintsWidget/inlineCompletionsHintsWidget',
  'dropOrPasteInto/browser/copyPasteController',
  'quickInput/standaloneQuickInputService',
  'platform/list/browser/listService',
  'selectBox/selectBox',
  'gpu/viewGpuContext',
  'viewLinesGpu/viewLinesGpu',
  'rulersGpu/rulersGpu',
  'gpuMark/gpuMark',
  'monarch/monarchLexer',
  'monarch/monarchCompile',
  'treeSitter/treeSitterSyntaxTokenBackend',
  'logging/debugger/devToolsLogger',
  'viewParts/minimap/minimap',
  'editContext/native/nativeEditContext',
  'base/browser/markdownRenderer',
  'hover/browser/glyphHoverController',
  'codeAction/browser/codeAction',
];

/** Aliases apply to the page's script and to the worker's alike. */
export const monacoAliases: Alias[] = [
  // Monaco's language modes import createWebWorker from a module that also imports every editor
  // contribution (diff editor, inline completions, GPU renderer…): monacoWebWorker.ts is that function alone.
  { find: /^(?:\.\.\/)+internal\/common\/workers\.js$/, replacement: source('monacoWebWorker.ts') },
  { find: new RegExp(`^.*/(?:${LEFT_OUT.join('|')})\\.js$`), replacement: source('monacoLeftOut.ts') },
  // The JSON language service's copy of VS Code's URI class, in the worker beside Monaco's own.
  { find: /^(?:\.\.\/)+(?:external\/)?vscode-uri\/lib\/esm\/index\.js$/, replacement: source('monacoVscodeUri.ts') },
  // The icons, font and names, cut to those this build shows (scripts/subset-codicons.mjs).
  { find: /^\.\/codicon\.ttf$/, replacement: source('codicon-subset.ttf') },
  { find: /^\.\/codiconsLibrary\.js$/, replacement: source('monacoCodicons.ts') },
];

/** Points one importer's import of a module at a stand-in, leaving every other importer's alone. */
function standIn(name: string, importerEnd: string, specifierEnd: string, replacement: string): Plugin {
  return {
    name,
    enforce: 'pre',
    resolveId(specifier, importer) {
      if (!importer?.endsWith(importerEnd) || !specifier.endsWith(specifierEnd)) return null;
      return source(replacement);
    },
  };
}

/**
 * The page's script: the editor worker service keeps a copy of the whole worker (diff algorithms, link and
 * colour computers, the Unicode highlighter's tables) to run in the page if the worker cannot start. The worker
 * always starts here (the same origin, or a blob: URL in the single file), so the copy is never used.
 */
export function monacoPagePlugins(): Plugin[] {
  return [
    staticFieldsAsFields(),
    withoutConfusablesTable(),
    withoutSettingDescriptions(),
    withoutRegistryDescriptions(),
    onlyApiEnumsInUse(),
    namespacesAsPureCalls(),
    compactGraphemeTable(),
    standIn(
      'jwt-workbench-monaco-no-local-worker',
      '/editor/browser/services/editorWorkerService.js',
      '/editorWebWorker.js',
      'monacoWorkerLeftOut.ts',
    ),
  ];
}

/**
 * The worker: what its page-side callers ask for, and only the left-out features call (the page's editor
 * worker service is the only client, and no kept feature sends these requests):
 * - the Unicode highlighter's and the colour detector's computations (both features are left out);
 * - the diff algorithms (`$computeDiff`: the diff editor and inline edits);
 * - the link computer (`$computeLinks`: the link detector, and `links` is off);
 * - section headers (`$findSectionHeaders`: the minimap, which is off);
 * - in-place replace (`$navigateValueSet`: Ctrl+Shift+, and ., a contribution not registered);
 * - the path library behind `URI.joinPath`, which nothing in the worker calls;
 * - the `monaco` API object Monaco puts there for custom worker modules, of which there are none.
 */
export function monacoWorkerPlugins(): Plugin[] {
  const editorWorkerCalls = [
    '/defaultDocumentColorsComputer.js',
    '/editorBaseApi.js',
    '/unicodeTextModelHighlighter.js',
    '/linesDiffComputers.js',
    '/linkComputer.js',
    '/findSectionHeaders.js',
    '/inplaceReplaceSupport.js',
  ];
  return [
    staticFieldsAsFields(),
    withoutConfusablesTable(),
    namespacesAsPureCalls(),
    ...editorWorkerCalls.map((specifierEnd) =>
      standIn(
        `jwt-workbench-monaco-worker-no${specifierEnd.replace(/\.js$/, '').replace('/', '-')}`,
        '/editor/common/services/editorWebWorker.js',
        specifierEnd,
        'monacoWorkerLeftOut.ts',
      ),
    ),
    standIn('jwt-workbench-monaco-worker-no-path', '/vs/base/common/uri.js', '/path.js', 'monacoWorkerLeftOut.ts'),
  ];
}

/**
 * Both: the tables of confusable characters (about 20 KB in each of the page and the worker) are read only by
 * the Unicode highlighter, which this build leaves out; `AmbiguousCharacters` then knows no character.
 */
export function withoutConfusablesTable(): Plugin {
  const table =
    /(static \{ this\.ambiguousCharacterData = new Lazy\(\(\) => \{[\s\S]*?return JSON\.parse\()'[^']*'(\);)/;
  return {
    name: 'jwt-workbench-monaco-without-confusables',
    transform(code, id) {
      if (!id.endsWith('/monaco-editor/esm/vs/base/common/strings.js')) return null;
      if (!table.test(code)) this.error("Monaco's table of confusable characters has changed shape");
      return { code: code.replace(table, `$1'{"_common":[]}'$2`), map: null };
    },
  };
}

/**
 * The page: the editor options' descriptions (about a quarter of their module) are written for a settings
 * editor; a standalone editor registers them with its configuration schema and never shows them.
 */
export function withoutSettingDescriptions(): Plugin {
  const description =
    /\b(markdownDescription|description|deprecationMessage|markdownDeprecationMessage)(\s*:\s*)localize\(\d+,\s*"(?:[^"\\]|\\.)*"\)/g;
  const enumDescriptions = /\benumDescriptions:\s*\[(?:\s*localize\(\d+,\s*"(?:[^"\\]|\\.)*"\),?)*\s*\]/g;
  const files = ['/editor/common/config/editorOptions.js', '/editor/common/config/editorConfigurationSchema.js'];
  return {
    name: 'jwt-workbench-monaco-without-setting-descriptions',
    transform(code, id) {
      if (!id.includes('/monaco-editor/esm/vs/') || !files.some((file) => id.endsWith(file))) return null;
      const trimmed = code.replace(description, "$1$2''").replace(enumDescriptions, 'enumDescriptions: []');
      if (trimmed === code) this.error(`${id}: Monaco's setting descriptions have changed shape`);
      return { code: trimmed, map: null };
    },
  };
}

/**
 * The page: the descriptions of colours, icons and context keys feed the settings editor's schemas and a
 * developer's "inspect context keys" command; a standalone editor shows none of them.
 */
export function withoutRegistryDescriptions(): Plugin {
  const registration = /^.*\b(?:registerColor|registerIcon|new RawContextKey)\(.*$/gm;
  const message = /\blocalize\(\d+,\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\)/g;
  return {
    name: 'jwt-workbench-monaco-without-registry-descriptions',
    transform(code, id) {
      if (!id.includes('/monaco-editor/esm/vs/') || !/registerColor\(|registerIcon\(|new RawContextKey\(/.test(code))
        return null;
      const trimmed = code.replace(registration, (line) => line.replace(message, "''"));
      return trimmed === code ? null : { code: trimmed, map: null };
    },
  };
}

/**
 * How TypeScript writes an enum or a namespace, from `var X;` at a line's start to its closing call:
 * `var X;\n(function (X) {\n…\n})(X || (X = {}));`. Groups: `export ` if exported, the name, the body.
 * Only for `String.replace` (the flag `g` keeps a position between `test`/`exec` calls).
 */
const TS_ENUM_OR_NAMESPACE =
  /^(export )?var (\w+);\n\(function \(\2\) \{\n([\s\S]*?)\n\}\)\(\2 \|\| \(\2 = \{\}\)\);$/gm;

/**
 * The enums of Monaco's API object a caller here reads: the JSON mode (completion and symbol kinds, highlight kinds,
 * marker severities) and @monaco-editor/react (`EditorOption.readOnly`). Monaco itself uses its own copies.
 */
export const API_ENUMS_IN_USE = [
  'CompletionItemInsertTextRule',
  'CompletionItemKind',
  'DocumentHighlightKind',
  'EditorOption',
  'MarkerSeverity',
  'SymbolKind',
];

/**
 * The page: Monaco's API object carries 48 enums (`monaco.KeyCode`, `monaco.editor.EditorOption`…) that only callers
 * of the API read. Those not in API_ENUMS_IN_USE (2 KB gzip) become an object that throws on any read, naming the
 * enum, so a new caller finds the list at once instead of reading `undefined`.
 */
export function onlyApiEnumsInUse(): Plugin {
  // Symbols and `then` answer undefined: a console or a promise that inspects the object is not a caller.
  const leftOut = `const leftOutEnum = (name) => new Proxy({}, { get(_, key) {
    if (typeof key !== 'string' || key === 'then') return undefined;
    throw new Error(\`monaco's \${name} enum is left out of this build (read: \${key}); see API_ENUMS_IN_USE in config/monaco.ts\`);
} });`;
  return {
    name: 'jwt-workbench-monaco-only-api-enums-in-use',
    transform(code, id) {
      if (!id.endsWith('/monaco-editor/esm/vs/editor/common/standalone/standaloneEnums.js')) return null;
      const kept = new Set<string>();
      const trimmed = code.replace(TS_ENUM_OR_NAMESPACE, (block, _exported: string | undefined, name: string) => {
        if (!API_ENUMS_IN_USE.includes(name)) return `var ${name} = leftOutEnum('${name}');`;
        kept.add(name);
        return block;
      });
      if (kept.size !== API_ENUMS_IN_USE.length) return this.error("Monaco's API enums have changed shape");
      return { code: `${leftOut}\n${trimmed}`, map: null };
    },
  };
}

/**
 * Both: TypeScript writes an enum or a namespace as `var X; (function (X) { … })(X || (X = {}));`, a call the bundler
 * keeps even when nothing reads X: the LSP types' 80 namespaces in the JSON mode and the worker, and Monaco's enums.
 * As `var X = /* @__PURE__ *\/ (function (X) { …; return X; })({});` it goes when unused. Only bodies known to do
 * nothing else: the LSP types' (functions and constants on X) and enums' (members only).
 */
export function namespacesAsPureCalls(): Plugin {
  const comment = /^\s*(?:\/\*\*?|\*|\*\/|\/\/)/;
  const enumBody = (name: string, body: string): boolean =>
    body.split('\n').every((line) => {
      if (!line.trim() || comment.test(line)) return true;
      const member = line.trim();
      // A member whose value calls something could do more than set the member.
      if (member.includes('(')) return false;
      return (
        member.startsWith(`${name}[${name}["`) ||
        (member.startsWith(`${name}["`) && /^\w+\["[^"]+"\] = "[^"]*";$/.test(member))
      );
    });
  const lspTypes = '/external/vscode-languageserver-types/lib/esm/main.js';
  return {
    name: 'jwt-workbench-monaco-namespaces-as-pure-calls',
    transform(code, id) {
      if (!id.includes('/monaco-editor/esm/') || !code.includes(' = {}));')) return null;
      const anyBody = id.endsWith(lspTypes);
      let changed = 0;
      const out = code.replace(
        TS_ENUM_OR_NAMESPACE,
        (whole, exported: string | undefined, name: string, body: string) => {
          if (!anyBody && !enumBody(name, body)) return whole;
          changed++;
          return `${exported ?? ''}var ${name} = /* @__PURE__ */ (function (${name}) {\n${body}\n    return ${name};\n})({});`;
        },
      );
      if (anyBody && changed < 50) return this.error("The LSP types' namespaces have changed shape");
      return changed ? { code: out, map: null } : null;
    },
  };
}

/** Decodes `compactGraphemeTable`'s string into Monaco's table (its source goes into the page as is). */
const DECODE_GRAPHEME_TABLE = `function decodeGraphemeTable(encoded) {
    const [gaps, lengths, kinds] = encoded.split('|');
    const gap = gaps.split(','), length = lengths.split(','), n = gap.length, sorted = [];
    for (let i = 0, end = 0; i < n; i++) {
        const start = end + parseInt(gap[i], 36);
        end = start + parseInt(length[i], 36);
        sorted.push(start, end, parseInt(kinds[i], 36));
    }
    const table = new Array(3 * (n + 1)).fill(0);
    let next = 0;
    const place = (node) => {
        if (node > n) return;
        place(2 * node);
        table.splice(3 * node, 3, ...sorted.slice(3 * next, 3 * next + 3));
        next++;
        place(2 * node + 1);
    };
    place(1);
    return table;
}`;

/**
 * The page: the grapheme-break table (cursor moves over emoji and combining marks) is 28 KB of decimal triples
 * laid out as a search tree, 10 KB gzip; sorted and delta-coded in base 36 it is under 2 KB, and the page lays
 * it out as the same tree on first use. The build decodes it and checks the result equals Monaco's table.
 */
export function compactGraphemeTable(): Plugin {
  const rawData = /(function getGraphemeBreakRawData\(\) \{)[^}]*?return JSON\.parse\('(\[[\d,]*\])'\);\s*\}/;
  return {
    name: 'jwt-workbench-monaco-compact-grapheme-table',
    transform(code, id) {
      if (!id.endsWith('/monaco-editor/esm/vs/base/common/strings.js')) return null;
      const match = rawData.exec(code);
      if (!match?.[2]) return this.error("Monaco's grapheme-break table has changed shape");
      const table = JSON.parse(match[2]) as number[];
      const ranges: Array<[number, number, number]> = [];
      for (let i = 3; i + 2 < table.length; i += 3) ranges.push([table[i] ?? 0, table[i + 1] ?? 0, table[i + 2] ?? 0]);
      ranges.sort((a, b) => a[0] - b[0]);
      let end = 0;
      const gaps: string[] = [];
      for (const [start, rangeEnd] of ranges) {
        gaps.push((start - end).toString(36));
        end = rangeEnd;
      }
      const encoded = [
        gaps.join(','),
        ranges.map(([start, rangeEnd]) => (rangeEnd - start).toString(36)).join(','),
        ranges.map(([, , kind]) => kind.toString(36)).join(''),
      ].join('|');
      const decode = new Function(`return ${DECODE_GRAPHEME_TABLE}`)() as (encoded: string) => number[];
      if (JSON.stringify(decode(encoded)) !== match[2])
        return this.error('The compact grapheme-break table decodes differently');
      const body = `$1\n    return (${DECODE_GRAPHEME_TABLE})('${encoded}');\n}`;
      return { code: code.replace(rawData, body), map: null };
    },
  };
}

/**
 * Both: TypeScript writes `static x = 0` as `static { this.x = 0; }`, and the bundler keeps every class with a
 * static block even when nothing uses it (the grapheme-break table's class, 10 KB gzip, in the worker); as a
 * static field of a constant, the class goes when unused.
 */
export function staticFieldsAsFields(): Plugin {
  const block =
    /static \{ this\.([A-Za-z_$][\w$]*) = (null|undefined|true|false|-?\d+(?:\.\d+)?|'[^'\\]*'|"[^"\\]*"); \}/g;
  return {
    name: 'jwt-workbench-monaco-static-fields',
    transform(code, id) {
      if (!id.includes('/monaco-editor/esm/vs/') || !code.includes('static { this.')) return null;
      const out = code.replace(block, 'static $1 = $2;');
      return out === code ? null : { code: out, map: null };
    },
  };
}
