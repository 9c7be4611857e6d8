// `trust-anchor-input`: the root certificates the user trusts, as PEM. The chain of a token (or of a JWKS key)
// is trusted only when it reaches one of these; what was read from the text is listed under it.
import { useId } from 'react';
import type { TrustAnchorList } from '../../core/x5c/types';
import { actions, useAppState } from '../../state';
import { utcDate } from './certificateWords';

function AnchorSummary({ anchors }: { anchors: TrustAnchorList }) {
  if (!anchors.error && anchors.certificates.length === 0) return null;
  return (
    <div data-testid="trust-anchor-list" className="text-xs">
      {anchors.error ? (
        <p className="text-red-800 dark:text-red-300" data-code={anchors.error.code}>
          <span aria-hidden="true">✕ </span>
          {anchors.error.message}
        </p>
      ) : null}
      {anchors.certificates.length > 0 ? (
        <>
          <p className="text-slate-700 dark:text-slate-300">
            {anchors.certificates.length === 1 ? 'One anchor read:' : `${anchors.certificates.length} anchors read:`}
          </p>
          <ol className="ml-4 list-decimal">
            {anchors.certificates.map((cert) =>
              cert.kind === 'certificate' ? (
                <li key={cert.ref.index} data-testid="trust-anchor">
                  {cert.commonName}{' '}
                  <span className="text-slate-600 dark:text-slate-400">
                    ({cert.key.label}, until {utcDate(cert.notAfter)}, SHA-256 {cert.sha256.slice(0, 23)}…)
                  </span>
                </li>
              ) : (
                <li
                  key={cert.ref.index}
                  data-testid="trust-anchor"
                  data-broken={cert.code}
                  className="text-red-800 dark:text-red-300"
                >
                  <span aria-hidden="true">✕ </span>
                  {cert.message}
                </li>
              ),
            )}
          </ol>
        </>
      ) : null}
    </div>
  );
}

export function TrustAnchorInput({ anchors }: { anchors: TrustAnchorList | undefined }) {
  const id = useId();
  const text = useAppState((s) => s.trustAnchorsText);
  return (
    <div className="space-y-1">
      <label htmlFor={`${id}-anchors`} className="field-label">
        Trust anchors (root certificates, PEM)
      </label>
      <textarea
        id={`${id}-anchors`}
        data-testid="trust-anchor-input"
        value={text}
        rows={4}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        placeholder={'-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----'}
        aria-describedby={`${id}-hint`}
        onChange={(event) => actions.setTrustAnchorsText(event.target.value)}
        className="field-mono resize-y"
      />
      <p id={`${id}-hint`} className="hint">
        One or more certificates you trust, from the issuer or your own PKI. Never take them from the token: a root the
        token brings proves nothing.
      </p>
      {anchors ? <AnchorSummary anchors={anchors} /> : null}
    </div>
  );
}
