// Encode view: the signed token (`token-output`), live. When signing fails, the reason in plain words
// and the last good token visibly stale.
import { CopyButton } from '../../components/CopyButton';
import { appStore, useAppState } from '../../state';

export function TokenOutput() {
  const signing = useAppState((s) => s.signing);
  const stale = signing.status === 'error';
  const parts = signing.token.split('.');
  return (
    <div className="space-y-3">
      <div aria-live="polite">
        {signing.status === 'error' ? (
          <div
            data-testid="sign-error"
            data-code={signing.code}
            role="alert"
            className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
          >
            <p className="font-semibold">
              <span aria-hidden="true">✕ </span>Not signed
            </p>
            <p className="mt-1">{signing.message}</p>
            {signing.token ? (
              <p className="mt-1">The token below is the last one that was signed and is out of date.</p>
            ) : null}
          </div>
        ) : null}
      </div>
      <div
        data-testid="token-output"
        data-state={signing.status}
        data-stale={stale || undefined}
        data-request={signing.requestId}
        aria-label="Signed token"
        role="textbox"
        aria-readonly="true"
        tabIndex={0}
        className={`token-layer min-h-32 rounded-md border border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900 ${stale ? 'line-through decoration-slate-400' : ''}`}
      >
        {parts.length === 3 ? (
          <>
            <span className="token-header">{parts[0]}</span>
            <span className="token-dot">.</span>
            <span className="token-payload">{parts[1]}</span>
            <span className="token-dot">.</span>
            <span className="token-signature">{parts[2]}</span>
          </>
        ) : (
          signing.token
        )}
      </div>
      <div className="flex items-center gap-2">
        <CopyButton
          testId="copy-token"
          label="Copy token"
          disabled={!signing.token}
          getText={() => appStore.getState().signing.token}
        />
        {stale ? <span className="text-sm text-slate-600 dark:text-slate-400">(stale)</span> : null}
      </div>
    </div>
  );
}
