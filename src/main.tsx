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
  // The code that reads keys and checks signatures loads once the page has painted (App releases it).
  holdKeyEngine();
  // The link is read before the first render so the first paint already shows the decoded token.
  void applyLink(location, history);
  // Verification (and signing, in the Encode view) start before the first render, not in an effect: WebCrypto
  // then checks a linked token's signature while the page renders, so the verdict is ready as early as it can be.
  // The x5c check follows the store the same way; its engine loads only when a token carries x5c.
  // They follow the store for the life of the page, so nothing stops them.
  startVerification(appStore);
  startX5cVerification(appStore);
  startSigning(appStore);
}

createRoot(document.getElementById('root')!).render(<StrictMode>{framed ? <FrameNotice /> : <App />}</StrictMode>);
