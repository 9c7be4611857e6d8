// Three resizable panes (react-resizable-panels v4: Group/Panel/Separator, layouts persisted through
// useDefaultLayout); on narrow screens the panes stack and the page scrolls.
import { useSyncExternalStore, type ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { layoutStorage } from '../state/preferences';

const NARROW = '(max-width: 1023px)';

function subscribeNarrow(listener: () => void): () => void {
  const media = matchMedia(NARROW);
  media.addEventListener('change', listener);
  return () => media.removeEventListener('change', listener);
}

function useNarrow(): boolean {
  return useSyncExternalStore(subscribeNarrow, () => matchMedia(NARROW).matches);
}

export type ThreePanes = { first: ReactNode; second: ReactNode; third: ReactNode };

function ResizeHandle({ label }: { label: string }) {
  return (
    <Separator
      aria-label={label}
      className="group relative w-1.5 bg-slate-200 hover:bg-sky-400 focus-visible:bg-sky-500 data-[separator=active]:bg-sky-500 dark:bg-slate-800 dark:hover:bg-sky-600"
    />
  );
}

export function Layout({ first, second, third }: ThreePanes) {
  const narrow = useNarrow();
  const { defaultLayout, onLayoutChanged } = useDefaultLayout({
    id: 'main',
    storage: layoutStorage,
    panelIds: ['encoded', 'decoded', 'key'],
  });
  if (narrow) {
    return (
      <div className="divide-y divide-slate-200 dark:divide-slate-800">
        <div>{first}</div>
        <div>{second}</div>
        <div>{third}</div>
      </div>
    );
  }
  return (
    <Group orientation="horizontal" defaultLayout={defaultLayout} onLayoutChanged={onLayoutChanged} className="h-full">
      <Panel id="encoded" defaultSize="30%" minSize="18%">
        {first}
      </Panel>
      <ResizeHandle label="Resize the Encoded and Decoded panes" />
      <Panel id="decoded" defaultSize="38%" minSize="22%">
        {second}
      </Panel>
      <ResizeHandle label="Resize the Decoded and Key panes" />
      <Panel id="key" defaultSize="32%" minSize="20%">
        {third}
      </Panel>
    </Group>
  );
}
