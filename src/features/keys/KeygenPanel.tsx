// Key generator (Encode view): generates a key pair or secret in the page with WebCrypto,
// puts the private half into the signing key input and shows the public half for registration.
import { useId, useState } from 'react';
import { JWS_ALGORITHMS } from '../../core/types';
import type { JwsAlgorithm } from '../../core/types';
import { actions, appStore, useAppState } from '../../state';
import { withMembers } from '../../state/jsonParts';
import { useElapsedSeconds } from '../../components/useElapsedSeconds';
import { EncryptionKeygen } from './EncryptionKeygen';
import { PublicKeyExports, ThumbprintKid, publicKeyText } from './PublicKeyExports';
import { KEYGEN_ALGORITHMS, RSA_MODULUS_LENGTHS, describeKeyChoice, isRsa, isSymmetric } from './keygenChoices';
import type { RsaModulusLength } from './keygenChoices';
import { useAlgorithmSupport, useKeyGenerator } from './useKeyGenerator';
import type { GeneratedKey } from './useKeyGenerator';

/** Puts `kid` into the header being signed, keeping everything else the user wrote. */
function setHeaderKid(kid: string): boolean {
  const headerText = withMembers(appStore.getState().headerText, { kid });
  if (headerText === undefined) return false;
  actions.setHeaderText(headerText);
  return true;
}

function applyGeneratedKey(key: GeneratedKey): void {
  // Generated HMAC secrets are used as the text they are, as servers and libraries read a string secret.
  actions.setSecretEncoding('utf8');
  actions.setKeyText(key.privateText, 'keygen');
  actions.setAlg(key.alg);
}

const isJwsAlgorithm = (value: string): value is JwsAlgorithm => (JWS_ALGORITHMS as readonly string[]).includes(value);

export function KeygenPanel() {
  const ids = useId();
  const currentAlg = useAppState((s) => s.alg);
  // Follows the Encode view's algorithm until the user picks one here.
  const [chosenAlg, setChosenAlg] = useState<JwsAlgorithm>();
  const alg = chosenAlg ?? (isJwsAlgorithm(currentAlg) ? currentAlg : 'ES256');
  const [modulusLength, setModulusLength] = useState<RsaModulusLength>(2048);
  const [kidApplied, setKidApplied] = useState<string>();
  const support = useAlgorithmSupport();

  const { state, generate } = useKeyGenerator((key: GeneratedKey) => {
    applyGeneratedKey(key);
    setKidApplied(!isSymmetric(key.alg) && setHeaderKid(key.kid) ? key.kid : undefined);
  });
  const busy = state.status === 'busy';
  const elapsed = useElapsedSeconds(busy ? state.startedAt : undefined);
  const unsupported = support?.[alg] === false;
  const [use, setUse] = useState<'sig' | 'enc'>('sig');

  return (
    <section aria-labelledby={`${ids}-title`} className="space-y-2" data-testid="keygen-panel">
      <h3 id={`${ids}-title`} className="mb-2 text-sm font-semibold text-slate-800 dark:text-slate-100">
        Key generator
      </h3>
      <label className="block text-sm">
        <span className="field-label">Key for</span>
        <select
          data-testid="keygen-use"
          className="field w-auto"
          value={use}
          onChange={(e) => setUse(e.target.value === 'enc' ? 'enc' : 'sig')}
        >
          <option value="sig">Signing (JWS)</option>
          <option value="enc">Encryption (JWE)</option>
        </select>
      </label>
      {use === 'enc' ? <EncryptionKeygen /> : null}
      <div hidden={use === 'enc'} className="space-y-2">
        <div className="flex flex-wrap items-end gap-2">
          <label className="text-sm">
            <span className="field-label">Algorithm</span>
            <select
              data-testid="keygen-alg"
              className="field w-auto"
              value={alg}
              onChange={(e) => setChosenAlg(e.target.value as JwsAlgorithm)}
            >
              {KEYGEN_ALGORITHMS.map((a) => (
                <option key={a} value={a}>
                  {support?.[a] === false ? `${a} (not supported by this browser)` : a}
                </option>
              ))}
            </select>
          </label>
          {isRsa(alg) && (
            <label className="text-sm">
              <span className="field-label">Modulus</span>
              <select
                data-testid="keygen-modulus"
                className="field w-auto"
                value={modulusLength}
                onChange={(e) => setModulusLength(Number(e.target.value) as RsaModulusLength)}
              >
                {RSA_MODULUS_LENGTHS.map((bits) => (
                  <option key={bits} value={bits}>
                    {bits} bits
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            type="button"
            data-testid="keygen-run"
            disabled={busy || unsupported}
            aria-busy={busy}
            className="btn-primary"
            onClick={() => void generate(alg, modulusLength)}
          >
            {busy ? 'Generating…' : `Generate ${describeKeyChoice(alg, modulusLength)}`}
          </button>
        </div>

        {unsupported && (
          <p data-testid="keygen-unsupported" className="text-xs text-amber-700 dark:text-amber-400">
            {alg} is not supported by this browser: its WebCrypto cannot create {alg} keys. Chromium supports ML-DSA on
            secure (https or localhost) pages; pick another algorithm here.
          </p>
        )}

        <div role="status" aria-live="polite" data-testid="keygen-status" data-state={state.status} className="text-xs">
          {state.status === 'busy' && (
            <span className="flex items-center gap-2">
              <progress className="h-1.5 w-24" aria-label="Generating key" />
              Generating {describeKeyChoice(state.alg, modulusLength)}… {elapsed} s
              {isRsa(state.alg) && modulusLength >= 3072 && ' (large RSA keys take several seconds)'}
            </span>
          )}
          {state.status === 'done' && (
            <span>
              Generated {state.key.label} in {Math.max(1, Math.round(state.elapsedMs))} ms. The{' '}
              {isSymmetric(state.key.alg) ? 'secret' : 'private key'} is now the signing key; it is kept in this page
              only.
            </span>
          )}
        </div>
        {state.status === 'error' && (
          <p role="alert" data-testid="keygen-error" className="text-xs text-red-700 dark:text-red-400">
            {state.message}
          </p>
        )}

        {state.status === 'done' && (
          <div className="space-y-1 text-xs">
            {isSymmetric(state.key.alg) ? (
              <p>
                HMAC keys are symmetric: there is no public half. Whoever verifies needs this same secret, as the text
                it is (UTF-8): paste it into the server's configuration or pass it to the JWT library as a string.
              </p>
            ) : (
              <>
                <ThumbprintKid testId="keygen-kid" kid={state.key.kid} />
                {/* An action, always named as one; what it did is said beside it, not in its label. */}
                <p className="flex flex-wrap items-center gap-2">
                  <button
                    type="button"
                    data-testid="keygen-set-kid"
                    className="btn-secondary"
                    onClick={() => setKidApplied(setHeaderKid(state.key.kid) ? state.key.kid : undefined)}
                  >
                    Put this kid in the header
                  </button>
                  <span role="status" data-testid="keygen-kid-status" className="text-slate-700 dark:text-slate-300">
                    {kidApplied === state.key.kid ? '✓ The header names this key (kid set).' : ''}
                  </span>
                </p>
                <PublicKeyExports
                  alg={state.key.alg}
                  pem={publicKeyText(state.key.publicPem)}
                  jwk={publicKeyText(state.key.publicJwk)}
                  jwks={publicKeyText(state.key.publicJwks)}
                />
              </>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
