// One GET of a JSON document, with a timeout, a cancel signal and a size limit. Every failure becomes a JwksError
// whose message a user can act on. This file and jwks.ts are the only places in the app that touch the network.
import { shellQuote } from '../snippets';
import { JwksError } from './jwks-error';
import { checkJwksUrl } from './jwks-url';

/** A key set is a few KB; a megabyte is far beyond any real one, so reading stops there. */
export const MAX_JWKS_BYTES = 1024 * 1024;
export const DEFAULT_JWKS_TIMEOUT_MS = 10_000;

export type HttpContext = {
  signal?: AbortSignal;
  timeoutMs: number;
  fetchImpl: typeof fetch;
  /** Origins the user chose to accept a redirect to; any other cross-origin redirect is refused. */
  allowedRedirectOrigins?: readonly string[];
  /** Every redirect followed, in order (filled in by getJson when present). */
  redirects?: { from: string; to: string }[];
};
export type FetchedJson = { url: string; value: unknown; contentType: string };

const curlFor = (url: string) => `curl -s ${shellQuote(url)}`;

function describeSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** Node (undici) puts the socket error in `cause.code`; browsers give a bare "Failed to fetch". */
function connectionCode(err: unknown): string | undefined {
  const cause = err instanceof Error ? (err as Error & { cause?: unknown }).cause : undefined;
  if (typeof cause === 'object' && cause !== null) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function classifyFailure(err: unknown, url: string, ctx: HttpContext, timedOut: boolean): JwksError {
  if (err instanceof JwksError) return err;
  if (ctx.signal?.aborted) return new JwksError('aborted', `Fetching ${url} was cancelled.`, { url });
  if (timedOut) {
    return new JwksError(
      'timeout',
      `${url} did not answer within ${describeSeconds(ctx.timeoutMs)}. Check that the server is up and the URL is right, then try again.`,
      { url },
    );
  }
  const code = connectionCode(err);
  if (code !== undefined) {
    return new JwksError(
      'network',
      `Could not connect to ${new URL(url).host} (${code}): the name does not resolve or nothing answers there. Check the URL and that the server is running.`,
      { url, curlCommand: curlFor(url) },
    );
  }
  if (err instanceof TypeError) {
    // Browsers reject with the same opaque TypeError for a refused connection, a DNS failure and a response
    // blocked by CORS, and expose no detail (Fetch standard "network error"), so the message names both.
    return new JwksError(
      'cors',
      `The browser could not read ${url}: the server could not be reached, or it does not allow browser access (no Access-Control-Allow-Origin header, so the browser hides the response). Run the command below in a terminal and paste the JSON it prints into the key box.`,
      { url, curlCommand: curlFor(url) },
    );
  }
  const detail = err instanceof Error ? err.message : String(err);
  return new JwksError('network', `Fetching ${url} failed: ${detail}.`, { url, curlCommand: curlFor(url) });
}

function tooLarge(url: string): JwksError {
  return new JwksError(
    'too-large',
    `${url} sent more than 1 MiB, so reading stopped. A key set is a few kilobytes: this is not a JWKS endpoint.`,
    { url },
  );
}

async function readLimited(response: Response, url: string, signal: AbortSignal): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > MAX_JWKS_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(url);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body === null) {
    const whole = new Uint8Array(await response.arrayBuffer());
    if (whole.byteLength > MAX_JWKS_BYTES) throw tooLarge(url);
    chunks.push(whole);
  } else {
    const reader = response.body.getReader();
    // Some fetch implementations do not end a body stream on abort; cancelling the reader makes sure they stop.
    const stop = () => void reader.cancel().catch(() => undefined);
    signal.addEventListener('abort', stop, { once: true });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (signal.aborted) throw signal.reason;
        if (done) break;
        total += value.byteLength;
        if (total > MAX_JWKS_BYTES) {
          await reader.cancel().catch(() => undefined);
          throw tooLarge(url);
        }
        chunks.push(value);
      }
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function statusError(url: string, response: Response): JwksError {
  const finding = `${url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const advice =
    response.status === 404 || response.status === 410
      ? ': there is nothing at this path. Check the URL.'
      : response.status === 401 || response.status === 403
        ? ': the server wants credentials. A JWKS is normally public; check that this is the key set URL.'
        : response.status >= 500
          ? ': the server failed. Try again later.'
          : '.';
  return new JwksError('status', `${finding}${advice}`, { url, status: response.status, finding });
}

function preview(text: string): string {
  const oneLine = text.trim().replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 60)}…` : oneLine;
}

/** GET `url` and parse its body as JSON. Throws JwksError with the URL, status and a curl command where useful. */
export async function getJson(url: string, ctx: HttpContext): Promise<FetchedJson> {
  if (ctx.signal?.aborted) throw new JwksError('aborted', `Fetching ${url} was cancelled.`, { url });
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ctx.timeoutMs);
  const forwardAbort = () => controller.abort();
  ctx.signal?.addEventListener('abort', forwardAbort, { once: true });
  try {
    // Called unbound: a browser's fetch throws "Illegal invocation" when `this` is not the global object.
    const fetchImpl = ctx.fetchImpl;
    const response = await fetchImpl(url, {
      signal: controller.signal,
      headers: { Accept: 'application/jwk-set+json, application/json' },
      // Nothing identifies the user or the page to the key server: no cookies, no Referer.
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'follow',
    });
    if (response.redirected && response.url) {
      const landed = checkJwksUrl(response.url);
      if (!landed.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new JwksError(landed.code, `${url} redirected to ${response.url}, which is refused: ${landed.message}`, {
          url,
        });
      }
      // A key server that sends the request to another origin hands verification to that origin's keys: the
      // browser has already followed it, so the keys are read only when the user has chosen that origin.
      const to = landed.url.origin;
      if (to !== new URL(url).origin && !(ctx.allowedRedirectOrigins ?? []).includes(to)) {
        await response.body?.cancel().catch(() => undefined);
        throw new JwksError(
          'redirect-cross-origin',
          `${url} redirected to ${response.url}, on another origin (${to}). Its keys were not used: a key server that hands you to another site may be compromised or misconfigured. Use them only if you trust ${to}.`,
          { url, redirectedTo: response.url },
        );
      }
      ctx.redirects?.push({ from: url, to: response.url });
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw statusError(url, response);
    }
    const text = await readLimited(response, url, controller.signal);
    const contentType = response.headers.get('content-type') ?? '';
    try {
      return { url: response.url || url, value: JSON.parse(text) as unknown, contentType };
    } catch {
      const looksHtml = /^\s*</.test(text) || contentType.includes('html');
      const what = looksHtml ? 'an HTML page' : text.trim() === '' ? 'an empty body' : `"${preview(text)}"`;
      const finding = `${url} returned ${what}${contentType ? ` (${contentType})` : ''}, not JSON`;
      throw new JwksError('not-json', `${finding}, so it is not a key set. Check the URL.`, { url, finding });
    }
  } catch (err) {
    throw classifyFailure(err, url, ctx, timedOut);
  } finally {
    clearTimeout(timer);
    ctx.signal?.removeEventListener('abort', forwardAbort);
  }
}
