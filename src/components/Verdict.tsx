// A verdict box: an icon and words, never colour alone (WCAG 1.4.1), with the state in `data-state` for tests
// and scripts. `data-request` changes with every check so a MutationObserver sees each new verdict even when
// its words did not change (the bench times verdicts that way).
import type { ReactNode } from 'react';

export type VerdictTone = 'good' | 'bad' | 'neutral' | 'warn';

const TONE_CLASS: Record<VerdictTone, string> = {
  good: 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100',
  bad: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
  warn: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100',
  neutral: 'border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
};

export function Verdict(props: {
  testId: string;
  state: string;
  tone: VerdictTone;
  icon: string;
  title: string;
  children?: ReactNode;
  busy?: boolean;
  request?: number;
  /** More `data-*` attributes for tests and scripts (e.g. `data-profile`). */
  data?: Record<`data-${string}`, string | undefined>;
  /** A stable code for the reason (`data-code`), when the verdict has one. */
  code?: string | undefined;
}) {
  return (
    <div
      data-testid={props.testId}
      data-state={props.state}
      data-request={props.request}
      data-code={props.code}
      // Last, so a data-code passed among the extra attributes is not blanked by an absent `code`.
      {...props.data}
      aria-busy={props.busy || undefined}
      className={`rounded-md border p-3 text-sm ${TONE_CLASS[props.tone]}`}
    >
      <p className="flex items-center gap-2 font-semibold">
        <span aria-hidden="true" className="text-base leading-none">
          {props.icon}
        </span>
        {props.title}
      </p>
      {props.children ? <div className="mt-1">{props.children}</div> : null}
    </div>
  );
}
