// Encode view: header and payload JSON, with the time helpers that stamp iat/exp/nbf.
import { useState } from 'react';
import { PartEditor } from '../../components/PartEditor';
import { actions, appStore, useAppState } from '../../state';

const EXP_CHOICES = [
  { label: '+5 min', seconds: 300 },
  { label: '+1 h', seconds: 3600 },
  { label: '+1 day', seconds: 86400 },
];

function TimeHelpers() {
  const [custom, setCustom] = useState('');
  const [problem, setProblem] = useState<string>();
  const apply = (ok: boolean) =>
    setProblem(ok ? undefined : 'The payload is not a JSON object right now; fix it first, then stamp the time.');
  return (
    <div className="mt-2 space-y-1">
      <div role="group" aria-label="Time helpers" className="flex flex-wrap items-center gap-1.5">
        <button
          type="button"
          data-testid="time-iat-now"
          className="btn-secondary"
          onClick={() => apply(actions.applyTimeHelper({ claim: 'iat', at: 'now' }))}
        >
          iat = now
        </button>
        <button
          type="button"
          data-testid="time-nbf-now"
          className="btn-secondary"
          onClick={() => apply(actions.applyTimeHelper({ claim: 'nbf', at: 'now' }))}
        >
          nbf = now
        </button>
        <span className="ml-1 text-sm text-slate-700 dark:text-slate-300">exp =</span>
        {EXP_CHOICES.map((choice) => (
          <button
            key={choice.seconds}
            type="button"
            data-testid={`time-exp-${choice.seconds}`}
            aria-label={`Set exp to now ${choice.label}`}
            className="btn-secondary"
            onClick={() => apply(actions.applyTimeHelper({ claim: 'exp', in: choice.seconds }))}
          >
            {choice.label}
          </button>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-1.5">
        <label htmlFor="time-exp-custom" className="text-sm text-slate-700 dark:text-slate-300">
          exp at
        </label>
        <input
          id="time-exp-custom"
          data-testid="time-exp-custom"
          type="datetime-local"
          value={custom}
          onChange={(event) => setCustom(event.target.value)}
          // Tab lands in the date's inner fields (UA shadow DOM), where :focus and :focus-visible can miss the input.
          className="field w-auto py-0.5 focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-sky-600"
        />
        <button
          type="button"
          className="btn-secondary"
          disabled={!custom}
          onClick={() => {
            const ms = new Date(custom).getTime();
            if (Number.isNaN(ms)) setProblem('That date and time could not be read.');
            else apply(actions.applyTimeHelper({ claim: 'exp', atSeconds: Math.floor(ms / 1000) }));
          }}
        >
          Set exp
        </button>
      </div>
      {problem ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

export function EncodeEditors() {
  const headerText = useAppState((s) => s.headerText);
  const payloadText = useAppState((s) => s.payloadText);
  const refreshTimes = useAppState((s) => s.refreshTimes);
  return (
    <div className="space-y-4">
      <PartEditor
        part="header"
        getText={() => appStore.getState().headerText}
        value={headerText}
        onChange={actions.setHeaderText}
        height="9rem"
      />
      <PartEditor
        part="payload"
        getText={() => appStore.getState().payloadText}
        value={payloadText}
        onChange={actions.setPayloadText}
        height="18rem"
      >
        <TimeHelpers />
        <label className="mt-2 flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
          <input
            type="checkbox"
            data-testid="refresh-times"
            checked={refreshTimes}
            onChange={(event) => actions.setRefreshTimes(event.target.checked)}
          />
          Refresh iat/exp on every change (the signed token gets current times)
        </label>
      </PartEditor>
    </div>
  );
}
