// `sd-disclosures`: every disclosure sent, one `sd-disclosure` each (salt, claim name or array element, value, digest,
// where it lands), and the digests no disclosure matched, counted but never guessed at (RFC 9901 §4.2.5: a decoy and
// an undisclosed claim look the same).
import { useId, type ReactNode } from 'react';
import { revealBidiControls } from '../../components/ClaimsTable';
import { SubHeading } from '../../components/Pane';
import type { SdDisclosure, SdDisclosureState, SdJwtInspection, SdUndisclosedDigest } from '../../core/sdjwt/types';

const VALUE_CHARS = 400;

const STATE: Record<SdDisclosureState, { icon: string; text: string; className: string }> = {
  placed: {
    icon: '✓',
    text: 'matched to a digest',
    className: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100',
  },
  unreferenced: {
    icon: '✕',
    text: 'no digest refers to it',
    className: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100',
  },
  repeated: { icon: '✕', text: 'sent twice', className: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100' },
  malformed: { icon: '✕', text: 'malformed', className: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100' },
  rejected: { icon: '✕', text: 'rejected', className: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100' },
  unchecked: {
    icon: '?',
    text: 'not checked',
    className: 'bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100',
  },
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function shortJson(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return revealBidiControls(text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS)}…` : text);
}

function Field({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="min-w-0 font-mono break-all">{children}</dd>
    </>
  );
}

function DisclosureItem({ d, sdAlg }: { d: SdDisclosure; sdAlg: string }) {
  const state = STATE[d.state];
  const what = d.kind === 'property' ? (d.name ?? '') : d.kind === 'array-element' ? 'array element' : 'malformed';
  return (
    <li
      data-testid="sd-disclosure"
      data-state={d.state}
      data-kind={d.kind}
      data-name={d.name}
      data-path={d.path}
      data-digest={d.digest}
      className="rounded-md border border-slate-200 p-2.5 text-sm dark:border-slate-700"
    >
      <p className="flex flex-wrap items-center gap-2">
        <span className="text-slate-600 dark:text-slate-400">#{d.index + 1}</span>
        <span className={d.kind === 'property' ? 'font-mono font-semibold' : 'font-semibold'}>
          {revealBidiControls(what)}
        </span>
        <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ${state.className}`}>
          <span aria-hidden="true">{state.icon}</span>
          {state.text}
        </span>
      </p>
      <dl className="mt-1.5 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
        {d.kind !== 'malformed' ? <Field term="Value">{shortJson(d.value)}</Field> : null}
        <Field term="Lands at">
          {d.path ?? <span className="font-sans">nowhere in the payload</span>}
          {d.parent !== undefined ? <span className="font-sans"> (inside disclosure #{d.parent + 1})</span> : null}
        </Field>
        {d.salt !== undefined ? <Field term="Salt">{revealBidiControls(d.salt)}</Field> : null}
        <Field term={`Digest (${sdAlg})`}>
          {d.digest ?? <span className="font-sans">cannot be computed here</span>}
        </Field>
      </dl>
      {d.problem ? (
        <p className="mt-1.5 text-xs text-red-800 dark:text-red-300">
          <span aria-hidden="true">✕ </span>
          {d.problem.message}
        </p>
      ) : null}
    </li>
  );
}

function Undisclosed({ undisclosed }: { undisclosed: SdUndisclosedDigest[] }) {
  const groups = new Map<string, { container: string; kind: SdUndisclosedDigest['kind']; count: number }>();
  for (const u of undisclosed) {
    const key = `${u.kind} ${u.container}`;
    const group = groups.get(key) ?? { container: u.container, kind: u.kind, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  return (
    <div data-testid="sd-undisclosed" data-count={undisclosed.length} className="text-sm">
      {undisclosed.length === 0 ? (
        <p>Every digest the issuer signed was matched by a disclosure sent: no undisclosed claims and no decoys.</p>
      ) : (
        <>
          <p>
            <span className="font-semibold">{plural(undisclosed.length, 'digest')}</span> matched no disclosure:
            undisclosed claims or decoys. Which is which cannot be told, and that is the point (RFC 9901 §4.2.5).
          </p>
          <ul className="mt-1 list-inside list-disc text-xs text-slate-700 dark:text-slate-300">
            {[...groups.values()].map((g) => (
              <li key={`${g.kind} ${g.container}`}>
                {g.count} in <code className="font-mono">{g.container}</code> (
                {g.kind === 'property' ? 'object properties' : 'array elements'})
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function Disclosures({ inspection }: { inspection: SdJwtInspection }) {
  const headingId = useId();
  const { disclosures, sdAlg } = inspection;
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <div id={headingId}>
        <SubHeading color="bg-part-disclosure">Disclosures ({disclosures.length} sent)</SubHeading>
      </div>
      <p className="hint">
        Each disclosure is a salt, a claim name (none for an array element) and a value; the issuer signed only its{' '}
        {sdAlg.name} digest, so the holder chooses which to send.
      </p>
      <ol data-testid="sd-disclosures" data-count={disclosures.length} className="space-y-2">
        {disclosures.map((d) => (
          <DisclosureItem key={d.index} d={d} sdAlg={sdAlg.name} />
        ))}
      </ol>
      {disclosures.length === 0 ? (
        <p className="text-sm">No disclosures were sent: a verifier sees only the claims that are always visible.</p>
      ) : null}
      <Undisclosed undisclosed={inspection.undisclosed} />
    </section>
  );
}
