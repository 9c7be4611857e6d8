// The security headers (Content-Security-Policy and the rest), from one source of truth. Everything that
// serves the app takes them from here, never copies them by hand:
// - the built index.html carries the page's policy as a <meta> tag (for hosts that cannot send headers);
// - `dist/_headers` (written by the build) for static hosts that read one (Netlify, Cloudflare Pages);
// - `deploy/security-headers.conf`, the nginx include (written by `npm run headers`);
// - `vite preview` (below), which the end-to-end tests run against.
// tests/unit/security-headers.test.ts and tests/e2e/deploy-*.spec.ts fail when any of them drifts.
//
// Not applied to `vite dev`: the React refresh preamble there is an inline script.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Connect, Plugin, ResolvedConfig } from 'vite';
import { TRUSTED_TYPES_DIRECTIVE_NAMES } from '../src/components/trustedTypes.ts';

/**
 * The one build-time setting for who the page may fetch from (JWKS, OIDC discovery): `CONNECT_SRC`, a list of
 * `https://` origins (wildcard subdomains allowed) or `https:`, separated by spaces or commas. The hosted
 * default is `https:`, because fetching any issuer the user names is the feature; a team narrows it to its
 * own identity providers.
 */
export const CONNECT_SRC_ENV = 'CONNECT_SRC';
export const DEFAULT_CONNECT_SOURCES: readonly string[] = ['https:'];

/**
 * Plain http only on loopback, and only where a local identity provider is a real use: `vite preview`, the
 * single file, the dev server (which has no policy at all). A site served over HTTPS never lists an http:
 * source. No http://[::1]:*: CSP host-sources cannot hold IPv6 literals; Chromium logs the source as invalid.
 */
export const LOOPBACK_HTTP_SOURCES: readonly string[] = ['http://localhost:*', 'http://127.0.0.1:*'];

const HTTPS_ORIGIN = /^https:\/\/(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;

/** Reads `CONNECT_SRC`; unset or empty means the default. Anything but https origins is refused loudly. */
export function connectSourcesFrom(value: string | undefined): string[] {
  const sources = (value ?? '').split(/[\s,]+/).filter(Boolean);
  if (sources.length === 0) return [...DEFAULT_CONNECT_SOURCES];
  for (const source of sources) {
    if (source !== 'https:' && !HTTPS_ORIGIN.test(source)) {
      throw new Error(
        `${CONNECT_SRC_ENV}: "${source}" is not an https origin (https://idp.example.com, https://*.example.com) or https:`,
      );
    }
  }
  return [...new Set(sources)];
}

export type PolicyOptions = {
  /** connect-src beyond 'self' (the CONNECT_SRC setting). */
  connectSources: readonly string[];
  /** Also allow plain http to loopback (preview, single file). */
  loopbackHttp: boolean;
  /** Also allow blob: workers (the single file's inlined workers). */
  blobWorkers?: boolean;
};

/** The page's policy, as the <meta> tag carries it (no frame-ancestors: browsers ignore it in <meta>). */
export function pagePolicy({ connectSources, loopbackHttp, blobWorkers = false }: PolicyOptions): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Monaco and React set element styles at run time; no user data reaches a style attribute.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // Workers (Monaco's workers, the service worker) only from our own origin. blob: only for the single-file
    // build, whose inlined workers start from blob: URLs the page itself mints (same origin).
    `worker-src 'self'${blobWorkers ? ' blob:' : ''}`,
    `connect-src ${["'self'", ...connectSources, ...(loopbackHttp ? LOOPBACK_HTTP_SOURCES : [])].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "manifest-src 'self'",
    // Every script sink (new Worker, serviceWorker.register, innerHTML…) takes only values from these named
    // policies (src/components/trustedTypes.ts); nothing else can create one.
    "require-trusted-types-for 'script'",
    `trusted-types ${TRUSTED_TYPES_DIRECTIVE_NAMES.join(' ')}`,
  ].join('; ');
}

/** Features the app never uses, off for the page and anything it could embed. Clipboard stays (copy buttons). */
export const DISABLED_FEATURES: readonly string[] = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

/** Two years: browsers and the Observatory want at least six months. No includeSubDomains or preload: that is the domain owner's call. */
export const HSTS = 'max-age=63072000';

/** Every security header, in the order they are written everywhere. */
export function securityHeaders(options: PolicyOptions): Record<string, string> {
  return {
    'Content-Security-Policy': `${pagePolicy(options)}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': DISABLED_FEATURES.map((feature) => `${feature}=()`).join(', '),
    // Ignored by browsers over plain http; pins the site to https once it has been reached over TLS.
    'Strict-Transport-Security': HSTS,
    // For browsers without CSP frame-ancestors.
    'X-Frame-Options': 'DENY',
  };
}

/** Cache-Control: hashed build output never changes; everything else (index.html, sw.js, the manifest, icons) is revalidated. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_REVALIDATE = 'no-cache';

/** What the site sends (nginx, `_headers`): the build's connect-src, no loopback http. */
export function siteOptions(env: NodeJS.ProcessEnv = process.env): PolicyOptions {
  return { connectSources: connectSourcesFrom(env[CONNECT_SRC_ENV]), loopbackHttp: false };
}

/** What `vite preview` sends: the site's headers plus loopback http, for local identity providers and the tests' JWKS servers. */
export function previewOptions(env: NodeJS.ProcessEnv = process.env): PolicyOptions {
  return { ...siteOptions(env), loopbackHttp: true };
}

/** The built index.html's <meta> policy. */
export const SITE_CONTENT_SECURITY_POLICY = pagePolicy(siteOptions());
/** The policy for local use: what `vite preview` serves in the page and the base of the single file's. */
export const CONTENT_SECURITY_POLICY = pagePolicy(previewOptions());
export const SITE_HEADERS = securityHeaders(siteOptions());
export const PREVIEW_HEADERS = securityHeaders(previewOptions());

const GENERATED = 'Generated from config/csp.ts; do not edit by hand.';

/** The nginx include: one `add_header … always` per header, so 404s and errors carry them too. */
export function renderNginxHeaders(headers: Record<string, string>): string {
  const lines = Object.entries(headers).map(([name, value]) => {
    if (/["\\$]/.test(value)) throw new Error(`${name}: cannot write ${value} into an nginx string`);
    return `add_header ${name} "${value}" always;`;
  });
  return [`# ${GENERATED} Regenerate: npm run headers`, ...lines, ''].join('\n');
}

/**
 * `_headers` (Netlify, Cloudflare Pages): the security headers on every path, and Cache-Control on the paths
 * it belongs to. Cache-Control is not put on `/*`: those hosts join the values of every matching rule.
 */
export function renderHeadersFile(headers: Record<string, string>, base = '/'): string {
  const block = (path: string, entries: [string, string][]) => [
    path,
    ...entries.map(([name, value]) => `  ${name}: ${value}`),
  ];
  const revalidate: [string, string][] = [['Cache-Control', CACHE_REVALIDATE]];
  return [
    `# ${GENERATED} The same headers as deploy/security-headers.conf.`,
    ...block(`${base}*`, Object.entries(headers)),
    ...[base, `${base}index.html`, `${base}sw.js`, `${base}manifest.webmanifest`].flatMap((path) =>
      block(path, revalidate),
    ),
    ...block(`${base}assets/*`, [['Cache-Control', CACHE_IMMUTABLE]]),
    '',
  ].join('\n');
}

const META = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/;

/** Replaces the <meta> policy of a built page (the single file's hashes, the preview's loopback sources). */
export function withMetaPolicy(html: string, policy: string): string {
  if (!META.test(html)) throw new Error('the Content-Security-Policy meta tag is missing');
  return html.replace(META, (_, open: string, _old: string, close: string) => open + policy + close);
}

/**
 * The build's side: the <meta> policy in index.html, `_headers` beside it, and `vite preview` serving the
 * headers (with loopback http added to the page's policy as well: both policies apply, so the header alone
 * could not widen it). `single`: the single-file build writes its own policy and has no server.
 */
export function securityHeadersPlugin({ single = false } = {}): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'jwt-workbench-security-headers',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) =>
        context.server
          ? []
          : [
              {
                tag: 'meta',
                attrs: {
                  'http-equiv': 'Content-Security-Policy',
                  content: single ? CONTENT_SECURITY_POLICY : SITE_CONTENT_SECURITY_POLICY,
                },
                injectTo: 'head-prepend',
              },
            ],
    },
    generateBundle() {
      if (single || config.command !== 'build') return;
      this.emitFile({ type: 'asset', fileName: '_headers', source: renderHeadersFile(SITE_HEADERS, config.base) });
    },
    configurePreviewServer(server) {
      const base = server.config.base;
      const page = resolve(server.config.root, server.config.build.outDir, 'index.html');
      const servePage: Connect.NextHandleFunction = (request, response, next) => {
        const path = (request.url ?? '').split(/[?#]/)[0];
        if (request.method !== 'GET' && request.method !== 'HEAD') return next();
        if (path !== base && path !== `${base}index.html`) return next();
        const html = withMetaPolicy(readFileSync(page, 'utf8'), CONTENT_SECURITY_POLICY);
        for (const [name, value] of Object.entries(PREVIEW_HEADERS)) response.setHeader(name, value);
        response.setHeader('Cache-Control', CACHE_REVALIDATE);
        response.setHeader('Content-Type', 'text/html; charset=utf-8');
        response.end(request.method === 'HEAD' ? undefined : html);
      };
      server.middlewares.use(servePage);
    },
  };
}
