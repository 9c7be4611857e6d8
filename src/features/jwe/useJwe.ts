// The JWE in the token box as the JWE panels see it: decoded for display (sync, per text), decrypted with the
// key box (async, one run shared by every panel), and the nested token found inside, decoded as if pasted and
// verified with the inner key box. All the work is the core's; this file only wires it to the store.
import { useMemo } from 'react';
import { lastTextMemo } from '../../components/lastTextMemo';
import { unexpectedVerifyResult } from '../../components/unexpectedVerifyResult';
import { TokenError } from '../../core/errors';
import { decodeJwe, type DecodedJwe } from '../../core/jwe/decode';
import { decodeJweJson, type DecodedJweJson } from '../../core/jwe/decode-json';
import { decryptToken, type DecryptResult } from '../../core/jwe/decrypt';
import { decodeToken, type DecodedToken } from '../../core/token';
import type { SecretEncoding, TokenErrorCode, TokenPart, VerifyResult } from '../../core/types';
import { verifyToken } from '../../core/verify';
import {
  clockOptions,
  createAsyncResults,
  selectTokenKind,
  useAppState,
  type AsyncView,
  type ClockSettings,
} from '../../state';

export type JweProblem = { code: TokenErrorCode | 'unexpected'; message: string; part?: TokenPart; offset?: number };

export type JweView =
  | { form: 'compact'; decoded: DecodedJwe }
  | { form: 'json'; decoded: DecodedJweJson }
  | { form: 'broken'; problem: JweProblem };

function readJwe(text: string): JweView {
  try {
    return text.startsWith('{')
      ? { form: 'json', decoded: decodeJweJson(text) }
      : { form: 'compact', decoded: decodeJwe(text) };
  } catch (error) {
    if (error instanceof TokenError) {
      return {
        form: 'broken',
        problem: {
          code: error.code,
          message: error.message,
          ...(error.part ? { part: error.part } : {}),
          ...(error.offset !== undefined ? { offset: error.offset } : {}),
        },
      };
    }
    return {
      form: 'broken',
      problem: {
        code: 'unexpected',
        message: `The token could not be read because of an internal error (${String(error)}).`,
      },
    };
  }
}

/** readJwe for the last text, so every JWE panel shares one decoding per keystroke. */
const readLastJwe = lastTextMemo(readJwe);

/** The token box's JWE text (normalised compact, or the trimmed JSON) and its decoding. */
export function useJweView(): { text: string; view: JweView } {
  const text = useAppState((s) => selectTokenKind(s.tokenText).text);
  return { text, view: readLastJwe(text) };
}

/** The joint header that decides how the token is opened: the compact protected header, or recipient 1's. */
export function jweHeader(view: JweView): Record<string, unknown> | undefined {
  if (view.form === 'compact') return view.decoded.header;
  if (view.form === 'json') return view.decoded.recipients[0]?.joint;
  return undefined;
}

const decryptions = createAsyncResults<DecryptResult>((error) => ({
  state: 'error',
  header: {},
  message: `Decryption failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
  code: 'internal',
  warnings: [],
}));

/**
 * The token box's JWE decrypted with the key box. Run without a key too: the core then says which key to paste,
 * and a hostile header (a p2c over the cap) is refused before any key work.
 */
export function useDecryption(): AsyncView<DecryptResult> & { text: string } {
  const { text, view } = useJweView();
  const keyText = useAppState((s) => s.keyText);
  const secretEncoding = useAppState((s) => s.secretEncoding);
  const key = view.form === 'broken' ? undefined : [text, keyText, secretEncoding].join('\u0000');
  const result = decryptions.use(key, () => decryptToken(text, { text: keyText, secretEncoding }));
  return { ...result, text };
}

export type InnerView = { token: string; decoded?: DecodedToken; problem?: string };

const innerDecodes = new Map<string, InnerView>();

/** The signed token inside a decrypted JWE, decoded as if it had been pasted (undefined when there is none). */
export function useInnerToken(result: DecryptResult | undefined): InnerView | undefined {
  const inner = result?.state === 'decrypted' && result.inner?.kind === 'jws' ? result.inner.token : undefined;
  return useMemo(() => {
    if (inner === undefined) return undefined;
    const known = innerDecodes.get(inner);
    if (known) return known;
    let view: InnerView;
    try {
      view = { token: inner, decoded: decodeToken(inner) };
    } catch (error) {
      view = { token: inner, problem: error instanceof Error ? error.message : String(error) };
    }
    innerDecodes.clear();
    innerDecodes.set(inner, view);
    return view;
  }, [inner]);
}

const innerVerifications = createAsyncResults<VerifyResult>(unexpectedVerifyResult);

function verifyInner(
  token: string,
  keyText: string,
  secretEncoding: SecretEncoding,
  clock: ClockSettings,
): Promise<VerifyResult> {
  return verifyToken(token, { text: keyText, secretEncoding }, clockOptions(clock, Date.now()));
}

/** The nested token's signature, checked with the inner key box (`inner-key-input`) on the verdict clock. */
export function useInnerVerification(inner: InnerView | undefined): AsyncView<VerifyResult> & { hasKey: boolean } {
  const keyText = useAppState((s) => s.innerKeyText);
  const secretEncoding = useAppState((s) => s.innerSecretEncoding);
  const clock = useAppState((s) => s.clock);
  const hasKey = keyText.trim() !== '';
  const ready = inner?.decoded && hasKey;
  const key = ready ? [inner.token, keyText, secretEncoding, JSON.stringify(clock)].join('\u0000') : undefined;
  const result = innerVerifications.use(key, () => verifyInner(inner?.token ?? '', keyText, secretEncoding, clock));
  return { ...result, hasKey };
}
