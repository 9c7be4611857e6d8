/// <reference types="vitest/config" />
import { defineConfig, type PluginOption } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { basePathFrom } from './config/base-path.ts';
import { monacoAliases, monacoPagePlugins, monacoWorkerPlugins } from './config/monaco.ts';
import { monacoPrivateNames } from './config/monaco-private-names.ts';
import { precompressPlugin } from './config/compress.ts';
import { PREVIEW_HEADERS, securityHeadersPlugin } from './config/csp.ts';
import { serviceWorkerPlugin } from './config/pwa.ts';
import { keyEngineChunk } from './config/key-engine-chunk.ts';
import { monacoChunkUrl } from './config/chunk-url.ts';
import { hashInlineScripts, inlineFavicon, inlineWorkers, SINGLE_FILE_OUT_DIR } from './config/single-file.ts';

// `--mode single` (npm run build:single): one self-contained HTML file for file:// (config/single-file.ts).
// Every other build is the normal site with a service worker (config/pwa.ts).
export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  const privateNames = monacoPrivateNames();
  const plugins: PluginOption[] = [
    react(),
    tailwindcss(),
    securityHeadersPlugin({ single }),
    monacoChunkUrl({ single }),
    ...monacoPagePlugins(),
    privateNames.page,
  ];
  if (single) plugins.push(inlineWorkers(), inlineFavicon(), viteSingleFile(), hashInlineScripts());
  else plugins.push(serviceWorkerPlugin(), precompressPlugin());
  return {
    // The single file opens from disk and keeps its own relative URLs; a site build may live under a sub-path.
    base: single ? '/' : basePathFrom(process.env.BASE_PATH),
    plugins,
    // Outside node_modules: the README's test command starts with `npm ci`, which deletes node_modules, and with
    // it the dev server's pre-bundled dependencies; a running `npm run dev` then answered 504 "Outdated Optimize
    // Dep" for Monaco until restarted. Kept here, they survive a reinstall of the same lockfile.
    cacheDir: '.vite',
    resolve: { alias: monacoAliases },
    worker: { plugins: () => [...monacoWorkerPlugins(), privateNames.worker] },
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1', headers: PREVIEW_HEADERS },
    build: {
      target: 'es2022',
      sourcemap: false,
      rolldownOptions: { output: { codeSplitting: { groups: [keyEngineChunk()] } } },
      ...(single ? { outDir: SINGLE_FILE_OUT_DIR, emptyOutDir: true, copyPublicDir: false } : {}),
    },
    test: {
      include: ['tests/unit/**/*.test.ts'],
      environment: 'node',
      testTimeout: 30_000,
    },
  };
});
