// The time-claims verdict (`claims-status`) for any payload: exp and nbf against the clock, in words.
import { selectTimeClaims, useVerdictClock } from '../state';
import { Verdict } from './Verdict';

const CLAIMS_VIEW = {
  valid: { tone: 'good', icon: '✓', title: 'Within its validity period' },
  expired: { tone: 'bad', icon: '✕', title: 'Expired' },
  'not-yet-valid': { tone: 'warn', icon: '!', title: 'Not valid yet' },
  none: { tone: 'neutral', icon: '–', title: 'No expiry' },
} as const;

export function TimeClaimsVerdict({ payload }: { payload: unknown }) {
  const clock = useVerdictClock();
  const claims = selectTimeClaims(payload, clock);
  const view = CLAIMS_VIEW[claims.state];
  return (
    <div aria-live="polite">
      <Verdict testId="claims-status" state={claims.state} tone={view.tone} icon={view.icon} title={view.title}>
        {claims.message}
      </Verdict>
    </div>
  );
}
