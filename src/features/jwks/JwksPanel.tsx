// JWKS / OpenID Connect panel: fetch a key set from a URL the user typed or confirmed,
// list its keys, and make it the verification key. Network I/O is the core's (src/core/jwks.ts);
// this panel only decides *when* (explicit action) and renders the outcome.
import { useCallback, useEffect, useId, useState } from 'react';
import { expectationsFromDiscovery } from '../../core/profiles/discovery';
import { actions, selectDecode, useIdleAppState } from '../../state';
import { HeaderKeyHints } from './HeaderKeyHints';
import { JwksStatus } from './JwksStatus';
import { KeySetTable } from './KeySetTable';
import { recallPanel, rememberPanel } from './keySetCache';
import { useJwksFetch } from './useJwksFetch';
import type { LoadedKeySet } from './useJwksFetch';

const asObject = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

export function JwksPanel() {
  const ids = useId();
  // Off the keystroke's critical path: one consistent state, as of the last idle moment.
  const tokenText = useIdleAppState((s) => s.tokenText);
  const keyText = useIdleAppState((s) => s.keyText);
  const keySource = useIdleAppState((s) => s.keySource);
  const verification = useIdleAppState((s) => s.verification);
  const outcome = selectDecode(tokenText);
  const decoded = outcome.ok ? outcome.decoded : undefined;
  const header = decoded?.header;
  const payload = asObject(decoded?.payload);
  const tokenKid = typeof header?.kid === 'string' ? header.kid : undefined;
  const issuer = typeof payload?.iss === 'string' ? payload.iss : undefined;

  const [url, setUrl] = useState(() => recallPanel().url);
  const [applied, setApplied] = useState(() => recallPanel().applied);
  const onLoaded = useCallback((from: string, keySet: LoadedKeySet) => {
    // Only the keys jose can import: the skipped ones are listed in the status instead.
    const text = keySet.result.keysText;
    const url = keySet.result.jwksUrl || from;
    actions.setKeyText(text, 'jwks', url);
    setApplied({ url, text });
    // An OpenID configuration also names the issuer and token endpoint the token profiles expect.
    const { discovery } = keySet.result;
    if (discovery !== undefined) {
      const found = expectationsFromDiscovery(discovery);
      actions.setDiscovery({
        url: keySet.result.issuerConfigUrl ?? from,
        iss: found.iss,
        tokenEndpoint: found.tokenEndpoint,
        warnings: found.warnings,
      });
    }
  }, []);
  const { state, start, cancel } = useJwksFetch(onLoaded, recallPanel().status);
  useEffect(() => {
    rememberPanel({ url, applied, status: state.status === 'loading' ? { status: 'idle' } : state });
  }, [url, applied, state]);
  // The signature verdict at the top says a fetch failed (the explanation here may be below the fold).
  useEffect(() => {
    actions.setKeySetFailure(
      state.status === 'error' ? { url: state.url, code: state.code, message: state.message } : undefined,
    );
  }, [state]);

  const inUse = applied !== undefined && keySource === 'jwks' && keyText === applied.text;
  const result = verification.status === 'done' ? verification.result : undefined;
  const verifiedKid = inUse && result?.signature === 'verified' ? result.kid : undefined;
  const loaded = state.status === 'loaded' ? state : undefined;
  const kidMissing = loaded && tokenKid !== undefined && !loaded.keySet.summaries.some((key) => key.kid === tokenKid);

  return (
    <section aria-labelledby={`${ids}-title`} className="space-y-2" data-testid="jwks-panel">
      <h3 id={`${ids}-title`} className="mb-2 text-sm font-semibold text-slate-800 dark:text-slate-100">
        Keys from a URL (JWKS or OpenID issuer)
      </h3>
      <HeaderKeyHints header={header} onSuggest={setUrl} />
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void start(url);
        }}
      >
        <label className="min-w-0 flex-1">
          <span className="field-label">JWKS URL or issuer URL</span>
          <input
            data-testid="jwks-url"
            type="text"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            placeholder="https://issuer.example.com/.well-known/jwks.json"
            className="field-mono"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
        <button type="submit" data-testid="jwks-fetch" className="btn-secondary" disabled={state.status === 'loading'}>
          Fetch
        </button>
        {loaded && (
          <button
            type="button"
            data-testid="jwks-refresh"
            className="btn-secondary"
            onClick={() => void start(loaded.url, { refresh: true })}
          >
            Refresh
          </button>
        )}
      </form>
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <button
          type="button"
          data-testid="jwks-use-issuer"
          className="btn-secondary"
          disabled={!issuer}
          title={issuer ? `Fills in ${issuer}; nothing is fetched until you press Fetch` : 'The token has no iss claim'}
          onClick={() => issuer && setUrl(issuer)}
        >
          Use the token&apos;s issuer
        </button>
        <span className="text-slate-600 dark:text-slate-400">
          Only fetched when you press Fetch or Enter; the token&apos;s own URLs are never contacted by themselves.
        </span>
      </div>
      <JwksStatus
        state={state}
        onCancel={cancel}
        onAllowRedirect={(origin) =>
          state.status === 'error' && void start(state.requested ?? url, { refresh: true, allowRedirectTo: [origin] })
        }
      />
      {loaded && (
        <>
          {kidMissing && (
            <p data-testid="jwks-kid-missing" className="text-xs text-amber-800 dark:text-amber-300">
              The token&apos;s kid &quot;{tokenKid}&quot; is not in this key set: it was signed with a key the set does
              not publish (rotated out, or another issuer).
            </p>
          )}
          <KeySetTable
            keys={loaded.keySet.summaries}
            tokenKid={tokenKid}
            verifiedKid={verifiedKid}
            skipped={new Map(loaded.keySet.result.skipped.map((s) => [s.index, s.reason]))}
          />
          {inUse ? (
            <p data-testid="jwks-verdict" className="text-xs">
              {verifiedKid
                ? `Signature verified with key ${verifiedKid} from ${applied.url}.`
                : `Verification uses these keys from ${applied.url}.`}
            </p>
          ) : (
            <p className="text-xs">
              The key input no longer holds this key set.{' '}
              <button
                type="button"
                data-testid="jwks-use-set"
                className="btn-secondary"
                onClick={() => onLoaded(loaded.url, loaded.keySet)}
              >
                Verify with these keys again
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
