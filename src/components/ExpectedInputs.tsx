// The values a relying party expects (`expect-*`), kept in the store's `expected` so every verdict that compares
// a claim with one (token profiles, SD-JWT key binding) reads the same input. Each feature says which fields it
// needs and what they mean for its token; an empty field means "not checked".
import { useId } from 'react';
import { actions, useAppState, type Expectations } from '../state';

export type ExpectedField = keyof Expectations;

export type ExpectedFieldView = {
  field: ExpectedField;
  label: string;
  /** What the value is checked against, in a few words. */
  hint?: string;
  placeholder?: string;
};

/** The stable test id of each field (`expect-iss`, `expect-access-token`, …). */
export const EXPECT_TEST_IDS: Record<ExpectedField, string> = {
  iss: 'expect-iss',
  aud: 'expect-aud',
  clientId: 'expect-client-id',
  nonce: 'expect-nonce',
  accessToken: 'expect-access-token',
  code: 'expect-code',
  htm: 'expect-htm',
  htu: 'expect-htu',
  maxAge: 'expect-max-age',
  tokenEndpoint: 'expect-token-endpoint',
};

/** A max_age as typed: blank (not checked) or a whole number of seconds. */
export function isSecondsText(text: string): boolean {
  return text.trim() === '' || /^\d{1,10}$/.test(text.trim());
}

function ExpectedInput({ view }: { view: ExpectedFieldView }) {
  const id = useId();
  const value = useAppState((s) => s.expected[view.field]);
  const invalid = view.field === 'maxAge' && !isSecondsText(value);
  const hintId = `${id}-hint`;
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {view.label}
      </label>
      <input
        id={id}
        data-testid={EXPECT_TEST_IDS[view.field]}
        type="text"
        inputMode={view.field === 'maxAge' ? 'numeric' : undefined}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        placeholder={view.placeholder ?? 'not checked'}
        aria-describedby={view.hint || invalid ? hintId : undefined}
        aria-invalid={invalid || undefined}
        className="field-mono"
        value={value}
        onChange={(event) => actions.setExpected({ [view.field]: event.target.value })}
      />
      {invalid ? (
        <p id={hintId} className="mt-0.5 text-xs text-red-800 dark:text-red-300">
          A whole number of seconds, e.g. 600; until then it is not checked.
        </p>
      ) : view.hint ? (
        <p id={hintId} className="hint mt-0.5">
          {view.hint}
        </p>
      ) : null}
    </div>
  );
}

/** The expected-value inputs for `fields`, in that order. */
export function ExpectedInputs({ fields }: { fields: readonly ExpectedFieldView[] }) {
  return (
    <div className="space-y-2">
      {fields.map((view) => (
        <ExpectedInput key={view.field} view={view} />
      ))}
    </div>
  );
}
