// Offline status from the service worker: "ready to work offline" once, and "a new version is ready"
// with a Reload button the user presses when it suits them (never a forced reload mid-edit).
//
// Shown as a toast fixed to the bottom corner, not in the page's flow: it arrives seconds after the first
// paint (when the precache completes), and inserted above the workspace it pushed every pane down by
// ~60 px, which was all of the page's layout shift (Lighthouse CLS 0.07 mobile, 0.14-0.18 desktop).
// The one-off "works offline" news hides itself after a while unless the pointer or focus is on it;
// "a new version is ready" and failures stay until dismissed, since they ask for a decision.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { getServiceWorkerStatus, registerServiceWorker, subscribeServiceWorkerStatus } from './serviceWorker';

const BOX = 'flex items-start justify-between gap-3 rounded-md border px-3 py-2 text-sm shadow-lg';
/** How long "now works without a network" stays when nobody points at it or focuses it. */
const OFFLINE_READY_VISIBLE_MS = 12_000;
const INFO = 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100';

export function UpdateNotice() {
  useEffect(registerServiceWorker, []);
  const status = useSyncExternalStore(subscribeServiceWorkerStatus, getServiceWorkerStatus, getServiceWorkerStatus);
  const [dismissed, setDismissed] = useState<string>();
  const [held, setHeld] = useState(false);
  const transient = status.state === 'offline-ready';
  useEffect(() => {
    if (!transient || held) return;
    const timer = setTimeout(() => setDismissed('offline-ready'), OFFLINE_READY_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [transient, held]);
  if (status.state === dismissed) return null;
  const dismiss = (
    <button type="button" className="btn-secondary shrink-0" onClick={() => setDismissed(status.state)}>
      Dismiss<span className="sr-only"> notice</span>
    </button>
  );
  let body;
  if (status.state === 'update-ready') {
    body = (
      <div data-testid="update-notice" role="status" className={`${BOX} ${INFO}`}>
        <p>
          A new version of JWT Workbench is ready. Reload when you are done: reloading clears the token, keys and
          secrets held in this page.
        </p>
        <div className="flex shrink-0 gap-2">
          <button type="button" data-testid="update-reload" className="btn-secondary" onClick={status.apply}>
            Reload now
          </button>
          {dismiss}
        </div>
      </div>
    );
  } else if (status.state === 'offline-ready' && status.firstInstall) {
    body = (
      <div data-testid="offline-ready" role="status" className={`${BOX} ${INFO}`}>
        <p>JWT Workbench is saved in this browser and now works without a network.</p>
        {dismiss}
      </div>
    );
  } else if (status.state === 'failed') {
    body = (
      <div data-testid="offline-failed" role="status" className={`${BOX} ${INFO}`}>
        <p>{status.message}</p>
        {dismiss}
      </div>
    );
  } else {
    return null;
  }
  return (
    <div
      className="fixed right-4 bottom-4 left-4 z-50 sm:left-auto sm:max-w-md"
      onPointerEnter={() => setHeld(true)}
      onFocus={() => setHeld(true)}
    >
      {body}
    </div>
  );
}
