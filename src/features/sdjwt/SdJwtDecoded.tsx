// The Decoded pane for an SD-JWT: the issuer JWT's header; in `payload-editor` the claims as a verifier sees them
// (disclosures put in place, undisclosed claims absent), or at the user's choice the payload as the issuer signed
// it; SD-JWT VC facts; every disclosure; the Key Binding JWT; and the claims table of the processed claims.
import { useId, useMemo, useState } from 'react';
import { ClaimsTableView } from '../../components/ClaimsTable';
import { PartEditor } from '../../components/PartEditor';
import { prettyJson } from '../../components/prettyJson';
import { useVerdictClock } from '../../state';
import { Disclosures } from './Disclosures';
import { KeyBindingJwt } from './KeyBindingJwt';
import { useSdJwtInspection } from './useSdJwtInspection';
import { VcFacts } from './VcFacts';

type PayloadView = 'processed' | 'raw';

function PayloadViewSwitch({ view, onChange }: { view: PayloadView; onChange: (view: PayloadView) => void }) {
  const name = useId();
  const option = (value: PayloadView, label: string, testId: string) => (
    <label className="flex items-center gap-1.5">
      <input
        type="radio"
        name={name}
        data-testid={testId}
        value={value}
        checked={view === value}
        onChange={() => onChange(value)}
      />
      {label}
    </label>
  );
  return (
    <fieldset
      data-testid="sd-payload-view"
      data-view={view}
      className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-800 dark:text-slate-200"
    >
      <legend className="sr-only">Payload shown</legend>
      {option('processed', 'Claims as a verifier sees them', 'sd-payload-processed')}
      {option('raw', 'Payload as the issuer signed it', 'sd-payload-raw')}
    </fieldset>
  );
}

export function SdJwtDecoded() {
  const { inspection, current } = useSdJwtInspection();
  const [view, setView] = useState<PayloadView>('processed');
  const clock = useVerdictClock();
  const issuer = inspection?.issuer;
  const headerText = useMemo(() => (issuer ? prettyJson(issuer.header) : ''), [issuer]);
  const shownPayload = view === 'processed' ? inspection?.processedPayload : inspection?.rawPayload;
  const payloadText = useMemo(
    () => (shownPayload !== undefined ? prettyJson(shownPayload) : (issuer?.payloadText ?? '')),
    [shownPayload, issuer],
  );
  if (!inspection) return <p className="hint">Reading the SD-JWT…</p>;
  const stale = !current;
  return (
    <div className="space-y-5" aria-busy={stale || undefined}>
      {issuer ? (
        <>
          <PartEditor
            part="header"
            title="Header (issuer-signed JWT)"
            getText={() => headerText}
            value={headerText}
            stale={stale}
            height="8rem"
          />
          <div className="space-y-2">
            <PayloadViewSwitch view={view} onChange={setView} />
            <PartEditor
              part="payload"
              title={view === 'processed' ? 'Payload: disclosed claims' : 'Payload as signed (digests in place)'}
              getText={() => payloadText}
              value={payloadText}
              stale={stale}
              height="16rem"
            >
              <p className="hint mt-1">
                {view === 'processed'
                  ? 'Disclosures are put where their digests were; claims whose disclosures were not sent are absent, and _sd, _sd_alg and "..." entries are gone.'
                  : 'What the issuer signed: _sd arrays and {"...": digest} entries stand for the selectively disclosable claims.'}
              </p>
            </PartEditor>
          </div>
        </>
      ) : (
        <p className="text-sm text-red-800 dark:text-red-300">
          <span aria-hidden="true">✕ </span>
          {inspection.structure.message}
        </p>
      )}
      {inspection.vc ? <VcFacts vc={inspection.vc} /> : null}
      {inspection.structure.code !== 'not-sd-jwt' ? <Disclosures inspection={inspection} /> : null}
      <KeyBindingJwt inspection={inspection} />
      {inspection.processedPayload ? (
        <ClaimsTableView payload={inspection.processedPayload} stale={stale} clock={clock} />
      ) : null}
    </div>
  );
}
