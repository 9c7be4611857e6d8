// Links (docs/interface.md §1). Reading is pure (search + hash in, a plan out) so it is unit-testable; the
// caller applies the plan. The fragment is the only place the app writes to the URL.
import type { SecretEncoding } from '../core';
import type { LinkToken, Mode } from './appState';

const TOKEN_PARAMS = ['token', 'id_token', 'access_token', 'value'] as const;
const QUERY_TOKEN_PARAMS = ['token', 'value'] as const;
/** Members an OAuth implicit-flow redirect carries next to the tokens; harmless, so not reported. */
const OAUTH_PARAMS = ['token_type', 'expires_in', 'scope', 'state', 'session_state', 'code', 'iss'];
const SECRET_ENCODINGS: readonly string[] = ['utf8', 'base64url', 'base64', 'hex'];

export type LinkPlan = {
  tokens: LinkToken[];
  mode: Mode | undefined;
  /** `publicKey=`: must turn out to be a public key; the caller checks with the core. */
  publicKey: string | undefined;
  /** `key=`: written only when the user ticked "include key" in Copy link. */
  key: string | undefined;
  secretEncoding: SecretEncoding | undefined;
  /** Problems to show as notices (unknown or broken parameters). */
  problems: string[];
  /** When the query held a token: the URL to put in the address bar instead (query moved to the fragment). */
  replaceUrl: string | undefined;
};

function splitParams(text: string): [string, string][] {
  // Not URLSearchParams: it turns '+' into a space, which breaks PEM/base64 keys written unencoded.
  const out: [string, string][] = [];
  for (const piece of text.split('&')) {
    if (!piece) continue;
    const eq = piece.indexOf('=');
    out.push(eq < 0 ? [piece, ''] : [piece.slice(0, eq), piece.slice(eq + 1)]);
  }
  return out;
}

function decodeParam(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

export function readLink(search: string, hash: string, pathname = '/'): LinkPlan {
  const plan: LinkPlan = {
    tokens: [],
    mode: undefined,
    publicKey: undefined,
    key: undefined,
    secretEncoding: undefined,
    problems: [],
    replaceUrl: undefined,
  };
  const queryTokens: string[] = [];
  const keptQuery: string[] = [];
  for (const [name, raw] of splitParams(search.replace(/^\?/, ''))) {
    if ((QUERY_TOKEN_PARAMS as readonly string[]).includes(name)) {
      const value = decodeParam(raw);
      if (value === undefined || value === '') plan.problems.push(`The link's "${name}" parameter is empty or broken.`);
      else plan.tokens.push({ name, token: value });
      queryTokens.push(`${name}=${raw}`);
    } else {
      keptQuery.push(raw ? `${name}=${raw}` : name);
    }
  }
  for (const [name, raw] of splitParams(hash.replace(/^#/, ''))) {
    const value = decodeParam(raw);
    if (value === undefined) {
      plan.problems.push(`The link's "${name}" parameter is not valid URL encoding; it was ignored.`);
      continue;
    }
    if ((TOKEN_PARAMS as readonly string[]).includes(name)) {
      if (value === '') plan.problems.push(`The link's "${name}" parameter is empty.`);
      else plan.tokens.push({ name, token: value });
    } else if (name === 'mode') {
      if (value === 'encode' || value === 'decode') plan.mode = value;
      else plan.problems.push(`Unknown mode "${value}" in the link; expected "decode" or "encode".`);
    } else if (name === 'publicKey') {
      plan.publicKey = value;
    } else if (name === 'key') {
      plan.key = value;
    } else if (name === 'secretEncoding') {
      if (SECRET_ENCODINGS.includes(value)) plan.secretEncoding = value as SecretEncoding;
      else plan.problems.push(`Unknown secret encoding "${value}" in the link; using UTF-8.`);
    } else if (!OAUTH_PARAMS.includes(name)) {
      plan.problems.push(`The link's "${name}" parameter is not one JWT Workbench knows; it was ignored.`);
    }
  }
  if (queryTokens.length > 0) {
    const fragment = [...queryTokens, hash.replace(/^#/, '')].filter(Boolean).join('&');
    const query = keptQuery.length > 0 ? `?${keptQuery.join('&')}` : '';
    plan.replaceUrl = `${pathname}${query}#${fragment}`;
  }
  return plan;
}

/**
 * `url` (path, query and fragment) without the fragment parameters named in `names`: what the page refused
 * to read (a secret offered as `publicKey=`) must not stay in the address bar or in history.
 */
export function withoutFragmentParams(url: string, names: readonly string[]): string {
  const hashAt = url.indexOf('#');
  if (hashAt < 0) return url;
  const kept = url
    .slice(hashAt + 1)
    .split('&')
    .filter((piece) => piece !== '' && !names.includes(piece.split('=', 1)[0] ?? ''));
  return `${url.slice(0, hashAt)}${kept.length > 0 ? `#${kept.join('&')}` : ''}`;
}

export type LinkInput = {
  origin: string;
  pathname: string;
  token: string;
  mode: Mode;
  /** Only when the user ticked "include key". */
  key?: { text: string; isPublic: boolean; secretEncoding: SecretEncoding };
};

export function buildLink(input: LinkInput): string {
  const params: string[] = [];
  if (input.mode === 'encode') params.push('mode=encode');
  if (input.token) params.push(`token=${encodeURIComponent(input.token)}`);
  if (input.key && input.key.text.trim()) {
    if (input.key.isPublic) params.push(`publicKey=${encodeURIComponent(input.key.text)}`);
    else {
      params.push(`key=${encodeURIComponent(input.key.text)}`);
      if (input.key.secretEncoding !== 'utf8') params.push(`secretEncoding=${input.key.secretEncoding}`);
    }
  }
  return `${input.origin}${input.pathname}${params.length ? `#${params.join('&')}` : ''}`;
}
