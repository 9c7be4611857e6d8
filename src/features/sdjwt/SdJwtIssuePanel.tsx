// Encode view, under the payload: make an SD-JWT. The payload's properties and array elements are listed with a
// checkbox each (keyboard: Tab and Space), so the user marks what becomes selectively disclosable; ticking an object
// and a claim inside it makes a recursive disclosure. Decoys and the hash complete what the issuer decides.
import { useId, useMemo } from 'react';
import { listDisclosablePaths } from '../../core/sdjwt/disclosable-paths';
import type { SdAlgName } from '../../core/sdjwt/types';
import { actions, appStore, useAppState } from '../../state';
import { parseJsonObject, withMembers } from '../../state/jsonParts';
import { VC_EXAMPLE_DISCLOSE, vcExamplePayload } from './vcExample';

const PATH_LIMIT = 300;
const MAX_DECOYS = 100;
const SD_ALGS: SdAlgName[] = ['sha-256', 'sha-384', 'sha-512'];

function loadVcExample(): void {
  const state = appStore.getState();
  const header =
    withMembers(state.headerText, { typ: 'dc+sd-jwt' }) ??
    JSON.stringify({ alg: state.alg, typ: 'dc+sd-jwt' }, null, 2);
  actions.loadEncodeInputs(header, JSON.stringify(vcExamplePayload(Math.floor(Date.now() / 1000)), null, 2));
  actions.setSdJwt({ enabled: true, disclose: VC_EXAMPLE_DISCLOSE, decoys: 2, omit: [] });
}

function ClaimChoices() {
  const payloadText = useAppState((s) => s.payloadText);
  const chosen = useAppState((s) => s.sdJwt.disclose);
  const listed = useMemo(() => {
    const parsed = parseJsonObject(payloadText);
    return parsed.ok ? listDisclosablePaths(parsed.value, PATH_LIMIT) : undefined;
  }, [payloadText]);
  const chosenSet = useMemo(() => new Set(chosen), [chosen]);
  if (!listed) {
    return <p className="hint">The payload is not a JSON object right now: fix it to choose its claims.</p>;
  }
  const toggle = (path: string, on: boolean) =>
    actions.setSdJwt({ disclose: on ? [...chosen, path] : chosen.filter((p) => p !== path) });
  const listedSet = new Set(listed.paths.map((p) => p.path));
  const gone = chosen.filter((p) => !listedSet.has(p)).length;
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-semibold text-slate-800 dark:text-slate-100">
        Selectively disclosable claims
      </legend>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          data-testid="sd-select-top"
          className="btn-secondary"
          onClick={() => actions.setSdJwt({ disclose: listed.paths.filter((p) => p.depth === 0).map((p) => p.path) })}
        >
          Tick every top-level claim
        </button>
        <button
          type="button"
          data-testid="sd-select-none"
          className="btn-secondary"
          onClick={() => actions.setSdJwt({ disclose: [] })}
        >
          Untick all
        </button>
      </div>
      {listed.paths.length === 0 ? (
        <p className="hint">The payload has no claims yet.</p>
      ) : (
        <ul
          data-testid="sd-paths"
          className="max-h-72 space-y-1.5 overflow-auto rounded-md border border-slate-200 p-2 dark:border-slate-700"
        >
          {listed.paths.map((p) => (
            <li key={p.path} style={{ paddingLeft: `${p.depth * 1.25}rem` }}>
              <label className="flex items-baseline gap-2 text-sm">
                <input
                  type="checkbox"
                  data-testid="sd-path"
                  data-path={p.path}
                  checked={chosenSet.has(p.path)}
                  onChange={(event) => toggle(p.path, event.target.checked)}
                />
                <code aria-hidden="true" className="font-mono text-slate-900 dark:text-slate-100">
                  {p.label}
                </code>
                <span className="sr-only">{p.path}</span>
                <span className="truncate text-xs text-slate-600 dark:text-slate-400">{p.preview}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {listed.truncated ? <p className="hint">Only the first {PATH_LIMIT} claims are listed.</p> : null}
      {gone > 0 ? (
        <p className="hint">
          {gone} ticked claim{gone === 1 ? ' is' : 's are'} no longer in the payload and {gone === 1 ? 'is' : 'are'}{' '}
          left out.
        </p>
      ) : null}
      <p className="hint">
        Ticking an object or array and a claim inside it makes a recursive disclosure: the inner claim can only be
        disclosed with the outer one.
      </p>
    </fieldset>
  );
}

function IssueOptions() {
  const ids = useId();
  const decoys = useAppState((s) => s.sdJwt.decoys);
  const sdAlg = useAppState((s) => s.sdJwt.sdAlg);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor={`${ids}-decoys`} className="field-label">
          Decoy digests
        </label>
        <input
          id={`${ids}-decoys`}
          data-testid="sd-decoys"
          type="number"
          min={0}
          max={MAX_DECOYS}
          step={1}
          aria-describedby={`${ids}-decoys-hint`}
          className="field w-24"
          value={decoys}
          onChange={(event) => {
            const n = Math.trunc(Number(event.target.value));
            actions.setSdJwt({ decoys: Number.isFinite(n) ? Math.min(MAX_DECOYS, Math.max(0, n)) : 0 });
          }}
        />
      </div>
      <div>
        <label htmlFor={`${ids}-alg`} className="field-label">
          Digest hash (_sd_alg)
        </label>
        <select
          id={`${ids}-alg`}
          data-testid="sd-alg"
          className="field w-auto"
          value={sdAlg}
          onChange={(event) => actions.setSdJwt({ sdAlg: event.target.value as SdAlgName })}
        >
          {SD_ALGS.map((alg) => (
            <option key={alg} value={alg}>
              {alg}
            </option>
          ))}
        </select>
      </div>
      <p id={`${ids}-decoys-hint`} className="hint basis-full">
        Decoys are digests of random values added to the top-level _sd, so a verifier cannot count the claims it was not
        shown (RFC 9901 §4.2.5).
      </p>
    </div>
  );
}

export function SdJwtIssuePanel() {
  const headingId = useId();
  const enabled = useAppState((s) => s.sdJwt.enabled);
  const warnings = useAppState((s) => (s.signing.status === 'done' ? s.signing.sdJwt?.warnings : undefined));
  return (
    <section
      aria-labelledby={headingId}
      data-testid="sd-issue"
      className="space-y-3 rounded-md border border-emerald-300 p-3 dark:border-emerald-800"
    >
      <h3 id={headingId} className="flex items-center gap-2 text-sm font-semibold text-slate-800 dark:text-slate-100">
        <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-full bg-part-disclosure" />
        Selective disclosure (SD-JWT)
      </h3>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200">
          <input
            type="checkbox"
            data-testid="sd-enable"
            checked={enabled}
            onChange={(event) => actions.setSdJwt({ enabled: event.target.checked })}
          />
          Make an SD-JWT: the claims ticked below become disclosures
        </label>
        <button type="button" data-testid="sd-example" className="btn-secondary" onClick={loadVcExample}>
          Load an SD-JWT VC example
        </button>
      </div>
      {enabled ? (
        <>
          <ClaimChoices />
          <IssueOptions />
          {warnings && warnings.length > 0 ? (
            <ul data-testid="sd-issue-warnings" className="space-y-1 text-sm text-amber-900 dark:text-amber-200">
              {warnings.map((w) => (
                <li key={w}>
                  <span aria-hidden="true">⚠ </span>
                  {w}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
