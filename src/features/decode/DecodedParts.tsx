// Header and payload of the token being debugged. Editable: an edit rebuilds the token with the old
// signature (so the verdict shows what tampering does). While the token is broken, the last good
// values stay on screen, greyed out.
import { memo, useMemo, useState } from 'react';
import { PartEditor } from '../../components/PartEditor';
import {
  actions,
  formatCount,
  LARGE_TEXT_CHARS,
  prettyHeader,
  prettyPayload,
  useDeferredDecode,
  type DecodeDraft,
  type DecodeOutcome,
} from '../../state';
import type { DecodedToken } from '../../core';
import { payloadPreview } from './payloadPreview';

function shownText(decoded: DecodedToken, part: 'header' | 'payload', draft: DecodeDraft | undefined): string {
  if (draft && draft.part === part && draft.token === decoded.normalized) return draft.text;
  return part === 'header' ? prettyHeader(decoded) : prettyPayload(decoded);
}

export function DecodedParts() {
  // Token and draft from one snapshot, so a draft is never compared with the token of another render.
  const { outcome, draft } = useDeferredDecode();
  return <DecodedPartsView outcome={outcome} draft={draft} />;
}

// Memoised: the token box's urgent render passes the same (deferred) props and skips the editors, so
// the verdict does not wait for Monaco.
const DecodedPartsView = memo(function DecodedPartsView({
  outcome,
  draft,
}: {
  outcome: DecodeOutcome;
  draft: DecodeDraft | undefined;
}) {
  const [problems, setProblems] = useState<{ header?: string; payload?: string }>({});
  const decoded = outcome.ok ? outcome.decoded : outcome.lastGood;
  // A large payload is previewed until the user asks for all of it; another token from the token box
  // (no draft: it was not an edit in these editors) goes back to the preview.
  const [showAll, setShowAll] = useState(false);
  const [seen, setSeen] = useState(decoded);
  if (decoded !== seen) {
    setSeen(decoded);
    if (showAll && !draft) setShowAll(false);
  }
  const jweHeader = outcome.ok ? undefined : outcome.problem.jweHeader;
  const editing = Boolean(decoded && draft && draft.part === 'payload' && draft.token === decoded.normalized);
  const previewed =
    decoded && !showAll && !editing && decoded.payloadText.length > LARGE_TEXT_CHARS ? decoded : undefined;
  const preview = useMemo(() => (previewed ? payloadPreview(previewed) : undefined), [previewed]);
  if (!decoded && !jweHeader) {
    return <p className="hint">The header and payload appear here as soon as the token box holds a token.</p>;
  }
  const stale = !outcome.ok;
  const edit = (part: 'header' | 'payload') => (text: string) => {
    const result = actions.editDecodedPart(part, text);
    setProblems((p) => ({ ...p, [part]: result.ok ? undefined : result.message }));
  };
  const headerText = jweHeader
    ? JSON.stringify(jweHeader, null, 2)
    : decoded
      ? shownText(decoded, 'header', draft)
      : '';
  // The full text only when shown: pretty-printing a 1 MB payload is tens of ms (copy builds it on click).
  const payloadText = () => (decoded && !jweHeader ? shownText(decoded, 'payload', draft) : '');
  return (
    <div className="space-y-4">
      <PartEditor
        part="header"
        title={jweHeader ? 'JWE protected header' : undefined}
        getText={() => headerText}
        value={headerText}
        stale={stale && !jweHeader}
        onChange={jweHeader ? undefined : edit('header')}
        problem={problems.header}
        height="9rem"
      />
      {jweHeader ? (
        <p className="hint">
          The payload of a JWE is encrypted; JWT Workbench decodes and verifies signed tokens (JWS) only.
        </p>
      ) : (
        <PartEditor
          part="payload"
          getText={payloadText}
          value={preview ? preview.text : payloadText()}
          stale={stale}
          onChange={decoded?.payloadIsJson && !preview ? edit('payload') : undefined}
          problem={problems.payload}
          height="16rem"
        >
          {preview ? (
            <p
              data-testid="payload-preview"
              data-shown-lines={preview.shownLines}
              data-total-lines={preview.totalLines}
              className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700 dark:text-slate-300"
            >
              <span>
                <span aria-hidden="true">ℹ </span>
                Large payload ({formatCount(decoded?.payloadText.length ?? 0)} characters): showing the first{' '}
                {formatCount(preview.shownLines)} of {formatCount(preview.totalLines)} lines, read-only. Copy copies all
                of it.
              </span>
              <button
                type="button"
                data-testid="payload-show-all"
                onClick={() => setShowAll(true)}
                className="btn-secondary"
              >
                Show and edit all {formatCount(preview.totalLines)} lines
              </button>
            </p>
          ) : null}
          {decoded && decoded.warnings.length > 0 ? (
            <ul className="mt-2 space-y-1 text-sm text-amber-900 dark:text-amber-200">
              {decoded.warnings.map((warning, index) => (
                <li key={index} data-testid="token-warning" data-code={warning.code}>
                  <span aria-hidden="true">⚠ </span>
                  {warning.message}
                </li>
              ))}
            </ul>
          ) : null}
        </PartEditor>
      )}
    </div>
  );
});
