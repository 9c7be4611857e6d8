// The Decode view: Encoded | Decoded | Key & verification. A compact JWS gets the panels below; another kind
// of token (JWE, JSON serialization, SD-JWT…) gets its feature's panels, named in tokenKindPanels.tsx.
import { lazy, Suspense } from 'react';
import { CopyButton } from '../components/CopyButton';
import { isDpopProofHeader } from '../core/dpop-header';
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
  selectKeyHasX5c,
  selectTokenHasX5c,
  selectTokenKind,
  useAppState,
} from '../state';
import { Layout } from './Layout';
import { DecodeChecks, KeyExtras } from './slots';
import { KIND_PANELS, type KindPanels } from './tokenKindPanels';

// Certificate chains (a token's x5c, or x5c in the key box's JWKS): its own chunk, and pkijs another, loaded
// only when there is a certificate to show.
const loadX5c = () => import('../features/x5c/X5cPanel');
const X5cPanel = lazy(() => loadX5c().then((m) => ({ default: m.X5cPanel })));
// signature-status for a token with x5c: only a trusted chain's leaf verifies, and a key in the key box decides.
const X5C_VIEWS = {
  Verdict: lazy(() => loadX5c().then((m) => ({ default: m.X5cSignatureVerdict }))),
  KeyBoxNote: lazy(() => loadX5c().then((m) => ({ default: m.X5cKeyBoxNote }))),
};

const SnippetBox = lazy(() => import('../features/snippet/SnippetBox').then((m) => ({ default: m.SnippetBox })));
const NegativeLauncher = lazy(() =>
  import('../features/negative/NegativeLauncher').then((m) => ({ default: m.NegativeLauncher })),
);

/** The panels of the token box's kind, or undefined for a compact JWS (the panels of this file). */
function useKindPanels(): KindPanels | undefined {
  return useAppState((s) => KIND_PANELS[selectTokenKind(s.tokenText).kind]);
}

function DecodeSnippet() {
  // The token on screen, never a lagging copy of it: a Copy command pressed right after a paste must send the
  // token the user sees. Mounted after the first paint; the command itself is cheap to build.
  const token = useAppState((s) => selectSendableToken(s.tokenText));
  // The test pack says itself why a JSON serialization or an encrypted token cannot be tested: it gets the text.
  const tokenText = useAppState((s) => s.tokenText);
  if (!useDeferredMount()) return null;
  return (
    <Suspense fallback={null}>
      <div className="space-y-5">
        <SnippetBox token={token} />
        <NegativeLauncher token={tokenText} source="decode" />
      </div>
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
  const detection = useAppState((s) => selectKeyDetection(s.keyEngine, s.keyText, s.secretEncoding));
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

function CertificateChains() {
  const show = useAppState((s) => selectTokenHasX5c(s.tokenText) || selectKeyHasX5c(s.keyText));
  if (!show) return null;
  return (
    <PanelBoundary name="certificate chain">
      <Suspense fallback={null}>
        <X5cPanel />
      </Suspense>
    </PanelBoundary>
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
  if (kind?.decoded) {
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
        {kind?.verdicts ? (
          <Suspense fallback={null}>
            <kind.verdicts />
          </Suspense>
        ) : (
          <>
            <AlgLine />
            <SignatureStatus x5cViews={X5C_VIEWS} />
            <ClaimsStatus />
          </>
        )}
      </div>
      <VerifyKey purpose={kind?.keyPurpose ?? 'verify'} />
      <CertificateChains />
      {kind?.keyExtras ? (
        <Suspense fallback={null}>
          <kind.keyExtras />
        </Suspense>
      ) : null}
      <SavedKeys />
      <DecodeChecks compactJws={!kind} />
      <KeyExtras mode="decode" />
      {kind?.decoded ? null : <LintList />}
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
              <TokenStatus showDecodeError={kind?.decoded === undefined} />
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
