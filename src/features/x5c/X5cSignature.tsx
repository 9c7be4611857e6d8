// `signature-status` for a token that carries its own certificate chain (x5c) while the key box is empty: only
// a trusted chain's leaf key may verify (RFC 8725 §3.10). Otherwise the verdict is `untrusted` and says what
// the leaf's key would have said, so a chain problem is never mistaken for a signature that checks out.
// The verdict itself is the x5c runner's (src/state/x5cVerification.ts); this file only puts it into words.
// The app hands it to the decode feature's SignatureStatus (features do not import each other).
import { Verdict } from '../../components/Verdict';
import type { X5cVerificationState } from '../../state';
import type { X5cTokenVerdict } from '../../core/x5c/types';

/** The anchor a trusted chain ends at, by name, for "which key decided". */
function anchorName(verdict: X5cTokenVerdict): string | undefined {
  const last = verdict.chain.path?.at(-1);
  if (last?.source !== 'anchor') return undefined;
  const anchor = verdict.chain.anchors.certificates[last.index];
  return anchor?.kind === 'certificate' ? anchor.commonName : undefined;
}

function settled(x5c: X5cVerificationState): X5cTokenVerdict | undefined {
  return x5c.status === 'done' ? x5c.verdict : x5c.status === 'pending' ? x5c.previous : undefined;
}

/** While the x5c engine loads or judges: no verdict yet, and no claim about the signature. */
export function CheckingChain({ request }: { request: number }) {
  return (
    <Verdict
      testId="signature-status"
      state="no-key"
      tone="neutral"
      icon="…"
      title="Checking the certificate chain"
      busy
      request={request}
    >
      The token carries its own certificate chain (x5c). Its leaf key counts only if the chain reaches a trust anchor
      you paste.
    </Verdict>
  );
}

export function X5cSignatureVerdict({ x5c }: { x5c: X5cVerificationState }) {
  const request = x5c.requestId;
  if (x5c.status === 'error') {
    return (
      <Verdict testId="signature-status" state="error" tone="bad" icon="⚠" title="Cannot verify" request={request}>
        {x5c.message} Paste the issuer&apos;s public key in the key box to check the signature without the chain.
      </Verdict>
    );
  }
  const verdict = settled(x5c);
  const busy = x5c.status === 'pending';
  if (!verdict) return <CheckingChain request={request} />;
  const { signature, chain } = verdict;
  const data = { 'data-key-source': 'x5c', 'data-x5c': chain.state, 'data-leaf': signature.code };
  if (signature.state === 'verified') {
    const anchor = anchorName(verdict);
    return (
      <Verdict
        testId="signature-status"
        state="verified"
        tone="good"
        icon="✓"
        title="Signature verified"
        busy={busy}
        request={request}
        data={data}
      >
        {signature.message}
        {anchor !== undefined ? <> The chain reaches your trust anchor “{anchor}”.</> : null}
      </Verdict>
    );
  }
  if (signature.state === 'invalid' || signature.state === 'error') {
    const invalid = signature.state === 'invalid';
    return (
      <Verdict
        testId="signature-status"
        state={signature.state}
        tone="bad"
        icon={invalid ? '✕' : '⚠'}
        title={invalid ? 'Invalid signature' : 'Cannot verify'}
        busy={busy}
        request={request}
        data={data}
      >
        {signature.message}
      </Verdict>
    );
  }
  return (
    <Verdict
      testId="signature-status"
      state="untrusted"
      tone="warn"
      icon="⚠"
      title={
        chain.state === 'invalid'
          ? 'Not verified: the certificate chain is invalid'
          : 'Not verified: the certificate chain is not trusted'
      }
      busy={busy}
      request={request}
      data={data}
    >
      <p>{signature.message}</p>
      <p className="mt-1">Chain: {chain.message}</p>
      <p className="mt-1">
        {chain.state === 'invalid'
          ? 'To check the signature anyway, paste the issuer’s public key in the key box.'
          : 'Paste the issuer’s root certificate under “Trust anchors”, or the issuer’s public key in the key box.'}
      </p>
    </Verdict>
  );
}

const CHAIN_WORDS = { trusted: 'trusted', untrusted: 'not trusted', invalid: 'invalid' } as const;

/** Under a verdict the key box decided, for a token that also carries x5c: which key decided, plainly. */
export function X5cKeyBoxNote({ x5c }: { x5c: X5cVerificationState }) {
  const verdict = settled(x5c);
  const chain = verdict ? `is ${CHAIN_WORDS[verdict.chain.state]}` : 'is being checked';
  return (
    <p className="mt-1" data-testid="signature-key-note">
      Decided by the key in the key box, not by the token&apos;s own certificate chain (x5c), which {chain}.
    </p>
  );
}
