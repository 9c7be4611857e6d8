// The pane arithmetic behind the resizable layout (src/app/paneSizes.ts).
import { describe, expect, it } from 'vitest';
import { moveSeparator, readSizes, separatorRange, writeSizes, type PaneSpec } from '../../src/app/paneSizes';

const PANES: PaneSpec[] = [
  { id: 'encoded', defaultSize: 30, minSize: 18 },
  { id: 'decoded', defaultSize: 38, minSize: 22 },
  { id: 'key', defaultSize: 32, minSize: 20 },
];
const DEFAULTS = [30, 38, 32];

describe('moveSeparator', () => {
  it('moves space between the two panes beside the separator', () => {
    expect(moveSeparator(DEFAULTS, PANES, 0, 5)).toEqual([35, 33, 32]);
    expect(moveSeparator(DEFAULTS, PANES, 1, -5)).toEqual([30, 33, 37]);
  });

  it('takes from the next pane once the neighbour is at its minimum', () => {
    expect(moveSeparator(DEFAULTS, PANES, 0, 20)).toEqual([50, 22, 28]);
    expect(moveSeparator(DEFAULTS, PANES, 1, -20)).toEqual([26, 22, 52]);
  });

  it('stops when every pane on that side is at its minimum', () => {
    expect(moveSeparator(DEFAULTS, PANES, 0, 100)).toEqual([58, 22, 20]);
    expect(moveSeparator(DEFAULTS, PANES, 0, -100)).toEqual([18, 50, 32]);
    expect(moveSeparator(DEFAULTS, PANES, 1, 100)).toEqual([30, 50, 20]);
    expect(moveSeparator(DEFAULTS, PANES, 1, -100)).toEqual([18, 22, 60]);
  });

  it('keeps the total at 100', () => {
    for (const delta of [-37.3, -3, 0, 0.7, 12.25, 80]) {
      for (const index of [0, 1]) {
        const sizes = moveSeparator(DEFAULTS, PANES, index, delta);
        expect(sizes.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
        sizes.forEach((size, i) => expect(size).toBeGreaterThanOrEqual(PANES[i]!.minSize));
      }
    }
  });
});

describe('separatorRange', () => {
  it('reports the size of the pane before the separator and how far it can move', () => {
    expect(separatorRange(DEFAULTS, PANES, 0)).toEqual({ now: 30, min: 18, max: 58 });
    expect(separatorRange(DEFAULTS, PANES, 1)).toEqual({ now: 38, min: 22, max: 50 });
  });
});

describe('readSizes', () => {
  it('reads what writeSizes stored, and the format react-resizable-panels stored', () => {
    expect(readSizes(writeSizes([25, 45, 30], PANES), PANES)).toEqual([25, 45, 30]);
    expect(readSizes('{"encoded":40,"decoded":30,"key":30}', PANES)).toEqual([40, 30, 30]);
  });

  it('falls back to the defaults for missing, broken or impossible layouts', () => {
    for (const stored of [
      null,
      '',
      'not json',
      'null',
      '[30,38,32]',
      '{"encoded":30,"decoded":38}',
      '{"encoded":"30","decoded":38,"key":32}',
      '{"encoded":10,"decoded":58,"key":32}',
      '{"encoded":30,"decoded":38,"key":52}',
    ]) {
      expect(readSizes(stored, PANES), String(stored)).toEqual(DEFAULTS);
    }
  });
});
