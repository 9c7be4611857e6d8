// Key generator, encryption half (Encode view): makes a recipient key for JWE in the page with WebCrypto,
// puts what encrypts (the public half, or the shared key) into `encrypt-key-input` and turns encryption on,
// exports the public half as PEM, JWK and JWKS like signing keys, and offers the private half for decrypting.
// The JWE engine is imported on first use only.
import { useRef, useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { useAsyncOnMount } from '../../components/useAsyncOnMount';
import type { GeneratedEncryptionKey } from '../../core/jwe/generate-key';
import { actions } from '../../state';
import { ENCRYPTION_KEYGEN_CHOICES, type EncryptionKeygenChoice } from './keygenChoices';
import { PublicKeyExports, ThumbprintKid, publicKeyText } from './PublicKeyExports';

type State =
  | { status: 'idle' }
  | { status: 'busy'; choice: EncryptionKeygenChoice }
  | { status: 'done'; key: GeneratedEncryptionKey; elapsedMs: number }
  | { status: 'error'; message: string };

const loadJweKeygen = () => import('../../core/jwe/generate-key');
const loadAvailability = () => import('../../core/jwe/availability');

/** Which choices this browser's WebCrypto can make (X25519 and AES-192 vary); undefined while asking. */
function useChoiceSupport(): Record<string, boolean> | undefined {
  return useAsyncOnMount(async () => {
    const { isJweAlgorithmAvailable } = await loadAvailability();
    const entries = await Promise.all(
      ENCRYPTION_KEYGEN_CHOICES.map(async (choice) => {
        const enc = 'enc' in choice ? choice.enc : undefined;
        const curve = 'curve' in choice ? choice.curve : undefined;
        return [choice.id, await isJweAlgorithmAvailable(choice.alg, enc, curve)] as const;
      }),
    );
    return Object.fromEntries(entries);
  });
}

function applyKey(key: GeneratedEncryptionKey): void {
  // What the sender encrypts with: the public half; for a shared key or a password, the key itself.
  const keyText = key.publicPem ?? key.privateText;
  actions.setEncryption({
    enabled: true,
    alg: key.alg,
    ...(key.enc ? { enc: key.enc } : {}),
    keyText,
    secretEncoding: key.publicPem ? 'utf8' : (key.secretEncoding ?? 'utf8'),
  });
}

/** Opens the output in the Decode view with the generated private key in the key box, to decrypt it there. */
function decryptInDecodeView(key: GeneratedEncryptionKey): void {
  actions.setMode('decode');
  actions.setSecretEncoding(key.secretEncoding ?? 'utf8');
  actions.setKeyText(key.privateText, 'keygen');
}

export function EncryptionKeygen() {
  const [choiceId, setChoiceId] = useState<string>(ENCRYPTION_KEYGEN_CHOICES[0].id);
  const [state, setState] = useState<State>({ status: 'idle' });
  const latest = useRef(0);
  const support = useChoiceSupport();
  const choice = ENCRYPTION_KEYGEN_CHOICES.find((c) => c.id === choiceId) ?? ENCRYPTION_KEYGEN_CHOICES[0];
  const unsupported = support?.[choice.id] === false;
  const busy = state.status === 'busy';

  const generate = async () => {
    const id = ++latest.current;
    const startedAt = performance.now();
    setState({ status: 'busy', choice });
    try {
      const { generateEncryptionKey } = await loadJweKeygen();
      const key = await generateEncryptionKey(choice.alg, {
        ...('enc' in choice ? { enc: choice.enc } : {}),
        ...('curve' in choice ? { curve: choice.curve } : {}),
      });
      if (id !== latest.current) return;
      setState({ status: 'done', key, elapsedMs: performance.now() - startedAt });
      applyKey(key);
    } catch (error) {
      if (id !== latest.current) return;
      const detail = error instanceof Error && error.message ? error.message : String(error);
      setState({ status: 'error', message: `Could not generate a ${choice.label} key: ${detail}` });
    }
  };

  const key = state.status === 'done' ? state.key : undefined;
  const shared = key !== undefined && key.publicPem === undefined;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="field-label">Encryption key</span>
          <select
            data-testid="keygen-enc-alg"
            className="field w-auto"
            value={choice.id}
            onChange={(event) => setChoiceId(event.target.value)}
          >
            {ENCRYPTION_KEYGEN_CHOICES.map((c) => (
              <option key={c.id} value={c.id} disabled={support?.[c.id] === false}>
                {support?.[c.id] === false ? `${c.label} (not supported by this browser)` : c.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="keygen-enc-run"
          disabled={busy || unsupported}
          aria-busy={busy}
          className="btn-primary"
          onClick={() => void generate()}
        >
          {busy ? 'Generating…' : 'Generate encryption key'}
        </button>
      </div>
      <div
        role="status"
        aria-live="polite"
        data-testid="keygen-enc-status"
        data-state={state.status}
        className="text-xs"
      >
        {state.status === 'busy' ? `Generating ${state.choice.label}…` : null}
        {key ? (
          <>
            Generated a {key.label} in {Math.max(1, Math.round(state.status === 'done' ? state.elapsedMs : 0))} ms.{' '}
            {shared
              ? 'The shared key is now the recipient key, and encryption is on. Whoever decrypts needs this same key.'
              : 'Its public half is now the recipient key, and encryption is on. Keep the private half to decrypt.'}
          </>
        ) : null}
      </div>
      {state.status === 'error' ? (
        <p role="alert" data-testid="keygen-enc-error" className="text-xs text-red-700 dark:text-red-400">
          {state.message}
        </p>
      ) : null}
      {key ? (
        <div className="space-y-2 text-xs">
          <ThumbprintKid testId="keygen-enc-kid" kid={key.kid} />
          <section aria-labelledby="keygen-private-title">
            <div className="flex flex-wrap items-center gap-2">
              <h4 id="keygen-private-title" className="text-sm font-medium">
                {shared ? 'Shared key (to decrypt)' : 'Private key (to decrypt)'}
              </h4>
              <CopyButton
                testId="copy-private-key"
                label={shared ? 'Copy the shared key' : 'Copy the private key'}
                getText={() => key.privateText}
                compact
              />
              <button
                type="button"
                data-testid="keygen-decrypt-output"
                className="btn-secondary"
                onClick={() => decryptInDecodeView(key)}
              >
                Decrypt the output in the Decode view
              </button>
            </div>
            <pre
              data-testid="keygen-private"
              tabIndex={0}
              aria-labelledby="keygen-private-title"
              className="mt-1 max-h-40 overflow-auto rounded bg-slate-100 p-2 font-mono text-[11px] leading-tight break-all whitespace-pre-wrap dark:bg-slate-800"
            >
              {key.privateText}
            </pre>
            <p className="hint mt-1">
              Never sent anywhere; kept in this page only. Copy it now if you need it later
              {key.secretEncoding && key.secretEncoding !== 'utf8' ? ` (read it as ${key.secretEncoding})` : ''}.
            </p>
          </section>
          {shared ? null : (
            <PublicKeyExports
              alg={key.alg}
              pem={publicKeyText(key.publicPem)}
              jwk={publicKeyText(key.publicJwk)}
              jwks={publicKeyText(key.publicJwks)}
            />
          )}
        </div>
      ) : null}
    </div>
  );
}
