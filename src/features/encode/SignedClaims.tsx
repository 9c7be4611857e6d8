// Encode view: the claims of the token being signed, as the Decode view shows them (times in words, the
// exp/nbf verdict), read from the signed token itself so they match what it carries (refreshed iat/exp too).
import { ClaimsTableView } from '../../components/ClaimsTable';
import { TimeClaimsVerdict } from '../../components/TimeClaimsVerdict';
import { selectDecode, useIdleAppState, useVerdictClock } from '../../state';

export function SignedClaims() {
  // Off the keystroke's path, like the Decode view's claims: the signed token renders first.
  const token = useIdleAppState((s) => s.signing.token);
  const stale = useIdleAppState((s) => s.signing.status === 'error');
  const outcome = useIdleAppState((s) => (s.signing.token ? selectDecode(s.signing.token) : undefined));
  const clock = useVerdictClock();
  if (!token || !outcome?.ok || !outcome.decoded.payloadIsJson) return null;
  return (
    <section aria-label="Claims of the signed token" className="space-y-3">
      <TimeClaimsVerdict payload={outcome.decoded.payload} />
      <ClaimsTableView payload={outcome.decoded.payload} stale={stale} clock={clock} />
    </section>
  );
}
