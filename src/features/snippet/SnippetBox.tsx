// The request that sends the token: curl (and HTTPie, fetch) built by the core, quoted so a paste
// into bash or zsh runs exactly this request. The request lives in the store (the negative-test script
// sends the same one); URL, method and auth style are remembered; the token is whatever the current view
// shows; the key never appears here.
import { useState } from 'react';
import { buildSnippets, type SnippetAuthStyle, type SnippetKind } from '../../core/snippets';
import { CopyButton } from '../../components/CopyButton';
import { actions, bodyAllowed, formatCount, LARGE_TEXT_CHARS, snippetRequestOf, useAppState } from '../../state';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const KINDS: { value: SnippetKind; label: string }[] = [
  { value: 'curl', label: 'curl' },
  { value: 'httpie', label: 'HTTPie' },
  { value: 'fetch', label: 'fetch' },
];

// A large token (megabytes for a 1 MB payload) is shown by its start and end: the whole command in the
// page cost as much layout as the token box itself, and three copies of it were built on every change.
// The copy button builds the full command when clicked.
const SHOWN_TOKEN_START = 200;
const SHOWN_TOKEN_END = 40;

function shownToken(token: string): string {
  if (token.length <= LARGE_TEXT_CHARS) return token;
  const left = token.length - SHOWN_TOKEN_START - SHOWN_TOKEN_END;
  return `${token.slice(0, SHOWN_TOKEN_START)}…[${formatCount(left)} more characters]…${token.slice(-SHOWN_TOKEN_END)}`;
}

export function SnippetBox({ token }: { token: string }) {
  const prefs = useAppState((s) => s.snippetRequest);
  const { body } = prefs;
  const [kind, setKind] = useState<SnippetKind>('curl');
  const update = actions.setSnippetRequest;
  const build = (tokenText: string) => buildSnippets({ ...snippetRequestOf(prefs), token: tokenText });
  const shortened = token.length > LARGE_TEXT_CHARS;
  const result = token ? build(shownToken(token)) : undefined;
  const text = result?.ok ? result[kind] : '';
  const copyText = () => {
    if (!shortened) return text;
    const full = build(token);
    return full.ok ? full[kind] : '';
  };
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-800 dark:text-slate-100">Send it</h3>
      <div className="grid grid-cols-[auto_1fr] items-center gap-2">
        <label htmlFor="snippet-method" className="sr-only">
          HTTP method
        </label>
        <select
          id="snippet-method"
          data-testid="snippet-method"
          value={prefs.method}
          onChange={(event) => update({ method: event.target.value })}
          className="field w-auto"
        >
          {METHODS.map((method) => (
            <option key={method}>{method}</option>
          ))}
        </select>
        <label htmlFor="snippet-url" className="sr-only">
          Request URL
        </label>
        {/* A textarea that wraps and grows with its text (field-sizing), so a long URL is seen whole: a one-line
            input cut it off. Enter does not add a line; pasted line breaks are dropped. */}
        <textarea
          id="snippet-url"
          data-testid="snippet-url"
          rows={1}
          value={prefs.url}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          inputMode="url"
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.preventDefault();
          }}
          onChange={(event) => update({ url: event.target.value.replace(/[\r\n]+/g, '') })}
          className="field-mono resize-none break-all [field-sizing:content]"
        />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="snippet-auth" className="text-sm text-slate-700 dark:text-slate-200">
          Authorization
        </label>
        <select
          id="snippet-auth"
          data-testid="snippet-auth"
          value={prefs.authStyle}
          onChange={(event) => update({ authStyle: event.target.value as SnippetAuthStyle })}
          className="field w-auto"
        >
          <option value="bearer">Bearer &lt;token&gt;</option>
          <option value="raw">&lt;token&gt; (no scheme)</option>
          <option value="custom">Custom scheme</option>
        </select>
        {prefs.authStyle === 'custom' ? (
          <>
            <label htmlFor="snippet-scheme" className="sr-only">
              Custom scheme
            </label>
            <input
              id="snippet-scheme"
              data-testid="snippet-scheme"
              value={prefs.scheme}
              onChange={(event) => update({ scheme: event.target.value })}
              className="field w-28"
            />
          </>
        ) : null}
      </div>
      {bodyAllowed(prefs.method) ? (
        <div>
          <label htmlFor="snippet-body" className="field-label">
            JSON body (optional)
          </label>
          <textarea
            id="snippet-body"
            data-testid="snippet-body"
            rows={3}
            value={body}
            spellCheck={false}
            onChange={(event) => update({ body: event.target.value })}
            className="field-mono"
          />
        </div>
      ) : null}
      <div className="flex items-center justify-between gap-2">
        <div
          role="group"
          aria-label="Snippet language"
          className="flex gap-1 rounded-lg bg-slate-100 p-1 dark:bg-slate-800"
        >
          {KINDS.map((entry) => (
            <button
              key={entry.value}
              type="button"
              data-testid={`snippet-kind-${entry.value}`}
              aria-pressed={kind === entry.value}
              onClick={() => setKind(entry.value)}
              className="rounded-md px-2 py-0.5 text-sm text-slate-700 aria-pressed:bg-white aria-pressed:text-slate-900 aria-pressed:shadow-sm dark:text-slate-300 dark:aria-pressed:bg-slate-700 dark:aria-pressed:text-white"
            >
              {entry.label}
            </button>
          ))}
        </div>
        <CopyButton testId={`copy-${kind}`} label="Copy command" getText={copyText} disabled={!text} />
      </div>
      {result && !result.ok ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          <span aria-hidden="true">✕ </span>
          {result.message}
        </p>
      ) : null}
      {shortened && text ? (
        <p data-testid="snippet-shortened" className="hint">
          The token is {formatCount(token.length)} characters long, so the command below shows its start and end only;
          Copy command copies the full command.
        </p>
      ) : null}
      <pre
        data-testid={`${kind}-snippet`}
        data-shortened={shortened || undefined}
        tabIndex={0}
        aria-label={`${kind} command`}
        className="max-h-48 overflow-auto rounded-md bg-slate-100 p-3 font-mono text-xs leading-5 break-all whitespace-pre-wrap text-slate-900 dark:bg-slate-900 dark:text-slate-100"
      >
        {!token
          ? 'The command appears once there is a token.'
          : result?.ok
            ? text
            : 'No command until the request above is fixed.'}
      </pre>
    </div>
  );
}
