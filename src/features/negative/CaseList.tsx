// Every case of the pack: what it sends, what a correct server does, why, and where the rule is written; whether
// it is in the script, and if not, what it needs or why it does not apply. State is words and an icon, not colour.
import { memo } from 'react';
import { Icon, type IconName } from '../../components/Icon';
import type { NegativeCase, NegativeCaseId } from '../../core/negative';

type Badge = { text: string; icon: IconName; className: string };

const BADGE_CLASS = {
  ready:
    'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100',
  needs: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100',
  none: 'border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100',
};

// What a case left out for want of input is missing, by case id (the reason sentence says it in full).
const NEEDS: Partial<Record<NegativeCaseId, string>> = {
  'hmac-key-confusion': 'the server’s public key',
  'jku-foreign': 'an http(s) foreign URL',
  'x5u-foreign': 'an http(s) foreign URL',
  expired: 'the signing key',
  'not-yet-valid': 'the signing key',
  'wrong-audience': 'the signing key',
  'wrong-issuer': 'the signing key',
  'crit-unknown': 'the signing key',
  'alg-swap': 'the signing key',
};

function badgeOf(c: NegativeCase): Badge {
  if (c.state === 'needs-key') {
    return { text: `Left out: needs ${NEEDS[c.id] ?? 'more input'}`, icon: 'key', className: BADGE_CLASS.needs };
  }
  if (c.state === 'n/a') return { text: 'Left out: does not apply', icon: 'cross', className: BADGE_CLASS.none };
  if (c.expected === 'accept')
    return { text: 'In the script: must be accepted', icon: 'check', className: BADGE_CLASS.ready };
  if (c.advisory) return { text: 'In the script: advisory', icon: 'warn', className: BADGE_CLASS.ready };
  return { text: 'In the script: must be refused', icon: 'check', className: BADGE_CLASS.ready };
}

function CaseItem({ item }: { item: NegativeCase }) {
  const badge = badgeOf(item);
  const titleId = `negative-case-${item.id}`;
  return (
    <li
      data-testid="negative-case"
      data-case={item.id}
      data-state={item.state}
      aria-labelledby={titleId}
      className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h5 id={titleId} className="font-semibold text-slate-900 dark:text-slate-50">
          {item.title}{' '}
          <code className="font-mono text-xs font-normal text-slate-600 dark:text-slate-300">{item.id}</code>
        </h5>
        <span
          data-testid="negative-case-badge"
          className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs ${badge.className}`}
        >
          <Icon name={badge.icon} className="h-3.5 w-3.5" />
          {badge.text}
        </span>
      </div>
      {item.reason ? (
        <p data-testid="negative-case-reason" className="mt-1 text-amber-900 dark:text-amber-200">
          {item.reason}
        </p>
      ) : null}
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
        <dt className="font-medium text-slate-900 dark:text-slate-100">Sends</dt>
        <dd>{item.sends}</dd>
        <dt className="font-medium text-slate-900 dark:text-slate-100">A correct server</dt>
        <dd>{item.correctServer}</dd>
        <dt className="font-medium text-slate-900 dark:text-slate-100">Why</dt>
        <dd>{item.why}</dd>
        <dt className="font-medium text-slate-900 dark:text-slate-100">Reference</dt>
        <dd>{item.reference}</dd>
      </dl>
      {item.tokens.length > 0 ? (
        <details className="mt-2 text-xs">
          <summary className="cursor-pointer text-slate-800 dark:text-slate-200">
            {item.tokens.length === 1 ? 'The token sent' : `The ${item.tokens.length} tokens sent`}
          </summary>
          <ul className="mt-1 space-y-1">
            {item.tokens.map((t) => (
              <li key={t.name}>
                <code className="font-mono">{t.name}</code>: {t.detail}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {item.notes.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-4 text-xs text-slate-700 dark:text-slate-300">
          {item.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {item.hosted ? (
        <details className="mt-2 text-xs">
          <summary className="cursor-pointer text-slate-800 dark:text-slate-200">
            What to serve at {item.hosted.url} to see a fetch in your logs
          </summary>
          <p className="mt-1">
            As <code className="font-mono">{item.hosted.mediaType}</code>:
          </p>
          <pre
            tabIndex={0}
            aria-label={`Content for ${item.hosted.url}`}
            className="mt-1 max-h-40 overflow-auto rounded bg-slate-100 p-2 font-mono break-all whitespace-pre-wrap text-slate-900 dark:bg-slate-900 dark:text-slate-100"
          >
            {item.hosted.body}
          </pre>
        </details>
      ) : null}
    </li>
  );
}

// Memoised: the panel re-renders on every keystroke in the page's inputs, the list only when a new pack lands.
export const CaseList = memo(function CaseList({ cases }: { cases: NegativeCase[] }) {
  return (
    <ol aria-label="Test cases" className="space-y-2">
      {cases.map((item) => (
        <CaseItem key={item.id} item={item} />
      ))}
    </ol>
  );
});
