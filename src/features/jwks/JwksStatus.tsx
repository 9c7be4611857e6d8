// The `jwks-status` line (docs/interface.md): data-state idle | loading | loaded | error, with the core's
// message (it says what happened and what to do) and, where it helps, a curl command to copy.
import { CopyButton } from '../../components/CopyButton';
import { useElapsedSeconds } from '../../components/useElapsedSeconds';
import { JWKS_TIMEOUT_MS } from './useJwksFetch';
import type { JwksFetchState } from './useJwksFetch';

function CurlHelp({ command }: { command: string }) {
  return (
    <div className="mt-1 flex items-start gap-2">
      <code data-testid="jwks-curl" className="flex-1 rounded bg-slate-100 p-1 font-mono break-all dark:bg-slate-800">
        {command}
      </code>
      <CopyButton testId="copy-jwks-curl" label="Copy the curl command" getText={() => command} compact />
    </div>
  );
}

function Steps({ steps }: { steps: string[] }) {
  if (steps.length === 0) return null;
  return (
    <details className="mt-1">
      <summary className="cursor-pointer">What was tried</summary>
      <ol className="ml-4 list-decimal">
        {steps.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
    </details>
  );
}

function LoadedSummary({ state }: { state: Extract<JwksFetchState, { status: 'loaded' }> }) {
  const { result, summaries } = state.keySet;
  const usable = summaries.length - result.skipped.length;
  return (
    <span>
      Loaded {usable} key{usable === 1 ? '' : 's'} from {result.jwksUrl}
      {result.issuerConfigUrl ? ` (the jwks_uri in ${result.issuerConfigUrl})` : ''}
      {state.fromCache
        ? `, fetched earlier at ${new Date(state.fetchedAt).toLocaleTimeString()}; press Refresh to fetch again`
        : ''}
      .
      {result.skipped.length > 0 && (
        <span data-testid="jwks-skipped" className="mt-1 block text-amber-800 dark:text-amber-300">
          Skipped {result.skipped.length} key{result.skipped.length === 1 ? '' : 's'} that cannot be used:{' '}
          {result.skipped
            .map((s) => `key ${s.index}${s.kid === undefined ? '' : ` (kid ${s.kid})`}: ${s.reason}`)
            .join('; ')}
          .
        </span>
      )}
      {result.redirects && result.redirects.length > 0 && (
        <span data-testid="jwks-redirected" className="mt-1 block text-amber-800 dark:text-amber-300">
          The server redirected: {result.redirects.map(({ from, to }) => `${from} → ${to}`).join('; ')}. The keys are
          from <span className="break-all font-mono">{result.jwksUrl}</span>.
        </span>
      )}
      {result.warnings.map((warning) => (
        <span key={warning} className="mt-1 block text-amber-800 dark:text-amber-300">
          {warning}
        </span>
      ))}
    </span>
  );
}

function RedirectChoice({ to, onAllow }: { to: string; onAllow: (origin: string) => void }) {
  const origin = new URL(to).origin;
  return (
    <div className="mt-1">
      <p>
        Redirected to{' '}
        <span data-testid="jwks-redirected-to" className="break-all font-mono">
          {to}
        </span>
        .
      </p>
      <button
        type="button"
        data-testid="jwks-allow-redirect"
        className="btn-secondary mt-1"
        onClick={() => onAllow(origin)}
      >
        Use the keys from {origin}
      </button>
    </div>
  );
}

export function JwksStatus({
  state,
  onCancel,
  onAllowRedirect,
}: {
  state: JwksFetchState;
  onCancel: () => void;
  /** Fetch again, accepting a redirect to `origin` (after a `redirect-cross-origin` refusal). */
  onAllowRedirect: (origin: string) => void;
}) {
  const elapsed = useElapsedSeconds(state.status === 'loading' ? state.startedAt : undefined);
  const tone =
    state.status === 'error'
      ? 'border-red-500 text-red-800 dark:text-red-300'
      : state.status === 'loaded'
        ? 'border-green-600 text-green-900 dark:text-green-300'
        : 'border-slate-300 dark:border-slate-600';

  return (
    // Focus target of the signature verdict's "Show why the fetch failed".
    <div id="jwks-status-box" tabIndex={-1} className={`rounded border-l-4 px-2 py-1 text-sm ${tone}`}>
      <div
        data-testid="jwks-status"
        data-state={state.status}
        data-code={state.status === 'error' ? state.code : undefined}
        role="status"
        aria-live="polite"
      >
        {state.status === 'idle' &&
          (state.notice ?? 'Nothing fetched. Enter a JWKS or issuer URL and press Fetch (or Enter).')}
        {state.status === 'loading' &&
          `Fetching ${state.url}… ${elapsed} s (gives up after ${JWKS_TIMEOUT_MS / 1000} s)`}
        {state.status === 'loaded' && <LoadedSummary state={state} />}
        {state.status === 'error' && state.message}
      </div>
      {state.status === 'loading' && (
        <button type="button" data-testid="jwks-cancel" className="btn-secondary mt-1" onClick={onCancel}>
          Cancel
        </button>
      )}
      {state.status === 'error' && state.curlCommand && <CurlHelp command={state.curlCommand} />}
      {state.status === 'error' && state.redirectedTo !== undefined && (
        <RedirectChoice to={state.redirectedTo} onAllow={onAllowRedirect} />
      )}
      {state.status === 'error' && <Steps steps={state.steps} />}
    </div>
  );
}
