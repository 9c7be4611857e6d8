// Every claim of a payload: what it means (a tooltip on hover and focus, also the accessible description),
// times as local and UTC dates plus a relative phrase, badges, and lists for aud/scopes. Shared by every view
// that shows a payload (Decode, Encode, decrypted and selectively disclosed tokens).
import { memo, useId, useState } from 'react';
import type { ClaimBadge, ClaimRow } from '../core';
import { formatCount, LIST_PREVIEW_ITEMS, selectClaimRows, type VerdictClock } from '../state';

const BADGE: Record<ClaimBadge, { text: string; icon: string; className: string }> = {
  expired: { text: 'expired', icon: '✕', className: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100' },
  'not-yet-valid': {
    text: 'not yet valid',
    icon: '!',
    className: 'bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100',
  },
  'future-iat': {
    text: 'in the future',
    icon: '⚠',
    className: 'bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100',
  },
  invalid: { text: 'invalid', icon: '✕', className: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100' },
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Local time as "2026-12-06 17:23:21 (UTC+01:00)", written by hand: Intl.DateTimeFormat's first call loads
 * ICU's locale data, 50-80 ms in a fresh Chromium renderer here, in the task that paints the first decoded
 * token. The line under it gives the same instant in UTC.
 */
export function formatLocalTime(ms: number): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return 'not a representable date';
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const zone = `UTC${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return `${day} ${time} (${zone})`;
}

// Bidi controls in a claim reorder what the reader sees ("invoice\u202Egpj.exe" reads "invoiceexe.jpg",
// CVE-2021-42574 "Trojan Source"); a debugger shows them as code points instead.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function revealBidiControls(text: string): string {
  return text.replace(
    BIDI_CONTROLS,
    (char) => `⟨U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`,
  );
}

function ClaimName({ row }: { row: ClaimRow }) {
  const tooltipId = useId();
  // WCAG 1.4.13: a tooltip shown on hover or focus can be dismissed with Escape without moving focus.
  const [dismissed, setDismissed] = useState(false);
  if (!row.info) {
    return <span className="font-mono">{row.name}</span>;
  }
  return (
    <span
      className={`group relative inline-block ${dismissed ? '[&>[role=tooltip]]:!invisible' : ''}`}
      onMouseLeave={() => setDismissed(false)}
      onBlur={() => setDismissed(false)}
    >
      <button
        type="button"
        aria-describedby={tooltipId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setDismissed(true);
        }}
        className="cursor-help font-mono underline decoration-slate-400 decoration-dotted underline-offset-4"
      >
        {row.name}
      </button>
      <span
        role="tooltip"
        id={tooltipId}
        className="invisible absolute top-full left-0 z-20 mt-1 w-72 rounded-md border border-slate-300 bg-white p-2 text-xs font-normal text-slate-800 shadow-lg group-focus-within:visible group-hover:visible dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
      >
        <span className="block font-semibold">{row.info.title}</span>
        <span className="block">{row.info.description}</span>
        <span className="mt-1 block text-slate-600 dark:text-slate-300">{row.info.reference}</span>
      </span>
    </span>
  );
}

// A claim with thousands of entries (a 1 MB token's groups) showed every one: tens of thousands of
// elements built on each keystroke. The first LIST_PREVIEW_ITEMS, the count of the rest, and a button.
function ClaimList({ name, list, payload }: { name: string; list: string[]; payload: unknown }) {
  const [showAll, setShowAll] = useState(false);
  // Another payload folds the list again: showing everything stays a choice made for one token. (Not
  // `list`: the rows are rebuilt when the clock ticks.)
  const [seenPayload, setSeenPayload] = useState(payload);
  if (payload !== seenPayload) {
    setSeenPayload(payload);
    setShowAll(false);
  }
  const shown = showAll ? list : list.slice(0, LIST_PREVIEW_ITEMS);
  const hidden = list.length - shown.length;
  return (
    <>
      <ul className="flex flex-wrap gap-1" data-count={list.length}>
        {shown.map((entry, index) => (
          <li key={index} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800">
            {revealBidiControls(entry)}
          </li>
        ))}
      </ul>
      {hidden > 0 ? (
        <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-700 dark:text-slate-300">
          <span data-testid="claim-more">
            … and {formatCount(hidden)} more ({formatCount(list.length)} in all)
          </span>
          <button
            type="button"
            data-testid="claim-show-all"
            aria-label={`Show all ${formatCount(list.length)} entries of ${name}`}
            onClick={() => setShowAll(true)}
            className="btn-secondary"
          >
            Show all {formatCount(list.length)}
          </button>
        </p>
      ) : null}
    </>
  );
}

function ClaimValue({ row, payload }: { row: ClaimRow; payload: unknown }) {
  if (row.time && typeof row.value === 'number') {
    return (
      <div>
        <div>
          <time dateTime={row.time.iso}>{formatLocalTime(row.value * 1000)}</time>{' '}
          <span className="text-slate-600 dark:text-slate-400">({row.time.relative})</span>
        </div>
        <div className="font-mono text-xs text-slate-600 dark:text-slate-400">
          {row.time.iso} · {row.value}
        </div>
      </div>
    );
  }
  if (row.list) return <ClaimList name={row.name} list={row.list} payload={payload} />;
  return (
    <span className="font-mono break-all">
      {revealBidiControls(row.display.length > 500 ? `${row.display.slice(0, 500)}…` : row.display)}
    </span>
  );
}

// Memoised: a render that passes the same (deferred) payload skips the table.
export const ClaimsTableView = memo(function ClaimsTableView({
  payload,
  stale,
  clock,
}: {
  /** The decoded payload; anything but a JSON object shows no table. */
  payload: unknown;
  /** The payload is the last good one while the input is broken: shown in a dashed frame. */
  stale: boolean;
  clock: VerdictClock;
}) {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return null;
  const rows = selectClaimRows(payload, clock);
  if (rows.length === 0) return null;
  return (
    // Out of date: a dashed frame, not opacity (greyed-out text fell below WCAG contrast).
    <div className={stale ? 'rounded-md border-2 border-dashed border-slate-300 p-2 dark:border-slate-600' : ''}>
      <table data-testid="claims-table" className="w-full text-left text-sm">
        <caption className="mb-2 text-left text-sm font-semibold text-slate-800 dark:text-slate-100">Claims</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {rows.map((row) => (
            <tr key={row.name} data-claim={row.name} className="align-top">
              <th scope="row" className="w-1/4 py-1.5 pr-3 font-normal">
                <ClaimName row={row} />
                {row.info ? <div className="text-xs text-slate-600 dark:text-slate-400">{row.info.title}</div> : null}
              </th>
              <td className="py-1.5">
                <ClaimValue row={row} payload={payload} />
                {row.badge ? (
                  <span
                    data-badge={row.badge}
                    title={row.badgeReason}
                    className={`mt-1 inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ${BADGE[row.badge].className}`}
                  >
                    <span aria-hidden="true">{BADGE[row.badge].icon}</span>
                    {BADGE[row.badge].text}
                    {row.badgeReason ? <span className="sr-only">: {row.badgeReason}</span> : null}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
