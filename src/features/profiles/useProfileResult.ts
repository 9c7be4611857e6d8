// The profile verdict for the token on screen, recomputed when the token, the profile, an expected value or the
// clock changes. checkProfile is async (hashes, the DPoP signature): a result older than the latest request is
// dropped, since WebCrypto promises resolve out of order.
import { useEffect, useRef, useState } from 'react';
import { checkProfile, type ProfileExpectations, type ProfileId, type ProfileResult } from '../../core/profiles';
import type { DecodedToken } from '../../core/token';
import type { VerifyOptions } from '../../core/types';

type Inputs = {
  decoded: DecodedToken;
  profile: ProfileId | undefined;
  expected: ProfileExpectations;
  options: VerifyOptions;
};

export type ProfileVerdict = {
  /** The verdict on this token (a verdict on another token is never shown); undefined until the first lands. */
  result: ProfileResult | undefined;
  /** The verdict shown was reached with other expected values, profile or clock: a newer one is on its way. */
  busy: boolean;
  error: string | undefined;
};

export function useProfileResult(
  decoded: DecodedToken | undefined,
  profile: ProfileId | undefined,
  expected: ProfileExpectations,
  options: VerifyOptions,
): ProfileVerdict {
  const latest = useRef(0);
  const [done, setDone] = useState<{ inputs: Inputs; result?: ProfileResult; error?: string }>();
  useEffect(() => {
    if (!decoded) return;
    latest.current += 1;
    const id = latest.current;
    const inputs = { decoded, profile, expected, options };
    // No profile (auto found none): checkProfile says so with the recognition's words.
    checkProfile(decoded, profile ?? 'auto', expected, options).then(
      (result) => {
        if (id === latest.current) setDone({ inputs, result });
      },
      (error: unknown) => {
        // checkProfile is documented never to throw for a decoded token; if it does, say so instead of crashing.
        if (id === latest.current) setDone({ inputs, error: error instanceof Error ? error.message : String(error) });
      },
    );
  }, [decoded, profile, expected, options]);
  const current = done && done.inputs.decoded === decoded ? done : undefined;
  const busy =
    !current ||
    current.inputs.profile !== profile ||
    current.inputs.expected !== expected ||
    current.inputs.options !== options;
  return { result: current?.result, busy, error: current?.error };
}
