// The SD-JWT's verdicts, top of the Key pane: `sd-status` (the disclosures and the payload's structure),
// `signature-status` (the issuer's signature, with the key box's key), `claims-status` (exp and nbf of the processed
// claims: they may be disclosed selectively) and `kb-status` (the Key Binding JWT, each check in words).
import { TimeClaimsVerdict } from '../../components/TimeClaimsVerdict';
import { CheckingSignatureVerdict, SignatureResultVerdict } from '../../components/SignatureVerdict';
import { Verdict } from '../../components/Verdict';
import type { KeyBindingCheck, KeyBindingResult, SdJwtInspection } from '../../core/sdjwt/types';
import { actions, useAppState } from '../../state';
import { useSdJwtInspection } from './useSdJwtInspection';
import { useIssuerVerdict, useKeyBindingVerdict, type AsyncVerdict } from './useSdJwtVerdicts';

function StructureStatus({ inspection, busy }: { inspection: SdJwtInspection; busy: boolean }) {
  const { structure } = inspection;
  const ok = structure.state === 'ok';
  return (
    <div aria-live="polite">
      <Verdict
        testId="sd-status"
        state={structure.state}
        code={structure.code}
        tone={ok ? 'good' : 'bad'}
        icon={ok ? '✓' : '✕'}
        title={ok ? 'Disclosures check out' : 'SD-JWT structure error'}
        busy={busy}
      >
        {structure.message}
        {structure.problems.length > 1 ? (
          <ul className="mt-1 list-inside list-disc">
            {structure.problems.slice(1).map((p, i) => (
              <li key={i} data-code={p.code}>
                {p.message}
              </li>
            ))}
          </ul>
        ) : null}
      </Verdict>
    </div>
  );
}

function IssuerSignature({ inspection }: { inspection: SdJwtInspection | undefined }) {
  const { result, busy, request, hasKey } = useIssuerVerdict(inspection);
  const keySetUrl = useAppState((s) => s.keySetUrl);
  const fromUrl = keySetUrl ? (
    <>
      {' '}
      Keys from <span className="font-mono break-all">{keySetUrl}</span>.
    </>
  ) : null;
  let verdict;
  if (!inspection?.issuer) {
    verdict = (
      <Verdict testId="signature-status" state="error" tone="bad" icon="⚠" title="Cannot verify" request={request}>
        The issuer-signed JWT does not decode, so there is no signature to check.
      </Verdict>
    );
  } else if (!hasKey) {
    verdict = (
      <Verdict
        testId="signature-status"
        state="no-key"
        tone="neutral"
        icon="?"
        title="Issuer signature not checked"
        request={request}
      >
        {inspection.issuer.unsecured
          ? 'The issuer-signed JWT is unsecured (alg "none"): nothing proves who issued it.'
          : "No key yet: paste the issuer's public key (PEM, JWK or JWKS), or fetch the issuer's keys below."}
      </Verdict>
    );
  } else if (!result) {
    verdict = <CheckingSignatureVerdict title="Checking the issuer's signature" request={request} />;
  } else {
    verdict = (
      <SignatureResultVerdict
        result={result}
        titles={{
          verified: 'Issuer signature verified',
          invalid: 'Invalid issuer signature',
          error: 'Cannot verify the issuer',
        }}
        code={result.signature === 'verified' ? undefined : result.code}
        busy={busy}
        request={request}
        notes={fromUrl}
        readSecretAs={{ label: 'Read the secret as', onRead: actions.setSecretEncoding }}
      />
    );
  }
  return <div aria-live="polite">{verdict}</div>;
}

const CHECK_VIEW: Record<KeyBindingCheck['state'], { icon: string; word: string; className: string }> = {
  pass: { icon: '✓', word: 'pass', className: '' },
  fail: { icon: '✕', word: 'fail', className: 'font-medium' },
  unchecked: { icon: '–', word: 'not checked', className: '' },
};

const KB_VIEW = {
  verified: { tone: 'good', icon: '✓', title: 'Key binding verified' },
  invalid: { tone: 'bad', icon: '✕', title: 'Key binding invalid' },
  none: { tone: 'neutral', icon: '–', title: 'No key binding' },
} as const;

function KeyBindingStatus({ verdict }: { verdict: AsyncVerdict<KeyBindingResult> }) {
  const { result, busy, request } = verdict;
  if (!result) {
    // No `kb-status` until there is a verdict: `none` would say there is no Key Binding JWT.
    return (
      <p aria-live="polite" className="hint">
        Checking the key binding…
      </p>
    );
  }
  const view = KB_VIEW[result.state];
  return (
    <div aria-live="polite">
      <Verdict
        testId="kb-status"
        state={result.state}
        code={result.code}
        tone={view.tone}
        icon={view.icon}
        title={view.title}
        busy={busy}
        request={request}
      >
        {result.message}
        {result.checks.length > 0 ? (
          <ul data-testid="kb-checks" aria-label="Key binding checks" className="mt-2 space-y-0.5">
            {result.checks.map((check) => (
              <li
                key={check.id}
                data-testid="kb-check"
                data-check={check.id}
                data-state={check.state}
                className={`flex gap-1.5 ${CHECK_VIEW[check.state].className}`}
              >
                <span aria-hidden="true">{CHECK_VIEW[check.state].icon}</span>
                <span>
                  <span className="sr-only">{CHECK_VIEW[check.state].word}: </span>
                  {check.message}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </Verdict>
    </div>
  );
}

function IssuerAlg({ inspection }: { inspection: SdJwtInspection }) {
  const alg = inspection.issuer?.alg;
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300">
      SD-JWT
      {inspection.format !== 'compact'
        ? ` (JWS JSON serialization, ${inspection.format === 'json-general' ? 'general' : 'flattened'})`
        : ''}
      {alg ? (
        <>
          , issuer signed with <code className="rounded bg-slate-100 px-1 font-mono dark:bg-slate-800">{alg}</code>
        </>
      ) : null}
      {inspection.kbJwt !== undefined ? ', with a Key Binding JWT' : ''}
    </p>
  );
}

export function SdJwtVerdicts() {
  const { inspection, current } = useSdJwtInspection();
  const kb = useKeyBindingVerdict(inspection);
  if (!inspection) {
    return (
      <p aria-live="polite" className="hint">
        Reading the SD-JWT and hashing its disclosures…
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <IssuerAlg inspection={inspection} />
      <StructureStatus inspection={inspection} busy={!current} />
      <IssuerSignature inspection={inspection} />
      {inspection.processedPayload ? <TimeClaimsVerdict payload={inspection.processedPayload} /> : null}
      <KeyBindingStatus verdict={kb} />
    </div>
  );
}
