// One certificate of a chain (`x5c-cert`): who it is, who signed it, when it is valid, its key and what the key
// may do, and its SHA-256 fingerprint, with what the chain check found about it.
import { CopyButton } from '../../components/CopyButton';
import type { X5cBrokenCertificate, X5cCertificateInfo, X5cFinding } from '../../core/x5c/types';
import {
  basicConstraintsWords,
  certificateRole,
  extendedKeyUsageWords,
  FINDING_VIEW,
  keyUsageWords,
  utcDate,
  validityAt,
} from './certificateWords';

type Props = {
  cert: X5cCertificateInfo | X5cBrokenCertificate;
  /** What the chain check found about this certificate, deciding findings first. */
  findings: X5cFinding[];
  /** The time the chain was judged at (ms), for "expired"/"not yet valid". */
  checkedAt: number;
  /** Prefix of the copy button's test id, unique on the page. */
  copyId: string;
};

const row = 'grid grid-cols-[8.5rem_minmax(0,1fr)] gap-x-2';
const term = 'text-slate-600 dark:text-slate-400';

function label(cert: { ref: X5cCertificateInfo['ref'] }): string {
  return cert.ref.source === 'x5c' ? `x5c[${cert.ref.index}]` : `anchor ${cert.ref.index + 1}`;
}

export function FindingList({ findings }: { findings: X5cFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <ul className="mt-1 space-y-1">
      {findings.map((finding, index) => {
        const view = FINDING_VIEW[finding.effect];
        return (
          <li key={`${finding.code}-${index}`} data-finding={finding.code} data-effect={finding.effect}>
            <span className={`font-semibold ${view.className}`}>
              <span aria-hidden="true">{view.icon} </span>
              {view.word}:
            </span>{' '}
            {finding.message}
          </li>
        );
      })}
    </ul>
  );
}

export function CertificateCard({ cert, findings, checkedAt, copyId }: Props) {
  const deciding = findings.find((f) => f.effect !== 'note');
  if (cert.kind === 'broken') {
    return (
      <li
        data-testid="x5c-cert"
        data-index={cert.ref.index}
        data-broken={cert.code}
        className="rounded-md border border-red-300 p-2 text-xs dark:border-red-800"
      >
        <p className="font-semibold">
          {label(cert)}: <span className="text-red-800 dark:text-red-300">not a certificate</span>
        </p>
        <p>{cert.message}</p>
        <FindingList findings={findings} />
      </li>
    );
  }
  const validity = validityAt(cert, checkedAt);
  const eku = extendedKeyUsageWords(cert);
  return (
    <li
      data-testid="x5c-cert"
      data-index={cert.ref.index}
      data-source={cert.ref.source}
      data-finding={deciding?.code}
      className={`rounded-md border p-2 text-xs ${
        deciding?.effect === 'invalid' ? 'border-red-300 dark:border-red-800' : 'border-slate-200 dark:border-slate-700'
      }`}
    >
      <p className="mb-1 flex flex-wrap items-baseline gap-x-2">
        <span className="font-semibold">
          {label(cert)} · {cert.commonName}
        </span>
        <span className={term}>({certificateRole(cert)})</span>
      </p>
      <dl className="space-y-0.5">
        <div className={row}>
          <dt className={term}>Subject</dt>
          <dd className="font-mono [overflow-wrap:anywhere]">{cert.subject}</dd>
        </div>
        <div className={row}>
          <dt className={term}>Issuer</dt>
          <dd className="font-mono [overflow-wrap:anywhere]">{cert.issuer}</dd>
        </div>
        <div className={row}>
          <dt className={term}>Valid</dt>
          <dd data-valid={validity.ok ? 'true' : 'false'}>
            {utcDate(cert.notBefore)} to {utcDate(cert.notAfter)}{' '}
            <span className={validity.ok ? '' : 'font-semibold text-red-800 dark:text-red-300'}>
              {validity.ok ? '' : <span aria-hidden="true">✕ </span>}({validity.words})
            </span>
          </dd>
        </div>
        <div className={row}>
          <dt className={term}>Key</dt>
          <dd>{cert.key.label}</dd>
        </div>
        <div className={row}>
          <dt className={term}>Key usage</dt>
          <dd>{keyUsageWords(cert)}</dd>
        </div>
        {eku !== undefined ? (
          <div className={row}>
            <dt className={term}>Extended key usage</dt>
            <dd>{eku}</dd>
          </div>
        ) : null}
        <div className={row}>
          <dt className={term}>Basic constraints</dt>
          <dd>{basicConstraintsWords(cert)}</dd>
        </div>
        <div className={row}>
          <dt className={term}>Signed with</dt>
          <dd>{cert.signatureAlgorithm}</dd>
        </div>
        <div className={row}>
          <dt className={term}>Serial</dt>
          <dd className="break-all font-mono">{cert.serial}</dd>
        </div>
        <div className={row}>
          <dt className={term}>SHA-256</dt>
          <dd className="break-all font-mono" data-fingerprint="sha256">
            {cert.sha256}
          </dd>
        </div>
      </dl>
      <FindingList findings={findings} />
      <div className="mt-1">
        <CopyButton testId={`copy-${copyId}-pem`} label={`Copy ${label(cert)} as PEM`} getText={() => cert.pem} />
      </div>
    </li>
  );
}
