// The Encode view, mirroring Decode: Encoded (the signed token) | Decoded (header, payload) | Key & signing.
import { lazy, Suspense, useEffect } from 'react';
import { Pane } from '../components/Pane';
import { PanelBoundary } from '../components/PanelBoundary';
import { requestMonaco } from '../components/useMonaco';
import { EncodeEditors } from '../features/encode/EncodeEditors';
import { SignedClaims } from '../features/encode/SignedClaims';
import { SigningPanel } from '../features/keys/SigningPanel';
import { PayloadForm } from '../features/encode/PayloadForm';
import { TokenOutput } from '../features/encode/TokenOutput';
import { NegativeLauncher } from '../features/negative/NegativeLauncher';
import { SnippetBox } from '../features/snippet/SnippetBox';
import { TemplateMenu } from '../features/templates/TemplateMenu';
import { SavedKeys } from '../features/keys/SavedKeys';
import { useAppState } from '../state';
import { Layout } from './Layout';
import { KeyExtras } from './slots';

// SD-JWT making (RFC 9901) is code-split: the Encode view loads it, the first decode never does.
const loadSdJwtPanels = () => import('../features/sdjwt/encodePanels');
const SdJwtIssuePanel = lazy(() => loadSdJwtPanels().then((m) => ({ default: m.SdJwtIssuePanel })));
const SdJwtHolderPanel = lazy(() => loadSdJwtPanels().then((m) => ({ default: m.SdJwtHolderPanel })));
// Encrypting the output (JWE) is code-split: the JWE engine loads with this panel, not with the Encode view.
const EncryptPanel = lazy(() => import('../features/jwe/EncryptPanel').then((m) => ({ default: m.EncryptPanel })));

function EncodeSnippet() {
  // The signed token on screen, as token-output shows it, never a lagging copy.
  const token = useAppState((s) => (s.signing.status === 'error' ? '' : s.signing.token));
  return (
    <>
      <SnippetBox token={token} />
      <NegativeLauncher token={token} source="encode" />
    </>
  );
}

export function EncodePanes() {
  // Here the JSON editors are the input, so Monaco is wanted as soon as the view opens.
  useEffect(requestMonaco, []);
  return (
    <Layout
      first={
        <Pane title="Encoded">
          <PanelBoundary name="Encoded">
            <div className="space-y-6">
              <TokenOutput />
              <EncodeSnippet />
            </div>
          </PanelBoundary>
        </Pane>
      }
      second={
        <Pane title="Header & payload">
          <PanelBoundary name="Header & payload">
            <div className="space-y-4">
              <TemplateMenu />
              <EncodeEditors />
              <SignedClaims />
              <PanelBoundary name="SD-JWT">
                <Suspense fallback={null}>
                  <SdJwtIssuePanel />
                </Suspense>
              </PanelBoundary>
            </div>
          </PanelBoundary>
        </Pane>
      }
      third={
        <Pane title="Key & signing">
          <PanelBoundary name="Key">
            <div className="space-y-5">
              <SigningPanel />
              <PanelBoundary name="SD-JWT holder">
                <Suspense fallback={null}>
                  <SdJwtHolderPanel />
                </Suspense>
              </PanelBoundary>
              <PayloadForm />
              <PanelBoundary name="Encryption">
                <Suspense fallback={null}>
                  <EncryptPanel />
                </Suspense>
              </PanelBoundary>
              <SavedKeys />
              <KeyExtras mode="encode" />
            </div>
          </PanelBoundary>
        </Pane>
      }
    />
  );
}
