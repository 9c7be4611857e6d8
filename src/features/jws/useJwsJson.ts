// The JWS JSON serialization in the token box (RFC 7515 §7.2) as its panels see it: decoded for display (sync,
// per text) and verified with the key box (async, one run shared by every panel), a detached payload taken from
// the `detached-payload-input` box. All the work is the core's.
import { lastTextMemo } from '../../components/lastTextMemo';
import { unexpectedVerifyResult } from '../../components/unexpectedVerifyResult';
import { TokenError } from '../../core/errors';
import { decodeJwsJson, type DecodedJwsJson } from '../../core/jws/decode-json';
import { verifyJwsJson, type JwsJsonVerifyResult } from '../../core/jws/verify-json';
import type { KeyInput } from '../../core/types';
import {
  clockOptions,
  createAsyncResults,
  selectTokenKind,
  useAppState,
  type AsyncView,
  type ClockSettings,
} from '../../state';

export type JwsJsonView = { ok: true; decoded: DecodedJwsJson } | { ok: false; code: string; message: string };

function readJwsJson(text: string): JwsJsonView {
  try {
    return { ok: true, decoded: decodeJwsJson(text) };
  } catch (error) {
    if (error instanceof TokenError) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: 'unexpected', message: `Internal error while reading the token: ${String(error)}` };
  }
}

/** readJwsJson for the last text, so every panel shares one decoding per keystroke. */
const readLastJwsJson = lastTextMemo(readJwsJson);

export function useJwsJsonView(): { text: string; view: JwsJsonView } {
  const text = useAppState((s) => selectTokenKind(s.tokenText).text);
  return { text, view: readLastJwsJson(text) };
}

/** The payload the claims are read from: the token's own, or a detached one as JSON (undefined when it is not). */
export function payloadValue(decoded: DecodedJwsJson, detachedText: string): unknown {
  if (!decoded.detached) return decoded.payload;
  try {
    return JSON.parse(detachedText) as unknown;
  } catch {
    return undefined;
  }
}

const verifications = createAsyncResults<JwsJsonVerifyResult>((error) => ({
  ...unexpectedVerifyResult(error),
  signatures: [],
}));

function verify(
  text: string,
  key: KeyInput,
  detached: string | undefined,
  clock: ClockSettings,
): Promise<JwsJsonVerifyResult> {
  const options = clockOptions(clock, Date.now());
  return verifyJwsJson(text, key, detached !== undefined ? { ...options, detachedPayload: detached } : options);
}

/** Every signature checked with the key box; undefined inputs (no run) while the key box is empty. */
export function useJwsJsonVerification(): AsyncView<JwsJsonVerifyResult> & { hasKey: boolean } {
  const { text, view } = useJwsJsonView();
  const keyText = useAppState((s) => s.keyText);
  const secretEncoding = useAppState((s) => s.secretEncoding);
  const detachedText = useAppState((s) => s.detachedPayloadText);
  const clock = useAppState((s) => s.clock);
  const hasKey = keyText.trim() !== '';
  const detached = view.ok && view.decoded.detached && detachedText !== '' ? detachedText : undefined;
  const key =
    view.ok && hasKey
      ? [text, keyText, secretEncoding, detached ?? '\u0001', JSON.stringify(clock)].join('\u0000')
      : undefined;
  const result = verifications.use(key, () => verify(text, { text: keyText, secretEncoding }, detached, clock));
  return { ...result, hasKey };
}
