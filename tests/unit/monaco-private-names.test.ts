// The build's renaming of Monaco's private (`_`) properties: only names nothing outside the chunk can read go.
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import { renamePrivateProperties } from '../../config/monaco-private-names';

const CHUNK = `
class Counter {
  constructor() { this._count = 0; this._shared = 1; this._byString = 2; }
  _bump() { return ++this._count; }
  get _double() { return this._count * 2; }
}
export const counter = new Counter();
export const bump = () => counter._bump();
export const double = () => counter._double;
export const readByName = (o) => o['_byString'] + ('_asked' in o ? 10 : 0);
export const shared = (o) => o._shared;
export const keys = () => Object.keys(counter).sort();
`;

async function load(code: string): Promise<Record<string, (...args: unknown[]) => unknown>> {
  return (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as Record<
    string,
    (...args: unknown[]) => unknown
  >;
}

describe('renamePrivateProperties', () => {
  it('renames the private names only this code uses, and the code runs the same', async () => {
    const { code, renamed } = await renamePrivateProperties(CHUNK, ['_shared'], (text) => parseAst(text));
    expect(renamed).toBe(3);
    for (const gone of ['_count', '_bump', '_double']) expect(code).not.toContain(gone);
    const before = await load(CHUNK);
    const after = await load(code);
    expect([after.bump?.(), after.bump?.(), after.double?.()]).toEqual([
      before.bump?.(),
      before.bump?.(),
      before.double?.(),
    ]);
    expect(after.double?.()).toBe(4);
    expect(after.readByName?.(after.counter)).toBe(2);
    // Names another file reads, and names the code reads by string, keep their spelling.
    expect(after.shared?.(after.counter)).toBe(1);
    expect(after.keys?.()).toContain('_shared');
    expect(after.keys?.()).toContain('_byString');
    expect(after.keys?.()).not.toContain('_count');
  });

  it('keeps a name written in any string of the code, however it is read', async () => {
    const code = `export const o = { _viaString: 1, _plain: 2 }; export const name = 'look up _viaString here';`;
    const { code: out } = await renamePrivateProperties(code, [], (text) => parseAst(text));
    expect(out).toContain('_viaString');
    expect(out).not.toContain('_plain');
  });
});
