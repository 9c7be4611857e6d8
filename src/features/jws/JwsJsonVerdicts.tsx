// The verdicts for a signed token in JSON serialization: `signature-status` is the overall verdict (verified
// when any signature verifies, saying which), one line per signature below it, and the time claims.
import { TimeClaimsVerdict } from '../../components/TimeClaimsVerdict';
import { CheckingSignatureVerdict, SignatureResultVerdict } from '../../components/SignatureVerdict';
import { Verdict } from '../../components/Verdict';
import type { JwsSignatureVerdict } from '../../core/jws/verify-json';
import { actions, useAppState } from '../../state';
import { payloadValue, useJwsJsonVerification, useJwsJsonView } from './useJwsJson';

const STATE_WORDS = {
  verified: { icon: '✓', word: 'verified', className: 'text-emerald-800 dark:text-emerald-300' },
  invalid: { icon: '✕', word: 'invalid', className: 'text-red-800 dark:text-red-300' },
  error: { icon: '⚠', word: 'not checked', className: 'text-amber-900 dark:text-amber-300' },
} as const;

function SignatureLines({ verdicts, general }: { verdicts: JwsSignatureVerdict[]; general: boolean }) {
  if (!general || verdicts.length === 0) return null;
  return (
    <ul data-testid="jws-signature-verdicts" className="space-y-1 text-sm">
      {verdicts.map((verdict) => {
        const words = STATE_WORDS[verdict.state];
        return (
          <li
            key={verdict.index}
            data-testid="jws-signature-verdict"
            data-index={verdict.index}
            data-state={verdict.state}
          >
            <span className={`font-semibold ${words.className}`}>
              <span aria-hidden="true">{words.icon} </span>
              Signature {verdict.index + 1} ({verdict.alg ?? 'no alg'}
              {verdict.kid !== undefined ? `, kid “${verdict.kid}”` : ''}): {words.word}
            </span>{' '}
            <span className="text-slate-700 dark:text-slate-300">— {verdict.message}</span>
          </li>
        );
      })}
    </ul>
  );
}

export function JwsJsonVerdicts() {
  const { view } = useJwsJsonView();
  const verification = useJwsJsonVerification();
  const detachedText = useAppState((s) => s.detachedPayloadText);
  const request = verification.request;
  if (!view.ok) {
    return (
      <div aria-live="polite">
        <Verdict testId="signature-status" state="error" tone="bad" icon="⚠" title="Cannot verify" request={request}>
          The token does not decode, so there is no signature to check.
        </Verdict>
      </div>
    );
  }
  const decoded = view.decoded;
  const general = decoded.serialization === 'general';
  const algs = decoded.signatures.map((s) => s.alg ?? '?').join(', ');
  const result = verification.result;
  let verdict;
  if (!verification.hasKey) {
    verdict = (
      <Verdict
        testId="signature-status"
        state="no-key"
        tone="neutral"
        icon="?"
        title="Signature not checked"
        request={request}
      >
        No key yet: paste the secret, public key, JWK or JWKS to verify{' '}
        {general ? 'the signatures (each is tried)' : 'the signature'}.
      </Verdict>
    );
  } else if (!result) {
    verdict = <CheckingSignatureVerdict title="Checking the signature" request={request} />;
  } else {
    verdict = (
      <SignatureResultVerdict
        result={result}
        titles={{
          verified:
            general && result.verifiedIndex !== undefined
              ? `Signature ${result.verifiedIndex + 1} verified`
              : 'Signature verified',
          invalid: 'Invalid signature',
          error: 'Cannot verify',
        }}
        busy={!verification.current}
        request={request}
        readSecretAs={{ label: 'Read the secret as', onRead: actions.setSecretEncoding }}
      />
    );
  }
  const payload = payloadValue(decoded, detachedText);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Signed with <code className="rounded bg-slate-100 px-1 font-mono dark:bg-slate-800">{algs}</code>
      </p>
      <div aria-live="polite" className="space-y-2">
        {verdict}
        {verification.hasKey && result ? <SignatureLines verdicts={result.signatures} general={general} /> : null}
      </div>
      {payload !== undefined ? <TimeClaimsVerdict payload={payload} /> : null}
    </div>
  );
}
