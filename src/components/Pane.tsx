// A titled region of the page. Each pane is a landmark-free <section> with a heading, so screen
// reader users can jump between Encoded, Decoded and Key & verification by heading.
import type { ReactNode } from 'react';

export type PaneProps = { title: string; actions?: ReactNode; children: ReactNode; id?: string };

export function Pane({ title, actions, children, id }: PaneProps) {
  const headingId = `${id ?? title.replace(/\W+/g, '-').toLowerCase()}-heading`;
  return (
    <section aria-labelledby={headingId} className="flex h-full min-h-0 flex-col">
      <div className="flex min-h-11 items-center justify-between gap-2 border-b border-slate-200 px-4 py-1.5 dark:border-slate-800">
        <h2
          id={headingId}
          className="text-xs font-semibold tracking-wider text-slate-600 uppercase dark:text-slate-300"
        >
          {title}
        </h2>
        {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
      </div>
      {/* relative: absolutely placed descendants (sr-only labels, claim tooltips) are contained here; with no
          positioned ancestor they escaped to the page and made it 200 px taller than the window, so a page
          scrollbar appeared as the late panels mounted and every pane moved. scrollbar-gutter: the space of
          this pane's own scrollbar is kept from the start, so content does not rewrap when it appears
          (both were Lighthouse desktop layout shifts). */}
      <div className="relative min-h-0 flex-1 overflow-auto p-4 [scrollbar-gutter:stable]">{children}</div>
    </section>
  );
}

export function SubHeading({ children, color }: { children: ReactNode; color?: string }) {
  return (
    <h3 className="mb-2 flex items-center gap-2 text-sm font-semibold text-slate-800 dark:text-slate-100">
      {color ? <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${color}`} /> : null}
      {children}
    </h3>
  );
}
