// The verdicts for an encrypted token, at the top of the key pane: `decryption-status` (decrypted, failed,
// no-key, error, with the reason in words), and for a nested token the inner signature (`signature-status`)
// and, once there is a payload, its time claims (`claims-status`). Words and an icon, never colour alone.
import type { ReactNode } from 'react';
import { TimeClaimsVerdict } from '../../components/TimeClaimsVerdict';
import { Verdict } from '../../components/Verdict';
import { ctyIsJwt } from '../../core/jwe/find-inner-token';
import type { DecryptResult } from '../../core/jwe/decrypt';
import type { VerifyResult } from '../../core/types';
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
    case 'failed':
      body = (
        <Verdict {...common} tone="bad" icon="✕" title="Decryption failed">
          {result.message}
          {result.matchingSecretEncoding ? (
            <button
              type="button"
              className="btn-secondary mt-2"
              onClick={() => result.matchingSecretEncoding && actions.setSecretEncoding(result.matchingSecretEncoding)}
            >
              Read the key as {result.matchingSecretEncoding}
            </button>
          ) : null}
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
    default:
      body = (
        <Verdict {...common} tone="bad" icon="⚠" title="Cannot decrypt">
          {result.message}
          {result.matchingSecretEncoding ? (
            <button
              type="button"
              className="btn-secondary mt-2"
              onClick={() => result.matchingSecretEncoding && actions.setSecretEncoding(result.matchingSecretEncoding)}
            >
              Read the key as {result.matchingSecretEncoding}
            </button>
          ) : null}
        </Verdict>
      );
  }
  return body;
}

function innerVerdict(result: VerifyResult, busy: boolean, request: number): ReactNode {
  const common = { testId: 'signature-status', busy, request } as const;
  if (result.signature === 'verified') {
    return (
      <Verdict {...common} state="verified" tone="good" icon="✓" title="Inner signature verified">
        {result.message}
        {result.kid !== undefined ? (
          <>
            {' '}
            Matched key <code className="font-mono">kid “{result.kid}”</code>.
          </>
        ) : null}
      </Verdict>
    );
  }
  const invalid = result.signature === 'invalid';
  return (
    <Verdict
      {...common}
      state={result.signature}
      tone="bad"
      icon={invalid ? '✕' : '⚠'}
      title={invalid ? 'Inner signature invalid' : 'Cannot verify the inner token'}
    >
      {result.message}
      {result.matchingSecretEncoding ? (
        <button
          type="button"
          className="btn-secondary mt-2"
          onClick={() => result.matchingSecretEncoding && actions.setInnerSecretEncoding(result.matchingSecretEncoding)}
        >
          Read the inner key as {result.matchingSecretEncoding}
        </button>
      ) : null}
    </Verdict>
  );
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
  return innerVerdict(verification.result, !verification.current, request);
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
