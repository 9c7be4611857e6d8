// The profile verdict for the token on screen, recomputed when the token, the profile, an expected value or the
// clock changes. checkProfile is async (hashes, the DPoP signature): a result older than the latest request is
// dropped, since WebCrypto promises resolve out of order.
import { useEffect, useRef, useState } from 'react';
import { checkProfile, type ProfileExpectations, type ProfileId, type ProfileResult } from '../../core/profiles';
import type { DecodedToken } from '../../core/token';
import type { VerifyOptions } from '../../core/types';

export type ProfileVerdict = { result: ProfileResult | undefined; busy: boolean; error: string | undefined };

export function useProfileResult(
  decoded: DecodedToken | undefined,
  profile: ProfileId | undefined,
  expected: ProfileExpectations,
  options: VerifyOptions,
): ProfileVerdict {
  const latest = useRef(0);
  const [state, setState] = useState<{ id: number; result?: ProfileResult; error?: string }>({ id: 0 });
  const [requested, setRequested] = useState(0);
  useEffect(() => {
    if (!decoded) return;
    latest.current += 1;
    const id = latest.current;
    setRequested(id);
    // No profile (auto found none): checkProfile says so with the recognition's words.
    checkProfile(decoded, profile ?? 'auto', expected, options).then(
      (result) => {
        if (id === latest.current) setState({ id, result });
      },
      (error: unknown) => {
        // checkProfile is documented never to throw for a decoded token; if it does, say so instead of crashing.
        if (id === latest.current) setState({ id, error: error instanceof Error ? error.message : String(error) });
      },
    );
  }, [decoded, profile, expected, options]);
  return { result: state.result, busy: state.id !== requested, error: state.error };
}
