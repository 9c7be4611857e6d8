// Under the token box: what normalisation removed, the token switcher for links carrying several
// tokens, and the decode error (`token-error`) with what is wrong and where.
import { ErrorBox } from '../../components/ErrorBox';
import { partName, tokenTooLargeMessage } from '../../core/token';
import { actions, formatCount, LARGE_TEXT_CHARS, selectDecode, useAppState } from '../../state';

/** `showDecodeError`: false when the token is of a kind whose own panels explain what is wrong with it. */
export function TokenStatus({ showDecodeError }: { showDecodeError: boolean }) {
  const tokenText = useAppState((s) => s.tokenText);
  const changes = useAppState((s) => s.tokenChanges);
  const linkTokens = useAppState((s) => s.linkTokens);
  const outcome = useAppState((s) => selectDecode(s.tokenText));
  const refusedPaste = useAppState((s) =>
    s.refusedTokenPaste?.keptText === s.tokenText ? s.refusedTokenPaste : undefined,
  );
  return (
    <div className="mt-3 space-y-2 text-sm">
      <p id="token-help" className="hint">
        Decoded on every keystroke, in this page only. Whitespace, quotes and a <code>Bearer</code> prefix are removed.
      </p>
      {changes.length > 0 ? (
        <p data-testid="token-normalized" className="text-slate-700 dark:text-slate-300">
          <span aria-hidden="true">ℹ </span>
          Normalised: {changes.join(' ')}
        </p>
      ) : null}
      {tokenText.length > LARGE_TEXT_CHARS ? (
        <p id="token-large" data-testid="token-large" className="text-slate-700 dark:text-slate-300">
          <span aria-hidden="true">ℹ </span>
          This token is {formatCount(tokenText.length)} characters long. To keep the page fast, the box draws only its
          start until you click in it, and the payload, long claim lists and the request snippet are shortened until you
          ask for all of them. Nothing is cut from the token itself.
        </p>
      ) : null}
      {linkTokens.length > 1 ? (
        <fieldset className="flex flex-wrap items-center gap-2">
          <legend className="sr-only">Tokens from the link</legend>
          <span className="text-slate-700 dark:text-slate-300">From the link:</span>
          {linkTokens.map((entry) => (
            <button
              key={entry.name}
              type="button"
              data-testid={`link-token-${entry.name}`}
              aria-pressed={tokenText === entry.token}
              onClick={() => actions.setTokenText(entry.token)}
              className="btn-secondary aria-pressed:border-sky-600 aria-pressed:bg-sky-50 dark:aria-pressed:bg-sky-950"
            >
              {entry.name}
            </button>
          ))}
        </fieldset>
      ) : null}
      {outcome.ok && outcome.decoded.missingParts ? (
        <p
          data-testid="token-partial"
          data-missing={outcome.decoded.missingParts.join(' ')}
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          <span aria-hidden="true">⚠ </span>
          {outcome.decoded.warnings.find((w) => w.code === 'token-partial')?.message}
        </p>
      ) : null}
      <div id="token-problem" aria-live="polite">
        {refusedPaste ? (
          // The latest thing the user did, so it stands in for any error of the token still in the box.
          <ErrorBox testId="token-error" code="too-large" title="Not pasted: too large for a token">
            <p className="mt-1">{tokenTooLargeMessage(refusedPaste.chars)}</p>
            <p className="mt-1 text-red-800 dark:text-red-200">
              {tokenText === '' ? 'The box was left empty.' : 'The box still holds the token that was there before.'}
            </p>
          </ErrorBox>
        ) : showDecodeError && !outcome.ok && tokenText !== '' ? (
          <ErrorBox
            testId="token-error"
            code={outcome.problem.code}
            title={outcome.problem.code === 'jwe' ? 'This is an encrypted token (JWE)' : 'This token cannot be decoded'}
          >
            <p className="mt-1">{outcome.problem.message}</p>
            {outcome.problem.part || outcome.problem.offset !== undefined ? (
              <p className="mt-1 text-red-800 dark:text-red-200">
                Where: {outcome.problem.part ? `the ${partName(outcome.problem.part)}` : 'the token'}
                {outcome.problem.offset !== undefined
                  ? `, character ${outcome.problem.offset + 1} (marked in the box)`
                  : ''}
                .
              </p>
            ) : null}
            {outcome.lastGood ? (
              <p className="mt-1 text-red-800 dark:text-red-200">
                The panels show the last token that decoded, in a dashed frame.
              </p>
            ) : null}
          </ErrorBox>
        ) : null}
        {tokenText === '' && !refusedPaste ? (
          <div data-testid="token-error" data-code="empty" className="hint">
            No token yet: paste one, or pick an example from the menu.
          </div>
        ) : null}
      </div>
    </div>
  );
}
