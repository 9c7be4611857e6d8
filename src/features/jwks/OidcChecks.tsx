// OpenID Connect extras (issue 4): at_hash / c_hash of an ID token against the access token or
// authorization code next to it (OIDC Core §3.1.3.6, §3.3.2.11), and aud/azp/nonce against what the
// user's client expects (§3.1.3.7). Hashes are computed by the core.
import { useEffect, useId, useState } from 'react';
import { checkAudience, checkNonce, checkTokenHashes, type ClaimVerdict } from '../../core/oidc';
import type { HashCheck } from '../../core/oidc';
import type { DecodedToken } from '../../core/token';

type Props = {
  idToken: DecodedToken;
  /** Access token and authorization code given with the ID token (link fragment), if any. */
  accessToken: string | undefined;
  code: string | undefined;
};

const VERDICT_CLASS: Record<string, string> = {
  match: 'text-green-700 dark:text-green-400',
  mismatch: 'text-red-700 dark:text-red-400',
  missing: 'text-amber-700 dark:text-amber-400',
  absent: 'text-amber-700 dark:text-amber-400',
  unsupported: 'text-amber-700 dark:text-amber-400',
  'no-value': 'text-slate-600 dark:text-slate-400',
  unchecked: 'text-slate-600 dark:text-slate-400',
};

const field = 'field-mono';

function Verdict({ testId, verdict }: { testId: string; verdict: ClaimVerdict }) {
  return (
    <p data-testid={testId} data-state={verdict.state} className={`text-xs ${VERDICT_CLASS[verdict.state] ?? ''}`}>
      {verdict.message}
    </p>
  );
}

export function OidcChecks({ idToken, accessToken, code }: Props) {
  const ids = useId();
  const payload = (idToken.payload ?? {}) as Record<string, unknown>;
  const [typedAccessToken, setTypedAccessToken] = useState('');
  const [typedCode, setTypedCode] = useState('');
  const [clientId, setClientId] = useState('');
  const [nonce, setNonce] = useState('');
  const [hashes, setHashes] = useState<{ key: string; checks: HashCheck[] }>();

  const access = accessToken ?? (typedAccessToken.trim() || undefined);
  const authCode = code ?? (typedCode.trim() || undefined);
  const requestKey = `${idToken.normalized}\u0000${access ?? ''}\u0000${authCode ?? ''}`;
  useEffect(() => {
    let live = true;
    checkTokenHashes(idToken, { accessToken: access, code: authCode }).then(
      (checks) => live && setHashes({ key: requestKey, checks }),
      () => live && setHashes({ key: requestKey, checks: [] }),
    );
    return () => {
      live = false;
    };
  }, [idToken, access, authCode, requestKey]);
  const checks = hashes?.key === requestKey ? hashes.checks : [];

  return (
    <section aria-labelledby={`${ids}-title`} data-testid="oidc-checks" className="space-y-2">
      <h4 id={`${ids}-title`} className="text-xs font-semibold">
        OpenID Connect checks
      </h4>
      {checks.map((check) => (
        <p
          key={check.claim}
          data-testid={`oidc-${check.claim.replace('_', '-')}`}
          data-state={check.state}
          className={`text-xs ${VERDICT_CLASS[check.state] ?? ''}`}
        >
          {check.message}
        </p>
      ))}
      {accessToken === undefined && (
        <label className="block text-xs">
          Access token (to check at_hash)
          <input
            data-testid="oidc-access-token"
            className={field}
            value={typedAccessToken}
            spellCheck={false}
            onChange={(e) => setTypedAccessToken(e.target.value)}
          />
        </label>
      )}
      {code === undefined && (
        <label className="block text-xs">
          Authorization code (to check c_hash)
          <input
            data-testid="oidc-code"
            className={field}
            value={typedCode}
            spellCheck={false}
            onChange={(e) => setTypedCode(e.target.value)}
          />
        </label>
      )}
      <label className="block text-xs">
        Your client ID (checked against aud and azp)
        <input
          data-testid="oidc-client-id"
          className={field}
          value={clientId}
          spellCheck={false}
          onChange={(e) => setClientId(e.target.value)}
        />
      </label>
      <Verdict testId="oidc-aud" verdict={checkAudience(payload, clientId)} />
      <label className="block text-xs">
        The nonce your app sent
        <input
          data-testid="oidc-nonce"
          className={field}
          value={nonce}
          spellCheck={false}
          onChange={(e) => setNonce(e.target.value)}
        />
      </label>
      <Verdict testId="oidc-nonce-verdict" verdict={checkNonce(payload, nonce)} />
    </section>
  );
}
