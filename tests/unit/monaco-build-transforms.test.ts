// What config/monaco.ts does to Monaco's own files, run on those files: the result must behave as before.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { rolldown } from 'rolldown';
import { describe, expect, it } from 'vitest';
import { API_ENUMS_IN_USE, namespacesAsPureCalls, onlyApiEnumsInUse } from '../../config/monaco';

const require = createRequire(import.meta.url);
const ENUMS_FILE = require.resolve('monaco-editor/editor/common/standalone/standaloneEnums.js');
// The package's exports reach only its vs/ folder; the LSP types sit beside it.
const LSP_TYPES_FILE = `${ENUMS_FILE.slice(0, ENUMS_FILE.indexOf('/esm/vs/'))}/esm/external/vscode-languageserver-types/lib/esm/main.js`;

type Enums = Record<string, Record<string, unknown>>;
const load = async (code: string): Promise<Enums> =>
  (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as Enums;

function transform(code: string, plugin: Plugin = onlyApiEnumsInUse(), id = ENUMS_FILE): string {
  const hook = plugin.transform as (this: unknown, code: string, id: string) => { code: string } | null;
  const context = {
    error(message: string) {
      throw new Error(message);
    },
  };
  const result = hook.call(context, code, id);
  if (!result) throw new Error('the transform left the file alone');
  return result.code;
}

describe('onlyApiEnumsInUse', () => {
  it('keeps the enums in use as they are, and a left-out enum names the list when read', async () => {
    const original = readFileSync(ENUMS_FILE, 'utf8');
    const before = await load(original);
    const after = await load(transform(original));
    for (const name of API_ENUMS_IN_USE) expect(after[name]).toEqual(before[name]);
    expect(after.EditorOption?.readOnly).toBe(before.EditorOption?.readOnly);
    expect(() => after.KeyCode?.Enter).toThrow(/KeyCode enum is left out.*API_ENUMS_IN_USE/);
    // A promise or a console inspecting the object is not a caller.
    expect(after.KeyCode?.then).toBeUndefined();
    expect(Object.keys(after).length).toBe(Object.keys(before).length);
  });

  it('fails the build when Monaco writes its enums differently', () => {
    expect(() => transform('export const KeyCode = { Enter: 3 };')).toThrow(/changed shape/);
  });
});

describe('namespacesAsPureCalls', () => {
  const original = readFileSync(LSP_TYPES_FILE, 'utf8');

  it("leaves the LSP types' namespaces working as before", async () => {
    const before = await load(original);
    const after = await load(transform(original, namespacesAsPureCalls(), LSP_TYPES_FILE));
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(after.Range?.create).toBeTypeOf('function');
    const create = (types: Enums) => (types.Range?.create as (...n: number[]) => unknown)(1, 2, 3, 4);
    expect(create(after)).toEqual(create(before));
    expect(after.CompletionItemKind).toEqual(before.CompletionItemKind);
  });

  it('lets the bundler drop the namespaces nobody imports', async () => {
    const bundle = async (plugins: Plugin[]) => {
      const build = await rolldown({
        input: 'entry',
        plugins: [
          {
            name: 'entry',
            resolveId: (id) => (id === 'entry' ? id : id === 'types' ? LSP_TYPES_FILE : null),
            load: (id) =>
              id === 'entry' ? "import { Position } from 'types'; export const p = Position.create(1, 2);" : null,
          },
          ...(plugins as never[]),
        ],
      });
      const { output } = await build.generate({ format: 'esm' });
      return output[0].code;
    };
    const plain = await bundle([]);
    const pure = await bundle([namespacesAsPureCalls()]);
    expect(plain).toContain('CodeActionKind');
    expect(pure).not.toContain('CodeActionKind');
    expect(pure).toContain('Position');
  });

  it('leaves an enum alone when a member calls something', () => {
    const id = '/x/node_modules/monaco-editor/esm/vs/some/module.js';
    const code = 'var Kind;\n(function (Kind) {\n    Kind[Kind["A"] = register()] = "A";\n})(Kind || (Kind = {}));\n';
    const hook = namespacesAsPureCalls().transform as (code: string, id: string) => unknown;
    expect(hook(code, id)).toBeNull();
    const plainEnum = code.replace('register()', '1');
    expect(transform(plainEnum, namespacesAsPureCalls(), id)).toContain('/* @__PURE__ */');
  });
});
