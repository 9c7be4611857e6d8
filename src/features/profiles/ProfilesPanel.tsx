// Token profiles in the Decode view: which kind of JWT the token is meant to be (recognised, or picked), the values
// the relying party expects, and every rule of that profile with its verdict and spec section. The rules are the
// core's (src/core/profiles); this panel picks the inputs and renders the result.
import { useId, useMemo } from 'react';
import { ExpectedInputs } from '../../components/ExpectedInputs';
import { Verdict } from '../../components/Verdict';
import {
  PROFILE_CHOICES,
  PROFILE_LABELS,
  recognizeProfile,
  type ProfileChoice,
  type ProfileId,
  type ProfileResult,
} from '../../core/profiles';
import { actions, selectDecode, useAppState, useIdleAppState, useVerdictClock } from '../../state';
import { PROFILE_FIELDS, profileExpectations } from './expectedFields';
import { ProfileChecks } from './ProfileChecks';
import { useProfileResult } from './useProfileResult';

const CHOICE_LABELS: Record<ProfileChoice, string> = { auto: 'Recognise it (auto)', ...PROFILE_LABELS };

function isProfileChoice(value: string): value is ProfileChoice {
  return (PROFILE_CHOICES as readonly string[]).includes(value);
}

function StatusView({ result, busy }: { result: ProfileResult; busy: boolean }) {
  const label = result.profile ? PROFILE_LABELS[result.profile] : undefined;
  const view =
    result.state === 'pass'
      ? ({ tone: 'good', icon: '✓', title: `Follows the rules of: ${label ?? ''}` } as const)
      : result.state === 'fail'
        ? ({ tone: 'bad', icon: '✕', title: `Breaks the rules of: ${label ?? ''}` } as const)
        : ({ tone: 'neutral', icon: '–', title: 'No profile applies' } as const);
  return (
    <Verdict
      testId="profile-status"
      state={result.state}
      tone={view.tone}
      icon={view.icon}
      title={view.title}
      busy={busy}
      data={{ 'data-profile': result.profile }}
    >
      {result.message}
      {result.counts.unchecked > 0 ? ' Fill the expected values below to check the rest.' : ''}
    </Verdict>
  );
}

function DiscoveryNote() {
  const discovery = useAppState((s) => s.discovery);
  if (!discovery) return null;
  return (
    <div data-testid="profile-discovery" className="hint space-y-0.5">
      <p>
        From the OpenID configuration at <span className="break-all font-mono">{discovery.url}</span>:{' '}
        {discovery.iss ? (
          <>
            issuer <span className="break-all font-mono">{discovery.iss}</span>
          </>
        ) : (
          'no issuer'
        )}
        {discovery.tokenEndpoint ? (
          <>
            , token endpoint <span className="break-all font-mono">{discovery.tokenEndpoint}</span>
          </>
        ) : null}
        . They fill the expected values you have not typed yourself.
      </p>
      {discovery.warnings.map((warning) => (
        <p key={warning} className="text-amber-900 dark:text-amber-300">
          <span aria-hidden="true">⚠ </span>
          {warning}
        </p>
      ))}
    </div>
  );
}

export function ProfilesPanel() {
  const ids = useId();
  // The token off the keystroke's critical path, like the other panels under the key box.
  const tokenText = useIdleAppState((s) => s.tokenText);
  const linkTokens = useIdleAppState((s) => s.linkTokens);
  const profile = useAppState((s) => s.profile);
  const expected = useAppState((s) => s.expected);
  const clock = useVerdictClock();
  const outcome = selectDecode(tokenText);
  const decoded = outcome.ok ? outcome.decoded : undefined;

  const recognition = useMemo(
    () => (decoded && profile === 'auto' ? recognizeProfile(decoded) : undefined),
    [decoded, profile],
  );
  // A token the link named `id_token` (an implicit-flow redirect) is one, even when it lacks a claim the shape
  // test looks for: the checks then say which.
  const fromLink =
    recognition !== undefined &&
    recognition.profile === undefined &&
    linkTokens.some((entry) => entry.name === 'id_token' && entry.token === tokenText);
  const judged: ProfileId | undefined =
    profile !== 'auto' ? profile : (recognition?.profile ?? (fromLink ? 'id_token' : undefined));
  const expectations = useMemo(() => profileExpectations(expected), [expected]);
  const verdict = useProfileResult(decoded, judged, expectations, clock.options);

  if (!decoded) return null;
  const result = verdict.result;
  return (
    <section aria-labelledby={`${ids}-title`} data-testid="profiles-panel" className="space-y-3">
      <h3 id={`${ids}-title`} className="text-sm font-semibold text-slate-800 dark:text-slate-100">
        Token profile
      </h3>
      <div>
        <label htmlFor={`${ids}-select`} className="field-label">
          Check it as
        </label>
        <select
          id={`${ids}-select`}
          data-testid="profile-select"
          className="field"
          value={profile}
          aria-describedby={recognition ? `${ids}-clue` : undefined}
          onChange={(event) => {
            if (isProfileChoice(event.target.value)) actions.setProfile(event.target.value);
          }}
        >
          {PROFILE_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {CHOICE_LABELS[choice]}
            </option>
          ))}
        </select>
        {recognition ? (
          <p id={`${ids}-clue`} data-testid="profile-recognition" className="hint mt-1">
            {recognition.profile
              ? `Recognised as ${PROFILE_LABELS[recognition.profile]}: ${recognition.message}`
              : fromLink
                ? `Checked as an ID token because the link gave it as id_token. ${recognition.message}`
                : recognition.message}
          </p>
        ) : null}
      </div>
      <div aria-live="polite" className="space-y-2">
        {verdict.error ? (
          <p role="alert" className="text-sm text-red-800 dark:text-red-300">
            The profile could not be checked: {verdict.error}
          </p>
        ) : null}
        {result ? <StatusView result={result} busy={verdict.busy} /> : null}
      </div>
      {judged ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold text-slate-800 dark:text-slate-100">What you expect</legend>
          <p className="hint">Leave a field empty to skip its check: the rules that need it say so.</p>
          <DiscoveryNote />
          <ExpectedInputs fields={PROFILE_FIELDS[judged]} />
        </fieldset>
      ) : null}
      {result && result.checks.length > 0 ? (
        <div>
          <h4 id={`${ids}-rules`} className="mb-1 text-sm font-semibold text-slate-800 dark:text-slate-100">
            Rules ({result.counts.pass} pass, {result.counts.fail} fail, {result.counts.warn} warnings,{' '}
            {result.counts.unchecked} not checked)
          </h4>
          <ProfileChecks checks={result.checks} labelledBy={`${ids}-rules`} />
        </div>
      ) : null}
    </section>
  );
}
