// The chains of the keys in the key box (a JWK or JWKS with x5c), judged against the trust anchors. The x5c
// engine is imported on first use; an answer for inputs that have since changed is never shown as current.
import { useEffect, useState } from 'react';
import type { JwkChainVerdict } from '../../core/x5c/types';
import type { ClockSettings } from '../../state';

export type JwksChains =
  | { status: 'idle' }
  /** `previous`: the keys judged for the same key text (anchors or clock changed), shown while checking. */
  | { status: 'loading'; previous: JwkChainVerdict[] | undefined }
  | { status: 'done'; keys: JwkChainVerdict[] }
  | { status: 'error'; message: string };

type Answer = {
  keyText: string;
  anchorsText: string;
  clock: ClockSettings;
  outcome: { keys: JwkChainVerdict[] } | { message: string };
};

export function jwksChainKeys(state: JwksChains): JwkChainVerdict[] | undefined {
  return state.status === 'done' ? state.keys : state.status === 'loading' ? state.previous : undefined;
}

export function useJwksChains(keyText: string | undefined, anchorsText: string, clock: ClockSettings): JwksChains {
  const [answer, setAnswer] = useState<Answer | undefined>(undefined);
  useEffect(() => {
    if (keyText === undefined) return;
    let current = true;
    const now = clock.asOf ?? Date.now();
    const settle = (outcome: Answer['outcome']) => {
      if (current) setAnswer({ keyText, anchorsText, clock, outcome });
    };
    import('../../core/x5c')
      .then((x5c) => x5c.judgeJwksCertificateChains(keyText, anchorsText, { now }))
      .then(
        // Text that is not a JWKS is the key box's business (key-kind says what is wrong): list nothing.
        (result) => settle({ keys: result.ok ? result.keys : [] }),
        (error: unknown) => settle({ message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      current = false;
    };
  }, [keyText, anchorsText, clock]);
  if (keyText === undefined) return { status: 'idle' };
  const sameKeys = answer?.keyText === keyText;
  if (!answer || !sameKeys || answer.anchorsText !== anchorsText || answer.clock !== clock) {
    return { status: 'loading', previous: sameKeys && 'keys' in answer.outcome ? answer.outcome.keys : undefined };
  }
  return 'keys' in answer.outcome
    ? { status: 'done', keys: answer.outcome.keys }
    : { status: 'error', message: answer.outcome.message };
}
