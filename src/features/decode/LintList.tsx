// RFC 8725 findings from the core, each with its severity (icon + word, not colour alone) and reference.
import type { Severity } from '../../core';
import { selectDecode, selectKeyDetection, selectLint, useIdleAppState, useVerdictClock } from '../../state';

const SEVERITY: Record<Severity, { icon: string; word: string; className: string }> = {
  error: { icon: '✕', word: 'Risk', className: 'text-red-800 dark:text-red-300' },
  warning: { icon: '⚠', word: 'Warning', className: 'text-amber-900 dark:text-amber-300' },
  info: { icon: 'ℹ', word: 'Note', className: 'text-sky-800 dark:text-sky-300' },
};

export function LintList() {
  // Off the keystroke's critical path (issue 7): updated when the page is idle after the verdict.
  const outcome = useIdleAppState((s) => selectDecode(s.tokenText));
  const keyText = useIdleAppState((s) => s.keyText);
  const detection = useIdleAppState((s) => selectKeyDetection(s.keyText, s.secretEncoding));
  // The clock the verdicts use ("as of" a chosen time, or now): a lifetime or an iat in the future is judged by it.
  const { now } = useVerdictClock();
  if (!outcome.ok) return null;
  const findings = selectLint(outcome.decoded, detection, keyText, now);
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold text-slate-800 dark:text-slate-100">
        Security review <span className="font-normal text-slate-600 dark:text-slate-400">({findings.length})</span>
      </h3>
      {findings.length === 0 ? (
        <p className="hint">No findings: nothing in this token or key goes against RFC 8725's advice.</p>
      ) : (
        <ul data-testid="lint-findings" className="space-y-2">
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
