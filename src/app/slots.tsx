// Where the key generator (Encode view), the JWKS fetcher, the token-profile checks and the clock (Decode view)
// sit in the Key pane.
// Their panels are owned by src/features/keys, src/features/jwks and src/features/profiles; they read the store
// themselves. All are code-split and requested after the first paint: none is needed to show the first decoded
// token (first-load budget).
import { lazy, Suspense } from 'react';
import { PanelBoundary } from '../components/PanelBoundary';
import { useDeferredMount } from '../components/useDeferredMount';
import type { Mode } from '../state';

const JwksPanel = lazy(() => import('../features/jwks/JwksPanel').then((m) => ({ default: m.JwksPanel })));
const KeygenPanel = lazy(() => import('../features/keys/KeygenPanel').then((m) => ({ default: m.KeygenPanel })));
const ProfilesPanel = lazy(() =>
  import('../features/profiles/ProfilesPanel').then((m) => ({ default: m.ProfilesPanel })),
);
const ClockControls = lazy(() =>
  import('../features/profiles/ClockControls').then((m) => ({ default: m.ClockControls })),
);

export function KeyExtras({ mode }: { mode: Mode }) {
  if (!useDeferredMount()) return null;
  return (
    <PanelBoundary name={mode === 'encode' ? 'key generator' : 'JWKS'}>
      <Suspense fallback={null}>{mode === 'encode' ? <KeygenPanel /> : <JwksPanel />}</Suspense>
    </PanelBoundary>
  );
}

/**
 * Decode view: the token-profile checks (a compact JWS only) and the clock every time verdict uses (any token).
 * Code-split and mounted after the first paint, like the JWKS panel.
 */
export function DecodeChecks({ compactJws }: { compactJws: boolean }) {
  if (!useDeferredMount()) return null;
  return (
    <>
      {compactJws ? (
        <PanelBoundary name="token profile">
          <Suspense fallback={null}>
            <ProfilesPanel />
          </Suspense>
        </PanelBoundary>
      ) : null}
      <PanelBoundary name="clock">
        <Suspense fallback={null}>
          <ClockControls />
        </Suspense>
      </PanelBoundary>
    </>
  );
}
