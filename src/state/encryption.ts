// The Encode view's encryption step: the signed token encrypted to the recipient (a nested JWT, RFC 7519 §5.2:
// signed first, then encrypted, with `cty: "JWT"`). The JWE engine is imported on first use only, so neither the
// first decode nor an Encode view without encryption pays for it.
import type { JweErrorCode } from '../core/jwe/codes';
import type { EncryptedOutput, EncryptionSettings } from './appState';
import { loadKeyEngine, type KeyEngine } from './keyEngine';

export type EncryptOutcome =
  { ok: true; token: string; output: EncryptedOutput } | { ok: false; code: JweErrorCode; message: string };

/** The JWE header the Encode view writes: alg and enc chosen, and the recipient key's kid when it has one. */
function encryptionHeader(settings: EncryptionSettings, engine: KeyEngine): Record<string, unknown> {
  const detection = engine.detectKey({ text: settings.keyText, secretEncoding: settings.secretEncoding }, 'enc');
  const kid = detection.kind === 'key' ? detection.key.kid : undefined;
  return { alg: settings.alg, enc: settings.enc, ...(kid !== undefined ? { kid } : {}) };
}

export async function encryptSigned(signed: string, settings: EncryptionSettings): Promise<EncryptOutcome> {
  const [{ encryptToken }, engine] = await Promise.all([import('../core/jwe/encrypt'), loadKeyEngine()]);
  const result = await encryptToken(signed, JSON.stringify(encryptionHeader(settings, engine)), {
    text: settings.keyText,
    secretEncoding: settings.secretEncoding,
  });
  if (!result.ok) return result;
  return {
    ok: true,
    token: result.token,
    output: { inner: signed, header: result.header, keyLabel: result.keyLabel, warnings: result.warnings },
  };
}
