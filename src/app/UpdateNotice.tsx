// Offline status from the service worker: "saved for offline use" once, and "a new version is ready"
// with a Reload button the user presses when it suits them (never a forced reload mid-edit).
//
// Placement avoids layout shift without covering controls. The offline news came seconds after
// the first paint and, inserted above the workspace, pushed every pane down by ~60 px: all of the page's
// layout shift (Lighthouse CLS 0.07 mobile, 0.14-0.18 desktop). A fixed toast instead covered the Key
// pane's buttons (axe: contrast of a button under it). So on a visit that installs the service worker the
// notice is in the page from the first paint, saying it is saving, and the news replaces those words in
// place; it goes when dismissed (a shift the user asked for does not count). "A new version is ready"
// arrives on a later visit, rarely, and asks for a decision: that one floats in the bottom corner until
// answered. Left as is: a browser that refuses service workers only says so once it is asked (register()
// resolves with nothing), so there the "saving" words of the first paint go again, moving the page once.
import { useEffect, useState, useSyncExternalStore } from 'react';
import {
  getServiceWorkerStatus,
  registerServiceWorker,
  subscribeServiceWorkerStatus,
  willInstallForOffline,
} from './serviceWorker';

const BOX = 'flex items-start justify-between gap-3 rounded-md border px-3 py-2 text-sm';
const INFO = 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100';

export function UpdateNotice() {
  useEffect(registerServiceWorker, []);
  const status = useSyncExternalStore(subscribeServiceWorkerStatus, getServiceWorkerStatus);
  // Decided once, at the first render: whether this visit keeps the offline notice's place.
  const [installing] = useState(willInstallForOffline);
  const [dismissed, setDismissed] = useState<string>();
  const dismiss = (what: string) => (
    <button type="button" className="btn-secondary shrink-0" onClick={() => setDismissed(what)}>
      Dismiss<span className="sr-only"> notice</span>
    </button>
  );
  if (status.state === 'update-ready') {
    if (dismissed === 'update-ready') return null;
    return (
      <div className="fixed right-4 bottom-4 left-4 z-50 sm:left-auto sm:max-w-md">
        <div data-testid="update-notice" role="status" className={`${BOX} ${INFO} shadow-lg`}>
          <p>
            A new version of JWT Workbench is ready. Reload when you are done: reloading clears the token, keys and
            secrets held in this page.
          </p>
          <div className="flex shrink-0 gap-2">
            <button type="button" data-testid="update-reload" className="btn-secondary" onClick={status.apply}>
              Reload now
            </button>
            {dismiss('update-ready')}
          </div>
        </div>
      </div>
    );
  }
  if (dismissed === 'offline') return null;
  let body;
  if (status.state === 'failed') {
    body = (
      <div data-testid="offline-failed" role="status" className={`${BOX} ${INFO}`}>
        <p>{status.message}</p>
        {dismiss('offline')}
      </div>
    );
  } else if (installing && status.state === 'offline-ready') {
    body = (
      <div data-testid="offline-ready" role="status" className={`${BOX} ${INFO}`}>
        <p>JWT Workbench is saved in this browser and now works without a network.</p>
        {dismiss('offline')}
      </div>
    );
  } else if (installing && status.state === 'registering') {
    body = (
      <div data-testid="offline-saving" role="status" className={`${BOX} ${INFO}`}>
        <p>Saving JWT Workbench in this browser so that it works without a network…</p>
        {dismiss('offline')}
      </div>
    );
  } else {
    return null;
  }
  return <div className="px-4 pt-2">{body}</div>;
}
