// "Test your server": the negative-test pack for the loaded token (Decode: the token box; Encode: the signed
// token), the keys the user gave (the key box, and a key set fetched from a URL), and the Send-it request.
// The core makes the cases and the script; this panel only renders them and offers them for download.
import { useId, useMemo, useState } from 'react';
import { useElapsedSeconds } from '../../components/useElapsedSeconds';
import { DEFAULT_FOREIGN_URL, type NegativeKeyState, type NegativePack } from '../../core/negative';
import { snippetRequestOf, useAppState } from '../../state';
import { CaseList } from './CaseList';
import type { TokenSource } from './NegativeLauncher';
import { ScriptBox } from './ScriptBox';
import { useNegativePack, type PackState } from './useNegativePack';

// Kept for the page session, like the panel's open state: the URL the user typed survives a view switch.
let foreignUrlInSession = DEFAULT_FOREIGN_URL;

const KEY_STATE_WORDS: Record<NegativeKeyState, string> = {
  verified: 'verifies the token',
  missing: 'not given',
  'does-not-verify': 'does not verify the token',
  unusable: 'cannot be used',
};

function KeyLine({ label, state, needFor }: { label: string; state: NegativeKeyState; needFor: string }) {
  const ok = state === 'verified';
  return (
    <li data-testid="negative-key" data-state={state}>
      <span aria-hidden="true">{ok ? '✓ ' : '– '}</span>
      {label}: {KEY_STATE_WORDS[state]}
      {ok ? '' : ` (${needFor})`}
    </li>
  );
}

function summaryOf(pack: NegativePack): string {
  const count = (state: string) => pack.cases.filter((c) => c.state === state).length;
  const tokens = pack.cases.reduce((sum, c) => sum + c.tokens.length, 0);
  const [ready, needs, notApplicable] = [count('ready'), count('needs-key'), count('n/a')];
  const parts = [`${ready} in the script (${tokens} tokens, the control included)`];
  if (needs > 0) parts.push(`${needs} ${needs === 1 ? 'needs' : 'need'} input you have not given`);
  if (notApplicable > 0) parts.push(`${notApplicable} ${notApplicable === 1 ? 'does' : 'do'} not apply to this token`);
  return `${pack.cases.length} cases: ${parts.join(', ')}.`;
}

function Progress({ state }: { state: Extract<PackState, { status: 'building' }> }) {
  const elapsed = useElapsedSeconds(state.startedAt);
  return (
    <span className="flex flex-wrap items-center gap-2">
      <progress className="h-1.5 w-24" aria-label="Making the test cases" />
      Making the test cases{state.startedAt === undefined ? '…' : `… ${elapsed} s`} (fresh RSA keys take a second or
      two)
    </span>
  );
}

export function NegativePanel({ token, source }: { token: string; source: TokenSource }) {
  const ids = useId();
  // What is on screen, never a lagging copy: a script downloaded right after an edit must be made from it. The
  // pack is remade when the typing pauses (useNegativePack); the case list and the script re-render only then.
  const keyText = useAppState((s) => s.keyText);
  const secretEncoding = useAppState((s) => s.secretEncoding);
  const fetchedKeySet = useAppState((s) => s.fetchedKeySet);
  const settings = useAppState((s) => s.snippetRequest);
  const request = useMemo(() => snippetRequestOf(settings), [settings]);
  const [foreignUrl, setForeignUrl] = useState(foreignUrlInSession);
  const state = useNegativePack({
    token,
    keyText,
    secretEncoding,
    fetchedKeySet: fetchedKeySet?.text,
    foreignUrl,
  });
  const pack = state.status === 'ready' ? state.pack : state.status === 'building' ? state.previous : undefined;
  const current = state.status === 'ready';

  return (
    <section
      data-testid="negative-pack"
      data-state={state.status}
      aria-labelledby={`${ids}-title`}
      aria-busy={state.status === 'building'}
      className="space-y-3 rounded-lg border border-slate-300 p-3 dark:border-slate-700"
    >
      <h3 id={`${ids}-title`} className="text-sm font-semibold text-slate-800 dark:text-slate-100">
        Test your server
      </h3>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Tokens your server must refuse, each made from {source === 'decode' ? 'the token box' : 'the signed token'} with
        one thing changed, sent with the request from Send it (
        <code className="font-mono text-xs break-all">
          {settings.method} {settings.url}
        </code>
        ). The page sends none of them: download the script and run it.
      </p>

      <ul className="space-y-0.5 text-sm text-slate-700 dark:text-slate-300" aria-label="Keys used">
        {pack ? (
          <>
            <KeyLine
              label="Server’s public key"
              state={pack.publicKey}
              needFor="paste it in the key box, or fetch the JWKS, for key confusion"
            />
            <KeyLine
              label="Signing key"
              state={pack.signingKey}
              needFor="give it in the key box to re-sign tokens with changed claims"
            />
          </>
        ) : null}
        <li className="hint">
          From the key box{fetchedKeySet ? ` and the key set fetched from ${fetchedKeySet.url}` : ''}; each is used only
          if it verifies the token.
        </li>
      </ul>

      <div>
        <label htmlFor={`${ids}-jku`} className="field-label">
          Foreign URL for jku and x5u
        </label>
        <input
          id={`${ids}-jku`}
          data-testid="negative-jku-url"
          type="url"
          spellCheck={false}
          value={foreignUrl}
          aria-describedby={`${ids}-jku-hint`}
          onChange={(event) => {
            foreignUrlInSession = event.target.value;
            setForeignUrl(event.target.value);
          }}
          className="field-mono"
        />
        <p id={`${ids}-jku-hint`} className="hint mt-1">
          A URL your server does not know. The default never resolves; point it at a server whose log you can read to
          see whether your server fetches it.
        </p>
      </div>

      <div role="status" aria-live="polite" data-testid="negative-status" className="text-sm">
        {state.status === 'building' ? <Progress state={state} /> : null}
        {state.status === 'ready' ? summaryOf(state.pack) : null}
      </div>
      {state.status === 'no-token' || state.status === 'error' ? (
        <p role="alert" data-testid="negative-error" className="text-sm text-red-800 dark:text-red-300">
          <span aria-hidden="true">✕ </span>
          {state.message}
        </p>
      ) : null}

      {pack ? (
        <div className={current ? 'space-y-4' : 'space-y-4 opacity-60'}>
          {pack.notes.length > 0 ? (
            <ul className="list-disc space-y-1 pl-5 text-sm text-amber-900 dark:text-amber-200" aria-label="Notes">
              {pack.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : null}
          <ScriptBox pack={pack} request={request} current={current} headingId={`${ids}-script`} />
          <div className="space-y-2">
            <h4 className="text-sm font-semibold text-slate-800 dark:text-slate-100">The cases</h4>
            <CaseList cases={pack.cases} />
          </div>
        </div>
      ) : null}
    </section>
  );
}
