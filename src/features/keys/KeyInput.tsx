// The key box shared by both views: anything the core accepts (secret, PEM, certificate, JWK, JWKS),
// with the detected format (`key-kind`) and, for HMAC secrets, how the text is read (`secret-encoding`).
import { useLayoutEffect, useRef, useState } from 'react';
import {
  actions,
  formatCount,
  LARGE_TEXT_CHARS,
  selectEncKeyDetection,
  selectKeyDetection,
  useAppState,
} from '../../state';
import { KeyKindLine, SecretEncodingChoice } from '../../components/KeyBox';
import { takeLargePaste } from '../../components/largePaste';

const LABEL = { verify: 'Verification key', sign: 'Signing key', decrypt: 'Decryption key' } as const;

const PLACEHOLDER = {
  verify: 'A shared secret, or a public key: PEM, certificate, JWK or JWKS',
  sign: 'A shared secret, or a private key: PEM (PKCS#8, PKCS#1, SEC1) or JWK',
  decrypt: 'The private key (PEM or JWK, or a JWKS entry chosen by kid), a shared key, or a PBES2 password',
} as const;

export type KeyInputProps = {
  /** Decode: "secret, public key, JWK or JWKS"; Encode: "secret or private key"; an encrypted token: its decryption key. */
  purpose: 'verify' | 'sign' | 'decrypt';
  /** Show the secret encoding even when the text is not (yet) recognised as a secret (HS* algorithms). */
  hmac: boolean;
  /** What to say while the box is empty, when the token needs no key here (a DPoP proof carries its own). */
  emptyText?: string;
};

export function KeyInput({ purpose, hmac, emptyText }: KeyInputProps) {
  const keyText = useAppState((s) => s.keyText);
  const keySource = useAppState((s) => s.keySource);
  const secretEncoding = useAppState((s) => s.secretEncoding);
  // A decryption key is read as a JWE key: X25519 keys are usable, a JWKS keeps its encryption entries.
  const detection = useAppState((s) =>
    purpose === 'decrypt'
      ? selectEncKeyDetection(s.keyEngine, s.keyText, s.secretEncoding)
      : selectKeyDetection(s.keyEngine, s.keyText, s.secretEncoding),
  );
  const showEncoding = detection.kind === 'secret' || (hmac && detection.kind === 'empty');
  const placeholder = PLACEHOLDER[purpose];
  // A pasted key set can be megabytes (10,000 keys are 2.4 MB), and Chromium took seconds to lay out that much
  // text in a textarea. So the box is not a controlled textarea, and while the text is large it is held in memory
  // only: the box is emptied before the browser lays it out, and says what it holds. Typing replaces it; the
  // button puts it back in the box on request.
  const input = useRef<HTMLTextAreaElement>(null);
  const [shown, setShown] = useState<string | undefined>(undefined);
  const held = keyText.length > LARGE_TEXT_CHARS && shown !== keyText;
  useLayoutEffect(() => {
    const element = input.current;
    const boxText = held ? '' : keyText;
    if (element && element.value !== boxText) element.value = boxText;
  }, [keyText, held]);
  return (
    <div className="space-y-2">
      <label htmlFor="key-input" className="field-label">
        {LABEL[purpose]}
      </label>
      <textarea
        id="key-input"
        data-testid="key-input"
        ref={input}
        defaultValue={keyText.length > LARGE_TEXT_CHARS ? '' : keyText}
        rows={6}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        placeholder={
          held
            ? `Holding ${formatCount(keyText.length)} characters of key text (not drawn). Type or paste to replace them.`
            : placeholder
        }
        aria-describedby="key-kind key-privacy"
        onChange={(event) => actions.setKeyText(event.target.value)}
        onPaste={(event) => {
          const text = takeLargePaste(event, LARGE_TEXT_CHARS);
          if (text !== undefined) actions.setKeyText(text);
        }}
        // PEM lines stay whole (64 characters each): wrapped mid-line a key looks broken. Long lines scroll.
        wrap="off"
        className="field-mono resize-y overflow-x-auto whitespace-pre"
      />
      {held ? (
        <p data-testid="key-collapsed" className="hint">
          The key text is {formatCount(keyText.length)} characters long: it is all used, but the box does not draw it
          (drawing it would hold the page for seconds).{' '}
          <button type="button" className="btn-secondary" onClick={() => setShown(keyText)}>
            Show the whole key text
          </button>
        </p>
      ) : null}
      <KeyKindLine
        id="key"
        testId="key-kind"
        detection={detection}
        emptyText={
          emptyText ??
          (purpose === 'decrypt'
            ? 'No key: the token cannot be decrypted until you paste one.'
            : 'No key: the signature cannot be checked until you paste one.')
        }
      />
      {detection.kind === 'secret' && detection.looksLikePublicKey && purpose !== 'decrypt' ? (
        <p role="note" className="text-sm text-amber-900 dark:text-amber-200">
          <span aria-hidden="true">⚠ </span>
          This looks like a public key being used as an HMAC secret — the classic key-confusion attack (RFC 8725 §2.1).
        </p>
      ) : null}
      {(detection.kind === 'key' || detection.kind === 'jwks') && detection.warnings.length > 0 ? (
        <ul className="text-sm text-amber-900 dark:text-amber-200">
          {detection.warnings.map((warning) => (
            <li key={warning}>
              <span aria-hidden="true">⚠ </span>
              {warning}
            </li>
          ))}
        </ul>
      ) : null}
      {showEncoding ? (
        <SecretEncodingChoice
          id="secret"
          label="Secret is"
          testId="secret-encoding"
          value={secretEncoding}
          onChange={actions.setSecretEncoding}
          byteLength={detection.kind === 'secret' ? detection.byteLength : undefined}
        />
      ) : null}
      <p id="key-privacy" className="hint">
        {keySource === 'link'
          ? 'Loaded from the link. '
          : keySource === 'example'
            ? 'Generated for the example in this page. '
            : ''}
        Kept in this page's memory only, unless you save it below; never sent, never put in a link unless you ask.
      </p>
    </div>
  );
}
