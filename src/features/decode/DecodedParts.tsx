// Header and payload of the token being debugged. Editable: an edit rebuilds the token with the old
// signature (so the verdict shows what tampering does). While the token is broken, the last good
// values stay on screen, greyed out.
import { useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { JsonEditor } from '../../components/JsonEditor';
import { SubHeading } from '../../components/Pane';
import { actions, prettyHeader, prettyPayload, selectDecode, useAppState, type DecodeDraft } from '../../state';
import type { DecodedToken } from '../../core';

function shownText(decoded: DecodedToken, part: 'header' | 'payload', draft: DecodeDraft | undefined): string {
  if (draft && draft.part === part && draft.token === decoded.normalized) return draft.text;
  return part === 'header' ? prettyHeader(decoded) : prettyPayload(decoded);
}

export function DecodedParts() {
  const outcome = useAppState((s) => selectDecode(s.tokenText));
  const draft = useAppState((s) => s.decodeDraft);
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
      <div>
        <div className="flex items-center justify-between">
          <SubHeading color="bg-part-header">{jweHeader ? 'JWE protected header' : 'Header'}</SubHeading>
          <CopyButton testId="copy-header" label="Copy header" compact getText={() => headerText} />
        </div>
        <JsonEditor
          testId="header-editor"
          label="Header JSON"
          accent="header"
          value={headerText}
          stale={stale && !jweHeader}
          onChange={jweHeader ? undefined : edit('header')}
          problem={problems.header}
          height="9rem"
        />
      </div>
      {jweHeader ? (
        <p className="hint">
          The payload of a JWE is encrypted; JWT Workbench decodes and verifies signed tokens (JWS) only.
        </p>
      ) : (
        <div>
          <div className="flex items-center justify-between">
            <SubHeading color="bg-part-payload">Payload</SubHeading>
            <CopyButton testId="copy-payload" label="Copy payload" compact getText={() => payloadText} />
          </div>
          <JsonEditor
            testId="payload-editor"
            label="Payload JSON"
            accent="payload"
            value={payloadText}
            stale={stale}
            onChange={decoded?.payloadIsJson ? edit('payload') : undefined}
            problem={problems.payload}
            height="16rem"
          />
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
        </div>
      )}
    </div>
  );
}
