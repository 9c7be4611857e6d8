// The public half of a generated key as PEM, JWK and JWKS, each with copy and download, so it
// can be registered with a service. Key text lives in React state only: nothing is persisted.
import { CopyButton } from '../../components/CopyButton';
import { downloadText } from '../../components/downloadText';
import { EXPORT_MIME, publicKeyFileName } from './keygenChoices';
import type { PublicExportKind } from './keygenChoices';

/** A generated key's public part as text: PEM as it is, a JWK or JWKS as pretty JSON; undefined when absent. */
export function publicKeyText(value: unknown): string | undefined {
  return value === undefined || value === null
    ? undefined
    : typeof value === 'string'
      ? value
      : JSON.stringify(value, null, 2);
}

/** The generated key's kid, its RFC 7638 thumbprint. */
export function ThumbprintKid({ testId, kid }: { testId: string; kid: string }) {
  return (
    <p>
      <span className="font-semibold">kid</span> (RFC 7638 thumbprint):{' '}
      <code data-testid={testId} className="break-all">
        {kid}
      </code>
    </p>
  );
}

type Props = { alg: string; pem?: string | undefined; jwk?: string | undefined; jwks?: string | undefined };

const TITLES: Record<PublicExportKind, string> = {
  pem: 'Public key (PEM, SPKI)',
  jwk: 'Public key (JWK)',
  jwks: 'Public key set (JWKS)',
};

function ExportBlock({ alg, kind, text }: { alg: string; kind: PublicExportKind; text: string }) {
  const fileName = publicKeyFileName(alg, kind);
  const headingId = `keygen-export-${kind}`;
  return (
    <section aria-labelledby={headingId} className="mt-2">
      <div className="flex items-center gap-2">
        <h4 id={headingId} className="text-sm font-medium">
          {TITLES[kind]}
        </h4>
        <CopyButton testId={`copy-public-${kind}`} label={`Copy ${TITLES[kind]}`} getText={() => text} compact />
        <button
          type="button"
          data-testid={`download-public-${kind}`}
          aria-label={`Download ${TITLES[kind]} as ${fileName}`}
          className="btn-secondary"
          onClick={() => downloadText(fileName, text, EXPORT_MIME[kind])}
        >
          Download
        </button>
      </div>
      {/* Focusable so keyboard users can scroll it (axe: scrollable-region-focusable). */}
      <pre
        data-testid={`public-${kind}`}
        tabIndex={0}
        aria-labelledby={headingId}
        className="mt-1 max-h-40 overflow-auto rounded bg-slate-100 p-2 font-mono text-[11px] leading-tight break-all whitespace-pre-wrap dark:bg-slate-800"
      >
        {text}
      </pre>
    </section>
  );
}

export function PublicKeyExports({ alg, pem, jwk, jwks }: Props) {
  return (
    <div>
      {pem && <ExportBlock alg={alg} kind="pem" text={pem} />}
      {jwk && <ExportBlock alg={alg} kind="jwk" text={jwk} />}
      {jwks && <ExportBlock alg={alg} kind="jwks" text={jwks} />}
    </div>
  );
}
