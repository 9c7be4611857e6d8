// Ready-to-run requests that send a token: curl, HTTPie and JavaScript fetch.
// The output is pasted into a shell, so every user-controlled value goes through `shellQuote`; anything that
// would make a broken or different request (bad URL, a scheme with spaces, a line break in a header) is
// refused with a `SnippetError` instead of producing a command that does something else.
import { CoreError } from './errors';

export const SNIPPET_ERROR_CODES = ['url', 'method', 'scheme', 'token', 'body'] as const;
export type SnippetErrorCode = (typeof SNIPPET_ERROR_CODES)[number];

/** Options that cannot become a correct request. The message says what to change. */
export class SnippetError extends CoreError {
  declare readonly code: SnippetErrorCode;
  constructor(code: SnippetErrorCode, message: string) {
    super(code, message);
  }
}

/** `bearer`: `Authorization: Bearer <token>`; `raw`: `Authorization: <token>` (some servers want no scheme); `custom`: `<scheme> <token>`. */
export type SnippetAuthStyle = 'bearer' | 'raw' | 'custom';

export type SnippetOptions = {
  url: string;
  method: string;
  token: string;
  auth: { style: SnippetAuthStyle; scheme?: string };
  /** JSON text sent as is; empty or whitespace-only means no body. */
  body?: string;
};

export type SnippetKind = 'curl' | 'httpie' | 'fetch';

export type SnippetSet =
  { ok: true; curl: string; httpie: string; fetch: string } | { ok: false; code: SnippetErrorCode; message: string };

/**
 * Quotes one shell word the POSIX way: wrap in single quotes, and write each `'` as `'\''` (close, escaped
 * quote, reopen). Inside single quotes bash and zsh expand nothing — not `$`, backticks, `\`, `!` (history
 * expansion does not apply inside single quotes) — and a newline is literal. The output never contains `''`
 * inside an open quote, so zsh's RC_QUOTES option cannot change its meaning.
 */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

// RFC 9110 §5.6.2 `token`: what a method name and an auth-scheme (§11.1) may consist of.
const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// C0 controls and DEL cannot appear in a header field value (RFC 9110 §5.5); a line break would end the header.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** The request the snippet box describes, without the token: the negative-test script sends many tokens with it. */
export type SnippetRequest = Omit<SnippetOptions, 'token'>;

/**
 * A request that passed the checks. `authPrefix` goes before the token in the Authorization header
 * (`Bearer `, nothing, or the custom scheme and a space).
 */
export type CheckedSnippetRequest = { url: string; method: string; authPrefix: string; body: string | undefined };

function checkToken(text: string): string {
  const token = text.trim();
  if (token === '') throw new SnippetError('token', 'There is no token to send yet.');
  if (CONTROL_CHARS.test(token)) {
    throw new SnippetError(
      'token',
      'The token contains a line break or control character, which cannot be sent in an HTTP header. Remove it (a JWT never contains one).',
    );
  }
  return token;
}

// The token, when given, is checked between the method and the scheme: the order the snippet box shows them in.
function checkRequest(o: SnippetRequest, token?: string): CheckedSnippetRequest {
  const urlText = o.url.trim();
  if (urlText === '')
    throw new SnippetError('url', 'Enter the URL of the API to call, e.g. https://api.example.com/me.');
  // Checked before parsing: the URL parser silently drops tabs and line breaks, curl would not.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(urlText)) {
    throw new SnippetError('url', 'The URL contains a line break or control character; remove it.');
  }
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    const hint = /^[\w.-]+(:\d+)?(\/|$)/.test(urlText) ? ` Did you mean https://${urlText}?` : '';
    throw new SnippetError('url', `"${urlText}" is not a valid URL.${hint}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SnippetError('url', `The URL must start with https:// or http:// (it starts with ${url.protocol}//).`);
  }

  const method = o.method.trim().toUpperCase() || 'GET';
  if (!HTTP_TOKEN.test(method)) {
    throw new SnippetError('method', `"${o.method}" is not an HTTP method name (letters only, e.g. GET or POST).`);
  }

  if (token !== undefined) checkToken(token);

  let authPrefix: string;
  if (o.auth.style === 'bearer') authPrefix = 'Bearer ';
  else if (o.auth.style === 'raw') authPrefix = '';
  else {
    const scheme = (o.auth.scheme ?? '').trim();
    if (scheme === '') throw new SnippetError('scheme', 'Enter the custom Authorization scheme, e.g. JWT or Token.');
    if (!HTTP_TOKEN.test(scheme)) {
      throw new SnippetError(
        'scheme',
        `"${scheme}" cannot be an Authorization scheme: use one word without spaces, quotes or line breaks (RFC 9110 §11.1), e.g. JWT.`,
      );
    }
    authPrefix = `${scheme} `;
  }

  let body: string | undefined;
  if (o.body !== undefined && o.body.trim() !== '') {
    try {
      JSON.parse(o.body);
    } catch (err) {
      const detail = err instanceof Error ? ` (${err.message})` : '';
      throw new SnippetError('body', `The body is not valid JSON${detail}. Fix it or leave the body empty.`);
    }
    body = o.body;
  }
  return { url: url.href, method, authPrefix, body };
}

/** Checks the request of the snippet box without a token. Throws SnippetError (`url`, `method`, `scheme`, `body`). */
export function checkSnippetRequest(o: SnippetRequest): CheckedSnippetRequest {
  return checkRequest(o);
}

/** The token as it goes into the Authorization header (trimmed). Throws SnippetError('token'). */
export function checkSnippetToken(token: string): string {
  return checkToken(token);
}

type CheckedOptions = CheckedSnippetRequest & { authorization: string };

function checkOptions(o: SnippetOptions): CheckedOptions {
  const r = checkRequest(o, o.token);
  return { ...r, authorization: `${r.authPrefix}${o.token.trim()}` };
}

// A bare method word (GET, POST) stays readable; anything else from RFC 9110's token set is quoted.
function methodWord(method: string): string {
  return /^[A-Z]+$/.test(method) ? method : shellQuote(method);
}

/** Shell lines joined with backslash continuations, each after the first indented by `indent`. */
export function joinShellLines(lines: string[], indent = '  '): string {
  return lines.join(` \\\n${indent}`);
}

/**
 * The lines of a curl command that sends `r`, to join with `joinShellLines`. `authorizationWord` is the
 * Authorization header as one shell word (a single-quoted literal here, a double-quoted parameter expansion in
 * the negative-test script); `options` are curl options placed right after `curl`. `--data-raw` so a body
 * starting with `@` is sent as text, not read from a file.
 */
export function curlCommandLines(
  r: CheckedSnippetRequest,
  authorizationWord: string,
  options: string[] = [],
): string[] {
  // `-X HEAD` would make curl wait for a body the server never sends; `--head` is curl's way to send HEAD.
  const methodOptions =
    r.method === 'HEAD' ? ['--head'] : r.method === 'GET' && r.body === undefined ? [] : ['-X', methodWord(r.method)];
  const lines = [['curl', ...options, ...methodOptions, shellQuote(r.url)].join(' '), `-H ${authorizationWord}`];
  if (r.body !== undefined) {
    lines.push(`-H ${shellQuote('Content-Type: application/json')}`, `--data-raw ${shellQuote(r.body)}`);
  }
  return lines;
}

/** A multi-line curl command. */
export function buildCurl(o: SnippetOptions): string {
  const r = checkOptions(o);
  return joinShellLines(curlCommandLines(r, shellQuote(`Authorization: ${r.authorization}`)));
}

/**
 * HTTPie (3.0+ for `--raw`). Header items are `Name:value`; HTTPie splits an item at its first separator, which is
 * the `:` right after the header name, so the value may contain `:`, `=` or `@`. HTTPie does read `\` before a
 * separator as an escape, so a (non-JWT) token containing `\:` or `\=` would lose that backslash.
 */
export function buildHttpie(o: SnippetOptions): string {
  const r = checkOptions(o);
  // --ignore-stdin: run from a script, CI or an editor's terminal task, stdin is not a terminal, and HTTPie
  // then reads it as the body and refuses the request ("Request body ... cannot be mixed").
  const lines = [
    `http --ignore-stdin ${methodWord(r.method)} ${shellQuote(r.url)}`,
    shellQuote(`Authorization:${r.authorization}`),
  ];
  if (r.body !== undefined) {
    lines.push(shellQuote('Content-Type:application/json'), `--raw ${shellQuote(r.body)}`);
  }
  return joinShellLines(lines);
}

/** JavaScript for a browser console or an ES module (top-level await). Strings are JSON.stringify'd literals. */
export function buildFetch(o: SnippetOptions): string {
  const r = checkOptions(o);
  const s = (v: string) => JSON.stringify(v);
  const headers = [`    Authorization: ${s(r.authorization)},`];
  if (r.body !== undefined) headers.push(`    "Content-Type": "application/json",`);
  const init = [`  method: ${s(r.method)},`, '  headers: {', ...headers, '  },'];
  if (r.body !== undefined) init.push(`  body: ${s(r.body)},`);
  return [
    `const response = await fetch(${s(r.url)}, {`,
    ...init,
    '});',
    'console.log(response.status, await response.text());',
  ].join('\n');
}

/** All three snippets, or the reason none can be made (for a live view that must not throw). */
export function buildSnippets(o: SnippetOptions): SnippetSet {
  try {
    return { ok: true, curl: buildCurl(o), httpie: buildHttpie(o), fetch: buildFetch(o) };
  } catch (err) {
    if (err instanceof SnippetError) return { ok: false, code: err.code, message: err.message };
    throw err;
  }
}
