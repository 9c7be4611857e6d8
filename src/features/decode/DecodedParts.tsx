// Header and payload of the token being debugged. Editable: an edit rebuilds the token with the old
// signature (so the verdict shows what tampering does). While the token is broken, the last good
// values stay on screen, greyed out.
import { useState } from 'react';
import { PartEditor } from '../../components/PartEditor';
import { actions, prettyHeader, prettyPayload, selectDecode, useIdleAppState, type DecodeDraft } from '../../state';
import type { DecodedToken } from '../../core';

function shownText(decoded: DecodedToken, part: 'header' | 'payload', draft: DecodeDraft | undefined): string {
  if (draft && draft.part === part && draft.token === decoded.normalized) return draft.text;
  return part === 'header' ? prettyHeader(decoded) : prettyPayload(decoded);
}

export function DecodedParts() {
  // Off the keystroke's critical path (issue 7): the verdict comes first, the JSON when the page is idle.
  const outcome = useIdleAppState((s) => selectDecode(s.tokenText));
  const draft = useIdleAppState((s) => s.decodeDraft);
  const [problems, setProblems] = useState<{ header?: string; payload?: string }>({});
  const decoded = outcome.ok ? outcome.decoded : outcome.lastGood;
  const jweHeader = outcome.ok ? undefined : outcome.problem.jweHeader;
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
  const payloadText = decoded && !jweHeader ? shownText(decoded, 'payload', draft) : '';
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
          getText={() => payloadText}
          value={payloadText}
          stale={stale}
          onChange={decoded?.payloadIsJson ? edit('payload') : undefined}
          problem={problems.payload}
          height="16rem"
        >
          {decoded && decoded.warnings.length > 0 ? (
            <ul className="mt-2 space-y-1 text-sm text-amber-900 dark:text-amber-200">
              {decoded.warnings.map((warning, index) => (
                <li key={index}>
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
}
