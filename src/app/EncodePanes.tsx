// The Encode view, mirroring Decode: Encoded (the signed token) | Decoded (header, payload) | Key & signing.
import { lazy, Suspense, useEffect } from 'react';
import { Pane } from '../components/Pane';
import { PanelBoundary } from '../components/PanelBoundary';
import { requestMonaco } from '../components/useMonaco';
import { EncodeEditors } from '../features/encode/EncodeEditors';
import { SigningPanel } from '../features/keys/SigningPanel';
import { PayloadForm } from '../features/encode/PayloadForm';
import { TokenOutput } from '../features/encode/TokenOutput';
import { SnippetBox } from '../features/snippet/SnippetBox';
import { TemplateMenu } from '../features/templates/TemplateMenu';
import { SavedKeys } from '../features/keys/SavedKeys';
import { useIdleAppState } from '../state';
import { Layout } from './Layout';
import { KeyExtras } from './slots';

// Encrypting the output (JWE) is code-split: the JWE engine loads with this panel, not with the Encode view.
const EncryptPanel = lazy(() => import('../features/jwe/EncryptPanel').then((m) => ({ default: m.EncryptPanel })));

function EncodeSnippet() {
  const token = useIdleAppState((s) => (s.signing.status === 'error' ? '' : s.signing.token));
  return <SnippetBox token={token} />;
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
        <Pane title="Decoded">
          <PanelBoundary name="Decoded">
            <div className="space-y-4">
              <TemplateMenu />
              <EncodeEditors />
            </div>
          </PanelBoundary>
        </Pane>
      }
      third={
        <Pane title="Key & signing">
          <PanelBoundary name="Key">
            <div className="space-y-5">
              <SigningPanel />
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
