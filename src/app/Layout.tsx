// Three resizable panes side by side; on narrow screens they stack and the page scrolls.
//
// Hand-written rather than a library (first-load budget): react-resizable-panels v4 was 16.4 KB
// gzip of the entry chunk. react-split-pane 3.2.0 (3.9 KB gzip) sizes panes in pixels measured by a
// ResizeObserver after mount (a layout shift on first paint), names its separators "vertical divider 1"
// unless a custom divider component overrides the props, reports aria-valuenow in pixels and persists
// pixels; split.js 1.6.5 has no ARIA or keyboard support. The glue either needs is about the size of this
// file, which costs 1.0 KB gzip of JS and 0.15 KB of CSS (bench/composition.mjs: entry chunk 64.5 ->
// 49.4 KB gzip). It follows the WAI-ARIA window splitter pattern: arrow keys move a separator by 5 %,
// Home/End as far as it goes, a double-click restores the default size of the pane before it, pointer
// drags (mouse, pen, touch) resize; sizes are percentages, so they fit any window width.
import {
  useId,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { layoutStorage } from '../state/preferences';
import { moveSeparator, readSizes, separatorRange, writeSizes, type PaneSpec } from './paneSizes';

const NARROW = '(max-width: 1023px)';

const PANES: readonly PaneSpec[] = [
  { id: 'encoded', defaultSize: 30, minSize: 18 },
  { id: 'decoded', defaultSize: 38, minSize: 22 },
  { id: 'key', defaultSize: 32, minSize: 20 },
];
const LABELS = ['Resize the Encoded and Decoded panes', 'Resize the Decoded and Key panes'];
const STORAGE_NAME = 'main';
// Where react-resizable-panels' useDefaultLayout kept the same JSON, so sizes survive the switch.
const OLD_STORAGE_NAME = 'react-resizable-panels:main:encoded:decoded:key';
const KEY_STEP = 5;
const KEY_DELTAS: Record<string, number> = { ArrowLeft: -KEY_STEP, ArrowRight: KEY_STEP, Home: -100, End: 100 };

function subscribeNarrow(listener: () => void): () => void {
  const media = matchMedia(NARROW);
  media.addEventListener('change', listener);
  return () => media.removeEventListener('change', listener);
}

function useNarrow(): boolean {
  return useSyncExternalStore(subscribeNarrow, () => matchMedia(NARROW).matches);
}

/** Read during the first render, so stored sizes are there in the first paint (no layout shift). */
function loadSizes(): number[] {
  return readSizes(layoutStorage.getItem(STORAGE_NAME) ?? layoutStorage.getItem(OLD_STORAGE_NAME), PANES);
}

function saveSizes(sizes: readonly number[]): void {
  layoutStorage.setItem(STORAGE_NAME, writeSizes(sizes, PANES));
}

type Drag = { index: number; pointerId: number; startX: number; startSizes: number[]; width: number; sizes: number[] };

export type ThreePanes = { first: ReactNode; second: ReactNode; third: ReactNode };

export function Layout({ first, second, third }: ThreePanes) {
  const narrow = useNarrow();
  const [sizes, setSizes] = useState(loadSizes);
  const [dragging, setDragging] = useState<number | null>(null);
  const group = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const idPrefix = useId();
  if (narrow) {
    return (
      <div className="divide-y divide-slate-200 dark:divide-slate-800">
        <div>{first}</div>
        <div>{second}</div>
        <div>{third}</div>
      </div>
    );
  }

  const commit = (next: number[]) => {
    setSizes(next);
    saveSizes(next);
  };

  const onKeyDown = (index: number, event: KeyboardEvent<HTMLDivElement>) => {
    const delta = KEY_DELTAS[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    commit(moveSeparator(sizes, PANES, index, delta));
  };

  const onPointerDown = (index: number, event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || !group.current) return;
    event.preventDefault();
    event.currentTarget.focus();
    event.currentTarget.setPointerCapture(event.pointerId);
    // Percentages are of the panes' width, which is the row less the separators.
    const separators = [...group.current.children].filter((child) => child.getAttribute('role') === 'separator');
    const width = group.current.clientWidth - separators.reduce((sum, el) => sum + el.getBoundingClientRect().width, 0);
    drag.current = { index, pointerId: event.pointerId, startX: event.clientX, startSizes: sizes, width, sizes };
    setDragging(index);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId || current.width <= 0) return;
    const delta = ((event.clientX - current.startX) / current.width) * 100;
    current.sizes = moveSeparator(current.startSizes, PANES, current.index, delta);
    setSizes(current.sizes);
  };

  const onPointerEnd = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    drag.current = null;
    setDragging(null);
    saveSizes(current.sizes);
  };

  const onDoubleClick = (index: number) => {
    commit(moveSeparator(sizes, PANES, index, PANES[index]!.defaultSize - sizes[index]!));
  };

  const separator = (index: number) => {
    const range = separatorRange(sizes, PANES, index);
    return (
      <div
        role="separator"
        tabIndex={0}
        aria-label={LABELS[index]}
        aria-orientation="vertical"
        aria-controls={`${idPrefix}-${PANES[index]!.id}`}
        aria-valuenow={Math.round(range.now)}
        aria-valuemin={Math.round(range.min)}
        aria-valuemax={Math.round(range.max)}
        data-separator={dragging === index ? 'active' : undefined}
        onKeyDown={(event) => onKeyDown(index, event)}
        onPointerDown={(event) => onPointerDown(index, event)}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        onDoubleClick={() => onDoubleClick(index)}
        // The ::before strip widens the hit area beyond the 6 px bar (more for fingers); z-10 keeps it
        // above the pane that follows in the DOM.
        className="relative z-10 w-1.5 shrink-0 cursor-col-resize touch-none bg-slate-200 select-none before:absolute before:inset-y-0 before:-inset-x-0.5 before:content-[''] hover:bg-sky-400 focus-visible:bg-sky-500 data-[separator=active]:bg-sky-500 pointer-coarse:before:-inset-x-2 dark:bg-slate-800 dark:hover:bg-sky-600"
      />
    );
  };

  const pane = (index: number, content: ReactNode) => (
    <div
      id={`${idPrefix}-${PANES[index]!.id}`}
      className="relative h-full min-w-0 overflow-auto"
      style={{ flex: `${sizes[index]} 1 0px` }}
    >
      {content}
    </div>
  );

  return (
    <div
      ref={group}
      className={`flex h-full w-full overflow-hidden ${dragging === null ? '' : 'cursor-col-resize select-none'}`}
    >
      {pane(0, first)}
      {separator(0)}
      {pane(1, second)}
      {separator(1)}
      {pane(2, third)}
    </div>
  );
}
