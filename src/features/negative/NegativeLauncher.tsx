// The "Test your server" button under the Send-it box, in both views. The panel it opens (and the pack's engine,
// with its X.509 library) is a separate chunk, fetched on the first click: the page pays nothing for it before.
import { lazy, Suspense, useId, useState } from 'react';
import { PanelBoundary } from '../../components/PanelBoundary';

const NegativePanel = lazy(() => import('./NegativePanel').then((m) => ({ default: m.NegativePanel })));

export type TokenSource = 'decode' | 'encode';

// Open or closed once for the page session: switching views keeps the panel as the user left it.
let openInSession = false;

export function NegativeLauncher({ token, source }: { token: string; source: TokenSource }) {
  const [open, setOpen] = useState(openInSession);
  const panelId = useId();
  const toggle = () => {
    openInSession = !open;
    setOpen(!open);
  };
  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <button
          type="button"
          data-testid="negative-open"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          onClick={toggle}
          className="btn-secondary"
        >
          {open ? 'Hide the server tests' : 'Test your server…'}
        </button>
        <p className="hint">
          The tokens a correct server must refuse, made from this token, and one script that sends them all.
        </p>
      </div>
      {open ? (
        <div id={panelId}>
          <PanelBoundary name="Test your server">
            <Suspense
              fallback={
                <p role="status" className="text-sm text-slate-700 dark:text-slate-200">
                  Loading the server tests…
                </p>
              }
            >
              <NegativePanel token={token} source={source} />
            </Suspense>
          </PanelBoundary>
        </div>
      ) : null}
    </div>
  );
}
