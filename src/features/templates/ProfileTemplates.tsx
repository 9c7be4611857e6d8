// Encode view: one template per token profile, correct by construction (the core's fillProfileTemplate): the ID
// token's at_hash and the DPoP proof's ath hash the access token pasted here, and the proof's jwk is the signing
// key's public half. The values that check the token are put in the expected-value inputs, so the Decode view
// judges it as its receiver would.
import { useId, useState } from 'react';
import type { ProfileExpectations, ProfileId } from '../../core/profiles';
import { uuidV4 } from '../../core/templates';
import { JWS_ALGORITHMS, type JwsAlgorithm } from '../../core/types';
import { actions, appStore, NO_EXPECTATIONS, useAppState, type Expectations } from '../../state';

// Listed here (the core's PROFILE_TEMPLATES says the same) so the menu renders before the core module loads.
const PROFILE_TEMPLATE_BUTTONS: readonly { profile: ProfileId; label: string; description: string }[] = [
  { profile: 'id_token', label: 'ID token', description: 'OpenID Connect ID token; at_hash from the access token.' },
  { profile: 'access_token', label: 'Access token (RFC 9068)', description: 'typ at+jwt with the required claims.' },
  {
    profile: 'client_assertion',
    label: 'Client assertion (RFC 7523)',
    description: 'iss and sub are the client id, aud the token endpoint.',
  },
  { profile: 'logout_token', label: 'Logout token', description: 'typ logout+jwt with the back-channel event.' },
  {
    profile: 'dpop_proof',
    label: 'DPoP proof (RFC 9449)',
    description: "jwk is the signing key's public half; ath hashes the access token.",
  },
];

function isJwsAlgorithm(value: string): value is JwsAlgorithm {
  return (JWS_ALGORITHMS as readonly string[]).includes(value);
}

/** The core's expected values as the text the expected-value inputs hold. */
function expectationTexts(expected: ProfileExpectations): Partial<Expectations> {
  const { maxAge, ...strings } = expected;
  return maxAge === undefined ? strings : { ...strings, maxAge: String(maxAge) };
}

async function applyProfileTemplate(profile: ProfileId): Promise<string> {
  const [{ fillProfileTemplate, PROFILE_TEMPLATES }, { exportPublicKey }] = await Promise.all([
    import('../../core/profiles/templates'),
    import('../../core/keygen'),
  ]);
  const state = appStore.getState();
  const notes: string[] = [];
  let publicJwk: Record<string, unknown> | undefined;
  if (profile === 'dpop_proof' && state.keyText.trim() !== '') {
    try {
      publicJwk = (await exportPublicKey({ text: state.keyText, secretEncoding: state.secretEncoding })).jwk as Record<
        string,
        unknown
      >;
    } catch {
      notes.push('The signing key has no public half to put in jwk (a shared secret?): generate an ES256 key.');
    }
  }
  const filled = await fillProfileTemplate(
    profile,
    {
      nowSeconds: Date.now() / 1000,
      randomUUID: () => uuidV4(crypto.getRandomValues(new Uint8Array(16))),
    },
    {
      // The signing key stays, so the header keeps its algorithm; a DPoP proof takes the one its jwk implies.
      ...(profile !== 'dpop_proof' && isJwsAlgorithm(state.alg) ? { alg: state.alg } : {}),
      accessToken: state.expected.accessToken,
      ...(publicJwk ? { publicJwk } : {}),
    },
  );
  actions.loadEncodeInputs(filled.headerText, filled.payloadText);
  // Exactly the values that check this token (a stale nonce from another token would fail it); the access token
  // pasted here stays.
  actions.setExpected({
    ...NO_EXPECTATIONS,
    accessToken: state.expected.accessToken,
    ...expectationTexts(filled.expected),
  });
  actions.setProfile('auto');
  const label = PROFILE_TEMPLATES.find((t) => t.profile === profile)?.label ?? profile;
  return [`${label} loaded; the Decode view's expected values are set to check it.`, ...notes, ...filled.notes].join(
    ' ',
  );
}

export function ProfileTemplates() {
  const ids = useId();
  const accessToken = useAppState((s) => s.expected.accessToken);
  const [status, setStatus] = useState<string>();
  return (
    <div className="space-y-1.5">
      <div role="group" aria-labelledby={`${ids}-title`} className="flex flex-wrap items-center gap-1.5">
        <span id={`${ids}-title`} className="text-sm font-medium text-slate-700 dark:text-slate-300">
          Token profiles
        </span>
        {PROFILE_TEMPLATE_BUTTONS.map((template) => (
          <button
            key={template.profile}
            type="button"
            data-testid={`template-profile-${template.profile}`}
            title={template.description}
            aria-describedby={`${ids}-status`}
            className="btn-secondary"
            onClick={() => {
              applyProfileTemplate(template.profile).then(setStatus, (error: unknown) =>
                setStatus(
                  `The template could not be filled: ${error instanceof Error ? error.message : String(error)}`,
                ),
              );
            }}
          >
            {template.label}
          </button>
        ))}
      </div>
      <div>
        <label htmlFor={`${ids}-access-token`} className="field-label">
          Access token it goes with (ID token at_hash, DPoP ath)
        </label>
        <input
          id={`${ids}-access-token`}
          data-testid="template-access-token"
          type="text"
          spellCheck={false}
          autoComplete="off"
          className="field-mono"
          placeholder="optional"
          value={accessToken}
          onChange={(event) => actions.setExpected({ accessToken: event.target.value })}
        />
      </div>
      <p id={`${ids}-status`} data-testid="template-profile-status" aria-live="polite" className="hint">
        {status ??
          'A DPoP proof is signed with the key on the right: generate an ES256 key first, and its public half goes in jwk.'}
      </p>
    </div>
  );
}
