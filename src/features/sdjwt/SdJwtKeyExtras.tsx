// Under the key box for an SD-JWT: what the verifier expects of the Key Binding JWT (`expect-aud`, `expect-nonce`,
// shared with the token profiles), and the issuer's keys from its JWT VC Issuer Metadata
// (`<iss origin>/.well-known/jwt-vc-issuer<iss path>`), fetched only when the user presses the button.
import { useEffect, useRef, useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { ExpectedInputs, type ExpectedFieldView } from '../../components/ExpectedInputs';
import { SubHeading } from '../../components/Pane';
import { fetchJwtVcIssuerKeys, jwtVcIssuerMetadataUrl } from '../../core/sdjwt/issuer-metadata';
import { JwksError } from '../../core/jwks';
import { actions } from '../../state';
import { useSdJwtInspection } from './useSdJwtInspection';

// The same expected-value inputs as the token profiles; an empty field is not checked.
const KB_FIELDS: readonly ExpectedFieldView[] = [
  { field: 'aud', label: "Audience (aud): the verifier's identifier", placeholder: 'Empty: not checked' },
  { field: 'nonce', label: 'Nonce: the one the verifier sent', placeholder: 'Empty: not checked' },
];

function ExpectedValues() {
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-semibold text-slate-800 dark:text-slate-100">
        What the verifier expects of the Key Binding JWT
      </legend>
      <ExpectedInputs fields={KB_FIELDS} />
    </fieldset>
  );
}

type FetchState =
  | { status: 'idle' }
  | { status: 'loading'; url: string }
  | { status: 'loaded'; metadataUrl: string; jwksUrl: string; keys: number; skipped: number; warnings: string[] }
  | { status: 'error'; message: string; steps: string[]; curlCommand: string | undefined };

function IssuerKeys({ iss }: { iss: string | undefined }) {
  const [state, setState] = useState<FetchState>({ status: 'idle' });
  const latest = useRef(0);
  const controller = useRef<AbortController | undefined>(undefined);
  // Leaving the panel (another token, the Encode view) cancels a fetch under way: it must not swap the key later.
  useEffect(
    () => () => {
      latest.current += 1;
      controller.current?.abort();
    },
    [],
  );
  const target = iss !== undefined ? jwtVcIssuerMetadataUrl(iss) : undefined;
  const start = async () => {
    if (iss === undefined || !target?.ok) return;
    const id = ++latest.current;
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ status: 'loading', url: target.url });
    try {
      const result = await fetchJwtVcIssuerKeys(iss, { signal: abort.signal });
      if (id !== latest.current) return;
      actions.setKeyText(result.keysText, 'jwks', result.jwksUrl);
      setState({
        status: 'loaded',
        metadataUrl: result.metadataUrl,
        jwksUrl: result.jwksUrl,
        keys: result.jwks.keys.length - result.skipped.length,
        skipped: result.skipped.length,
        warnings: result.warnings,
      });
    } catch (error) {
      if (id !== latest.current) return;
      setState({
        status: 'error',
        message:
          error instanceof Error
            ? error.message
            : `Fetching the issuer metadata failed unexpectedly: ${String(error)}. Please report it.`,
        steps: error instanceof JwksError ? error.steps : [],
        curlCommand: error instanceof JwksError ? error.curlCommand : undefined,
      });
    }
  };
  const cancel = () => {
    latest.current += 1;
    controller.current?.abort();
    setState({ status: 'idle' });
  };
  return (
    <section aria-label="Issuer keys from JWT VC Issuer Metadata" className="space-y-2">
      <SubHeading>Issuer keys from its metadata</SubHeading>
      {iss === undefined ? (
        <p className="hint">The SD-JWT has no &quot;iss&quot; claim, so there is no issuer metadata to look up.</p>
      ) : target && !target.ok ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">{target.message}</p>
      ) : (
        <>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            JWT VC Issuer Metadata of <code className="font-mono break-all">{iss}</code> is at{' '}
            <code data-testid="sd-issuer-metadata-url" className="font-mono break-all">
              {target?.url}
            </code>
            . Nothing is fetched until you press the button.
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              data-testid="sd-issuer-fetch"
              className="btn-secondary"
              disabled={state.status === 'loading'}
              onClick={() => void start()}
            >
              Fetch the issuer&apos;s keys
            </button>
            {state.status === 'loading' ? (
              <button type="button" className="btn-secondary" onClick={cancel}>
                Cancel
              </button>
            ) : null}
          </div>
        </>
      )}
      <div data-testid="sd-issuer-status" data-state={state.status} role="status" className="text-sm">
        {state.status === 'loading' ? <p>Fetching {state.url}…</p> : null}
        {state.status === 'loaded' ? (
          <p>
            Fetched <span className="font-mono break-all">{state.metadataUrl}</span>
            {state.jwksUrl !== state.metadataUrl ? (
              <>
                , then its jwks_uri <span className="font-mono break-all">{state.jwksUrl}</span>
              </>
            ) : null}
            : {state.keys} usable key{state.keys === 1 ? '' : 's'}
            {state.skipped > 0 ? ` (${state.skipped} skipped)` : ''}, now in the key box.
            {state.warnings.map((w) => (
              <span key={w} className="mt-1 block text-amber-900 dark:text-amber-200">
                {w}
              </span>
            ))}
          </p>
        ) : null}
        {state.status === 'error' ? (
          <div className="text-red-800 dark:text-red-300">
            <p>
              <span aria-hidden="true">✕ </span>
              {state.message}
            </p>
            {state.steps.length > 0 ? (
              <ol className="mt-1 ml-4 list-decimal text-slate-700 dark:text-slate-300">
                {state.steps.map((step, i) => (
                  <li key={i}>{step}</li>
                ))}
              </ol>
            ) : null}
            {state.curlCommand ? (
              <div className="mt-1 flex items-start gap-2 text-slate-800 dark:text-slate-200">
                <code className="flex-1 rounded bg-slate-100 p-1 font-mono break-all dark:bg-slate-800">
                  {state.curlCommand}
                </code>
                <CopyButton
                  testId="copy-sd-issuer-curl"
                  label="Copy the curl command"
                  getText={() => state.curlCommand ?? ''}
                  compact
                />
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}

export function SdJwtKeyExtras() {
  const { inspection } = useSdJwtInspection();
  const payload = inspection?.processedPayload ?? inspection?.rawPayload;
  const iss = typeof payload?.iss === 'string' ? payload.iss : undefined;
  return (
    <div className="space-y-5">
      <ExpectedValues />
      {/* Keyed by issuer: another issuer starts from a clean state, and its fetch under way is cancelled. */}
      <IssuerKeys key={iss ?? ''} iss={iss} />
    </div>
  );
}
