// A security review: findings from the core, each with its severity (icon + word, not colour alone) and its
// reference. Shared by every token kind's review (signed tokens, encrypted tokens and the tokens inside them).
import type { LintFinding, Severity } from '../core/types';

const SEVERITY: Record<Severity, { icon: string; word: string; className: string }> = {
  error: { icon: '✕', word: 'Risk', className: 'text-red-800 dark:text-red-300' },
  warning: { icon: '⚠', word: 'Warning', className: 'text-amber-900 dark:text-amber-300' },
  info: { icon: 'ℹ', word: 'Note', className: 'text-sky-800 dark:text-sky-300' },
};

export function FindingsList(props: {
  findings: LintFinding[];
  title: string;
  /** What "no findings" means for this review. */
  empty: string;
  testId?: string;
}) {
  const { findings, title, empty, testId = 'lint-findings' } = props;
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold text-slate-800 dark:text-slate-100">
        {title} <span className="font-normal text-slate-600 dark:text-slate-400">({findings.length})</span>
      </h3>
      {findings.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <ul data-testid={testId} className="space-y-2">
          {findings.map((finding, index) => {
            const view = SEVERITY[finding.severity];
            return (
              <li
                key={`${finding.id}-${index}`}
                data-lint={finding.id}
                data-severity={finding.severity}
                className="text-sm"
              >
                <span className={`font-semibold ${view.className}`}>
                  <span aria-hidden="true">{view.icon} </span>
                  {view.word}:
                </span>{' '}
                {finding.message}{' '}
                <span className="text-xs text-slate-600 dark:text-slate-400">({finding.reference})</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
