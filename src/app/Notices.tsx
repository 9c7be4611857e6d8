// Notices about the link or an action (unknown parameters, a refused key): visible, dismissible,
// announced once.
import { actions, useAppState } from '../state';

const KIND_CLASS = {
  info: 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100',
  warning: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100',
  error: 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
} as const;

const KIND_ICON = { info: 'ℹ', warning: '⚠', error: '✕' } as const;

export function Notices() {
  const notices = useAppState((s) => s.notices);
  return (
    <div aria-live="polite" className="empty:hidden space-y-1 px-4 pt-2">
      {notices.map((notice) => (
        <div
          key={notice.id}
          data-testid="notice"
          data-kind={notice.kind}
          className={`flex items-start justify-between gap-3 rounded-md border px-3 py-2 text-sm ${KIND_CLASS[notice.kind]}`}
        >
          <p>
            <span aria-hidden="true">{KIND_ICON[notice.kind]} </span>
            {notice.text}
          </p>
          <button type="button" className="btn-secondary shrink-0" onClick={() => actions.dismissNotice(notice.id)}>
            Dismiss<span className="sr-only"> notice</span>
          </button>
        </div>
      ))}
    </div>
  );
}
