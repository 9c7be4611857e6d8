// The two verdicts (`signature-status`, `claims-status`): words and an icon, never colour alone
// (issue 6), announced through aria-live. `data-request` changes with every verification so a
// MutationObserver sees each new verdict even when its words did not change (issue 7 bench).
import { lazy, Suspense, type ReactNode } from 'react';
import { TimeClaimsVerdict } from '../../components/TimeClaimsVerdict';
import { Verdict } from '../../components/Verdict';
import { actions, selectDecode, selectTokenHasX5c, useAppState } from '../../state';
import type { X5cVerificationState } from '../../state';

// The words for a token with x5c load with it (its verdict waits for the lazily loaded x5c engine anyway).
const X5cSignatureVerdict = lazy(() => import('./X5cSignature').then((m) => ({ default: m.X5cSignatureVerdict })));

const CHAIN_WORDS = { trusted: 'trusted', untrusted: 'not trusted', invalid: 'invalid' } as const;

/** Under a verdict the key box decided, for a token that also carries x5c: which key decided, plainly. */
function X5cKeyBoxNote({ x5c }: { x5c: X5cVerificationState }) {
  const verdict = x5c.status === 'done' ? x5c.verdict : x5c.status === 'pending' ? x5c.previous : undefined;
  const chain = verdict ? `is ${CHAIN_WORDS[verdict.chain.state]}` : 'is being checked';
  return (
    <p className="mt-1" data-testid="signature-key-note">
      Decided by the key in the key box, not by the token&apos;s own certificate chain (x5c), which {chain}.
    </p>
  );
}

export function SignatureStatus() {
  const outcome = useAppState((s) => selectDecode(s.tokenText));
  const hasKey = useAppState((s) => s.keyText.trim() !== '');
  const verification = useAppState((s) => s.verification);
  const keySetUrl = useAppState((s) => s.keySetUrl);
  const hasX5c = useAppState((s) => selectTokenHasX5c(s.tokenText));
  const x5c = useAppState((s) => s.x5c);
  const request = verification.requestId;
  // A token with x5c: the key box, when filled, decides; the note says so (and which key it was).
  const x5cNote = hasX5c ? <X5cKeyBoxNote x5c={x5c} /> : null;
  // Issue 4: a verdict reached with a fetched key set names where the keys came from.
  const fromUrl = keySetUrl ? (
    <>
      {' '}
      Keys from <span className="break-all font-mono">{keySetUrl}</span>.
    </>
  ) : null;
  let verdict: ReactNode;
  if (!outcome.ok) {
    verdict = hasKey ? (
      <Verdict testId="signature-status" state="error" tone="bad" icon="⚠" title="Cannot verify" request={request}>
        The token does not decode, so there is no signature to check.
      </Verdict>
    ) : (
      <Verdict testId="signature-status" state="no-key" tone="neutral" icon="?" title="Not verified" request={request}>
        Paste a token and its key to check the signature.
      </Verdict>
    );
  } else if (outcome.decoded.missingParts) {
    // Whatever the key: a token cut short has nothing to verify.
    verdict = (
      <Verdict
        testId="signature-status"
        state="error"
        tone="bad"
        icon="⚠"
        title="No signature to check"
        request={request}
      >
        The token has no {outcome.decoded.missingParts.join(' and no ')} part: it was cut short, so its signature cannot
        be checked. Copy the whole token again from the source.
      </Verdict>
    );
  } else if (hasX5c && !hasKey) {
    const checking = (
      <Verdict
        testId="signature-status"
        state="no-key"
        tone="neutral"
        icon="…"
        title="Checking the certificate chain"
        busy
        request={x5c.requestId}
      />
    );
    verdict = (
      <Suspense fallback={checking}>
        <X5cSignatureVerdict x5c={x5c} />
      </Suspense>
    );
  } else if (!hasKey || verification.status === 'idle') {
    verdict = (
      <Verdict
        testId="signature-status"
        state="no-key"
        tone="neutral"
        icon="?"
        title="Signature not checked"
        request={request}
      >
        {outcome.decoded.unsecured
          ? 'This token is unsecured (alg "none"): it has no signature and proves nothing.'
          : 'No key yet: paste the secret, public key, JWK or JWKS to verify the signature.'}
      </Verdict>
    );
  } else {
    const result = verification.status === 'done' ? verification.result : verification.previous;
    const busy = verification.status === 'pending';
    if (!result) {
      verdict = (
        <Verdict
          testId="signature-status"
          state="no-key"
          tone="neutral"
          icon="…"
          title="Checking the signature"
          busy
          request={request}
        >
          {/* A line of text, so the box is about as tall as the verdict that replaces it (no layout shift). */}
          Checking it against the key below.
        </Verdict>
      );
    } else if (result.signature === 'verified') {
      verdict = (
        <Verdict
          testId="signature-status"
          state="verified"
          tone="good"
          icon="✓"
          title="Signature verified"
          busy={busy}
          request={request}
        >
          {result.message}
          {result.kid !== undefined ? (
            <>
              {' '}
              Matched key <code className="font-mono">kid “{result.kid}”</code>.
            </>
          ) : null}
          {fromUrl}
          {x5cNote}
        </Verdict>
      );
    } else {
      const invalid = result.signature === 'invalid';
      verdict = (
        <Verdict
          testId="signature-status"
          state={result.signature}
          tone="bad"
          icon={invalid ? '✕' : '⚠'}
          title={invalid ? 'Invalid signature' : 'Cannot verify'}
          busy={busy}
          request={request}
        >
          {result.message}
          {fromUrl}
          {x5cNote}
          {result.matchingSecretEncoding ? (
            <button
              type="button"
              className="btn-secondary mt-2"
              onClick={() => result.matchingSecretEncoding && actions.setSecretEncoding(result.matchingSecretEncoding)}
            >
              Read the secret as {result.matchingSecretEncoding}
            </button>
          ) : null}
        </Verdict>
      );
    }
  }
  return <div aria-live="polite">{verdict}</div>;
}

export function ClaimsStatus() {
  const outcome = useAppState((s) => selectDecode(s.tokenText));
  const decoded = outcome.ok ? outcome.decoded : outcome.lastGood;
  if (!decoded) return null;
  return <TimeClaimsVerdict payload={decoded.payload} />;
}
