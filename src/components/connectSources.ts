// Which origins the page may fetch from (JWKS, OIDC discovery): the `connect-src` of the page's own policy,
// which the build writes into index.html from its CONNECT_SRC setting (config/csp.ts), so the JWKS panel can
// say up front what it can reach instead of failing on a CSP refusal. The server's header carries the same
// list; `vite preview` and the single file add loopback http.

/** The connect-src sources beyond 'self' (e.g. `https:`, `https://login.example.com`); null when the page has no policy (dev server). */
export function allowedConnectSources(doc: Document = document): string[] | null {
  const policy = doc.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy" i]')?.content;
  if (!policy) return null;
  const directive = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name?.toLowerCase() === 'connect-src');
  return (directive?.slice(1) ?? []).filter((source) => source !== "'self'");
}

/** Whether a fetch of `url` passes those sources (scheme-only, exact origin, `*.` subdomain and `:*` port forms). */
export function canConnect(url: string, sources: readonly string[] | null): boolean {
  if (sources === null) return true;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  return sources.some((source) => {
    if (/^[a-z][a-z0-9+.-]*:$/i.test(source)) return target.protocol === source.toLowerCase();
    const match = /^([a-z][a-z0-9+.-]*):\/\/(\*\.)?([^:/]+)(?::(\d+|\*))?$/i.exec(source);
    if (!match) return false;
    const [, scheme = '', wildcard, host = '', port] = match;
    if (target.protocol !== `${scheme.toLowerCase()}:`) return false;
    const hostname = target.hostname.toLowerCase();
    const wanted = host.toLowerCase();
    if (wildcard ? !hostname.endsWith(`.${wanted}`) : hostname !== wanted) return false;
    if (port === '*') return true;
    const defaultPort = target.protocol === 'https:' ? '443' : '80';
    return (target.port || defaultPort) === (port ?? defaultPort);
  });
}
