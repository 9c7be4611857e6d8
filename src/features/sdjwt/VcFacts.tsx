// SD-JWT VC facts (`sd-vc`): the credential type, the media type in `typ` (the older `vc+sd-jwt` accepted with a
// note), and the status list reference, which is shown and never fetched: asking its host about this credential
// would tell the host which credential is being looked at.
import { useId } from 'react';
import { revealBidiControls } from '../../components/ClaimsTable';
import { SubHeading } from '../../components/Pane';
import type { SdJwtVcInfo } from '../../core/sdjwt/types';

const TYP_WORDS: Record<SdJwtVcInfo['typState'], string> = {
  'dc+sd-jwt': 'the SD-JWT VC media type',
  'vc+sd-jwt': 'the older SD-JWT VC media type, accepted',
  other: 'not an SD-JWT VC media type',
  missing: 'missing',
};

function text(value: unknown): string {
  return revealBidiControls(typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)));
}

export function VcFacts({ vc }: { vc: SdJwtVcInfo }) {
  const headingId = useId();
  const list = vc.statusList;
  return (
    <section aria-labelledby={headingId} data-testid="sd-vc" data-typ-state={vc.typState} className="space-y-1.5">
      <div id={headingId}>
        <SubHeading>SD-JWT VC</SubHeading>
      </div>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600 dark:text-slate-400">Type (vct)</dt>
        <dd data-testid="sd-vc-vct" className="font-mono break-all">
          {vc.vct !== undefined ? revealBidiControls(vc.vct) : <span className="font-sans">missing</span>}
        </dd>
        {vc.vctIntegrity !== undefined ? (
          <>
            <dt className="text-slate-600 dark:text-slate-400">vct#integrity</dt>
            <dd className="font-mono break-all">{revealBidiControls(vc.vctIntegrity)}</dd>
          </>
        ) : null}
        <dt className="text-slate-600 dark:text-slate-400">typ</dt>
        <dd data-testid="sd-vc-typ">
          {vc.typ !== undefined ? <code className="font-mono">{revealBidiControls(vc.typ)}</code> : null}{' '}
          <span>({TYP_WORDS[vc.typState]})</span>
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">Status</dt>
        <dd data-testid="sd-vc-status" data-fetched="false">
          {list ? (
            <>
              Token Status List <code className="font-mono break-all">{text(list.uri)}</code>, index{' '}
              <code className="font-mono">{text(list.idx)}</code>. Not fetched: its host would learn which credential
              you are looking at. Open it yourself if you need the current status.
            </>
          ) : vc.status !== undefined ? (
            <>
              <code className="font-mono break-all">{text(vc.status)}</code> (not fetched)
            </>
          ) : (
            'No status claim: the credential cannot be revoked through a status list.'
          )}
        </dd>
      </dl>
      {vc.notes.length > 0 ? (
        <ul data-testid="sd-vc-notes" className="space-y-1 text-sm text-amber-900 dark:text-amber-200">
          {vc.notes.map((note) => (
            <li key={note}>
              <span aria-hidden="true">⚠ </span>
              {note}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
