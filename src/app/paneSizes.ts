// The arithmetic of the resizable panes (Layout.tsx), kept free of the DOM so it can be unit-tested.
// Sizes are percentages of the row (summing to 100), so a stored layout fits any window width.

export type PaneSpec = { readonly id: string; readonly defaultSize: number; readonly minSize: number };

/**
 * Moves separator `index` (between panes `index` and `index + 1`) by `delta` percentage points, positive
 * to the right. The panes on the side it moves toward give up the space, nearest first, each down to its
 * minimum; the pane on the other side takes all of it. This is how react-resizable-panels behaved.
 */
export function moveSeparator(
  sizes: readonly number[],
  panes: readonly PaneSpec[],
  index: number,
  delta: number,
): number[] {
  const next = [...sizes];
  const grower = delta > 0 ? index : index + 1;
  const givers =
    delta > 0
      ? next.map((_, i) => i).slice(index + 1)
      : next
          .map((_, i) => i)
          .slice(0, index + 1)
          .reverse();
  let wanted = Math.abs(delta);
  for (const i of givers) {
    const given = Math.min(wanted, Math.max(0, next[i]! - panes[i]!.minSize));
    next[i]! -= given;
    next[grower]! += given;
    wanted -= given;
  }
  return next;
}

/** aria-valuenow/min/max of separator `index`: the size of the pane before it, and how far it can go. */
export function separatorRange(
  sizes: readonly number[],
  panes: readonly PaneSpec[],
  index: number,
): { now: number; min: number; max: number } {
  const before = sizes.slice(0, index).reduce((sum, size) => sum + size, 0);
  const minimumsAfter = panes.slice(index + 1).reduce((sum, pane) => sum + pane.minSize, 0);
  return { now: sizes[index]!, min: panes[index]!.minSize, max: 100 - before - minimumsAfter };
}

/**
 * Sizes from storage (`{"encoded":30,"decoded":38,"key":32}`, the format react-resizable-panels wrote),
 * or the defaults when there is nothing usable: missing panes, a minimum not met, or a sum far from 100.
 */
export function readSizes(stored: string | null, panes: readonly PaneSpec[]): number[] {
  const defaults = panes.map((pane) => pane.defaultSize);
  if (!stored) return defaults;
  try {
    const value = JSON.parse(stored) as Record<string, unknown>;
    const sizes = panes.map((pane) => value[pane.id]);
    if (!sizes.every((size, i) => typeof size === 'number' && size >= panes[i]!.minSize - 0.01)) return defaults;
    const total = (sizes as number[]).reduce((sum, size) => sum + size, 0);
    if (Math.abs(total - 100) > 1) return defaults;
    return (sizes as number[]).map((size) => (size * 100) / total);
  } catch {
    return defaults;
  }
}

export function writeSizes(sizes: readonly number[], panes: readonly PaneSpec[]): string {
  return JSON.stringify(Object.fromEntries(panes.map((pane, i) => [pane.id, Math.round(sizes[i]! * 1000) / 1000])));
}
