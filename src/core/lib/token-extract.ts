// Several tokens at once: an OAuth/OIDC redirect carries id_token and access_token together
// (OIDC Core §3.2.2.5), and people paste log lines or JSON token responses holding more than one.
import { decodeBase64url, findBase64urlProblem } from './token-base64url';

export type NamedToken = { name: string; token: string };

// Parameter names whose value is shown even when it does not look like a JWT, so a broken token in a link
// still opens and shows its decoding error (docs/interface.md §1).
const TOKEN_PARAMETERS = new Set([
  'token',
  'id_token',
  'access_token',
  'refresh_token',
  'value',
  'jwt',
  'assertion',
  'client_assertion',
  'subject_token',
  'actor_token',
  'logout_token',
  'request',
  'response',
]);

// A compact JWS/JWE starts with a base64url JSON object: "{" encodes to "e" followed by one of w–z, 0–9, - or _.
const CANDIDATE =
  /(?<![A-Za-z0-9_-])e[w-z0-9_-][A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?(?![A-Za-z0-9_.-])/g;
const NAME_BEFORE = /["']?([A-Za-z_][A-Za-z0-9_.-]{0,63})["']?\s*[:=]\s*["']?$/;

/** Cheap plausibility check: the first segment decodes to text starting with "{". */
function looksLikeJose(token: string): boolean {
  const dot = token.indexOf('.');
  const first = token.slice(0, dot < 0 ? token.length : dot);
  if (first.length < 8 || findBase64urlProblem(first)) return false;
  const head = decodeBase64url(first.slice(0, 64 - (64 % 4)));
  return head[0] === 0x7b;
}

function fromParameters(text: string): NamedToken[] | undefined {
  const start = Math.max(text.indexOf('#'), text.indexOf('?'));
  const query = start >= 0 ? text.slice(start + 1) : text;
  if (!/^[A-Za-z0-9_.-]+=/.test(query) || /\s/.test(query)) return undefined;
  const found: NamedToken[] = [];
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(pair.slice(0, eq).replace(/\+/g, ' '));
      value = decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
    } catch {
      continue;
    }
    if (value.length === 0) continue;
    if (TOKEN_PARAMETERS.has(name) || looksLikeJose(value)) found.push({ name, token: value });
  }
  return found.length > 0 ? found : undefined;
}

/**
 * Every token in `input`, named: from a URL or its fragment/query (`id_token=…&access_token=…`), or found in
 * free text (a log line, a JSON token response), named after the key in front of it or "token 1", "token 2".
 * Returns [] when nothing looks like a token; the caller then decodes the input as one token.
 */
export function extractTokens(input: string): NamedToken[] {
  const text = input.trim();
  if (text.length === 0) return [];
  const params = fromParameters(text);
  if (params) return params;

  const found: NamedToken[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(CANDIDATE)) {
    const token = match[0];
    const before = text.slice(Math.max(0, (match.index ?? 0) - 80), match.index);
    const key = NAME_BEFORE.exec(before)?.[1] ?? '';
    if (seen.has(`${key}\n${token}`) || !looksLikeJose(token)) continue;
    seen.add(`${key}\n${token}`);
    found.push({ name: key, token });
  }
  let unnamed = 0;
  const unnamedTotal = found.filter((t) => t.name === '').length;
  const taken = new Map<string, number>();
  return found.map((t) => {
    if (t.name === '') {
      unnamed++;
      return { name: unnamedTotal === 1 ? 'token' : `token ${unnamed}`, token: t.token };
    }
    const n = (taken.get(t.name) ?? 0) + 1;
    taken.set(t.name, n);
    return n === 1 ? t : { name: `${t.name} ${n}`, token: t.token };
  });
}
