// `npm run build:single` (vite build --mode single): one HTML file that works opened from disk (issue 5,
// air-gapped machines). vite-plugin-singlefile inlines the JS and CSS; the plugins here close the gaps
// that matter on file://.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from './csp';

export const SINGLE_FILE_OUT_DIR = 'dist-single';

/**
 * Chromium refuses `new Worker('file:///…')` (a file:// page has an opaque origin), so Monaco's workers are
 * built with `?worker&inline` here: Vite embeds them and starts them from a blob: URL (CSP worker-src blob:).
 * The source keeps a plain `?worker` import, so the normal build still ships them as cacheable files.
 */
export function inlineWorkers(): Plugin {
  return {
    name: 'jwt-workbench-inline-workers',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!/[?&]worker$/.test(source)) return null;
      return this.resolve(`${source}&inline`, importer, { ...options, skipSelf: true });
    },
  };
}

/** `/favicon.svg` means the root of the disk on file://; the icon goes into the page as a data: URL. */
export function inlineFavicon(publicDir = 'public'): Plugin {
  return {
    name: 'jwt-workbench-inline-favicon',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const svg = readFileSync(resolve(publicDir, 'favicon.svg'), 'utf8').trim();
        const dataUrl = `data:image/svg+xml,${encodeURIComponent(svg)}`;
        return html.replace(/href="[^"]*favicon\.svg"/, `href="${dataUrl}"`);
      },
    },
  };
}

/**
 * monaco's JSON mode also has a `new Worker(new URL('json.worker…', import.meta.url))` fallback, which Vite
 * emits as a file. It only runs when `MonacoEnvironment.getWorker` is missing, and src/components/
 * MonacoJsonEditor.tsx always sets it (to the inlined workers), so the copy is dead weight beside the HTML.
 */
function removeUnusedWorkerCopies(outDir: string): void {
  for (const name of readdirSync(outDir)) {
    if (/\.worker-[\w-]+\.js$/.test(name)) rmSync(join(outDir, name));
  }
}

export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Every inline `<script>`'s text, exactly as the browser hashes it (raw text between the tags). */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1] ?? '');
}

/** The build's policy with `script-src 'self'` replaced by the hashes of exactly these inline scripts. */
export function singleFilePolicy(scripts: string[]): string {
  const hashes = scripts.map(sha256Source).join(' ');
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src ${hashes}`);
}

/**
 * The inlined app is an inline script, which `script-src 'self'` blocks. Rather than drop the policy or
 * allow 'unsafe-inline', the written HTML gets the sha256 of each inline script (CSP3 hash-source): the
 * page runs exactly the code that was built and nothing injected later.
 */
export function hashInlineScripts(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'jwt-workbench-single-file-csp',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    writeBundle() {
      const file = join(config.build.outDir, 'index.html');
      const html = readFileSync(file, 'utf8');
      const scripts = inlineScripts(html);
      if (scripts.length === 0) throw new Error(`${file}: no inline script found; was the app inlined?`);
      const meta = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/;
      if (!meta.test(html)) throw new Error(`${file}: the Content-Security-Policy meta tag is missing.`);
      removeUnusedWorkerCopies(config.build.outDir);
      writeFileSync(
        file,
        html.replace(meta, (_, open: string, _old: string, close: string) => open + singleFilePolicy(scripts) + close),
      );
    },
  };
}
