// The Decode view: Encoded | Decoded | Key & verification.
import { lazy, Suspense } from 'react';
import { CopyButton } from '../components/CopyButton';
import { KeyInput } from '../features/keys/KeyInput';
import { Pane } from '../components/Pane';
import { PanelBoundary } from '../components/PanelBoundary';
import { useDeferredMount } from '../components/useDeferredMount';
import { ClaimsTable } from '../features/decode/ClaimsTable';
import { DecodedParts } from '../features/decode/DecodedParts';
import { LintList } from '../features/decode/LintList';
import { TokenInput } from '../features/decode/TokenInput';
import { TokenStatus } from '../features/decode/TokenStatus';
import { ClaimsStatus, SignatureStatus } from '../features/decode/Verdicts';
import { actions, appStore, selectDecode, selectKeyDetection, useAppState, useDeferredDecode } from '../state';
import { Layout } from './Layout';
import { SavedKeys } from '../features/keys/SavedKeys';
import { KeyExtras } from './slots';

const SnippetBox = lazy(() => import('../features/snippet/SnippetBox').then((m) => ({ default: m.SnippetBox })));

function DecodeSnippet() {
  // Deferred like the other heavy views: the verdict renders first.
  const { outcome } = useDeferredDecode();
  if (!useDeferredMount()) return null;
  return (
    <Suspense fallback={null}>
      <SnippetBox token={outcome.ok ? outcome.decoded.normalized : ''} />
    </Suspense>
  );
}

function VerifyKey() {
  const alg = useAppState((s) => {
    const outcome = selectDecode(s.tokenText);
    return outcome.ok ? outcome.decoded.alg : undefined;
  });
  const detection = useAppState((s) => selectKeyDetection(s.keyText, s.secretEncoding));
  return <KeyInput purpose="verify" hmac={Boolean(alg?.startsWith('HS')) && detection.kind !== 'key'} />;
}

function AlgLine() {
  const alg = useAppState((s) => {
    const outcome = selectDecode(s.tokenText);
    return outcome.ok ? outcome.decoded.alg : undefined;
  });
  if (!alg) return null;
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300">
      Signed with <code className="rounded bg-slate-100 px-1 font-mono dark:bg-slate-800">{alg}</code>
    </p>
  );
}

export function DecodePanes() {
  return (
    <Layout
      first={
        <Pane
          title="Encoded"
          actions={
            <CopyButton testId="copy-token" label="Copy token" compact getText={() => appStore.getState().tokenText} />
          }
        >
          <PanelBoundary name="Encoded">
            <div className="flex h-full min-h-64 flex-col">
              <div className="min-h-48 flex-1">
                <TokenInput />
              </div>
              <TokenStatus />
            </div>
          </PanelBoundary>
        </Pane>
      }
      second={
        <Pane title="Decoded">
          <PanelBoundary name="Decoded">
            <div className="space-y-5">
              <DecodedParts />
              <ClaimsTable />
            </div>
          </PanelBoundary>
        </Pane>
      }
      third={
        <Pane title="Key & verification">
          <PanelBoundary name="Key" onReset={() => actions.setKeyText('')}>
            <div className="space-y-5">
              <div className="space-y-2">
                <AlgLine />
                <SignatureStatus />
                <ClaimsStatus />
              </div>
              <VerifyKey />
              <SavedKeys />
              <KeyExtras mode="decode" />
              <LintList />
              <DecodeSnippet />
            </div>
          </PanelBoundary>
        </Pane>
      }
    />
  );
}
