// The Decoded pane for a signed token in JSON serialization (RFC 7515 §7.2): the payload (or where a detached
// one goes), and each signature with its protected and unprotected header.
import { ClaimsTableView } from '../../components/ClaimsTable';
import { ErrorBox } from '../../components/ErrorBox';
import { PartEditor } from '../../components/PartEditor';
import { prettyJson } from '../../components/prettyJson';
import { WarningList } from '../../components/WarningList';
import { SubHeading } from '../../components/Pane';
import type { JwsJsonSignature } from '../../core/jws/decode-json';
import { useAppState, useVerdictClock } from '../../state';
import { payloadValue, useJwsJsonView } from './useJwsJson';

function Signature({ signature, general }: { signature: JwsJsonSignature; general: boolean }) {
  const name = general ? `Signature ${signature.index + 1}` : 'Signature';
  const headingId = `jws-signature-${signature.index}-title`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid="jws-signature"
      data-index={signature.index}
      className="rounded-md border border-slate-200 p-3 dark:border-slate-800"
    >
      <h4
        id={headingId}
        className="flex flex-wrap items-baseline gap-2 text-sm font-semibold text-slate-800 dark:text-slate-100"
      >
        <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-full bg-part-signature" />
        {name}
        <span className="font-normal text-slate-700 dark:text-slate-300">
          {signature.alg ?? 'no alg'}
          {signature.kid !== undefined ? `, kid “${signature.kid}”` : ''}, {signature.signatureBytes.length} bytes
        </span>
      </h4>
      <p className="mt-2 text-xs font-medium text-slate-700 dark:text-slate-300">Protected header</p>
      <pre
        data-testid="jws-signature-protected"
        tabIndex={0}
        className="mt-1 overflow-auto rounded bg-slate-100 p-2 font-mono text-xs text-slate-900 dark:bg-slate-800 dark:text-slate-100"
      >
        {signature.protectedHeader ? prettyJson(signature.protectedHeader) : '(none)'}
      </pre>
      {signature.header ? (
        <>
          <p className="mt-2 text-xs font-medium text-slate-700 dark:text-slate-300">
            Unprotected header (not covered by the signature)
          </p>
          <pre
            data-testid="jws-signature-unprotected"
            tabIndex={0}
            className="mt-1 overflow-auto rounded bg-slate-100 p-2 font-mono text-xs text-slate-900 dark:bg-slate-800 dark:text-slate-100"
          >
            {prettyJson(signature.header)}
          </pre>
        </>
      ) : null}
    </section>
  );
}

export function JwsJsonDecoded() {
  const { view } = useJwsJsonView();
  const detachedText = useAppState((s) => s.detachedPayloadText);
  const clock = useVerdictClock();
  if (!view.ok) {
    return (
      <ErrorBox testId="token-error" code={view.code} title="This signed token (JSON serialization) cannot be read">
        <p className="mt-1">{view.message}</p>
      </ErrorBox>
    );
  }
  const decoded = view.decoded;
  const general = decoded.serialization === 'general';
  const count = decoded.signatures.length;
  // A detached payload is shown as the user gave it; otherwise the token's own.
  const payloadText = decoded.detached
    ? detachedText
    : decoded.payloadIsJson
      ? prettyJson(decoded.payload)
      : decoded.payloadText;
  const payload = payloadValue(decoded, detachedText);
  return (
    <div className="space-y-5">
      <div>
        <SubHeading>
          Signed token (JWS), JSON serialization, {decoded.serialization}: {count} signature{count === 1 ? '' : 's'}
        </SubHeading>
        <p className="hint">
          {decoded.unencodedPayload
            ? 'The payload is not base64url-encoded ("b64": false, RFC 7797): its bytes are signed as they are. '
            : ''}
          {decoded.detached
            ? 'The payload is detached (RFC 7515 Appendix F): it is not in the token. Paste it in the box under the key to verify.'
            : 'Every signature covers the same payload, each with its own protected header.'}
        </p>
      </div>
      <PartEditor
        part="payload"
        title={decoded.detached ? 'Payload (detached, as you gave it)' : 'Payload'}
        getText={() => payloadText}
        value={payloadText}
        height="14rem"
      >
        <WarningList testId="jws-warnings" warnings={decoded.warnings} />
      </PartEditor>
      <ClaimsTableView payload={payload} stale={false} clock={clock} />
      <div className="space-y-3">
        {decoded.signatures.map((signature) => (
          <Signature key={signature.index} signature={signature} general={general} />
        ))}
      </div>
    </div>
  );
}
