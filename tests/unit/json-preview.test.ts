import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countPrettyJsonLines, previewJson } from '../../src/core/json-preview';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

describe('previewJson', () => {
  it('writes the whole value exactly as JSON.stringify(value, null, 2) when the lines suffice', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const lines = pretty(value).split('\n').length;
        expect(previewJson(value, lines)).toEqual({ text: pretty(value), shownLines: lines, totalLines: lines });
      }),
      { numRuns: 500 },
    );
  });

  it('writes the first lines of JSON.stringify(value, null, 2) and counts all of them', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 40 }), (value, maxLines) => {
        const all = pretty(value).split('\n');
        const preview = previewJson(value, maxLines);
        expect(preview.text).toBe(all.slice(0, maxLines).join('\n'));
        expect(preview.shownLines).toBe(Math.min(maxLines, all.length));
        expect(preview.totalLines).toBe(all.length);
      }),
      { numRuns: 500 },
    );
  });

  it('previews a 1 MB claim set by its first lines', () => {
    const groups = Array.from({ length: 30_000 }, (_, i) => `group-${i}:read write admin`);
    const preview = previewJson({ sub: 'u1', groups }, 4);
    expect(preview.text).toBe('{\n  "sub": "u1",\n  "groups": [\n    "group-0:read write admin",');
    expect(preview.totalLines).toBe(30_000 + 5);
  });

  it('counts the lines of a value nested 10,000 levels deep without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(countPrettyJsonLines(deep)).toBe(20_001);
    expect(previewJson(deep, 3).text).toBe('[\n  [\n    [');
  });
});
