// The build keeps the enums of Monaco's API object that a caller here reads; the rest throw on any read.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { API_ENUMS_IN_USE, onlyApiEnumsInUse } from '../../config/monaco';

const require = createRequire(import.meta.url);
const ENUMS_FILE = require.resolve('monaco-editor/editor/common/standalone/standaloneEnums.js');

type Enums = Record<string, Record<string, unknown>>;
const load = async (code: string): Promise<Enums> =>
  (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as Enums;

function transform(code: string): string {
  const plugin = onlyApiEnumsInUse();
  const hook = plugin.transform as (this: unknown, code: string, id: string) => { code: string } | null;
  const context = {
    error(message: string) {
      throw new Error(message);
    },
  };
  const result = hook.call(context, code, ENUMS_FILE);
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
