// What the JWE holds, once decrypted: JSON in the payload editor with its claims, other text as text, and a
// nested token (cty "JWT", or a plaintext that is a compact JWS) decoded as if it had been pasted.
import type { ReactNode } from 'react';
import { ClaimsTableView } from '../../components/ClaimsTable';
import { JsonEditor } from '../../components/JsonEditor';
import { SubHeading } from '../../components/Pane';
import { prettyJson } from '../../components/prettyJson';
import { PartEditor } from '../../components/PartEditor';
import type { DecryptResult } from '../../core/jwe/decrypt';
import { actions, useVerdictClock } from '../../state';
import { useInnerToken, type InnerView } from './useJwe';
import { plural } from './words';

function CompactToken({ token }: { token: string }) {
  const parts = token.split('.');
  const classes =
    parts.length === 5
      ? ['token-header', 'token-encrypted-key', 'token-iv', 'token-payload', 'token-signature']
      : ['token-header', 'token-payload', 'token-signature'];
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 ? <span className="token-dot">.</span> : null}
          <span className={classes[index] ?? ''}>{part}</span>
        </span>
      ))}
    </>
  );
}

function PlaintextBox({ kind, children }: { kind: string; children: ReactNode }) {
  return (
    <pre
      data-testid="jwe-plaintext"
      data-kind={kind}
      tabIndex={0}
      aria-label="Decrypted plaintext"
      className="token-layer max-h-48 overflow-auto rounded-md border border-slate-300 bg-white text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {children}
    </pre>
  );
}

function NestedToken({ inner, stale }: { inner: InnerView; stale: boolean }) {
  const clock = useVerdictClock();
  const decoded = inner.decoded;
  return (
    <div className="space-y-4">
      <div>
        <SubHeading color="bg-part-payload">Plaintext: a signed token (nested JWT)</SubHeading>
        <PlaintextBox kind="jws">
          <CompactToken token={inner.token} />
        </PlaintextBox>
        <p className="hint mt-1">
          Signed first, then encrypted (RFC 7519 §5.2). It is decoded below as if you had pasted it; its signature is
          checked with the inner token&apos;s key.
        </p>
      </div>
      {decoded ? (
        <>
          <div>
            <SubHeading color="bg-part-header">Inner token header</SubHeading>
            <JsonEditor
              testId="inner-header-editor"
              label="Inner token header JSON"
              value={prettyJson(decoded.header)}
              accent="header"
              stale={stale}
              height="7rem"
            />
          </div>
          <PartEditor
            part="payload"
            title="Payload (of the inner token)"
            getText={() => (decoded.payloadIsJson ? prettyJson(decoded.payload) : decoded.payloadText)}
            value={decoded.payloadIsJson ? prettyJson(decoded.payload) : decoded.payloadText}
            stale={stale}
            height="14rem"
          />
          {decoded.payloadIsJson ? <ClaimsTableView payload={decoded.payload} stale={stale} clock={clock} /> : null}
        </>
      ) : (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          <span aria-hidden="true">✕ </span>
          The inner token does not decode: {inner.problem}
        </p>
      )}
    </div>
  );
}

export function JwePlaintext({ result, current }: { result: DecryptResult | undefined; current: boolean }) {
  const clock = useVerdictClock();
  const inner = useInnerToken(result);
  if (!result || result.state !== 'decrypted' || result.plaintext === undefined) {
    return (
      <p data-testid="jwe-plaintext-hidden" className="hint">
        {result?.state === 'failed' || result?.state === 'error'
          ? 'The payload stays encrypted: the verdict beside the key box says why. The token you pasted is unchanged.'
          : 'The payload is encrypted. Paste the decryption key in the key box to see it.'}
      </p>
    );
  }
  const stale = !current;
  if (inner) return <NestedToken inner={inner} stale={stale} />;
  const bytes = result.plaintextBytes?.length ?? result.plaintext.length;
  if (result.inner?.kind === 'jwe') {
    const token = result.inner.token;
    return (
      <div className="space-y-2">
        <SubHeading color="bg-part-payload">Plaintext: another encrypted token (JWE)</SubHeading>
        <PlaintextBox kind="jwe">
          <CompactToken token={token} />
        </PlaintextBox>
        <p className="hint">
          The token inside is encrypted again; open it on its own with its own key (this replaces the token box).
        </p>
        <button type="button" className="btn-secondary" onClick={() => actions.setTokenText(token)}>
          Open the inner JWE in the token box
        </button>
      </div>
    );
  }
  if (result.plaintextIsJson) {
    const text = prettyJson(result.payload);
    return (
      <div className="space-y-4">
        <PartEditor
          part="payload"
          title="Payload (decrypted)"
          getText={() => text}
          value={text}
          stale={stale}
          height="16rem"
        />
        <ClaimsTableView payload={result.payload} stale={stale} clock={clock} />
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <SubHeading color="bg-part-payload">Plaintext (decrypted, {plural(bytes, 'byte')})</SubHeading>
      <PlaintextBox kind="text">{result.plaintext}</PlaintextBox>
      <p className="hint">
        {result.plaintextIsUtf8 === false
          ? 'Not valid UTF-8 text: the bytes that are not are shown as �.'
          : 'Text, not JSON: shown as it is.'}
      </p>
    </div>
  );
}
