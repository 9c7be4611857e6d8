// The certificate-chain panel, under the key box whenever the token's header has x5c or the key box holds a JWK
// with x5c. Code-split with the rest of this folder: a page without certificates never loads it (nor pkijs).
// The signature verdict's words for such a token live here too, so both arrive in one chunk.
import { useId } from 'react';
import type { X5cChainVerdict, X5cTokenVerdict } from '../../core/x5c/types';
import { selectKeyHasX5c, selectTokenHasX5c, useAppState, useIdleAppState } from '../../state';
import { CertificateCard, FindingList } from './CertificateCard';
import { ChainStatus, ChainVerdict } from './ChainStatus';
import { TrustAnchorInput } from './TrustAnchorInput';
import { jwksChainKeys, useJwksChains } from './useJwksChains';

export { X5cKeyBoxNote, X5cSignatureVerdict } from './X5cSignature';

/** Findings about one certificate of the chain (by its place in x5c). */
function findingsFor(verdict: X5cChainVerdict, index: number) {
  return verdict.findings.filter((f) => f.certificate?.source === 'x5c' && f.certificate.index === index);
}

function ChainCertificates({ verdict, copyPrefix }: { verdict: X5cChainVerdict; copyPrefix: string }) {
  const general = verdict.findings.filter((f) => f.certificate?.source !== 'x5c' && f.code !== verdict.code);
  return (
    <>
      {verdict.chain.error ? (
        <p className="text-sm text-red-800 dark:text-red-300">
          <span aria-hidden="true">✕ </span>
          {verdict.chain.error.message}
        </p>
      ) : null}
      <ol className="space-y-2">
        {verdict.chain.certificates.map((cert) => (
          <CertificateCard
            key={cert.ref.index}
            cert={cert}
            findings={findingsFor(verdict, cert.ref.index)}
            checkedAt={verdict.checkedAt}
            copyId={`${copyPrefix}-${cert.ref.index}`}
          />
        ))}
      </ol>
      {general.length > 0 ? (
        <div className="text-xs">
          <FindingList findings={general} />
        </div>
      ) : null}
    </>
  );
}

function TokenCertificates({ verdict }: { verdict: X5cTokenVerdict }) {
  return (
    <div data-testid="x5c-chain" className="space-y-2">
      <h4 className="text-sm font-semibold text-slate-800 dark:text-slate-100">
        In the token ({verdict.chain.chain.certificates.length}, leaf first)
      </h4>
      <ChainCertificates verdict={verdict.chain} copyPrefix="x5c" />
    </div>
  );
}

function JwksChainList({ keys, fixedClock }: { keys: ReturnType<typeof jwksChainKeys>; fixedClock: boolean }) {
  if (!keys || keys.length === 0) return null;
  return (
    <div data-testid="x5c-jwks" className="space-y-2">
      <h4 className="text-sm font-semibold text-slate-800 dark:text-slate-100">In the key box&apos;s keys</h4>
      <p className="hint">
        The key box verifies with each key&apos;s own members; these chains are shown so you can check where the keys
        come from, and do not change the signature verdict.
      </p>
      <ul className="space-y-3">
        {keys.map((key) => (
          <li key={key.index} data-testid="x5c-jwk" data-kid={key.kid ?? ''} className="space-y-1">
            <p className="text-sm font-semibold">
              {key.kid !== undefined ? <>Key “{key.kid}”</> : <>Key {key.index + 1}</>}
            </p>
            <ChainVerdict verdict={key.verdict} testId="x5c-jwk-status" fixedClock={fixedClock} />
            <details className="text-sm">
              <summary className="cursor-pointer">Certificates ({key.chain.certificates.length})</summary>
              <div className="mt-2">
                <ChainCertificates verdict={key.verdict} copyPrefix={`x5c-jwk-${key.index}`} />
              </div>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function X5cPanel() {
  const ids = useId();
  const tokenHasX5c = useAppState((s) => selectTokenHasX5c(s.tokenText));
  const x5c = useAppState((s) => s.x5c);
  const fixedClock = useAppState((s) => s.clock.asOf !== undefined);
  const verdict = x5c.status === 'done' ? x5c.verdict : x5c.status === 'pending' ? x5c.previous : undefined;
  // The key box's chains follow the idle state: no pkijs parse on every keystroke in the key box.
  const keyText = useIdleAppState((s) => (selectKeyHasX5c(s.keyText) ? s.keyText : undefined));
  const anchorsText = useIdleAppState((s) => s.trustAnchorsText);
  const clock = useIdleAppState((s) => s.clock);
  const jwks = useJwksChains(keyText, anchorsText, clock);
  const jwksKeys = jwksChainKeys(jwks);
  const anchors = verdict?.chain.anchors ?? jwksKeys?.[0]?.verdict.anchors;
  if (!tokenHasX5c && !jwksKeys?.length) return null;
  return (
    <section aria-labelledby={`${ids}-title`} data-testid="x5c-panel" className="space-y-3">
      <h3 id={`${ids}-title`} className="text-sm font-semibold text-slate-800 dark:text-slate-100">
        Certificate chain (x5c)
      </h3>
      {tokenHasX5c ? <ChainStatus x5c={x5c} fixedClock={fixedClock} /> : null}
      <TrustAnchorInput anchors={anchors} />
      {tokenHasX5c && verdict ? <TokenCertificates verdict={verdict} /> : null}
      {jwks.status === 'error' ? (
        <p className="text-sm text-red-800 dark:text-red-300">
          <span aria-hidden="true">⚠ </span>
          The key box&apos;s certificate chains could not be checked: {jwks.message}
        </p>
      ) : null}
      <JwksChainList keys={jwksKeys} fixedClock={fixedClock} />
    </section>
  );
}
