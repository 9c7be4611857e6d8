import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyLink } from './state/applyLink';
import './index.css';

// The link is read before the first render so the first paint already shows the decoded token.
applyLink(location, history);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
