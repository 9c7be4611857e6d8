// Encode view: the signed token (`token-output`), live. When signing fails, the reason in plain words
// and the last good token visibly stale.
import { Fragment, useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { ErrorBox } from '../../components/ErrorBox';
import { appStore, useAppState, type EncryptedOutput, type SdJwtOutput } from '../../state';

function JwsParts({ token }: { token: string }) {
  const parts = token.split('.');
  if (parts.length === 5) {
    // A JWE (RFC 7516 §7.1): header, encrypted key, IV, ciphertext, tag, in the token box's colours.
    return (
      <>
        <span className="token-header">{parts[0]}</span>
        <span className="token-dot">.</span>
        <span className="token-encrypted-key">{parts[1]}</span>
        <span className="token-dot">.</span>
        <span className="token-iv">{parts[2]}</span>
        <span className="token-dot">.</span>
        <span className="token-payload">{parts[3]}</span>
        <span className="token-dot">.</span>
        <span className="token-signature">{parts[4]}</span>
      </>
    );
  }
  if (parts.length !== 3) return <>{token}</>;
  return (
    <>
      <span className="token-header">{parts[0]}</span>
      <span className="token-dot">.</span>
      <span className="token-payload">{parts[1]}</span>
      <span className="token-dot">.</span>
      <span className="token-signature">{parts[2]}</span>
    </>
  );
}

/** An SD-JWT (RFC 9901 §4): the issuer's JWT, then each disclosure, then the key-binding JWT (or nothing). */
function SdJwtParts({ token }: { token: string }) {
  const pieces = token.split('~');
  const last = pieces.length - 1;
  return (
    <>
      {pieces.map((piece, index) => (
        <Fragment key={index}>
          {index === 0 ? (
            <JwsParts token={piece} />
          ) : (
            <span className={index === last ? 'token-binding' : 'token-disclosure'}>{piece}</span>
          )}
          {index < last ? <span className="token-dot">~</span> : null}
        </Fragment>
      ))}
    </>
  );
}

function sdJwtCaption(output: SdJwtOutput): string {
  const n = output.disclosures.length;
  const decoys = output.decoys > 0 ? ` and ${output.decoys} decoy${output.decoys === 1 ? '' : 's'}` : '';
  const presentation = output.presentation;
  if (!presentation) return `SD-JWT as issued: ${n} disclosure${n === 1 ? '' : 's'}${decoys}, no key binding.`;
  const sent = presentation.kept.length + presentation.added.length;
  return `SD-JWT presentation: ${sent} of ${n} disclosures sent, ${presentation.kbJwt ? 'with' : 'without'} a Key Binding JWT.`;
}

/** What an encrypted output holds: the JWE's algorithms and recipient, and the signed token inside. */
function EncryptedCaption({ encrypted }: { encrypted: EncryptedOutput }) {
  const { alg, enc } = encrypted.header;
  return (
    <div data-testid="token-output-encrypted" className="space-y-2 text-sm text-slate-700 dark:text-slate-300">
      <p>
        Encrypted (JWE, {String(alg)} with {String(enc)}) to {encrypted.keyLabel}. Inside: the signed token below
        (nested JWT, <code className="font-mono">cty: &quot;JWT&quot;</code>).
      </p>
      {encrypted.warnings.length > 0 ? (
        <ul className="space-y-1">
          {encrypted.warnings.map((warning) => (
            <li key={warning}>
              <span aria-hidden="true">ℹ </span>
              {warning}
            </li>
          ))}
        </ul>
      ) : null}
      <details>
        <summary className="cursor-pointer">The signed token inside</summary>
        <p
          data-testid="token-output-inner"
          tabIndex={0}
          className="token-layer mt-1 rounded-md border border-slate-300 dark:border-slate-700"
        >
          {encrypted.inner}
        </p>
        <CopyButton testId="copy-inner-token" label="Copy the signed token" getText={() => encrypted.inner} />
      </details>
    </div>
  );
}

export function TokenOutput() {
  const signing = useAppState((s) => s.signing);
  // The caption of the last encrypted token stays while the next one is made (no flicker on every keystroke).
  const encryptionOn = useAppState((s) => s.encryption.enabled);
  const detachOn = useAppState((s) => s.signDetached);
  const [lastEncrypted, setLastEncrypted] = useState<EncryptedOutput>();
  const latest = signing.status === 'done' ? signing.encrypted : undefined;
  if (latest && latest !== lastEncrypted) setLastEncrypted(latest);
  const encrypted = encryptionOn ? (latest ?? lastEncrypted) : undefined;
  const stale = signing.status === 'error';
  const sdJwtEnabled = useAppState((s) => s.sdJwt.enabled);
  // The caption of the last SD-JWT stays while the next one is signed (no flicker on every keystroke).
  const [sdJwt, setSdJwt] = useState<SdJwtOutput>();
  const latestSdJwt = signing.status === 'done' ? signing.sdJwt : undefined;
  if (latestSdJwt && latestSdJwt !== sdJwt) setSdJwt(latestSdJwt);
  return (
    <div className="space-y-3">
      <div aria-live="polite">
        {signing.status === 'error' ? (
          <ErrorBox
            testId="sign-error"
            code={signing.code}
            title={signing.stage === 'encrypt' ? 'Signed, but not encrypted' : 'Not signed'}
          >
            <p className="mt-1">{signing.message}</p>
            {signing.token ? (
              <p className="mt-1">The token below is the last one that was made and is out of date.</p>
            ) : null}
          </ErrorBox>
        ) : null}
      </div>
      <div
        data-testid="token-output"
        data-state={signing.status}
        data-stale={stale || undefined}
        data-request={signing.requestId}
        aria-label={encrypted ? 'Encrypted token' : 'Signed token'}
        role="textbox"
        aria-readonly="true"
        tabIndex={0}
        className={`token-layer min-h-32 rounded-md border border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900 ${stale ? 'line-through decoration-slate-400' : ''}`}
      >
        {signing.token.includes('~') ? <SdJwtParts token={signing.token} /> : <JwsParts token={signing.token} />}
      </div>
      {encrypted ? <EncryptedCaption encrypted={encrypted} /> : null}
      {sdJwtEnabled && sdJwt ? (
        <p data-testid="token-output-kind" className="text-sm text-slate-700 dark:text-slate-300">
          {sdJwtCaption(sdJwt)}
          {encryptionOn || detachOn ? ' Not encrypted or detached: those options apply to a plain JWT.' : null}
        </p>
      ) : null}
      {signing.status === 'done' && signing.detachedPayload !== undefined ? (
        <p data-testid="token-output-detached" className="text-sm text-slate-700 dark:text-slate-300">
          Detached (RFC 7515 Appendix F): the payload part is empty; the receiver must have the payload to verify.
        </p>
      ) : null}
      <div className="flex items-center gap-2">
        <CopyButton
          testId="copy-token"
          label="Copy token"
          disabled={!signing.token}
          getText={() => appStore.getState().signing.token}
        />
        {stale ? <span className="text-sm text-slate-600 dark:text-slate-400">(stale)</span> : null}
      </div>
    </div>
  );
}
