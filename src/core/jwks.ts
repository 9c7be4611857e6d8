// Fetch a key set from a JWKS URL or an issuer URL. All network I/O of the app happens here and in
// lib/jwks-http.ts, and only for a URL the user entered or confirmed: nothing in a token is fetched by itself.
import { JwksError } from './lib/jwks-error';
import { DEFAULT_JWKS_TIMEOUT_MS, getJson, type FetchedJson, type HttpContext } from './lib/jwks-http';
import { partitionKeys } from './lib/jwks-keys';
import { checkJwksUrl, DISCOVERY_SUFFIX, discoveryUrlFor } from './lib/jwks-url';

export { JWKS_ERROR_CODES, JwksError, type JwksErrorCode, type JwksSkippedKey } from './lib/jwks-error';
export { DEFAULT_JWKS_TIMEOUT_MS, MAX_JWKS_BYTES } from './lib/jwks-http';
export { summarizeKeySet, type JwksKeySummary } from './lib/jwks-keys';
export { checkJwksUrl, type JwksUrlCheck } from './lib/jwks-url';

export type JwksDocument = { keys: unknown[]; [member: string]: unknown };

export type KeySetResult = {
  /** Where the key set came from (after redirects). */
  jwksUrl: string;
  /** The OpenID configuration document used to find it, when discovery was needed. */
  issuerConfigUrl?: string;
  /** `issuer` of that document. */
  issuer?: string;
  /** That document itself (read it with `expectationsFromDiscovery` for the issuer and token endpoint). */
  discovery?: Record<string, unknown>;
  /** The key set as fetched, every key included (indices in `skipped` refer to it). */
  jwks: JwksDocument;
  /** `{"keys":[…]}` with the usable keys only, ready to use as `KeyInput.text`. */
  keysText: string;
  skipped: { index: number; kid?: string; reason: string }[];
  /** Things worth knowing that did not stop the fetch (issuer mismatch, private keys in the set, duplicate kids). */
  warnings: string[];
  /** What was fetched, in order, in words. */
  steps: string[];
  /** Redirects the server sent and the browser followed (`response.redirected`), in order: show the final URL. */
  redirects?: { from: string; to: string }[];
};

export type FetchKeySetOptions = {
  signal?: AbortSignal;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  /** Origins (`https://keys.example`) a redirect may lead to; another origin fails with `redirect-cross-origin`. */
  allowRedirectTo?: readonly string[];
};

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function isJwks(value: unknown): value is JwksDocument {
  return Array.isArray(asRecord(value)?.keys);
}

function notJwks(url: string, value: unknown): JwksError {
  const record = asRecord(value);
  const what =
    record === undefined
      ? `JSON that is not an object`
      : 'keys' in record
        ? 'JSON whose "keys" member is not an array'
        : `a JSON object without a "keys" array${Object.keys(record).length ? ` (members: ${Object.keys(record).slice(0, 6).join(', ')})` : ''}`;
  const finding = `${url} returned ${what}`;
  return new JwksError(
    'not-jwks',
    `${finding}: it is neither a JWKS (RFC 7517 §5) nor an OpenID configuration with jwks_uri.`,
    { url, finding },
  );
}

async function toResult(
  jwksUrl: string,
  jwks: JwksDocument,
  steps: string[],
  extra: { issuerConfigUrl?: string; issuer?: string; discovery?: Record<string, unknown>; warnings?: string[] } = {},
): Promise<KeySetResult> {
  const { usable, skipped, warnings } = await partitionKeys(jwks.keys);
  steps.push(
    `Read ${jwks.keys.length} key${jwks.keys.length === 1 ? '' : 's'}: ${usable.length} usable${skipped.length ? `, ${skipped.length} skipped` : ''}.`,
  );
  if (usable.length === 0) {
    const reasons = skipped.map((s) => `key ${s.index}${s.kid === undefined ? '' : ` (kid ${s.kid})`}: ${s.reason}`);
    const error = new JwksError(
      'no-usable-keys',
      jwks.keys.length === 0
        ? `The key set at ${jwksUrl} is empty: its "keys" array has no keys.`
        : `None of the ${jwks.keys.length} keys at ${jwksUrl} can verify signatures — ${reasons.join('; ')}.`,
      { url: jwksUrl, skipped },
    );
    error.steps = steps;
    throw error;
  }
  const result: KeySetResult = {
    jwksUrl,
    jwks,
    keysText: JSON.stringify({ keys: usable }, null, 2),
    skipped,
    warnings: [...(extra.warnings ?? []), ...warnings],
    steps,
  };
  if (extra.issuerConfigUrl !== undefined) result.issuerConfigUrl = extra.issuerConfigUrl;
  if (extra.issuer !== undefined) result.issuer = extra.issuer;
  if (extra.discovery !== undefined) result.discovery = extra.discovery;
  return result;
}

/** OpenID Connect Discovery 1.0: the document names the key set in `jwks_uri`, which must pass the same URL rules. */
async function viaDiscovery(
  configUrl: string,
  doc: Record<string, unknown>,
  expectedIssuer: string | undefined,
  ctx: HttpContext,
  steps: string[],
): Promise<KeySetResult> {
  const issuer = typeof doc.issuer === 'string' ? doc.issuer : undefined;
  steps.push(`${configUrl} is an OpenID configuration${issuer === undefined ? '' : ` for ${issuer}`}.`);
  if (typeof doc.jwks_uri !== 'string') {
    throw new JwksError(
      'not-jwks',
      `The OpenID configuration at ${configUrl} has no jwks_uri, so it publishes no keys.`,
      {
        url: configUrl,
      },
    );
  }
  const checked = checkJwksUrl(doc.jwks_uri);
  if (!checked.ok) {
    throw new JwksError(checked.code, `The jwks_uri in ${configUrl} is refused: ${checked.message}`, {
      url: doc.jwks_uri,
    });
  }
  const warnings: string[] = [];
  // Discovery §4.3: the issuer in the document must equal the one it was retrieved for (mix-up defence).
  if (expectedIssuer !== undefined && issuer !== undefined && issuer.replace(/\/+$/, '') !== expectedIssuer) {
    warnings.push(
      `The OpenID configuration says issuer ${issuer}, but it was fetched for ${expectedIssuer}; tokens from this issuer should carry the former in iss.`,
    );
  }
  const jwksUrl = checked.url.href;
  steps.push(`Fetching its jwks_uri ${jwksUrl}.`);
  const fetched = await getJson(jwksUrl, ctx);
  if (!isJwks(fetched.value)) throw notJwks(jwksUrl, fetched.value);
  const extra =
    issuer === undefined
      ? { issuerConfigUrl: configUrl, discovery: doc, warnings }
      : { issuerConfigUrl: configUrl, issuer, discovery: doc, warnings };
  return toResult(fetched.url, fetched.value, steps, extra);
}

/** A failed first attempt that discovery may still rescue: nothing there, a web page, or JSON of another kind. */
function discoveryMayHelp(err: JwksError): boolean {
  return (
    (err.code === 'status' && (err.status === 404 || err.status === 410)) ||
    err.code === 'not-json' ||
    err.code === 'not-jwks'
  );
}

/** Reads the URL as a JWKS or an OpenID configuration; returns the error when discovery may still rescue it. */
async function firstAttempt(url: string, ctx: HttpContext, steps: string[]): Promise<KeySetResult | JwksError> {
  let first: FetchedJson;
  try {
    first = await getJson(url, ctx);
  } catch (err) {
    if (err instanceof JwksError && discoveryMayHelp(err)) return err;
    throw err;
  }
  if (isJwks(first.value)) return toResult(first.url, first.value, steps);
  const doc = asRecord(first.value);
  if (doc !== undefined && 'jwks_uri' in doc) {
    const issuer = url.endsWith(DISCOVERY_SUFFIX) ? url.slice(0, -DISCOVERY_SUFFIX.length) : undefined;
    return viaDiscovery(first.url, doc, issuer, ctx, steps);
  }
  return notJwks(url, first.value);
}

async function fetchKeySetSteps(text: string, ctx: HttpContext, steps: string[]): Promise<KeySetResult> {
  const checked = checkJwksUrl(text);
  if (!checked.ok) throw new JwksError(checked.code, checked.message, { url: text.trim() });
  const url = checked.url.href;
  steps.push(`Fetching ${url}.`);
  const firstError = await firstAttempt(url, ctx, steps);
  if (!(firstError instanceof JwksError)) return firstError;
  const discoveryUrl = discoveryUrlFor(checked.url);
  if (discoveryUrl === undefined) throw firstError;
  steps.push(`${firstError.finding ?? firstError.message}; trying it as an issuer: ${discoveryUrl}.`);
  try {
    const config = await getJson(discoveryUrl, ctx);
    const doc = asRecord(config.value);
    if (isJwks(config.value)) return await toResult(config.url, config.value, steps);
    if (doc === undefined) throw notJwks(discoveryUrl, config.value);
    return await viaDiscovery(config.url, doc, discoveryUrl.slice(0, -DISCOVERY_SUFFIX.length), ctx, steps);
  } catch (err) {
    if (
      !(err instanceof JwksError) ||
      err.code === 'aborted' ||
      err.code === 'no-usable-keys' ||
      err.code === 'redirect-cross-origin'
    ) {
      throw err;
    }
    if (err.url !== discoveryUrl) throw err;
    // Both readings failed: report the URL the user typed, and say the issuer reading was tried too.
    const first = firstError.finding ?? firstError.message;
    const second = err.finding ?? err.message.replace(/\.$/, '');
    throw new JwksError(
      firstError.code,
      `${first}, and it is not an issuer either: ${second}. Enter the JWKS URL itself, or the issuer's base URL (the token's iss).`,
      { url: firstError.url ?? url, ...(firstError.status === undefined ? {} : { status: firstError.status }) },
    );
  }
}

/**
 * Fetches the key set a user asked for. The URL may be a JWKS, an OpenID configuration document, or an issuer
 * (then `<issuer>/.well-known/openid-configuration` is read for `jwks_uri`). Each request has its own timeout
 * (default 10 s); `signal` cancels everything (code `aborted`). Throws `JwksError`, whose `steps` list what was tried.
 */
export async function fetchKeySet(url: string, options: FetchKeySetOptions = {}): Promise<KeySetResult> {
  const redirects: { from: string; to: string }[] = [];
  const ctx: HttpContext = {
    timeoutMs: options.timeoutMs ?? DEFAULT_JWKS_TIMEOUT_MS,
    fetchImpl: options.fetchImpl ?? ((input, init) => fetch(input, init)),
    redirects,
  };
  if (options.allowRedirectTo !== undefined) ctx.allowedRedirectOrigins = options.allowRedirectTo;
  if (options.signal !== undefined) ctx.signal = options.signal;
  const steps: string[] = [];
  try {
    const result = await fetchKeySetSteps(url, ctx, steps);
    for (const { from, to } of redirects) steps.push(`${from} redirected to ${to}.`);
    result.redirects = redirects;
    return result;
  } catch (err) {
    if (err instanceof JwksError) {
      if (err.steps.length === 0) err.steps = steps;
      throw err;
    }
    throw err;
  }
}
