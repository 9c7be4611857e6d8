// The payload of a detached JWS (RFC 7515 Appendix F: `header..signature`, or a JSON serialization without
// `payload`), as the signer had it. Once filled, the signature is checked over it; with `b64: false`
// (RFC 7797) its bytes are the signed bytes, otherwise it is base64url-encoded back into the token.
import { useId } from 'react';
import { actions, useAppState } from '../../state';

export function DetachedPayloadInput({ unencoded }: { unencoded?: boolean }) {
  const id = useId();
  const text = useAppState((s) => s.detachedPayloadText);
  return (
    <div className="space-y-2">
      <label htmlFor={`${id}-payload`} className="field-label">
        Detached payload
      </label>
      <textarea
        id={`${id}-payload`}
        data-testid="detached-payload-input"
        value={text}
        rows={5}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        placeholder="The payload as the signer had it (e.g. the JSON or the request body), exactly, byte for byte"
        aria-describedby={`${id}-help`}
        onChange={(event) => actions.setDetachedPayloadText(event.target.value)}
        className="field-mono resize-y"
      />
      <p id={`${id}-help`} className="hint">
        This token&apos;s payload part is empty: the payload travels separately (RFC 7515 Appendix F).{' '}
        {unencoded
          ? 'The header says "b64": false (RFC 7797), so these exact bytes are what was signed: spaces and line breaks count.'
          : 'It is read as UTF-8 and encoded back into the token before the signature is checked: spaces and line breaks count.'}{' '}
        {text === '' ? 'Until you paste it, the signature is checked over an empty payload.' : ''}
      </p>
    </div>
  );
}
