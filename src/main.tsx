import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { FrameNotice } from './app/FrameNotice';
import { isFramed } from './app/frameGuard';
// Before Monaco's chunk can load: Monaco creates its Trusted Types policies as its modules evaluate, and the
// bundler does not keep import order inside that chunk, so importing this there first is not enough.
import './components/monacoEnvironment';
import { appStore } from './state';
import { applyLink } from './state/applyLink';
import { holdKeyEngine } from './state/keyEngine';
import { startSigning } from './state/signing';
import { startVerification } from './state/verification';
import { startX5cVerification } from './state/x5cVerification';
import './index.css';

// Inside a frame: only a notice and a link to open the app in its own tab (src/app/frameGuard.ts).
const framed = isFramed();
if (!framed) {
  // The code that reads keys and checks signatures is fetched from the frame that draws the first decoded token
  // (App releases it), so the first load does not carry it.
  holdKeyEngine();
  // The link is read before the first render so the first paint already shows the decoded token; its publicKey
  // is checked and loaded once the key engine is there.
  void applyLink(location, history);
  // Verification (and signing, in the Encode view) follow the store from before the first render, not from an
  // effect: a check asked for early starts the moment the key engine arrives (signing loads its own code).
  // The x5c check follows the store the same way; its engine loads only when a token carries x5c.
  // They follow the store for the life of the page, so nothing stops them.
  startVerification(appStore);
  startX5cVerification(appStore);
  startSigning(appStore);
}

createRoot(document.getElementById('root')!).render(<StrictMode>{framed ? <FrameNotice /> : <App />}</StrictMode>);
