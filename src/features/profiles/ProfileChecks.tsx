// The rules of the judged profile, one line each: the state as an icon and a word (never colour alone), what was
// checked in words, and the spec section.
import type { ProfileCheck, ProfileCheckState } from '../../core/profiles';

const STATE_VIEW: Record<ProfileCheckState, { icon: string; word: string; className: string }> = {
  pass: { icon: '✓', word: 'Pass', className: 'text-emerald-800 dark:text-emerald-300' },
  fail: { icon: '✕', word: 'Fail', className: 'text-red-800 dark:text-red-300' },
  warn: { icon: '⚠', word: 'Warning', className: 'text-amber-900 dark:text-amber-300' },
  unchecked: { icon: '–', word: 'Not checked', className: 'text-slate-700 dark:text-slate-300' },
};

export function ProfileChecks({ checks, labelledBy }: { checks: readonly ProfileCheck[]; labelledBy: string }) {
  return (
    <ul data-testid="profile-checks" aria-labelledby={labelledBy} className="space-y-1.5">
      {checks.map((check) => {
        const view = STATE_VIEW[check.state];
        return (
          <li
            key={check.id}
            data-testid="profile-check"
            data-check={check.id}
            data-state={check.state}
            className="text-sm"
          >
            <span className={`font-semibold ${view.className}`}>
              <span aria-hidden="true">{view.icon} </span>
              {view.word}
            </span>{' '}
            <code className="font-mono text-xs">{check.id}</code>: {check.message}{' '}
            <span className="text-xs text-slate-600 dark:text-slate-400">({check.reference})</span>
          </li>
        );
      })}
    </ul>
  );
}
