// Encode view: how the payload travels. Unencoded (`"b64": false` with `"crit": ["b64"]`, RFC 7797: the payload
// bytes are signed as they are) is two header members, set here for the user; detached (RFC 7515 Appendix F:
// `header..signature`, the payload sent separately) is an option of the signer.
import { useId } from 'react';
import { actions, appStore, useAppState } from '../../state';
import { parseJsonObject, withMembers } from '../../state/jsonParts';

function isUnencoded(headerText: string): boolean {
  const parsed = parseJsonObject(headerText);
  return parsed.ok && parsed.value.b64 === false;
}

function setUnencoded(on: boolean): void {
  const headerText = appStore.getState().headerText;
  const parsed = parseJsonObject(headerText);
  if (!parsed.ok) return;
  const crit = Array.isArray(parsed.value.crit) ? parsed.value.crit.filter((name) => name !== 'b64') : [];
  const next = on
    ? withMembers(headerText, { b64: false, crit: [...crit, 'b64'] })
    : withMembers(headerText, { b64: undefined, crit: crit.length > 0 ? crit : undefined });
  if (next !== undefined) actions.setHeaderText(next);
}

export function PayloadForm() {
  const id = useId();
  const unencoded = useAppState((s) => isUnencoded(s.headerText));
  const headerIsJson = useAppState((s) => parseJsonObject(s.headerText).ok);
  const detached = useAppState((s) => s.signDetached);
  const encrypting = useAppState((s) => s.encryption.enabled);
  return (
    <fieldset className="space-y-2" aria-describedby={`${id}-hint`}>
      <legend className="field-label">Payload form</legend>
      <label className="flex items-center gap-2 text-sm text-slate-800 dark:text-slate-100">
        <input
          type="checkbox"
          data-testid="encode-b64-false"
          checked={unencoded}
          disabled={!headerIsJson}
          onChange={(event) => setUnencoded(event.target.checked)}
        />
        Unencoded payload (<code className="font-mono">&quot;b64&quot;: false</code>, RFC 7797)
      </label>
      <label className="flex items-center gap-2 text-sm text-slate-800 dark:text-slate-100">
        <input
          type="checkbox"
          data-testid="encode-detached"
          checked={detached && !encrypting}
          disabled={encrypting}
          onChange={(event) => actions.setSignDetached(event.target.checked)}
        />
        Detached payload (<code className="font-mono">header..signature</code>, RFC 7515 Appendix F)
      </label>
      <p id={`${id}-hint`} className="hint">
        {encrypting
          ? 'While the token is encrypted its payload travels inside the JWE, so it is not detached.'
          : unencoded
            ? 'The payload bytes are signed as they are (spaces and line breaks count); a payload holding "." can only be sent detached.'
            : 'The receiver must know both: an unencoded payload needs "crit": ["b64"], a detached one is sent beside the token.'}
      </p>
    </fieldset>
  );
}
