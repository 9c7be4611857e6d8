// Encode view: encrypt the signed token to a recipient (`encrypt-toggle`). The output becomes a compact JWE
// of the signed token, a nested JWT (RFC 7519 §5.2: signed first, then encrypted, `cty: "JWT"`). The choices
// this browser cannot run are asked of the engine (isJweAlgorithmAvailable), never assumed from its version.
import { useId, useMemo } from 'react';
import { useAsyncOnMount } from '../../components/useAsyncOnMount';
import { KeyKindLine, KeyTextArea, SecretEncodingChoice } from '../../components/KeyBox';
import {
  JWE_ALGORITHM_INFO,
  JWE_CONTENT_ENCRYPTIONS,
  JWE_ENCRYPTION_INFO,
  JWE_KEY_ALGORITHMS,
  isJweContentEncryption,
  isJweKeyAlgorithm,
} from '../../core/jwe/algorithms';
import { isJweAlgorithmAvailable } from '../../core/jwe/availability';
import { describeJweKeyNeed } from '../../core/jwe/key-material';
import { detectKey } from '../../core/keys';
import { actions, useAppState } from '../../state';

type Support = { algs: Record<string, boolean>; encs: Record<string, boolean> };

/** Which key algorithms and content encryptions this browser's WebCrypto runs; undefined while asking. */
export function useJweSupport(): Support | undefined {
  return useAsyncOnMount(async () => {
    const algs = await Promise.all(JWE_KEY_ALGORITHMS.map(async (alg) => [alg, await isJweAlgorithmAvailable(alg)]));
    const encs = await Promise.all(
      JWE_CONTENT_ENCRYPTIONS.map(async (enc) => [enc, await isJweAlgorithmAvailable('dir', enc)]),
    );
    return { algs: Object.fromEntries(algs), encs: Object.fromEntries(encs) } as Support;
  });
}

function RecipientKey() {
  const id = useId();
  const keyText = useAppState((s) => s.encryption.keyText);
  const secretEncoding = useAppState((s) => s.encryption.secretEncoding);
  const detection = useMemo(() => detectKey({ text: keyText, secretEncoding }, 'enc'), [keyText, secretEncoding]);
  return (
    <div className="space-y-2">
      <KeyTextArea
        id={id}
        label="Recipient's key"
        testId="encrypt-key-input"
        value={keyText}
        rows={5}
        placeholder="The recipient's public key (PEM, JWK, or a JWKS entry), or the shared key or password"
        describedBy={`${id}-kind`}
        onChange={(text) => actions.setEncryption({ keyText: text })}
      />
      <KeyKindLine
        id={id}
        testId="encrypt-key-kind"
        detection={detection}
        emptyText="No key yet: the token is not encrypted until you paste one (or generate one below)."
      />
      {detection.kind === 'secret' ? (
        <SecretEncodingChoice
          id={id}
          label="Shared key is"
          testId="encrypt-secret-encoding"
          value={secretEncoding}
          onChange={(encoding) => actions.setEncryption({ secretEncoding: encoding })}
          byteLength={detection.byteLength}
        />
      ) : null}
      <p className="hint">
        Kept in this page&apos;s memory only. A public key is enough to encrypt; only the recipient&apos;s private key
        opens the token.
      </p>
    </div>
  );
}

export function EncryptPanel() {
  const id = useId();
  const settings = useAppState((s) => s.encryption);
  const support = useJweSupport();
  const alg = isJweKeyAlgorithm(settings.alg) ? settings.alg : 'RSA-OAEP-256';
  const enc = isJweContentEncryption(settings.enc) ? settings.enc : 'A256GCM';
  const info = JWE_ALGORITHM_INFO[alg];
  const unsupported = support && (support.algs[alg] === false || support.encs[enc] === false);
  return (
    <section aria-labelledby={`${id}-title`} data-testid="encrypt-panel" className="space-y-3">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-800 dark:text-slate-100">
        Encryption (JWE)
      </h3>
      <label className="flex items-start gap-2 text-sm text-slate-800 dark:text-slate-100">
        <input
          type="checkbox"
          data-testid="encrypt-toggle"
          className="mt-1"
          checked={settings.enabled}
          onChange={(event) => actions.setEncryption({ enabled: event.target.checked })}
        />
        <span>
          Encrypt the signed token to a recipient
          <span className="hint block">
            The output becomes a compact JWE holding the signed token (nested JWT: signed first, then encrypted, with
            cty &quot;JWT&quot;).
          </span>
        </span>
      </label>
      {settings.enabled ? (
        <>
          <div className="flex flex-wrap gap-3">
            <div>
              <label htmlFor={`${id}-alg`} className="field-label">
                Key management (alg)
              </label>
              <select
                id={`${id}-alg`}
                data-testid="encrypt-alg"
                value={alg}
                onChange={(event) => actions.setEncryption({ alg: event.target.value })}
                className="field w-auto"
              >
                {JWE_KEY_ALGORITHMS.map((name) => (
                  <option key={name} value={name} disabled={support?.algs[name] === false}>
                    {support?.algs[name] === false ? `${name} (not supported by this browser)` : name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${id}-enc`} className="field-label">
                Content encryption (enc)
              </label>
              <select
                id={`${id}-enc`}
                data-testid="encrypt-enc"
                value={enc}
                onChange={(event) => actions.setEncryption({ enc: event.target.value })}
                className="field w-auto"
              >
                {JWE_CONTENT_ENCRYPTIONS.map((name) => (
                  <option key={name} value={name} disabled={support?.encs[name] === false}>
                    {support?.encs[name] === false ? `${name} (not supported by this browser)` : name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p data-testid="encrypt-hint" className="hint">
            {info.title}: {info.description} ({info.reference}). Content: {JWE_ENCRYPTION_INFO[enc].title}. Needs{' '}
            {describeJweKeyNeed(alg, enc, 'encrypt')}.
          </p>
          {unsupported ? (
            <p role="alert" className="text-sm text-amber-900 dark:text-amber-200">
              <span aria-hidden="true">⚠ </span>
              This browser&apos;s WebCrypto cannot run {support.algs[alg] === false ? alg : enc}; pick a 128- or 256-bit
              variant.
            </p>
          ) : null}
          <RecipientKey />
        </>
      ) : null}
    </section>
  );
}
