// Fetching a key set on the user's explicit request (button or Enter; never on typing), with a
// 10 s timeout, a Cancel, a per-session cache, and only the latest request allowed to land.
import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_JWKS_TIMEOUT_MS, JwksError, checkJwksUrl, fetchKeySet, summarizeKeySet } from '../../core/jwks';
import type { JwksKeySummary, KeySetResult } from '../../core/jwks';
import { cacheKeySet, readCachedKeySet } from './keySetCache';

/** "Timeout (10 s, cancellable)"; the core applies it to each request. */
export const JWKS_TIMEOUT_MS = DEFAULT_JWKS_TIMEOUT_MS;

export type LoadedKeySet = { result: KeySetResult; summaries: JwksKeySummary[] };

export type JwksFetchState =
  | { status: 'idle'; notice?: string }
  | { status: 'loading'; url: string; startedAt: number }
  | { status: 'loaded'; url: string; keySet: LoadedKeySet; fromCache: boolean; fetchedAt: number }
  | {
      status: 'error';
      url: string | undefined;
      code: string;
      message: string;
      /** A command that fetches the same URL outside the browser (CORS and connection failures). */
      curlCommand?: string | undefined;
      /** What was tried, in order (URL, then discovery). */
      steps: string[];
      /** Code `redirect-cross-origin`: where the redirect landed, which the user may choose to accept. */
      redirectedTo?: string | undefined;
      /** The URL the user asked for (the failing request may be a later step, e.g. a jwks_uri). */
      requested?: string;
    };

export type StartOptions = { refresh?: boolean; allowRedirectTo?: readonly string[] };

async function load(url: string, signal: AbortSignal, allowRedirectTo: readonly string[]): Promise<LoadedKeySet> {
  const result = await fetchKeySet(url, { signal, timeoutMs: JWKS_TIMEOUT_MS, allowRedirectTo });
  const summaries = await summarizeKeySet(result.jwks);
  return { result, summaries };
}

export function useJwksFetch(
  onLoaded: (url: string, keySet: LoadedKeySet) => void,
  initial: JwksFetchState = { status: 'idle' },
) {
  const [state, setState] = useState<JwksFetchState>(initial);
  const latest = useRef(0);
  const controller = useRef<AbortController | undefined>(undefined);
  // Leaving the Decode view unmounts the panel: a fetch still under way must not land afterwards
  // and swap the key the user is now working with.
  useEffect(
    () => () => {
      latest.current += 1;
      controller.current?.abort();
    },
    [],
  );

  const start = useCallback(
    async (text: string, options: StartOptions = {}) => {
      const checked = checkJwksUrl(text);
      if (!checked.ok) {
        latest.current += 1;
        controller.current?.abort();
        setState({ status: 'error', url: undefined, code: checked.code, message: checked.message, steps: [] });
        return;
      }
      const url = checked.url.href;
      const cached = options.refresh ? undefined : readCachedKeySet<LoadedKeySet>(url);
      if (cached) {
        latest.current += 1;
        controller.current?.abort();
        setState({ status: 'loaded', url, keySet: cached.value, fromCache: true, fetchedAt: cached.fetchedAt });
        onLoaded(url, cached.value);
        return;
      }
      const id = ++latest.current;
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setState({ status: 'loading', url, startedAt: performance.now() });
      try {
        const keySet = await load(url, abort.signal, options.allowRedirectTo ?? []);
        if (id !== latest.current) return;
        cacheKeySet(url, keySet);
        setState({ status: 'loaded', url, keySet, fromCache: false, fetchedAt: Date.now() });
        onLoaded(url, keySet);
      } catch (err) {
        if (id !== latest.current) return;
        if (err instanceof JwksError) {
          setState({
            status: 'error',
            url: err.url ?? url,
            code: err.code,
            message: err.message,
            curlCommand: err.curlCommand,
            steps: err.steps,
            redirectedTo: err.redirectedTo,
            requested: url,
          });
        } else {
          // fetchKeySet documents JwksError only; anything else is a bug, shown rather than swallowed.
          const detail = err instanceof Error ? err.message : String(err);
          const message = `Fetching the key set failed unexpectedly: ${detail}. Please report it.`;
          setState({ status: 'error', url, code: 'unexpected', message, steps: [] });
        }
      }
    },
    [onLoaded],
  );

  const cancel = useCallback(() => {
    latest.current += 1;
    controller.current?.abort();
    setState({ status: 'idle', notice: 'Fetch cancelled; nothing was loaded.' });
  }, []);

  return { state, start, cancel };
}
