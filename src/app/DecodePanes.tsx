// The Decode view: Encoded | Decoded | Key & verification. A compact JWS gets the panels below; another kind
// of token (JWE, JSON serialization, SD-JWT…) gets its feature's panels, named in tokenKindPanels.tsx.
import { lazy, Suspense } from 'react';
import { CopyButton } from '../components/CopyButton';
import { isDpopProofHeader } from '../core/lint';
import { Pane } from '../components/Pane';
import { PanelBoundary } from '../components/PanelBoundary';
import { useDeferredMount } from '../components/useDeferredMount';
import { ClaimsTable } from '../features/decode/ClaimsTable';
import { DecodedParts } from '../features/decode/DecodedParts';
import { LintList } from '../features/decode/LintList';
import { TokenInput } from '../features/decode/TokenInput';
import { TokenStatus } from '../features/decode/TokenStatus';
import { ClaimsStatus, SignatureStatus } from '../features/decode/Verdicts';
import { KeyInput } from '../features/keys/KeyInput';
import { SavedKeys } from '../features/keys/SavedKeys';
import {
  actions,
  appStore,
  selectDecode,
  selectKeyDetection,
  selectSendableToken,
  selectTokenKind,
  useAppState,
} from '../state';
import { Layout } from './Layout';
import { DecodeChecks, KeyExtras } from './slots';
import { KIND_PANELS, type KindPanels } from './tokenKindPanels';

const SnippetBox = lazy(() => import('../features/snippet/SnippetBox').then((m) => ({ default: m.SnippetBox })));

/** The panels of the token box's kind, or undefined for a compact JWS (the panels of this file). */
function useKindPanels(): KindPanels | undefined {
  return useAppState((s) => KIND_PANELS[selectTokenKind(s.tokenText).kind]);
}

function DecodeSnippet() {
  // The token on screen, never a lagging copy of it: a Copy command pressed right after a paste must send the
  // token the user sees. Mounted after the first paint; the command itself is cheap to build.
  const token = useAppState((s) => selectSendableToken(s.tokenText));
  if (!useDeferredMount()) return null;
  return (
    <Suspense fallback={null}>
      <SnippetBox token={token} />
    </Suspense>
  );
}

function VerifyKey({ purpose }: { purpose: 'verify' | 'decrypt' }) {
  const alg = useAppState((s) => {
    const outcome = selectDecode(s.tokenText);
    return outcome.ok ? outcome.decoded.alg : undefined;
  });
  const dpopProof = useAppState((s) => {
    const outcome = selectDecode(s.tokenText);
    return outcome.ok && isDpopProofHeader(outcome.decoded.header);
  });
  const detection = useAppState((s) => selectKeyDetection(s.keyText, s.secretEncoding));
  return (
    <KeyInput
      purpose={purpose}
      hmac={Boolean(alg?.startsWith('HS')) && detection.kind !== 'key'}
      emptyText={
        dpopProof && purpose === 'verify'
          ? 'No key needed: a DPoP proof is checked with the public key in its own header. Paste a key to check it against one you trust instead.'
          : undefined
      }
    />
  );
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

function DecodedPane() {
  const kind = useKindPanels();
  if (kind) {
    return (
      <Suspense fallback={null}>
        <kind.decoded />
      </Suspense>
    );
  }
  return (
    <div className="space-y-5">
      <DecodedParts />
      <ClaimsTable />
    </div>
  );
}

function KeyPane() {
  const kind = useKindPanels();
  return (
    <div className="space-y-5">
      <div className="space-y-2">
        {kind ? (
          <Suspense fallback={null}>
            <kind.verdicts />
          </Suspense>
        ) : (
          <>
            <AlgLine />
            <SignatureStatus />
            <ClaimsStatus />
          </>
        )}
      </div>
      <VerifyKey purpose={kind?.keyPurpose ?? 'verify'} />
      {kind?.keyExtras ? (
        <Suspense fallback={null}>
          <kind.keyExtras />
        </Suspense>
      ) : null}
      <SavedKeys />
      <DecodeChecks compactJws={!kind} />
      <KeyExtras mode="decode" />
      {kind ? null : <LintList />}
      <DecodeSnippet />
    </div>
  );
}

export function DecodePanes() {
  const kind = useKindPanels();
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
              <TokenStatus showDecodeError={kind === undefined} />
            </div>
          </PanelBoundary>
        </Pane>
      }
      second={
        <Pane title="Decoded">
          <PanelBoundary name="Decoded">
            <DecodedPane />
          </PanelBoundary>
        </Pane>
      }
      third={
        <Pane title="Key & verification">
          <PanelBoundary name="Key" onReset={() => actions.setKeyText('')}>
            <KeyPane />
          </PanelBoundary>
        </Pane>
      }
    />
  );
}
