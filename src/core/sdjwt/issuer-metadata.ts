// JWT VC Issuer Metadata (SD-JWT VC draft, "JWT VC Issuer Metadata"): the issuer's keys, found from `iss`. Network
// I/O goes through lib/jwks-http.ts like every other fetch of the app, and only when the user asks for it.
import type { FetchKeySetOptions } from '../jwks';
import { JwksError } from '../lib/jwks-error';
import { DEFAULT_JWKS_TIMEOUT_MS, getJson, type HttpContext } from '../lib/jwks-http';
import { partitionKeys } from '../lib/jwks-keys';
import { checkJwksUrl } from '../lib/jwks-url';
import type { JwtVcIssuerKeys } from './types';

export const JWT_VC_ISSUER_WELL_KNOWN = '/.well-known/jwt-vc-issuer';

export type JwtVcIssuerUrl = { ok: true; url: string } | { ok: false; code: 'url' | 'insecure-http'; message: string };

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function isJwks(value: unknown): value is { keys: unknown[] } {
  return Array.isArray(asRecord(value)?.keys);
}

/**
 * `<iss origin>/.well-known/jwt-vc-issuer<iss path>`, the trailing `/` of the path removed: `https://example.com/tenant/1234`
 * gives `https://example.com/.well-known/jwt-vc-issuer/tenant/1234`. `iss` must be an https URL (http only on this
 * machine, as for key sets) without query or fragment.
 */
export function jwtVcIssuerMetadataUrl(iss: string): JwtVcIssuerUrl {
  const checked = checkJwksUrl(iss);
  if (!checked.ok)
    return { ok: false, code: checked.code, message: `The issuer "${iss}" cannot be looked up: ${checked.message}` };
  const url = checked.url;
  if (url.search !== '' || url.hash !== '' || iss.includes('?') || iss.includes('#')) {
    return {
      ok: false,
      code: 'url',
      message: `The issuer "${iss}" has a query or fragment; a JWT VC issuer identifier has neither, so it has no metadata to look up.`,
    };
  }
  return { ok: true, url: `${url.origin}${JWT_VC_ISSUER_WELL_KNOWN}${url.pathname.replace(/\/+$/, '')}` };
}

async function keysFrom(
  metadataUrl: string,
  doc: Record<string, unknown>,
  ctx: HttpContext,
  steps: string[],
  warnings: string[],
): Promise<{ jwksUrl: string; jwks: { keys: unknown[]; [member: string]: unknown } }> {
  const inline = doc.jwks;
  const uri = doc.jwks_uri;
  if (inline !== undefined && uri !== undefined) {
    warnings.push('The metadata has both "jwks" and "jwks_uri", which it must not; the keys in "jwks" were used.');
  }
  if (inline !== undefined) {
    if (!isJwks(inline)) {
      throw new JwksError('not-jwks', `The "jwks" in ${metadataUrl} is not a JWK Set (no "keys" array).`, {
        url: metadataUrl,
      });
    }
    steps.push('The metadata holds the key set itself ("jwks").');
    return { jwksUrl: metadataUrl, jwks: inline };
  }
  if (typeof uri !== 'string') {
    throw new JwksError(
      'not-jwks',
      `The JWT VC Issuer Metadata at ${metadataUrl} has neither "jwks" nor "jwks_uri", so it publishes no keys.`,
      { url: metadataUrl },
    );
  }
  const checked = checkJwksUrl(uri);
  if (!checked.ok) {
    throw new JwksError(checked.code, `The jwks_uri in ${metadataUrl} is refused: ${checked.message}`, { url: uri });
  }
  steps.push(`Fetching its jwks_uri ${checked.url.href}.`);
  const fetched = await getJson(checked.url.href, ctx);
  if (!isJwks(fetched.value)) {
    throw new JwksError('not-jwks', `${fetched.url} is not a JWK Set (no "keys" array).`, { url: fetched.url });
  }
  return { jwksUrl: fetched.url, jwks: fetched.value };
}

async function fetchSteps(iss: string, ctx: HttpContext, steps: string[]): Promise<JwtVcIssuerKeys> {
  const target = jwtVcIssuerMetadataUrl(iss);
  if (!target.ok) throw new JwksError(target.code, target.message, { url: iss });
  steps.push(`Fetching the JWT VC Issuer Metadata of ${iss}: ${target.url}.`);
  const fetched = await getJson(target.url, ctx);
  const metadata = asRecord(fetched.value);
  if (!metadata) {
    throw new JwksError(
      'not-jwks',
      `${target.url} returned JSON that is not an object, so it is not JWT VC Issuer Metadata.`,
      {
        url: target.url,
      },
    );
  }
  // The draft's "Metadata Validation": a different issuer means the keys are someone else's.
  if (metadata.issuer !== iss) {
    throw new JwksError(
      'issuer-mismatch',
      `The metadata at ${target.url} is for issuer ${JSON.stringify(metadata.issuer)}, not ${JSON.stringify(iss)}; its keys must not be used for this token.`,
      { url: target.url },
    );
  }
  const warnings: string[] = [];
  const { jwksUrl, jwks } = await keysFrom(fetched.url, metadata, ctx, steps, warnings);
  const { usable, skipped, warnings: keyWarnings } = await partitionKeys(jwks.keys);
  steps.push(
    `Read ${jwks.keys.length} key${jwks.keys.length === 1 ? '' : 's'}: ${usable.length} usable${skipped.length ? `, ${skipped.length} skipped` : ''}.`,
  );
  if (usable.length === 0) {
    throw new JwksError(
      'no-usable-keys',
      `None of the ${jwks.keys.length} keys published for ${iss} can verify signatures.`,
      {
        url: jwksUrl,
        skipped,
      },
    );
  }
  return {
    metadataUrl: fetched.url,
    metadata,
    issuer: iss,
    jwksUrl,
    jwks,
    keysText: JSON.stringify({ keys: usable }, null, 2),
    skipped,
    warnings: [...warnings, ...keyWarnings],
    steps,
  };
}

/**
 * Fetches the issuer's keys named by its JWT VC Issuer Metadata (`jwks` inline, or `jwks_uri`). `keysText` is a
 * `KeyInput.text` for `verifySdJwtIssuer`. Throws `JwksError` (codes as `fetchKeySet`, plus `issuer-mismatch`),
 * whose `steps` list what was tried.
 */
export async function fetchJwtVcIssuerKeys(iss: string, options: FetchKeySetOptions = {}): Promise<JwtVcIssuerKeys> {
  const ctx: HttpContext = {
    timeoutMs: options.timeoutMs ?? DEFAULT_JWKS_TIMEOUT_MS,
    fetchImpl: options.fetchImpl ?? ((input, init) => fetch(input, init)),
  };
  if (options.signal !== undefined) ctx.signal = options.signal;
  const steps: string[] = [];
  try {
    return await fetchSteps(iss, ctx, steps);
  } catch (err) {
    if (err instanceof JwksError && err.steps.length === 0) err.steps = steps;
    throw err;
  }
}
