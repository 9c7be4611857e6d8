// Under the key box for an encrypted token: the inner token's key (`inner-key-input`) when the JWE holds a
// signed token, and the security review of the JWE (before decryption: its header; after: what it held too).
import { useId, useMemo } from 'react';
import { FindingsList } from '../../components/FindingsList';
import { KeyKindLine, KeyTextArea, SecretEncodingChoice } from '../../components/KeyBox';
import { ctyIsJwt } from '../../core/jwe/find-inner-token';
import { lintJwe } from '../../core/jwe/lint';
import { detectKey } from '../../core/keys';
import { lintToken } from '../../core/lint';
import type { LintFinding } from '../../core/types';
import { actions, selectEncKeyDetection, useAppState, useNow } from '../../state';
import { jweHeader, useDecryption, useInnerToken, useJweView, type InnerView } from './useJwe';

function InnerKeyInput({ inner }: { inner: InnerView | undefined }) {
  const id = useId();
  const keyText = useAppState((s) => s.innerKeyText);
  const secretEncoding = useAppState((s) => s.innerSecretEncoding);
  const detection = useMemo(() => detectKey({ text: keyText, secretEncoding }), [keyText, secretEncoding]);
  const hmac = Boolean(inner?.decoded?.alg?.startsWith('HS'));
  const showEncoding = detection.kind === 'secret' || (hmac && detection.kind === 'empty');
  return (
    <div className="space-y-2">
      <KeyTextArea
        id={id}
        label="Inner token's verification key"
        testId="inner-key-input"
        value={keyText}
        rows={4}
        placeholder="The signer's secret, or public key: PEM, certificate, JWK or JWKS"
        describedBy={`${id}-kind ${id}-help`}
        onChange={(text) => actions.setInnerKeyText(text)}
      />
      <KeyKindLine
        id={id}
        testId="inner-key-kind"
        detection={detection}
        emptyText="No key: the inner signature is not checked until you paste one."
      />
      {showEncoding ? (
        <SecretEncodingChoice
          id={id}
          label="Inner secret is"
          testId="inner-secret-encoding"
          value={secretEncoding}
          onChange={(encoding) => actions.setInnerSecretEncoding(encoding)}
        />
      ) : null}
      <p id={`${id}-help`} className="hint">
        The JWE is opened with the decryption key above; the token inside was signed with another key, which goes here.
        Kept in this page&apos;s memory only.
      </p>
    </div>
  );
}

function useReview(inner: InnerView | undefined): { outer: LintFinding[]; inner: LintFinding[] } {
  const { view } = useJweView();
  const decryption = useDecryption();
  const keyText = useAppState((s) => s.keyText);
  const detection = useAppState((s) => selectEncKeyDetection(s.keyEngine, s.keyText, s.secretEncoding));
  const innerKeyText = useAppState((s) => s.innerKeyText);
  const innerEncoding = useAppState((s) => s.innerSecretEncoding);
  const now = useNow();
  const result = decryption.current ? decryption.result : undefined;
  const header = jweHeader(view);
  const outer = useMemo(() => {
    if (!header) return [];
    // After decryption the review also knows what the token held (an unsigned payload, an alg "none" inside).
    const input =
      result?.state === 'decrypted'
        ? {
            header,
            ...(result.inner ? { inner: result.inner } : {}),
            ...(result.plaintext !== undefined ? { plaintext: result.plaintext } : {}),
          }
        : { header };
    return lintJwe(input, { ...(detection.kind !== 'reading' ? { key: detection } : {}), keyText });
  }, [header, result, detection, keyText]);
  const innerFindings = useMemo(() => {
    if (!inner?.decoded) return [];
    const innerDetection = detectKey({ text: innerKeyText, secretEncoding: innerEncoding });
    return lintToken(inner.decoded, { key: innerDetection, keyText: innerKeyText, nowMs: now });
  }, [inner, innerKeyText, innerEncoding, now]);
  return { outer, inner: innerFindings };
}

export function JweKeyExtras() {
  const { view } = useJweView();
  const decryption = useDecryption();
  const inner = useInnerToken(decryption.result);
  const header = jweHeader(view);
  const nested = ctyIsJwt(header?.cty) || decryption.result?.inner?.kind === 'jws';
  const review = useReview(inner);
  return (
    <div className="space-y-5">
      {nested ? <InnerKeyInput inner={inner} /> : null}
      <FindingsList
        findings={review.outer}
        title="Security review of the encrypted token"
        empty="No findings: nothing in this header or key goes against RFC 7516, RFC 7518 or RFC 8725's advice."
      />
      {inner?.decoded ? (
        <FindingsList
          testId="inner-lint-findings"
          findings={review.inner}
          title="Security review of the token inside"
          empty="No findings: nothing in the inner token or its key goes against RFC 8725's advice."
        />
      ) : null}
    </div>
  );
}
