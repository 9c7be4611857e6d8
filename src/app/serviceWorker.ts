// Service worker registration. Registered from the app's own bundle, not the
// plugin's inline snippet, because the CSP allows no inline script (config/pwa.ts). A new version is
// announced, never forced: the user's token and in-memory keys would vanish with an automatic reload.
// workbox-window is imported when registering, after the page has loaded: the first decode never waits
// for it (first-load budget), and registering later keeps the precache downloads off the first load.
import type { Workbox } from 'workbox-window';
import { scriptUrlPolicy, TRUSTED_TYPES_POLICY_NAMES } from '../components/trustedTypes';

export type ServiceWorkerStatus =
  /** Not registered: dev server, the single-file build, file://, or a browser without service workers. */
  | { state: 'unsupported' }
  | { state: 'registering' }
  /** Every file is cached; the app now works with the network off. `firstInstall`: this visit did it. */
  | { state: 'offline-ready'; firstInstall: boolean }
  /** A newer version is installed and waiting; `apply` switches to it and reloads. */
  | { state: 'update-ready'; apply: () => void }
  | { state: 'failed'; message: string };

// Known before the first render, so the page can keep room for the offline notice from its first paint.
let status: ServiceWorkerStatus = canRegister() ? { state: 'registering' } : { state: 'unsupported' };
const listeners = new Set<() => void>();
let started = false;

function setStatus(next: ServiceWorkerStatus): void {
  status = next;
  for (const listener of listeners) listener();
}

/**
 * This visit will install the service worker (none controls the page yet): the "saved for offline use"
 * news will follow, so the page shows its notice from the first paint and the news replaces the words in
 * place instead of pushing the workspace down seconds later (that was the page's layout shift).
 */
export function willInstallForOffline(): boolean {
  return status.state === 'registering' && !navigator.serviceWorker.controller;
}

export function getServiceWorkerStatus(): ServiceWorkerStatus {
  return status;
}

export function subscribeServiceWorkerStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function canRegister(): boolean {
  // The single-file build opens from file://, where service workers do not exist; dev serves no sw.js.
  if (!import.meta.env.PROD || import.meta.env.MODE === 'single') return false;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return false;
  return 'serviceWorker' in navigator;
}

/**
 * `register(url)` is a Trusted Types sink: the script URL comes from a policy that accepts `sw.js` beside the
 * page (under the build's base path, which is also the scope) and nothing else.
 */
const SERVICE_WORKER_URL = `${import.meta.env.BASE_URL}sw.js`;
const serviceWorkerUrl = scriptUrlPolicy(TRUSTED_TYPES_POLICY_NAMES.serviceWorker, [SERVICE_WORKER_URL]);

/** Registers `sw.js` once per page, once the page has loaded; later calls do nothing. */
export function registerServiceWorker(): void {
  if (started || !canRegister()) return;
  started = true;
  setStatus({ state: 'registering' });
  const begin = () =>
    void import('workbox-window')
      .then(({ Workbox }) =>
        register(new Workbox(serviceWorkerUrl(SERVICE_WORKER_URL), { scope: import.meta.env.BASE_URL })),
      )
      .catch(fail);
  if (document.readyState === 'complete') begin();
  else window.addEventListener('load', begin, { once: true });
}

function register(wb: Workbox): void {
  const base = import.meta.env.BASE_URL;
  wb.addEventListener('activated', (event) => {
    // An update found later is `isExternal` (workbox-window's heuristic); its activation is not a first install.
    if (!event.isUpdate && !event.isExternal) setStatus({ state: 'offline-ready', firstInstall: true });
  });
  wb.addEventListener('waiting', () => {
    setStatus({
      state: 'update-ready',
      apply: () => {
        // Reload only once the new worker controls the page, so the reload is served by the new version.
        wb.addEventListener('controlling', () => location.reload());
        wb.messageSkipWaiting();
      },
    });
  });
  wb.register().then(
    (registration) => {
      // Already installed on an earlier visit: the cache is complete and nothing is announced.
      if (registration?.active && !registration.waiting && status.state === 'registering') {
        setStatus({ state: 'offline-ready', firstInstall: false });
      }
    },
    (error: unknown) => {
      void navigator.serviceWorker.getRegistration(base).then(
        (registration) => {
          if (!registration && !reportedByBrowser(error)) setStatus({ state: 'unsupported' });
          else fail(error);
        },
        () => fail(error),
      );
    },
  );
  // A long-lived tab looks for a new version when the user comes back to it.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void wb.update();
  });
}

/**
 * A blocked container (enterprise policy, privacy tools, Playwright's `serviceWorkers: 'block'`)
 * resolves `register()` with nothing, and workbox-window then fails reading `.waiting` of it: that
 * is "no service workers" (as on file://), not a failure to announce. Real registration failures
 * come from the browser as a DOMException or a TypeError "Failed to register a ServiceWorker …".
 */
function reportedByBrowser(error: unknown): boolean {
  if (typeof DOMException !== 'undefined' && error instanceof DOMException) return true;
  return error instanceof Error && error.message.startsWith('Failed to register');
}

function fail(error: unknown): void {
  setStatus({
    state: 'failed',
    message: `Offline support could not be set up (${error instanceof Error ? error.message : String(error)}). The app still works while online.`,
  });
}
