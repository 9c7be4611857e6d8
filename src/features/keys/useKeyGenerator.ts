// Key generation state for the panel. The core's keygen module is imported on first use only
// (lazy by default, for weight): it is not needed for the first paint.
import { useCallback, useEffect, useRef, useState } from 'react';
// Type-only imports are erased from the output: the modules themselves load on demand below.
import { useAsyncOnMount } from '../../components/useAsyncOnMount';
import type { GeneratedKey } from '../../core/keygen';
import type { JwsAlgorithm } from '../../core/types';
import { MAYBE_UNSUPPORTED } from './keygenChoices';
import type { RsaModulusLength } from './keygenChoices';

export type { GeneratedKey };

export type KeygenState =
  | { status: 'idle' }
  | { status: 'busy'; alg: JwsAlgorithm; startedAt: number }
  | { status: 'done'; key: GeneratedKey; elapsedMs: number }
  | { status: 'error'; alg: JwsAlgorithm; message: string };

const loadKeygen = () => import('../../core/keygen');

function describeFailure(alg: JwsAlgorithm, err: unknown): string {
  const detail = err instanceof Error && err.message ? err.message : String(err);
  return `Could not generate a ${alg} key: ${detail}`;
}

export function useKeyGenerator(onGenerated: (key: GeneratedKey) => void) {
  const [state, setState] = useState<KeygenState>({ status: 'idle' });
  // WebCrypto calls resolve out of order; only the latest request may update the panel.
  const latest = useRef(0);
  const onGeneratedRef = useRef(onGenerated);
  useEffect(() => {
    onGeneratedRef.current = onGenerated;
  }, [onGenerated]);

  const generate = useCallback(async (alg: JwsAlgorithm, modulusLength: RsaModulusLength) => {
    const id = ++latest.current;
    const startedAt = performance.now();
    setState({ status: 'busy', alg, startedAt });
    try {
      const { generateKey } = await loadKeygen();
      const key = await generateKey(alg, { modulusLength });
      if (id !== latest.current) return;
      setState({ status: 'done', key, elapsedMs: performance.now() - startedAt });
      onGeneratedRef.current(key);
    } catch (err) {
      if (id !== latest.current) return;
      setState({ status: 'error', alg, message: describeFailure(alg, err) });
    }
  }, []);

  return { state, generate };
}

/** Which of the algorithms a browser may lack it actually has; `undefined` while still checking. */
export function useAlgorithmSupport(): Partial<Record<JwsAlgorithm, boolean>> | undefined {
  return useAsyncOnMount(async () => {
    const { isAlgorithmAvailable } = await import('../../core/verify');
    const entries = await Promise.all(
      MAYBE_UNSUPPORTED.map(async (alg) => [alg, await isAlgorithmAvailable(alg).catch(() => false)] as const),
    );
    return Object.fromEntries(entries) as Partial<Record<JwsAlgorithm, boolean>>;
  });
}
