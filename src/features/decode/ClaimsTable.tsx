// The claims of the token in the token box, under its header and payload.
import { ClaimsTableView } from '../../components/ClaimsTable';
import { useDeferredMount } from '../../components/useDeferredMount';
import { useDeferredDecode, useVerdictClock } from '../../state';

export function ClaimsTable() {
  const { outcome } = useDeferredDecode();
  const clock = useVerdictClock();
  // Mounted right after the first paint: the table and its local times are not needed to show the decoded
  // token and its verdict. It is the last thing in its pane, so nothing in view moves (on a narrow screen the
  // Key pane below it starts out of view).
  if (!useDeferredMount()) return null;
  const decoded = outcome.ok ? outcome.decoded : outcome.lastGood;
  if (!decoded || !decoded.payloadIsJson) return null;
  return <ClaimsTableView payload={decoded.payload} stale={!outcome.ok} clock={clock} />;
}
