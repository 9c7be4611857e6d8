// The verdicts for an encrypted token, at the top of the key pane: `decryption-status` (decrypted, failed,
// no-key, error, with the reason in words), and for a nested token the inner signature (`signature-status`)
// and, once there is a payload, its time claims (`claims-status`). Words and an icon, never colour alone.
import type { ReactNode } from 'react';
import { TimeClaimsVerdict } from '../../components/TimeClaimsVerdict';
import { ReadSecretAsButton, SignatureResultVerdict } from '../../components/SignatureVerdict';
import { Verdict } from '../../components/Verdict';
import { ctyIsJwt } from '../../core/jwe/find-inner-token';
import type { DecryptResult } from '../../core/jwe/decrypt';
import { actions } from '../../state';
import { jweHeader, useDecryption, useInnerToken, useInnerVerification, useJweView, type InnerView } from './useJwe';

function AlgLine({ header }: { header: Record<string, unknown> | undefined }) {
  const alg = typeof header?.alg === 'string' ? header.alg : undefined;
  const enc = typeof header?.enc === 'string' ? header.enc : undefined;
  if (!alg && !enc) return null;
  const code = 'rounded bg-slate-100 px-1 font-mono dark:bg-slate-800';
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300">
      Encrypted: key with <code className={code}>{alg ?? '(no alg)'}</code>, content with{' '}
      <code className={code}>{enc ?? '(no enc)'}</code>
    </p>
  );
}

function DecryptionStatus({
  result,
  busy,
  request,
}: {
  result: DecryptResult | undefined;
  busy: boolean;
  request: number;
}) {
  if (!result) {
    return (
      <Verdict
        testId="decryption-status"
        state="no-key"
        tone="neutral"
        icon="…"
        title="Reading the token"
        busy
        request={request}
      >
        Checking the header and the key box.
      </Verdict>
    );
  }
  const who = result.kid !== undefined ? ` Key kid “${result.kid}”.` : '';
  const recipient =
    result.serialization === 'general' && result.recipientIndex !== undefined
      ? ` Opened for recipient ${result.recipientIndex + 1}.`
      : '';
  const common = { testId: 'decryption-status', state: result.state, busy, request } as const;
  let body: ReactNode;
  switch (result.state) {
    case 'decrypted':
      body = (
        <Verdict {...common} tone="good" icon="✓" title="Decrypted">
          {result.message}
          {who}
          {recipient}
        </Verdict>
      );
      break;
    case 'no-key':
      body = (
        <Verdict {...common} tone="neutral" icon="?" title="Not decrypted">
          {result.message}
        </Verdict>
      );
      break;
    default: {
      // "failed": the key was wrong; anything else: the token or the key could not be used at all.
      const failed = result.state === 'failed';
      body = (
        <Verdict
          {...common}
          tone="bad"
          icon={failed ? '✕' : '⚠'}
          title={failed ? 'Decryption failed' : 'Cannot decrypt'}
        >
          {result.message}
          <ReadSecretAsButton
            encoding={result.matchingSecretEncoding}
            label="Read the key as"
            onRead={actions.setSecretEncoding}
          />
        </Verdict>
      );
    }
  }
  return body;
}

function InnerSignatureStatus({ inner, decrypted }: { inner: InnerView | undefined; decrypted: boolean }) {
  const verification = useInnerVerification(inner);
  const request = verification.request;
  const neutral = (title: string, text: string, icon = '?') => (
    <Verdict testId="signature-status" state="no-key" tone="neutral" icon={icon} title={title} request={request}>
      {text}
    </Verdict>
  );
  if (!decrypted || !inner) {
    return neutral(
      'Inner signature not checked',
      'The header says the content is a signed token (cty "JWT"); its signature is checked once the JWE is decrypted.',
    );
  }
  if (!inner.decoded) {
    return (
      <Verdict
        testId="signature-status"
        state="error"
        tone="bad"
        icon="⚠"
        title="Cannot verify the inner token"
        request={request}
      >
        The token inside does not decode, so there is no signature to check.
      </Verdict>
    );
  }
  if (inner.decoded.unsecured) {
    return (
      <Verdict
        testId="signature-status"
        state="no-key"
        tone="warn"
        icon="!"
        title="Inner token is unsecured"
        request={request}
      >
        The token inside has alg &quot;none&quot;: it carries no signature, so the encryption hides it but nothing
        proves who made it.
      </Verdict>
    );
  }
  if (!verification.hasKey) {
    return neutral(
      'Inner signature not checked',
      "Paste the signer's key (secret, public key, JWK or JWKS) into the inner token's key box to verify the signature.",
    );
  }
  if (!verification.result) return neutral('Checking the inner signature', 'Checking it against the inner key.', '…');
  return (
    <SignatureResultVerdict
      result={verification.result}
      titles={{
        verified: 'Inner signature verified',
        invalid: 'Inner signature invalid',
        error: 'Cannot verify the inner token',
      }}
      busy={!verification.current}
      request={request}
      readSecretAs={{ label: 'Read the inner key as', onRead: actions.setInnerSecretEncoding }}
    />
  );
}

export function JweVerdicts() {
  const { view } = useJweView();
  const decryption = useDecryption();
  const result = decryption.result;
  const inner = useInnerToken(result);
  const header = jweHeader(view);
  const decrypted = result?.state === 'decrypted' && decryption.current;
  // A signed token inside: announced by the header (cty "JWT") or found in the plaintext.
  const nested = ctyIsJwt(header?.cty) || (decrypted && result.inner?.kind === 'jws');
  const payload = decrypted
    ? inner?.decoded
      ? inner.decoded.payload
      : result.plaintextIsJson
        ? result.payload
        : undefined
    : undefined;
  return (
    <div className="space-y-2">
      <AlgLine header={header} />
      <div aria-live="polite">
        {view.form === 'broken' ? (
          <Verdict testId="decryption-status" state="error" tone="bad" icon="⚠" title="Cannot decrypt">
            The token cannot be read, so there is nothing to decrypt: see the Decoded pane for what is wrong.
          </Verdict>
        ) : (
          <DecryptionStatus result={result} busy={!decryption.current} request={decryption.request} />
        )}
      </div>
      {nested ? (
        <div aria-live="polite">
          <InnerSignatureStatus inner={inner} decrypted={decrypted} />
        </div>
      ) : null}
      {payload !== undefined ? <TimeClaimsVerdict payload={payload} /> : null}
    </div>
  );
}
