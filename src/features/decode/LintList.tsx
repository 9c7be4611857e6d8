// RFC 8725 findings from the core, each with its severity (icon + word, not colour alone) and reference.
import { FindingsList } from '../../components/FindingsList';
import { selectDecode, selectKeyDetection, selectLint, useIdleAppState, useVerdictClock } from '../../state';

export function LintList() {
  // Off the keystroke's critical path: updated when the page is idle after the verdict.
  const outcome = useIdleAppState((s) => selectDecode(s.tokenText));
  const keyText = useIdleAppState((s) => s.keyText);
  const engine = useIdleAppState((s) => s.keyEngine);
  const detection = useIdleAppState((s) => selectKeyDetection(s.keyEngine, s.keyText, s.secretEncoding));
  // The clock the verdicts use ("as of" a chosen time, or now): a lifetime or an iat in the future is judged by it.
  const { now } = useVerdictClock();
  const anchorsGiven = useIdleAppState((s) => s.trustAnchorsText.trim() !== '');
  if (!outcome.ok) return null;
  const findings = selectLint(engine, outcome.decoded, detection, keyText, now, anchorsGiven);
  // The review arrives with the key engine, a moment after the first paint.
  if (!findings) return null;
  return (
    <FindingsList
      findings={findings}
      title="Security review"
      empty="No findings: nothing in this token or key goes against RFC 8725's advice."
    />
  );
}
