// Encode view, Key pane, while an SD-JWT is made: the holder's key (its public half goes into cnf.jwk) and the
// presentation the holder sends (RFC 9901 §7.2): which disclosures to keep, and a Key Binding JWT (§4.3) for a
// verifier's aud and nonce, signed with the holder's key. `token-output` shows the presentation when asked for.
import { useId, useMemo, useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { KeyTextArea } from '../../components/KeyBox';
import { encodeBase64url } from '../../core/lib/token-base64url';
import { detectKey } from '../../core/keys';
import type { SdJwtOutput } from '../../state';
import { actions, useAppState } from '../../state';

const HOLDER_ALGS = ['ES256', 'ES384', 'EdDSA'] as const;
type HolderAlg = (typeof HOLDER_ALGS)[number];

function randomNonce(): string {
  return encodeBase64url(crypto.getRandomValues(new Uint8Array(16)));
}

/** A short preview: the issued value of an object or array holds digests, which say nothing to the holder. */
function shortJson(value: unknown): string {
  if (Array.isArray(value)) return '[…]';
  if (typeof value === 'object' && value !== null) return '{…}';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function HolderKey() {
  const ids = useId();
  const holderKeyText = useAppState((s) => s.sdJwt.holderKeyText);
  const detection = useMemo(() => detectKey({ text: holderKeyText }), [holderKeyText]);
  const [alg, setAlg] = useState<HolderAlg>('ES256');
  const [generating, setGenerating] = useState<{ status: 'idle' | 'busy' | 'done' | 'error'; message?: string }>({
    status: 'idle',
  });
  const generate = async () => {
    setGenerating({ status: 'busy' });
    try {
      const { generateKey } = await import('../../core/keygen');
      const key = await generateKey(alg);
      actions.setSdJwt({ holderKeyText: key.privateText });
      setGenerating({ status: 'done', message: `Generated ${key.label}; its public half is now cnf.jwk.` });
    } catch (error) {
      setGenerating({
        status: 'error',
        message: `Could not generate a ${alg} holder key: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };
  return (
    <div className="space-y-2">
      <KeyTextArea
        id={ids}
        label="Holder key (private)"
        testId="sd-holder-key"
        value={holderKeyText}
        rows={4}
        placeholder="The wallet's private key: PEM or JWK. Empty: no cnf, no key binding."
        describedBy={`${ids}-kind`}
        onChange={(text) => actions.setSdJwt({ holderKeyText: text })}
      />
      <p
        id={`${ids}-kind`}
        data-testid="sd-holder-key-kind"
        data-kind={detection.kind}
        className={
          detection.kind === 'error'
            ? 'text-sm text-red-800 dark:text-red-300'
            : 'text-sm text-slate-700 dark:text-slate-300'
        }
      >
        {detection.kind === 'empty'
          ? 'No holder key: the SD-JWT gets no cnf claim and cannot be key-bound.'
          : detection.kind === 'error'
            ? `${detection.label}: ${detection.message}`
            : `${detection.label}. Its public half goes into the payload as cnf.jwk; the private half signs the Key Binding JWT.`}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${ids}-alg`} className="text-sm text-slate-700 dark:text-slate-200">
          New holder key
        </label>
        <select
          id={`${ids}-alg`}
          data-testid="sd-holder-alg"
          className="field w-auto"
          value={alg}
          onChange={(event) => setAlg(event.target.value as HolderAlg)}
        >
          {HOLDER_ALGS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        <button
          type="button"
          data-testid="sd-holder-generate"
          className="btn-secondary"
          disabled={generating.status === 'busy'}
          onClick={() => void generate()}
        >
          {generating.status === 'busy' ? 'Generating…' : 'Generate a holder key'}
        </button>
      </div>
      <p role="status" data-testid="sd-holder-status" data-state={generating.status} className="text-xs">
        {generating.status === 'error' ? (
          <span className="text-red-800 dark:text-red-300">{generating.message}</span>
        ) : (
          generating.message
        )}
      </p>
    </div>
  );
}

function KeptDisclosures({ output }: { output: SdJwtOutput | undefined }) {
  const omit = useAppState((s) => s.sdJwt.omit);
  const omitted = useMemo(() => new Set(omit), [omit]);
  if (!output) return <p className="hint">The disclosures appear here once the SD-JWT is signed.</p>;
  if (output.disclosures.length === 0) {
    return <p className="hint">The SD-JWT has no disclosures: tick claims under the payload to make some.</p>;
  }
  const added = new Set(output.presentation?.added ?? []);
  return (
    <fieldset className="space-y-1">
      <legend className="mb-1 text-sm font-semibold text-slate-800 dark:text-slate-100">Disclosures to send</legend>
      <ul data-testid="sd-keep-list" className="space-y-1.5">
        {output.disclosures.map((d) => (
          <li key={d.path}>
            <label className="flex items-baseline gap-2 text-sm">
              <input
                type="checkbox"
                data-testid="sd-keep"
                data-path={d.path}
                checked={!omitted.has(d.path)}
                onChange={(event) =>
                  actions.setSdJwt({
                    omit: event.target.checked ? omit.filter((p) => p !== d.path) : [...omit, d.path],
                  })
                }
              />
              <code className="font-mono break-all">{d.path}</code>
              <span className="min-w-0 shrink truncate text-xs text-slate-600 dark:text-slate-400">
                {shortJson(d.value)}
              </span>
            </label>
            {added.has(d.path) && omitted.has(d.path) ? (
              <p className="ml-6 text-xs text-amber-900 dark:text-amber-200">
                <span aria-hidden="true">⚠ </span>Sent anyway: a disclosure you kept sits inside it.
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function KeyBindingInputs() {
  const ids = useId();
  const keyBinding = useAppState((s) => s.sdJwt.keyBinding);
  const aud = useAppState((s) => s.sdJwt.aud);
  const nonce = useAppState((s) => s.sdJwt.nonce);
  return (
    <div className="space-y-2">
      <label className="flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200">
        <input
          type="checkbox"
          data-testid="sd-kb-toggle"
          checked={keyBinding}
          onChange={(event) =>
            actions.setSdJwt({
              keyBinding: event.target.checked,
              ...(event.target.checked && aud === '' ? { aud: 'https://verifier.example.com' } : {}),
              ...(event.target.checked && nonce === '' ? { nonce: randomNonce() } : {}),
            })
          }
        />
        Add a Key Binding JWT, signed with the holder key
      </label>
      {keyBinding ? (
        <div className="grid gap-2 sm:grid-cols-2">
          <div>
            <label htmlFor={`${ids}-aud`} className="field-label">
              Audience (aud): the verifier
            </label>
            <input
              id={`${ids}-aud`}
              data-testid="sd-kb-aud"
              type="text"
              spellCheck={false}
              autoComplete="off"
              className="field-mono"
              value={aud}
              onChange={(event) => actions.setSdJwt({ aud: event.target.value })}
            />
          </div>
          <div>
            <label htmlFor={`${ids}-nonce`} className="field-label">
              Nonce: from the verifier
            </label>
            <div className="flex gap-1">
              <input
                id={`${ids}-nonce`}
                data-testid="sd-kb-nonce"
                type="text"
                spellCheck={false}
                autoComplete="off"
                className="field-mono"
                value={nonce}
                onChange={(event) => actions.setSdJwt({ nonce: event.target.value })}
              />
              <button
                type="button"
                data-testid="sd-kb-new-nonce"
                className="btn-secondary shrink-0"
                onClick={() => actions.setSdJwt({ nonce: randomNonce() })}
              >
                New<span className="sr-only"> nonce</span>
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}

export function SdJwtHolderPanel() {
  const headingId = useId();
  const enabled = useAppState((s) => s.sdJwt.enabled);
  const present = useAppState((s) => s.sdJwt.present);
  const latest = useAppState((s) => (s.signing.status === 'done' ? s.signing.sdJwt : undefined));
  // While a new SD-JWT is signed, the list stays as it was instead of flickering away.
  const [output, setOutput] = useState<SdJwtOutput | undefined>(latest);
  if (latest && latest !== output) setOutput(latest);
  if (!enabled) return null;
  return (
    <section aria-labelledby={headingId} data-testid="sd-holder" className="space-y-4">
      <h3 id={headingId} className="flex items-center gap-2 text-sm font-semibold text-slate-800 dark:text-slate-100">
        <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-full bg-part-binding" />
        SD-JWT holder and presentation
      </h3>
      <HolderKey />
      <div className="space-y-3">
        <label className="flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200">
          <input
            type="checkbox"
            data-testid="sd-present-toggle"
            checked={present}
            onChange={(event) => actions.setSdJwt({ present: event.target.checked })}
          />
          Show a presentation (what the holder sends a verifier) instead of the SD-JWT as issued
        </label>
        {present ? (
          <>
            <KeptDisclosures output={output} />
            <KeyBindingInputs />
            <div className="flex flex-wrap items-center gap-2">
              <CopyButton
                testId="copy-sd-issued"
                label="Copy the SD-JWT as issued"
                disabled={!output}
                getText={() => output?.issued ?? ''}
              />
              <span className="hint">Every disclosure, no key binding: what the issuer hands the wallet.</span>
            </div>
          </>
        ) : null}
      </div>
    </section>
  );
}
