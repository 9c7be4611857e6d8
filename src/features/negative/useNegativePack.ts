// Makes the negative-test pack for the current token, keys and foreign URL, again whenever one of them changes.
// A pack takes from a few milliseconds (EC, HMAC) to a second or two (two fresh RSA keys; WebCrypto generates them
// off the main thread, so the page stays responsive). Only the latest request may land: an older pack resolving
// late is dropped, and while a new one is made the old one is shown as out of date, never as current.
import { useEffect, useMemo, useRef, useState } from 'react';
import { buildNegativePack, type NegativePack } from '../../core/negative';
import { classifyToken } from '../../core/token-kind';
import { TokenError } from '../../core/errors';
import { decodeToken, type DecodedToken } from '../../core/token';
import type { SecretEncoding } from '../../core/types';

/** Typing in the foreign URL or the key box makes one pack when the typing pauses, not one per key. */
const QUIET_MS = 250;

export type PackInputs = {
  token: string;
  /** The key box: the server's public key, or the signing key/secret (either is used as it fits). */
  keyText: string;
  secretEncoding: SecretEncoding;
  /** A key set fetched from a URL this session. */
  fetchedKeySet: string | undefined;
  foreignUrl: string;
};

export type TokenCheck = { ok: true; decoded: DecodedToken } | { ok: false; message: string };

/** The pack is made from a signed compact token (header.payload.signature), the form a server receives. */
export function checkPackToken(token: string): TokenCheck {
  if (token.trim() === '')
    return { ok: false, message: 'There is no token yet: load or sign a token your server accepts.' };
  const kind = classifyToken(token).kind;
  if (kind !== 'jws-compact') {
    return {
      ok: false,
      message:
        'The tests are made from a signed compact token (header.payload.signature), the form a server receives in its Authorization header. Load such a token your server accepts.',
    };
  }
  try {
    return { ok: true, decoded: decodeToken(token) };
  } catch (error) {
    if (error instanceof TokenError) return { ok: false, message: `The token cannot be decoded: ${error.message}` };
    throw error;
  }
}

type Outcome = { ok: true; pack: NegativePack; elapsedMs: number } | { ok: false; message: string };

export type PackState =
  | { status: 'no-token'; message: string }
  /** `previous`: the last pack made, for other inputs: shown as out of date. */
  | { status: 'building'; startedAt: number | undefined; previous: NegativePack | undefined }
  | { status: 'ready'; pack: NegativePack; elapsedMs: number }
  | { status: 'error'; message: string };

export function useNegativePack(inputs: PackInputs): PackState {
  const { token, keyText, secretEncoding, fetchedKeySet, foreignUrl } = inputs;
  const check = useMemo(() => checkPackToken(token), [token]);
  const request = JSON.stringify([token, keyText, secretEncoding, fetchedKeySet, foreignUrl]);
  const [result, setResult] = useState<{ request: string; outcome: Outcome } | undefined>(undefined);
  const [started, setStarted] = useState<{ request: string; at: number } | undefined>(undefined);
  const latest = useRef(0);
  const made = useRef(false);

  useEffect(() => {
    const id = ++latest.current;
    if (!check.ok) return;
    const timer = setTimeout(
      () => {
        made.current = true;
        const at = performance.now();
        setStarted({ request, at });
        buildNegativePack({
          token: check.decoded,
          signingKey: { text: keyText, secretEncoding },
          ...(fetchedKeySet ? { publicKey: { text: fetchedKeySet } } : {}),
          foreignUrl,
        }).then(
          (pack) => {
            if (id === latest.current)
              setResult({ request, outcome: { ok: true, pack, elapsedMs: performance.now() - at } });
          },
          (error: unknown) => {
            if (id !== latest.current) return;
            // The engine reports missing and unfitting keys in the pack; a rejection is WebCrypto failing.
            const detail = error instanceof Error ? error.message : String(error);
            setResult({ request, outcome: { ok: false, message: `The tests could not be made: ${detail}` } });
          },
        );
      },
      made.current ? QUIET_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [request, check, keyText, secretEncoding, fetchedKeySet, foreignUrl]);

  if (!check.ok) return { status: 'no-token', message: check.message };
  if (result?.request === request) {
    return result.outcome.ok
      ? { status: 'ready', pack: result.outcome.pack, elapsedMs: result.outcome.elapsedMs }
      : { status: 'error', message: result.outcome.message };
  }
  const previous = result?.outcome.ok ? result.outcome.pack : undefined;
  return { status: 'building', startedAt: started?.request === request ? started.at : undefined, previous };
}
