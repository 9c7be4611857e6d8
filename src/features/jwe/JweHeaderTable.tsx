// The JWE header explained member by member (explainJweHeader): what alg, enc, kid, epk, cty, zip, p2c/p2s…
// mean for this token, with the RFC section, and a problem in words when a value will be refused.
import type { JweHeaderRow } from '../../core/jwe/explain-header';

export function JweHeaderTable({ rows, title }: { rows: JweHeaderRow[]; title: string }) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="jwe-header-explained-title">
      <h3 id="jwe-header-explained-title" className="mb-2 text-sm font-semibold text-slate-800 dark:text-slate-100">
        {title}
      </h3>
      <dl data-testid="jwe-header-explained" className="space-y-2 text-sm">
        {rows.map((row) => (
          <div
            key={row.name}
            data-testid="jwe-header-row"
            data-name={row.name}
            data-problem={row.problem ? 'true' : undefined}
            className="rounded-md border border-slate-200 p-2 dark:border-slate-800"
          >
            <dt className="flex flex-wrap items-baseline gap-x-2">
              <code className="font-mono font-semibold text-slate-900 dark:text-slate-100">{row.name}</code>
              <code className="font-mono break-all text-slate-700 dark:text-slate-300">
                {row.display.length > 120 ? `${row.display.slice(0, 120)}…` : row.display}
              </code>
            </dt>
            <dd className="mt-1 text-slate-700 dark:text-slate-300">
              <span className="font-medium">{row.title}.</span> {row.description}{' '}
              <span className="text-xs text-slate-600 dark:text-slate-400">({row.reference})</span>
              {row.problem ? (
                <span className="mt-1 block font-medium text-red-800 dark:text-red-300">
                  <span aria-hidden="true">✕ </span>
                  {row.problem}
                </span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
