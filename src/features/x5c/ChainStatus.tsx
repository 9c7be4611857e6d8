// `x5c-status`: does the token's chain reach a trust anchor the user pasted, with every certificate valid at the
// "as of" time? Words and an icon (never colour alone), in an aria-live region. The verdict is the x5c runner's
// (src/state/x5cVerification.ts).
import { Verdict } from '../../components/Verdict';
import type { X5cChainVerdict, X5cCertificateRef } from '../../core/x5c/types';
import type { X5cVerificationState } from '../../state';
import { utcDate } from './certificateWords';

const VIEW = {
  trusted: { tone: 'good', icon: '✓', title: 'Certificate chain trusted' },
  untrusted: { tone: 'warn', icon: '⚠', title: 'Certificate chain not trusted' },
  invalid: { tone: 'bad', icon: '✕', title: 'Certificate chain invalid' },
} as const;

function refName(chain: X5cChainVerdict, ref: X5cCertificateRef): string {
  const list = ref.source === 'x5c' ? chain.chain.certificates : chain.anchors.certificates;
  const cert = list[ref.index];
  const where = ref.source === 'x5c' ? `x5c[${ref.index}]` : `anchor ${ref.index + 1}`;
  return cert?.kind === 'certificate' ? `${where} “${cert.commonName}”` : where;
}

export function ChainVerdict({
  verdict,
  testId,
  busy,
  request,
  fixedClock,
}: {
  verdict: X5cChainVerdict;
  testId: string;
  busy?: boolean;
  request?: number;
  fixedClock: boolean;
}) {
  const view = VIEW[verdict.state];
  return (
    <Verdict
      testId={testId}
      state={verdict.state}
      tone={view.tone}
      icon={view.icon}
      title={view.title}
      busy={busy}
      request={request}
      data={{ 'data-code': verdict.code }}
    >
      <p>{verdict.message}</p>
      {verdict.path ? (
        <p className="mt-1">Path: {verdict.path.map((ref) => refName(verdict, ref)).join(' → ')}.</p>
      ) : null}
      {fixedClock ? <p className="mt-1">Judged as of {utcDate(new Date(verdict.checkedAt).toISOString())}.</p> : null}
    </Verdict>
  );
}

export function ChainStatus({ x5c, fixedClock }: { x5c: X5cVerificationState; fixedClock: boolean }) {
  let body;
  if (x5c.status === 'error') {
    body = (
      <Verdict
        testId="x5c-status"
        state="error"
        tone="bad"
        icon="⚠"
        title="Cannot check the chain"
        request={x5c.requestId}
      >
        {x5c.message}
      </Verdict>
    );
  } else {
    const verdict = x5c.status === 'done' ? x5c.verdict : x5c.status === 'pending' ? x5c.previous : undefined;
    body = verdict ? (
      <ChainVerdict
        verdict={verdict.chain}
        testId="x5c-status"
        busy={x5c.status === 'pending'}
        request={x5c.requestId}
        fixedClock={fixedClock}
      />
    ) : (
      <Verdict
        testId="x5c-status"
        state="checking"
        tone="neutral"
        icon="…"
        title="Checking the certificate chain"
        busy
        request={x5c.requestId}
      >
        Loading the certificate checker and reading the chain.
      </Verdict>
    );
  }
  return <div aria-live="polite">{body}</div>;
}
