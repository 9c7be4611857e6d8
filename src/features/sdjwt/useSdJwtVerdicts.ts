// The SD-JWT's two async verdicts: the issuer's signature (key box) and the key binding (expected aud and nonce,
// the clock). Each result is kept with the inputs it was computed for: a result for older inputs is shown as
// "checking" (busy) until the one for the current inputs lands, and a late result for inputs that have changed
// since is dropped (WebCrypto resolves out of order).
import { useEffect, useMemo, useState } from 'react';
import { verifyKeyBinding } from '../../core/sdjwt/key-binding';
import type { KeyBindingResult, SdJwtInspection } from '../../core/sdjwt/types';
import { verifySdJwtIssuer } from '../../core/sdjwt/verify-issuer';
import type { VerifyResult } from '../../core/types';
import { clockOptions, useAppState, useVerdictClock } from '../../state';

export type AsyncVerdict<T> = {
  /** The latest result, possibly for earlier inputs. */
  result: T | undefined;
  /** True while the result for the current inputs is not in yet. */
  busy: boolean;
  /** Counts the checks started, so each new verdict is seen even when its words did not change. */
  request: number;
};

function useAsyncVerdict<T>(inputs: unknown[] | undefined, run: () => Promise<T>): AsyncVerdict<T> {
  const [done, setDone] = useState<{ inputs: unknown[]; result: T; request: number }>();
  const [started, setStarted] = useState<{ inputs: unknown[] | undefined; request: number }>({
    inputs: undefined,
    request: 0,
  });
  const same = (a: unknown[] | undefined, b: unknown[] | undefined) =>
    a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
  // A new set of inputs is a new request (state set during render, as React's docs suggest for derived resets).
  if (inputs && !same(inputs, started.inputs)) setStarted({ inputs, request: started.request + 1 });
  const request = started.request;
  useEffect(() => {
    if (!inputs) return;
    let live = true;
    void run().then((result) => {
      if (live) setDone({ inputs, result, request });
    });
    return () => {
      live = false;
    };
    // `inputs` lists everything `run` reads; it is compared element by element above, through `request`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);
  if (!inputs) return { result: undefined, busy: false, request };
  return { result: done?.result, busy: !same(done?.inputs, inputs), request };
}

/** The issuer's signature over the Issuer-signed JWT, with the key box's key; undefined inputs when there is no key. */
export function useIssuerVerdict(inspection: SdJwtInspection | undefined): AsyncVerdict<VerifyResult> & {
  hasKey: boolean;
} {
  const keyText = useAppState((s) => s.keyText);
  const secretEncoding = useAppState((s) => s.secretEncoding);
  const clock = useAppState((s) => s.clock);
  const hasKey = keyText.trim() !== '';
  const inputs = useMemo(
    () => (inspection?.issuer && hasKey ? [inspection, keyText, secretEncoding, clock] : undefined),
    [inspection, hasKey, keyText, secretEncoding, clock],
  );
  const verdict = useAsyncVerdict(inputs, () =>
    verifySdJwtIssuer(
      inspection as SdJwtInspection,
      { text: keyText, secretEncoding },
      clockOptions(clock, Date.now()),
    ),
  );
  return { ...verdict, hasKey };
}

/** The Key Binding JWT against cnf.jwk, sd_hash, iat (on the verdict clock) and the expected aud and nonce. */
export function useKeyBindingVerdict(inspection: SdJwtInspection | undefined): AsyncVerdict<KeyBindingResult> {
  const aud = useAppState((s) => s.expected.aud);
  const nonce = useAppState((s) => s.expected.nonce);
  const clock = useVerdictClock();
  const inputs = useMemo(
    () => (inspection ? [inspection, aud, nonce, clock.options] : undefined),
    [inspection, aud, nonce, clock.options],
  );
  return useAsyncVerdict(inputs, () =>
    verifyKeyBinding(inspection as SdJwtInspection, { ...clock.options, expectedAud: aud, expectedNonce: nonce }),
  );
}
