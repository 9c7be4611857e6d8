// Offline status from the service worker: "ready to work offline" once, and "a new version is ready"
// with a Reload button the user presses when it suits them (never a forced reload mid-edit).
import { useEffect, useState, useSyncExternalStore } from 'react';
import { getServiceWorkerStatus, registerServiceWorker, subscribeServiceWorkerStatus } from './serviceWorker';

const BOX = 'flex items-start justify-between gap-3 rounded-md border px-3 py-2 text-sm';
const INFO = 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100';

export function UpdateNotice() {
  useEffect(registerServiceWorker, []);
  const status = useSyncExternalStore(subscribeServiceWorkerStatus, getServiceWorkerStatus, getServiceWorkerStatus);
  const [dismissed, setDismissed] = useState<string>();
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
  return <div className="px-4 pt-2">{body}</div>;
}
