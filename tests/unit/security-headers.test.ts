// The deployment's headers come from config/csp.ts alone: the checked-in nginx include must be exactly what
// it generates (drift fails here), the shipped nginx.conf must send them on every response, and the policy
// itself keeps its promises (no http: over HTTPS, Trusted Types names listed exactly, one setting narrows
// connect-src). The served copies (nginx, dist/_headers, preview) are compared in tests/e2e/deploy-*.spec.ts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { basePathFrom } from '../../config/base-path';
import { precompress } from '../../config/compress';
import {
  connectSourcesFrom,
  pagePolicy,
  PREVIEW_HEADERS,
  previewOptions,
  renderHeadersFile,
  renderNginxHeaders,
  securityHeaders,
  SITE_HEADERS,
  siteOptions,
  withMetaPolicy,
} from '../../config/csp';
import { allowedConnectSources, canConnect } from '../../src/components/connectSources';
import { TRUSTED_TYPES_POLICY_NAMES } from '../../src/components/trustedTypes';

const NGINX_CONF = readFileSync('deploy/nginx.conf', 'utf8');

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...values]) => [name, values]),
  );
}

describe('one source of truth', () => {
  it('deploy/security-headers.conf is exactly what config/csp.ts generates (npm run headers)', () => {
    expect(readFileSync('deploy/security-headers.conf', 'utf8')).toBe(renderNginxHeaders(SITE_HEADERS));
  });

  it('every header is sent with `always`, so 404s and errors carry them too', () => {
    const lines = renderNginxHeaders(SITE_HEADERS)
      .split('\n')
      .filter((line) => line.startsWith('add_header'));
    expect(lines).toHaveLength(Object.keys(SITE_HEADERS).length);
    for (const line of lines) expect(line).toMatch(/^add_header [\w-]+ "[^"]*" always;$/);
  });

  it('nginx.conf includes them at server level and adds no header in a location (which would drop them there)', () => {
    const server = NGINX_CONF.slice(NGINX_CONF.indexOf('server {'));
    const firstLocation = server.indexOf('location ');
    expect(server.slice(0, firstLocation)).toContain('include security-headers.conf;');
    expect(server.slice(firstLocation)).not.toContain('add_header');
    expect(server.slice(0, firstLocation)).toMatch(/add_header Cache-Control \$\w+ always;/);
  });

  it('nginx.conf hides its version, pre-compresses, and logs no query string or referrer', () => {
    expect(NGINX_CONF).toMatch(/^\s*server_tokens off;$/m);
    expect(NGINX_CONF).toMatch(/^\s*gzip_static on;$/m);
    expect(NGINX_CONF).toMatch(/^\s*gzip on;$/m);
    const format = /log_format jwt_workbench ([^;]*);/.exec(NGINX_CONF)?.[1] ?? '';
    expect(format).not.toMatch(/\$request\b|\$request_uri|\$args|\$query_string|\$is_args|\$http_referer|\$uri\b/);
    expect(NGINX_CONF).toMatch(/^\s*access_log \S+ jwt_workbench;$/m);
  });

  it('_headers carries the same headers on every path, and Cache-Control only where it belongs', () => {
    const file = renderHeadersFile(SITE_HEADERS, '/tools/jwt/');
    const rules = new Map<string, Record<string, string>>();
    let current = '';
    for (const line of file.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      if (!line.startsWith(' ')) rules.set((current = line), {});
      else {
        const [name = '', ...value] = line.trim().split(': ');
        rules.get(current)![name] = value.join(': ');
      }
    }
    expect(rules.get('/tools/jwt/*')).toEqual(SITE_HEADERS);
    expect(rules.get('/tools/jwt/assets/*')).toEqual({ 'Cache-Control': 'public, max-age=31536000, immutable' });
    for (const path of ['/tools/jwt/', '/tools/jwt/index.html', '/tools/jwt/sw.js', '/tools/jwt/manifest.webmanifest'])
      expect(rules.get(path)).toEqual({ 'Cache-Control': 'no-cache' });
  });

  it('replaces the page policy of a built index.html, and refuses a page without one', () => {
    const html = '<head><meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;"></head>';
    expect(withMetaPolicy(html, "default-src 'none'")).toBe(
      `<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head>`,
    );
    expect(() => withMetaPolicy('<head></head>', "default-src 'none'")).toThrow(/meta tag is missing/);
  });
});

describe('the policy', () => {
  it('served by the site has no http: source; preview and the single file add loopback http only', () => {
    const site = directives(SITE_HEADERS['Content-Security-Policy']!);
    for (const values of site.values()) for (const value of values) expect(value).not.toMatch(/^http:/);
    expect(site.get('connect-src')).toEqual(["'self'", 'https:']);
    const preview = directives(PREVIEW_HEADERS['Content-Security-Policy']!);
    expect(preview.get('connect-src')).toEqual(["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*']);
  });

  it('refuses framing, enforces Trusted Types and lists exactly the policies the app creates', () => {
    const policy = directives(SITE_HEADERS['Content-Security-Policy']!);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('require-trusted-types-for')).toEqual(["'script'"]);
    expect(policy.get('trusted-types')).toEqual(Object.values(TRUSTED_TYPES_POLICY_NAMES));
    expect(policy.get('trusted-types')).not.toContain("'allow-duplicates'");
  });

  it('sends the other headers the deployment promises', () => {
    expect(SITE_HEADERS).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
    });
    expect(Number(/max-age=(\d+)/.exec(SITE_HEADERS['Strict-Transport-Security']!)?.[1])).toBeGreaterThanOrEqual(
      15_768_000,
    );
    const features = SITE_HEADERS['Permissions-Policy']!.split(', ');
    expect(features).toContain('camera=()');
    expect(features).toContain('microphone=()');
    expect(features).toContain('geolocation=()');
    for (const feature of features) expect(feature).toMatch(/^[a-z-]+=\(\)$/);
    // The copy buttons write to the clipboard.
    expect(SITE_HEADERS['Permissions-Policy']).not.toMatch(/clipboard/);
  });

  it('CONNECT_SRC narrows connect-src in every copy at once', () => {
    const env = { CONNECT_SRC: 'https://login.example.com, https://*.idp.example.org:8443' };
    const narrowed = ["'self'", 'https://login.example.com', 'https://*.idp.example.org:8443'];
    expect(directives(securityHeaders(siteOptions(env))['Content-Security-Policy']!).get('connect-src')).toEqual(
      narrowed,
    );
    expect(directives(pagePolicy(siteOptions(env))).get('connect-src')).toEqual(narrowed);
    expect(directives(pagePolicy(previewOptions(env))).get('connect-src')).toEqual([
      ...narrowed,
      'http://localhost:*',
      'http://127.0.0.1:*',
    ]);
  });

  it('reads CONNECT_SRC strictly: https origins or https: only', () => {
    expect(connectSourcesFrom(undefined)).toEqual(['https:']);
    expect(connectSourcesFrom('  ')).toEqual(['https:']);
    expect(connectSourcesFrom('https://a.example https://a.example')).toEqual(['https://a.example']);
    for (const bad of [
      'http://idp.example.com',
      'https://idp.example.com/path',
      '*',
      "'unsafe-inline'",
      'https://idp.example.com;script-src',
      'data:',
      'https://',
    ])
      expect(() => connectSourcesFrom(bad), bad).toThrow(/CONNECT_SRC/);
  });
});

describe('what the page can reach (src/components/connectSources.ts)', () => {
  it('matches scheme-only, exact-origin, wildcard-subdomain and any-port sources as CSP does', () => {
    const sources = ['https://login.example.com', 'https://*.idp.example.org', 'http://127.0.0.1:*'];
    expect(canConnect('https://login.example.com/.well-known/openid-configuration', sources)).toBe(true);
    expect(canConnect('https://login.example.com:8443/jwks', sources)).toBe(false);
    expect(canConnect('https://eu.idp.example.org/jwks', sources)).toBe(true);
    expect(canConnect('https://idp.example.org/jwks', sources)).toBe(false);
    expect(canConnect('http://login.example.com/jwks', sources)).toBe(false);
    expect(canConnect('http://127.0.0.1:9000/jwks', sources)).toBe(true);
    expect(canConnect('https://anything.example/jwks', ['https:'])).toBe(true);
    expect(canConnect('http://anything.example/jwks', ['https:'])).toBe(false);
    expect(canConnect('not a url', ['https:'])).toBe(false);
    expect(canConnect('http://anything.example/jwks', null)).toBe(true);
  });
});

describe('BASE_PATH', () => {
  it('accepts a plain path with or without its slashes and refuses anything else', () => {
    expect(basePathFrom(undefined)).toBe('/');
    expect(basePathFrom('/')).toBe('/');
    expect(basePathFrom('/tools/jwt/')).toBe('/tools/jwt/');
    expect(basePathFrom('tools/jwt')).toBe('/tools/jwt/');
    for (const bad of ['/tools/../etc/', 'https://cdn.example/', '/a b/', '/a?b/', '/./'])
      expect(() => basePathFrom(bad), bad).toThrow(/BASE_PATH/);
  });
});

describe('pre-compressed files for gzip_static', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a .gz beside each text file worth compressing, byte for byte the same once inflated', async () => {
    dir = mkdtempSync(join(tmpdir(), 'precompress-'));
    const script = 'console.log("jwt");\n'.repeat(200);
    writeFileSync(join(dir, 'app.js'), script);
    writeFileSync(join(dir, 'tiny.css'), 'a{}');
    writeFileSync(join(dir, 'icon.png'), Buffer.alloc(4096, 1));
    const written = await precompress(dir);
    expect(written).toEqual([join(dir, 'app.js.gz')]);
    expect(gunzipSync(readFileSync(join(dir, 'app.js.gz'))).toString()).toBe(script);
    expect(existsSync(join(dir, 'tiny.css.gz'))).toBe(false);
    expect(existsSync(join(dir, 'icon.png.gz'))).toBe(false);
  });

  it('writes smaller gzip than zlib at level 9 (Zopfli), which any gzip reader inflates', async () => {
    dir = mkdtempSync(join(tmpdir(), 'precompress-'));
    const source = readFileSync(new URL('../../config/csp.ts', import.meta.url));
    writeFileSync(join(dir, 'csp.js'), source);
    await precompress(dir);
    const gz = readFileSync(join(dir, 'csp.js.gz'));
    expect(gz.length).toBeLessThan(gzipSync(source, { level: 9 }).length);
    expect(gunzipSync(gz).equals(source)).toBe(true);
  });
});

describe('the page reads its own policy', () => {
  const page = (content: string | null) =>
    ({ querySelector: () => (content === null ? null : { content }) }) as unknown as Document;

  it('lists the connect-src sources beyond self, or null without a policy', () => {
    expect(allowedConnectSources(page(pagePolicy(siteOptions({ CONNECT_SRC: 'https://login.example.com' }))))).toEqual([
      'https://login.example.com',
    ]);
    expect(allowedConnectSources(page(pagePolicy(previewOptions({}))))).toEqual([
      'https:',
      'http://localhost:*',
      'http://127.0.0.1:*',
    ]);
    expect(allowedConnectSources(page("default-src 'self'"))).toEqual([]);
    expect(allowedConnectSources(page(null))).toBeNull();
  });
});
