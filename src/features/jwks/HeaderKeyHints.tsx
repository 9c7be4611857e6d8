// Keys the token names or carries itself (RFC 7515 §4.1.2–4.1.6). An attacker chooses these, so
// they are never fetched or used on their own (RFC 8725 §3.10): URLs become suggestions the user
// must confirm, embedded keys a loud warning.
import { CopyButton } from '../../components/CopyButton';
import { x5uCurlCommand } from '../../core/snippets';

type Props = {
  header: Record<string, unknown> | undefined;
  /** Puts a URL into the JWKS field (does not fetch). */
  onSuggest: (url: string) => void;
};

const URL_MEMBERS = ['jku', 'x5u'] as const;
const EMBEDDED_MEMBERS = ['jwk', 'x5c'] as const;

export function HeaderKeyHints({ header, onSuggest }: Props) {
  if (!header) return null;
  const urls = URL_MEMBERS.flatMap((name) => {
    const value = header[name];
    return typeof value === 'string' && value !== '' ? [{ name, value }] : [];
  });
  const embedded = EMBEDDED_MEMBERS.filter((name) => header[name] !== undefined);
  if (urls.length === 0 && embedded.length === 0) return null;

  return (
    <div className="space-y-2">
      {embedded.length > 0 && (
        <div
          role="alert"
          data-testid="jwks-embedded-key-warning"
          className="rounded border-2 border-red-600 bg-red-50 p-2 text-xs text-red-900 dark:bg-red-950 dark:text-red-100"
        >
          <p className="font-bold">
            This token carries its own key ({embedded.map((n) => `"${n}"`).join(' and ')} in the header).
          </p>
          <p>
            A signature checked with a key the token brings proves nothing: anyone can sign a token with their own key
            and embed it. {embedded.includes('jwk') ? 'The workbench never uses an embedded jwk to verify. ' : null}
            {embedded.includes('x5c')
              ? 'The leaf of the x5c chain verifies only when the chain reaches a root certificate you paste as a trust anchor. '
              : null}
            Get the issuer&apos;s key from a source you trust (its JWKS URL or a PEM it published).
          </p>
        </div>
      )}
      {urls.map(({ name, value }) => (
        <div
          key={name}
          data-testid={`jwks-suggestion-${name}`}
          className="rounded border border-amber-500 bg-amber-50 p-2 text-xs text-amber-950 dark:bg-amber-950 dark:text-amber-100"
        >
          <p>
            The token header names a key URL: <code className="break-all">{name}</code> ={' '}
            <code className="break-all">{value}</code>
          </p>
          <p className="mt-1">
            Warning: whoever made the token chose this URL. Keys fetched from it only prove something if you already
            trust that server as the issuer. It has not been contacted.
          </p>
          {name === 'jku' ? (
            <button
              type="button"
              data-testid="jwks-use-jku"
              className="btn-secondary mt-1"
              onClick={() => onSuggest(value)}
            >
              I trust it: put this URL in the field
            </button>
          ) : (
            <X5uHelp value={value} />
          )}
        </div>
      ))}
    </div>
  );
}

/** x5u names a PEM certificate chain (RFC 7515 §4.1.5), not a JWKS, so the fetcher cannot read it: a curl line instead. */
function X5uHelp({ value }: { value: string }) {
  const command = x5uCurlCommand(value);
  if (command === undefined) {
    return (
      <p className="mt-1" data-testid="jwks-x5u-refused">
        It is not an https: URL, so no command is offered to fetch it: a certificate chain is only worth fetching over
        https, and whatever else the token&apos;s author wrote there could read a local file or pass an option to curl.
      </p>
    );
  }
  return (
    <div className="mt-1 space-y-1">
      <p>
        It points at a PEM certificate chain, not a key set. If you trust it, fetch it yourself and paste the first
        certificate into the key input:
      </p>
      <div className="flex items-start gap-2">
        <code data-testid="jwks-x5u-curl" className="flex-1 font-mono break-all">
          {command}
        </code>
        <CopyButton testId="copy-x5u-curl" label="Copy the curl command for x5u" getText={() => command} compact />
      </div>
    </div>
  );
}
