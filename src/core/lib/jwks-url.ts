// Which URLs the app may fetch a key set from: https anywhere, plain http only on this machine.

export type JwksUrlCheck = { ok: true; url: URL } | { ok: false; code: 'url' | 'insecure-http'; message: string };

// WHATWG URL keeps IPv6 hosts in brackets in `hostname`.
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Refuses a malformed or unsafe URL before any request is made. */
export function checkJwksUrl(text: string): JwksUrlCheck {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { ok: false, code: 'url', message: 'Enter a JWKS URL or an issuer URL, e.g. https://login.example.com.' };
  }
  // The URL parser silently drops tabs and line breaks; a URL that contains one was not typed as meant.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(trimmed)) {
    return { ok: false, code: 'url', message: 'The URL contains a space, line break or control character; remove it.' };
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    const hint = /^[\w.-]+(:\d+)?(\/|$)/.test(trimmed) ? ` Did you mean https://${trimmed}?` : '';
    return { ok: false, code: 'url', message: `"${trimmed}" is not a valid URL.${hint}` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      ok: false,
      code: 'url',
      message: `Only https:// URLs can be fetched (this one starts with ${url.protocol}//).`,
    };
  }
  if (url.username !== '' || url.password !== '') {
    // fetch() refuses URLs with credentials, and a password typed into the field should not be sent anywhere.
    return { ok: false, code: 'url', message: 'Remove the user name and password from the URL; key sets are public.' };
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return {
      ok: false,
      code: 'insecure-http',
      message: `Plain http:// is refused for ${url.hostname}: anyone on the network path could swap the keys, and a swapped key set makes forged tokens verify. Use https://${url.host}${url.pathname}${url.search}, or http:// only for localhost, 127.0.0.1 or [::1].`,
    };
  }
  return { ok: true, url };
}

export const DISCOVERY_SUFFIX = '/.well-known/openid-configuration';

/** OpenID Connect Discovery 1.0 §4: the issuer, without a trailing slash, followed by the well-known path. */
export function discoveryUrlFor(url: URL): string | undefined {
  if (url.pathname.includes('/.well-known/')) return undefined;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}${DISCOVERY_SUFFIX}`;
}
