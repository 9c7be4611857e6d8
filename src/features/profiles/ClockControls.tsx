// The clock every time verdict uses (claims-status, the claims table, the security review, the profile rules):
// "as of" a chosen moment instead of now, a leeway for clock skew, and a maximum age for iat. Stored in the app
// state (`clock`), so a verdict computed anywhere on the page follows it.
import { useId, useState } from 'react';
import { actions, selectDecode, useAppState, useIdleAppState, useVerdictClock } from '../../state';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The `datetime-local` text of a moment, in the browser's time zone (the input knows no other). */
function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A `datetime-local` value (no zone: local time, as the ECMAScript date-time format reads it) in ms. */
function fromLocalInput(text: string): number | undefined {
  if (text === '') return undefined;
  const ms = new Date(text).getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

function utc(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Blank, or a whole number of seconds. */
function parseSeconds(text: string): { ok: true; value: number | undefined } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  return /^\d{1,10}$/.test(trimmed) ? { ok: true, value: Number(trimmed) } : { ok: false };
}

function SecondsInput(props: {
  testId: string;
  label: string;
  hint: string;
  value: number | undefined;
  placeholder: string;
  onValue: (value: number | undefined) => void;
}) {
  const id = useId();
  // The text as typed while it is being edited, so "" or "1e" does not snap back to the stored number.
  const [draft, setDraft] = useState<string>();
  const shown = draft ?? (props.value === undefined ? '' : String(props.value));
  const invalid = !parseSeconds(shown).ok;
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {props.label}
      </label>
      <input
        id={id}
        data-testid={props.testId}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className="field-mono"
        placeholder={props.placeholder}
        value={shown}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          setDraft(event.target.value);
          const parsed = parseSeconds(event.target.value);
          if (parsed.ok) props.onValue(parsed.value);
        }}
        onBlur={() => setDraft(undefined)}
      />
      <p id={`${id}-hint`} className={invalid ? 'mt-0.5 text-xs text-red-800 dark:text-red-300' : 'hint mt-0.5'}>
        {invalid ? 'A whole number of seconds, e.g. 60; the last valid value still applies.' : props.hint}
      </p>
    </div>
  );
}

export function ClockControls() {
  const ids = useId();
  const settings = useAppState((s) => s.clock);
  const clock = useVerdictClock();
  const iat = useIdleAppState((s) => {
    const outcome = selectDecode(s.tokenText);
    const payload = outcome.ok ? outcome.decoded.payload : undefined;
    const value = payload && typeof payload === 'object' ? (payload as Record<string, unknown>).iat : undefined;
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  });
  return (
    <fieldset data-testid="clock-controls" className="space-y-2">
      <legend className="text-sm font-semibold text-slate-800 dark:text-slate-100">Clock for time checks</legend>
      <div>
        <label htmlFor={`${ids}-as-of`} className="field-label">
          Judge as of (your local time)
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <input
            id={`${ids}-as-of`}
            data-testid="clock-as-of"
            type="datetime-local"
            step={1}
            className="field max-w-60"
            value={settings.asOf === undefined ? '' : toLocalInput(settings.asOf)}
            aria-describedby={`${ids}-status`}
            onChange={(event) => actions.setClock({ asOf: fromLocalInput(event.target.value) })}
          />
          <button
            type="button"
            data-testid="clock-now"
            className="btn-secondary"
            disabled={settings.asOf === undefined}
            onClick={() => actions.setClock({ asOf: undefined })}
          >
            Now
          </button>
          {iat !== undefined ? (
            <button
              type="button"
              data-testid="clock-at-iat"
              className="btn-secondary"
              title="Judge the token as it was when it was issued"
              onClick={() => actions.setClock({ asOf: iat * 1000 })}
            >
              When issued (iat)
            </button>
          ) : null}
        </div>
      </div>
      <p id={`${ids}-status`} data-testid="clock-status" className="hint">
        {clock.fixed
          ? `Every time check is judged as of ${utc(clock.now)} (${Math.floor(clock.now / 1000)}), not now.`
          : 'Time checks use the current time.'}
      </p>
      <SecondsInput
        testId="clock-leeway"
        label="Leeway (seconds)"
        hint="Allowed clock skew for exp, nbf and iat."
        placeholder="0"
        value={settings.leewaySeconds === 0 ? undefined : settings.leewaySeconds}
        onValue={(value) => actions.setClock({ leewaySeconds: value ?? 0 })}
      />
      <SecondsInput
        testId="clock-max-age"
        label="Maximum age of iat (seconds)"
        hint="A token issued longer ago counts as too old; empty: no limit (a DPoP proof then allows 300 s)."
        placeholder="no limit"
        value={settings.maxAgeSeconds}
        onValue={(value) => actions.setClock({ maxAgeSeconds: value })}
      />
    </fieldset>
  );
}
