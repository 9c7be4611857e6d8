// The two verdicts (`signature-status`, `claims-status`): words and an icon, never colour alone
// (WCAG 1.4.1), announced through aria-live. `data-request` changes with every verification so a
// MutationObserver sees each new verdict even when its words did not change (the bench relies on it).
import { Suspense, type ComponentType, type ReactNode } from 'react';
import { MatchedKid } from '../../components/SignatureVerdict';
import { TimeClaimsVerdict } from '../../components/TimeClaimsVerdict';
import { Verdict } from '../../components/Verdict';
import { actions, selectDecode, selectKeyDetection, selectTokenHasX5c, useAppState } from '../../state';
import type { X5cVerificationState } from '../../state';

/** Brings the key-set panel's explanation into view and moves focus there (keyboard and screen readers follow). */
function showJwksError(): void {
  const box = document.getElementById('jwks-status-box');
  box?.scrollIntoView({ block: 'center' });
  box?.focus({ preventScroll: true });
}

type X5cView = ComponentType<{ x5c: X5cVerificationState }>;

/**
 * For a token with x5c, given by the app (the x5c feature's, loaded lazily): `Verdict`, the verdict while the
 * key box is empty; `KeyBoxNote`, a line under the key box's verdict saying which key decided.
 */
export type X5cViews = { Verdict: X5cView; KeyBoxNote: X5cView };

export function SignatureStatus({ x5cViews }: { x5cViews?: X5cViews }) {
  const outcome = useAppState((s) => selectDecode(s.tokenText));
  const hasKey = useAppState((s) => s.keyText.trim() !== '');
  // Key text that is only whitespace: a secret copied without its text, not "no key".
  const blank = useAppState((s) => {
    const detection = selectKeyDetection(s.keyEngine, s.keyText, s.secretEncoding);
    return detection.kind === 'empty' ? detection.blank : undefined;
  });
  const verification = useAppState((s) => s.verification);
  const keySetUrl = useAppState((s) => s.keySetUrl);
  const keySource = useAppState((s) => s.keySource);
  const keySetFailure = useAppState((s) => s.keySetFailure);
  const hasX5c = useAppState((s) => selectTokenHasX5c(s.tokenText));
  const x5c = useAppState((s) => s.x5c);
  const request = verification.requestId;
  const fromHeader = verification.status !== 'idle' && verification.keyFrom === 'header-jwk';
  // A DPoP proof verified with its own header jwk: say where the key came from and why that is right here.
  const headerNote = fromHeader ? (
    <p data-testid="signature-key-from-header" className="mt-1">
      No key was pasted, so the key came from the proof&apos;s own header (<code className="font-mono">jwk</code>). That
      is right for a DPoP proof (RFC 9449 §4.3): it shows the sender holds the private key the access token is bound to,
      not who the sender is.
    </p>
  ) : null;
  // Where the key that decides the verdict came from (`data-key-source`). A link can carry a token and the key
  // that "verifies" it, both chosen by whoever made the link: that must be impossible to miss.
  const keyFrom = fromHeader
    ? 'header'
    : keySource === 'link' || keySource === 'jwks' || keySource === 'saved'
      ? keySource
      : 'input';
  const fromLink = keyFrom === 'link';
  const keyData = hasKey || fromHeader ? { 'data-key-source': keyFrom } : undefined;
  const linkNote = fromLink ? (
    <p data-testid="signature-key-from-link" className="mt-1 font-semibold">
      The key came from the link, not from you. Whoever made the link chose both the token and this key, so a match
      proves only that they belong together, not who signed the token. Check it with the issuer&apos;s own key.
    </p>
  ) : null;
  // A token with x5c: the key box, when filled, decides; the note says so (and which key it was).
  const x5cNote =
    hasX5c && x5cViews ? (
      <Suspense fallback={null}>
        <x5cViews.KeyBoxNote x5c={x5c} />
      </Suspense>
    ) : null;
  // A verdict reached with a fetched key set names where the keys came from.
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
  } else if (hasX5c && !hasKey && x5cViews) {
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
        <x5cViews.Verdict x5c={x5c} />
      </Suspense>
    );
  } else if (!hasKey && !fromHeader && keySetFailure !== undefined) {
    // The user asked for keys and none came: say so here, where they look, and lead to the explanation.
    verdict = (
      <Verdict
        testId="signature-status"
        state="no-key"
        tone="bad"
        icon="✕"
        title="Signature not checked: fetching the keys failed"
        code="jwks-fetch-failed"
        request={request}
      >
        {keySetFailure.message}{' '}
        <button
          type="button"
          data-testid="signature-show-jwks-error"
          className="btn-secondary mt-2"
          onClick={showJwksError}
        >
          Show why the fetch failed
        </button>
      </Verdict>
    );
  } else if ((!hasKey && !fromHeader) || verification.status === 'idle') {
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
          : blank !== undefined
            ? `The key box holds only whitespace (${blank}): the secret itself was not pasted. Paste the secret, public key, JWK or JWKS to verify the signature.`
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
          data={keyData}
        >
          {/* A line of text, so the box is about as tall as the verdict that replaces it (no layout shift). */}
          {fromHeader ? "Checking it against the key in the proof's header." : 'Checking it against the key below.'}
        </Verdict>
      );
    } else if (result.signature === 'verified') {
      verdict = (
        <Verdict
          testId="signature-status"
          state="verified"
          // A verified signature that proves little (an RSA key anyone can factor) says so in its title.
          tone={result.headline || fromLink ? 'warn' : 'good'}
          icon={result.headline || fromLink ? '⚠' : '✓'}
          code={result.code}
          data={keyData}
          title={
            result.headline ??
            (fromHeader
              ? "Signature verified with the proof's key"
              : fromLink
                ? 'Verified only with the key the link brought'
                : 'Signature verified')
          }
          busy={busy}
          request={request}
        >
          {linkNote}
          {result.message}
          {headerNote}
          <MatchedKid kid={result.kid} />
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
          data={keyData}
        >
          {linkNote}
          {result.message}
          {headerNote}
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
