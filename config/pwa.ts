// The service worker: vite-plugin-pwa's generateSW precaches every built file,
// Monaco's chunk and workers included, so after the first visit the app runs with the network off.
// `registerType: 'prompt'`: a new version waits until the user chooses to reload (never mid-edit).
// `injectRegister: false`: the plugin's registration snippet is an inline script, which the CSP
// (config/csp.ts, script-src 'self') refuses; src/app/serviceWorker.ts registers from our own bundle.
import { VitePWA, type VitePWAOptions } from 'vite-plugin-pwa';

export const PWA_OPTIONS: Partial<VitePWAOptions> = {
  strategies: 'generateSW',
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: 'JWT Workbench',
    short_name: 'JWT Workbench',
    description: 'Offline, browser-only JWT debugger: decode, verify and sign JSON Web Tokens.',
    start_url: '.',
    scope: '.',
    display: 'standalone',
    background_color: '#0f172a',
    theme_color: '#1e293b',
    icons: [
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      // Full-bleed background with the mark inside the 80% safe zone, for launchers that crop to a shape.
      { src: 'pwa-icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,ttf,woff2,webmanifest}'],
    // Monaco's chunk is ~4 MB; the default 2 MiB cap would silently leave it out and the editor offline.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    // The first install takes over the open page at once, so it is offline-ready without a reload;
    // later versions still wait for the user (no skipWaiting).
    clientsClaim: true,
    // No runtime caching: anything not precached is a JWKS fetch the user asked for, and must be live.
    runtimeCaching: [],
    // One self-contained sw.js. The default loads workbox from a second file with importScripts(), a
    // Trusted Types sink: under the site's require-trusted-types-for header (which sw.js gets like every
    // response) that call is refused and the worker installs with nothing cached.
    inlineWorkboxRuntime: true,
  },
};

export function serviceWorkerPlugin() {
  return VitePWA(PWA_OPTIONS);
}
