// `npm run build:single` (vite build --mode single): one HTML file that works opened from disk (for
// air-gapped machines). vite-plugin-singlefile inlines the JS and CSS; the plugins here close the gaps
// that matter on file://.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { pagePolicy, previewOptions, withMetaPolicy } from './csp.ts';

export const SINGLE_FILE_OUT_DIR = 'dist-single';

const WORKER_BLOB_URL = '\0jwt-workbench-worker-blob-url:';
const BLOB_URL_QUERY = '&blob-url';

/**
 * Chromium refuses `new Worker('file:///…')` (a file:// page has an opaque origin), so Monaco's workers are
 * inlined here and started from blob: URLs the page mints (CSP worker-src blob:). The source imports them as
 * `?worker&url` (src/components/monacoEnvironment.ts hands the URL to a Trusted Types policy before `new Worker`);
 * here each such import becomes the blob: URL of Vite's inlined copy (`?worker&inline`). Vite's own inline
 * wrapper is not used: its worker revokes its blob: URL on start, and Monaco restarts idle workers.
 */
export function inlineWorkers(): Plugin {
  return {
    name: 'jwt-workbench-inline-workers',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const match = /^(.*)\?worker&url$/.exec(source);
      if (!match) return null;
      const inline = await this.resolve(`${match[1]}?worker&inline${BLOB_URL_QUERY}`, importer, {
        ...options,
        skipSelf: true,
      });
      return inline ? WORKER_BLOB_URL + inline.id : null;
    },
    load(id) {
      if (!id.startsWith(WORKER_BLOB_URL)) return null;
      return `export { blobUrl as default } from ${JSON.stringify(id.slice(WORKER_BLOB_URL.length))};`;
    },
    transform: {
      order: 'post',
      handler(code, id) {
        if (id.startsWith(WORKER_BLOB_URL) || !id.endsWith(BLOB_URL_QUERY)) return null;
        // Vite's inline-worker module holds the bundled worker as `const jsContent = "…"`.
        if (!/^\s*const jsContent = /m.test(code)) throw new Error(`${id}: Vite's inlined worker has changed shape.`);
        return `${code}\nexport const blobUrl = URL.createObjectURL(new Blob([jsContent], { type: 'text/javascript' }));\n`;
      },
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
 * emits as a file. It only runs when `MonacoEnvironment.getWorker` is missing, and src/app/
 * monacoEnvironment.ts always sets it (to the inlined workers), so the copy is dead weight beside the HTML.
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

/**
 * The policy for local use (loopback http allowed, blob: workers for the inlined ones) with `script-src 'self'`
 * replaced by the hashes of exactly these inline scripts.
 */
export function singleFilePolicy(scripts: string[]): string {
  const hashes = scripts.map(sha256Source).join(' ');
  return pagePolicy({ ...previewOptions(), blobWorkers: true }).replace("script-src 'self'", `script-src ${hashes}`);
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
      removeUnusedWorkerCopies(config.build.outDir);
      writeFileSync(file, withMetaPolicy(html, singleFilePolicy(scripts)));
    },
  };
}
