// The Content-Security-Policy shipped with the build (issue 6). One source of truth: the same string goes
// into the built index.html as a <meta> tag and is sent as a header by `vite preview`.
// Not applied to `vite dev`: the React refresh preamble there is an inline script.
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Monaco and React set element styles at run time; no user data reaches a style attribute.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // Workers (Monaco's workers, the service worker) only from our own origin. blob: is for the single-file
  // build (config/single-file.ts), whose inlined workers start from blob: URLs the page itself mints: a
  // blob: URL carries its creator's origin and `new Worker` refuses any other origin.
  "worker-src 'self' blob:",
  // JWKS / OIDC discovery fetches the user asks for: https anywhere, plain http only on loopback.
  // No http://[::1]:* — CSP host-sources cannot hold IPv6 literals; Chromium logs the source as invalid.
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "manifest-src 'self'",
].join('; ');

/** Headers `vite preview` sends; frame-ancestors only works as a header, not in <meta>. */
export const PREVIEW_HEADERS = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'jwt-workbench-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
