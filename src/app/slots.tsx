// Where the key generator (Encode view) and the JWKS fetcher (Decode view) sit in the Key pane.
// Their panels are owned by src/features/keygen and src/features/jwks; they read the store themselves.
// Both are code-split and requested after the first paint: neither is needed to show the first decoded
// token (issue 7 load budget).
import { lazy, Suspense } from 'react';
import { PanelBoundary } from '../components/PanelBoundary';
import { useDeferredMount } from '../components/useDeferredMount';
import type { Mode } from '../state';

const JwksPanel = lazy(() => import('../features/jwks/JwksPanel').then((m) => ({ default: m.JwksPanel })));
const KeygenPanel = lazy(() => import('../features/keys/KeygenPanel').then((m) => ({ default: m.KeygenPanel })));

export function KeyExtras({ mode }: { mode: Mode }) {
  if (!useDeferredMount()) return null;
  return (
    <PanelBoundary name={mode === 'encode' ? 'key generator' : 'JWKS'}>
      <Suspense fallback={null}>{mode === 'encode' ? <KeygenPanel /> : <JwksPanel />}</Suspense>
    </PanelBoundary>
  );
}
