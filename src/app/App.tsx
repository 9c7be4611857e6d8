// The page: top bar, notices, and the current view. Verification and signing run beside React
// (src/state/verification.ts and signing.ts, started by main.tsx before the first render); this component follows the theme
// and the address bar.
import { lazy, Suspense, useEffect, useLayoutEffect } from 'react';
import { useAppState, useIsDark } from '../state';
import { applyLink } from '../state/applyLink';
import { releaseKeyEngine } from '../state/keyEngine';
import { applyThemeToDocument } from '../state/theme';
import { DecodePanes } from './DecodePanes';
import { Notices } from './Notices';
import { TopBar } from './TopBar';
import { UpdateNotice } from './UpdateNotice';
import { warmEditorWhenSettled } from './warmEditor';

// The Encode view (and the signer it pulls in) is not needed for the first decoded token.
const loadEncodePanes = () => import('./EncodePanes');
const EncodePanes = lazy(() => loadEncodePanes().then((m) => ({ default: m.EncodePanes })));

// Fetched once the page is idle, so switching to Encode is instant without costing the first decode.
function prefetchEncodeView(): void {
  const start = () => void loadEncodePanes().catch(() => undefined);
  setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 2000 });
    else start();
  }, 1000);
}

export function App() {
  const mode = useAppState((s) => s.mode);
  const dark = useIsDark();
  useEffect(() => applyThemeToDocument(dark), [dark]);
  useLayoutEffect(() => {
    // The key engine is fetched from the frame that draws the first decoded token, while the browser lays it out
    // and paints it: it never delays that frame, and arrives as soon after it as it can (or after a moment, in a
    // tab the browser does not draw).
    const frame = requestAnimationFrame(releaseKeyEngine);
    const fallback = setTimeout(releaseKeyEngine, 500);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(fallback);
    };
  }, []);
  useEffect(() => {
    prefetchEncodeView();
    // A new link pasted into the address bar of an open tab changes only the fragment.
    const onHashChange = () => void applyLink(location, history);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  useEffect(warmEditorWhenSettled, []);
  return (
    <div className="flex h-full flex-col">
      <TopBar />
      <Notices />
      <UpdateNotice />
      <main className="min-h-0 flex-1" aria-label={mode === 'decode' ? 'Decode a token' : 'Encode a token'}>
        {mode === 'decode' ? (
          <DecodePanes />
        ) : (
          <Suspense fallback={<p className="p-4 text-sm">Loading the Encode view…</p>}>
            <EncodePanes />
          </Suspense>
        )}
      </main>
    </div>
  );
}
