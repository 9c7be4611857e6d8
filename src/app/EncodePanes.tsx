// The Encode view, mirroring Decode: Encoded (the signed token) | Decoded (header, payload) | Key & signing.
import { useEffect } from 'react';
import { Pane } from '../components/Pane';
import { PanelBoundary } from '../components/PanelBoundary';
import { requestMonaco } from '../components/useMonaco';
import { EncodeEditors } from '../features/encode/EncodeEditors';
import { SignedClaims } from '../features/encode/SignedClaims';
import { SigningPanel } from '../features/keys/SigningPanel';
import { TokenOutput } from '../features/encode/TokenOutput';
import { SnippetBox } from '../features/snippet/SnippetBox';
import { TemplateMenu } from '../features/templates/TemplateMenu';
import { SavedKeys } from '../features/keys/SavedKeys';
import { useAppState } from '../state';
import { Layout } from './Layout';
import { KeyExtras } from './slots';

function EncodeSnippet() {
  // The signed token on screen, as token-output shows it, never a lagging copy.
  const token = useAppState((s) => (s.signing.status === 'error' ? '' : s.signing.token));
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
        <Pane title="Header & payload">
          <PanelBoundary name="Header & payload">
            <div className="space-y-4">
              <TemplateMenu />
              <EncodeEditors />
              <SignedClaims />
            </div>
          </PanelBoundary>
        </Pane>
      }
      third={
        <Pane title="Key & signing">
          <PanelBoundary name="Key">
            <div className="space-y-5">
              <SigningPanel />
              <SavedKeys />
              <KeyExtras mode="encode" />
            </div>
          </PanelBoundary>
        </Pane>
      }
    />
  );
}
