// Product name, view switch, examples, Copy link, theme.
import { useState } from 'react';
import { JWS_ALGORITHMS, type AlgorithmChoice } from '../core/types';
import { actions, appStore, selectDecode, selectKeyExposure, useAppState, type Mode, type ThemeChoice } from '../state';
import { buildLink } from '../state/link';
import { CopyButton } from '../components/CopyButton';
import { loadExample } from './examples';

function ModeSwitch() {
  const mode = useAppState((s) => s.mode);
  const button = (value: Mode, label: string) => (
    <button
      type="button"
      data-testid={`mode-${value}`}
      aria-pressed={mode === value}
      onClick={() => actions.setMode(value)}
      className="rounded-md px-3 py-1 text-sm font-medium text-slate-700 hover:bg-white/70 aria-pressed:bg-white aria-pressed:text-slate-900 aria-pressed:shadow-sm dark:text-slate-300 dark:hover:bg-slate-700/60 dark:aria-pressed:bg-slate-700 dark:aria-pressed:text-white"
    >
      {label}
    </button>
  );
  return (
    <div role="group" aria-label="View" className="flex gap-1 rounded-lg bg-slate-100 p-1 dark:bg-slate-800">
      {button('decode', 'Decode')}
      {button('encode', 'Encode')}
    </div>
  );
}

function ExamplesMenu() {
  const [alg, setAlg] = useState<AlgorithmChoice>('HS256');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    // The select picks the example's algorithm, not the loaded token's: the words around it say so.
    <div role="group" aria-label="Examples" className="flex items-center gap-1.5">
      <label
        htmlFor="example-alg"
        data-testid="example-alg-label"
        className="text-sm text-slate-700 dark:text-slate-200"
      >
        Try an example signed with
      </label>
      <select
        id="example-alg"
        data-testid="example-alg"
        value={alg}
        onChange={(event) => setAlg(event.target.value as AlgorithmChoice)}
        className="field w-auto py-1"
      >
        {[...JWS_ALGORITHMS, 'none' as const].map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <button
        type="button"
        data-testid="example-load"
        className="btn-secondary"
        disabled={busy}
        aria-describedby={error ? 'example-error' : undefined}
        onClick={() => {
          setBusy(true);
          setError(undefined);
          loadExample(alg)
            .catch((reason: unknown) => {
              setError(`No ${alg} example: ${reason instanceof Error ? reason.message : String(reason)}`);
            })
            .finally(() => setBusy(false));
        }}
      >
        {busy ? 'Generating…' : 'Load example'}
      </button>
      {error ? (
        <span id="example-error" role="alert" className="text-sm text-red-800 dark:text-red-300">
          {error}
        </span>
      ) : null}
    </div>
  );
}

function CopyLink() {
  const [includeKey, setIncludeKey] = useState(false);
  const exposure = useAppState((s) => selectKeyExposure(s.keyEngine, s.keyText, s.secretEncoding));
  const note =
    exposure.kind === 'secret'
      ? 'the link will hold your secret'
      : exposure.kind === 'unusable' && exposure.what !== 'empty'
        ? `the key is left out: it is ${exposure.what}`
        : undefined;
  return (
    <div className="flex items-center gap-2">
      <label className="flex items-center gap-1 text-sm text-slate-700 dark:text-slate-200">
        <input
          type="checkbox"
          data-testid="copy-link-include-key"
          checked={includeKey}
          onChange={(event) => setIncludeKey(event.target.checked)}
        />
        include key
      </label>
      {includeKey && note ? (
        <span role="note" data-testid="copy-link-key-note" className="text-xs text-amber-900 dark:text-amber-200">
          <span aria-hidden="true">⚠ </span>
          {note}
        </span>
      ) : null}
      <CopyButton testId="copy-link" label="Copy link" getText={() => currentLink(includeKey)} />
    </div>
  );
}

function currentLink(includeKey: boolean): string {
  const state = appStore.getState();
  const outcome = selectDecode(state.tokenText);
  const token =
    state.mode === 'encode' ? state.signing.token : outcome.ok ? outcome.decoded.normalized : state.tokenText;
  const exposure = selectKeyExposure(state.keyEngine, state.keyText, state.secretEncoding);
  return buildLink({
    origin: location.origin,
    pathname: location.pathname,
    token,
    mode: state.mode,
    ...(includeKey && exposure.kind !== 'unusable'
      ? { key: { text: state.keyText, isPublic: exposure.kind === 'public', secretEncoding: state.secretEncoding } }
      : {}),
  });
}

function ThemeSwitch() {
  const theme = useAppState((s) => s.theme);
  const options: { value: ThemeChoice; label: string; icon: string }[] = [
    { value: 'system', label: 'System', icon: '◐' },
    { value: 'light', label: 'Light', icon: '☀' },
    { value: 'dark', label: 'Dark', icon: '☾' },
  ];
  return (
    <div role="group" aria-label="Theme" className="flex gap-0.5 rounded-lg bg-slate-100 p-0.5 dark:bg-slate-800">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          data-testid={`theme-${option.value}`}
          aria-pressed={theme === option.value}
          title={`${option.label} theme`}
          onClick={() => actions.setTheme(option.value)}
          className="rounded-md px-2 py-0.5 text-sm text-slate-700 aria-pressed:bg-white aria-pressed:text-slate-900 aria-pressed:shadow-sm dark:text-slate-300 dark:aria-pressed:bg-slate-700 dark:aria-pressed:text-white"
        >
          <span aria-hidden="true">{option.icon}</span>
          <span className="sr-only">{option.label} theme</span>
        </button>
      ))}
    </div>
  );
}

export function TopBar() {
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
      <h1 className="flex items-center gap-2 text-base font-semibold tracking-tight">
        <span aria-hidden="true" className="flex gap-0.5">
          <span className="h-3 w-1.5 rounded-sm bg-part-header" />
          <span className="h-3 w-1.5 rounded-sm bg-part-payload" />
          <span className="h-3 w-1.5 rounded-sm bg-part-signature" />
        </span>
        JWT Workbench
      </h1>
      <ModeSwitch />
      <div className="ml-auto flex flex-wrap items-center gap-3">
        <ExamplesMenu />
        <CopyLink />
        <ThemeSwitch />
      </div>
    </header>
  );
}
