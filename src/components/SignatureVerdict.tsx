// The `signature-status` verdict once the core has answered (verified, invalid, or could not verify), shared by
// every kind of signed token: the core's message, the JWKS key that matched, and the offer to read an HMAC secret
// another way when the core found the reading under which it verifies.
import type { ReactNode } from 'react';
import type { SecretEncoding, VerifyResult } from '../core/types';
import { Verdict } from './Verdict';

/** The button a failed check offers when the key text verifies (or decrypts) under another secret encoding. */
export function ReadSecretAsButton({
  encoding,
  label,
  onRead,
}: {
  encoding: SecretEncoding | undefined;
  /** The words before the encoding: "Read the secret as". */
  label: string;
  onRead: (encoding: SecretEncoding) => void;
}) {
  if (!encoding) return null;
  return (
    <button type="button" className="btn-secondary mt-2" onClick={() => onRead(encoding)}>
      {label} {encoding}
    </button>
  );
}

/** The key of a JWKS that verified the signature, named by its kid (nothing when the key had none). */
export function MatchedKid({ kid }: { kid: string | undefined }) {
  if (kid === undefined) return null;
  return (
    <>
      {' '}
      Matched key <code className="font-mono">kid “{kid}”</code>.
    </>
  );
}

/** While the first result for this token and key is being computed (later checks keep the last verdict, busy). */
export function CheckingSignatureVerdict({ title, request }: { title: string; request: number }) {
  return (
    <Verdict testId="signature-status" state="no-key" tone="neutral" icon="…" title={title} busy request={request}>
      Checking it against the key below.
    </Verdict>
  );
}

export function SignatureResultVerdict({
  result,
  titles,
  busy,
  request,
  code,
  notes,
  readSecretAs,
}: {
  result: VerifyResult;
  titles: Record<VerifyResult['signature'], string>;
  busy: boolean;
  request: number;
  /** A stable code for the reason (`data-code`), for the verdicts that show one. */
  code?: string | undefined;
  /** What the verdict adds after the matched key (where the keys came from…). */
  notes?: ReactNode;
  readSecretAs: { label: string; onRead: (encoding: SecretEncoding) => void };
}) {
  const state = result.signature;
  return (
    <Verdict
      testId="signature-status"
      state={state}
      code={code}
      tone={state === 'verified' ? 'good' : 'bad'}
      icon={state === 'verified' ? '✓' : state === 'invalid' ? '✕' : '⚠'}
      title={titles[state]}
      busy={busy}
      request={request}
    >
      {result.message}
      <MatchedKid kid={result.kid} />
      {notes}
      <ReadSecretAsButton encoding={result.matchingSecretEncoding} {...readSecretAs} />
    </Verdict>
  );
}
