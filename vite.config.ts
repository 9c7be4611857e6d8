/// <reference types="vitest/config" />
import { defineConfig, type PluginOption } from 'vite';
import tailwindcss from '@tailwindcss/vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { basePathFrom } from './config/base-path';
import { precompressPlugin } from './config/compress';
import { PREVIEW_HEADERS, securityHeadersPlugin } from './config/csp';
import { serviceWorkerPlugin } from './config/pwa';
import { hashInlineScripts, inlineFavicon, inlineWorkers, SINGLE_FILE_OUT_DIR } from './config/single-file';

// React's API on Preact's runtime (issue 7): React 19's react-dom alone is ~60 KB gzip, two thirds of the
// 90 KB first-load budget; preact/compat implements the same API in ~5 KB. The source keeps importing
// `react` and type-checks against @types/react; only the bundler swaps the implementation. Dev reloads
// the page on edits (React Fast Refresh does not run on Preact). README "Why Preact" has the reasoning.
const REACT_ON_PREACT = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
];

// `--mode single` (npm run build:single): one self-contained HTML file for file:// (config/single-file.ts).
// Every other build is the normal site with a service worker (config/pwa.ts).
export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  const plugins: PluginOption[] = [tailwindcss(), securityHeadersPlugin({ single })];
  if (single) plugins.push(inlineWorkers(), inlineFavicon(), viteSingleFile(), hashInlineScripts());
  else plugins.push(serviceWorkerPlugin(), precompressPlugin());
  return {
    // The single file opens from disk and keeps its own relative URLs; a site build may live under a sub-path.
    base: single ? '/' : basePathFrom(process.env.BASE_PATH),
    plugins,
    resolve: { alias: REACT_ON_PREACT },
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1', headers: PREVIEW_HEADERS },
    build: {
      target: 'es2022',
      sourcemap: false,
      ...(single ? { outDir: SINGLE_FILE_OUT_DIR, emptyOutDir: true, copyPublicDir: false } : {}),
    },
    test: {
      include: ['tests/unit/**/*.test.ts'],
      environment: 'node',
      testTimeout: 30_000,
    },
  };
});
