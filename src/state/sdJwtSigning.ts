// Encode view, SD-JWT: issue with the SD-JWT engine (RFC 9901 §4–§5), then, when asked, present it (§7.2) with a
// Key Binding JWT (§4.3). Loaded with import() by the signer the first time an SD-JWT is made, with the engine.
import { issueSdJwt, listDisclosablePaths, presentSdJwt } from '../core/sdjwt';
import { KEY_ERROR_CODES, SIGN_ERROR_CODES, type KeyInput } from '../core/types';
import type { SdJwtMakeErrorCode } from '../core/sdjwt';
import type { SdJwtOutput, SdJwtSettings } from './appState';
import type { SigningErrorCode } from './errorText';

/** A signed token (with what was issued and presented, for an SD-JWT), or why there is none. */
export type SdJwtMade =
  { ok: true; token: string; output?: SdJwtOutput } | { ok: false; code: SigningErrorCode; message: string };

/** The engine's `key-<code>` / `sign-<code>` back to the key reader's and signer's own codes. */
function signingCode(code: string): SigningErrorCode {
  const inner = code.replace(/^(key|sign)-/, '');
  if (code.startsWith('key-') && (KEY_ERROR_CODES as readonly string[]).includes(inner))
    return inner as SigningErrorCode;
  if (code.startsWith('sign-') && (SIGN_ERROR_CODES as readonly string[]).includes(inner))
    return inner as SigningErrorCode;
  return code as SdJwtMakeErrorCode;
}

function chosenPaths(payloadText: string, chosen: readonly string[]): string[] {
  let payload: unknown;
  try {
    payload = JSON.parse(payloadText);
  } catch {
    return [];
  }
  // A claim ticked earlier and since removed from the payload is not an error: it is simply not there to disclose.
  const present = new Set(listDisclosablePaths(payload, Number.POSITIVE_INFINITY).paths.map((p) => p.path));
  return chosen.filter((path) => present.has(path));
}

export async function makeSdJwt(input: {
  headerText: string;
  payloadText: string;
  key: KeyInput;
  settings: SdJwtSettings;
}): Promise<SdJwtMade> {
  const { settings } = input;
  const holderKey = settings.holderKeyText.trim() === '' ? undefined : { text: settings.holderKeyText };
  const issued = await issueSdJwt({
    payload: input.payloadText,
    header: input.headerText,
    disclose: chosenPaths(input.payloadText, settings.disclose),
    decoys: settings.decoys,
    sdAlg: settings.sdAlg,
    key: input.key,
    ...(holderKey ? { holderKey } : {}),
  });
  if (!issued.ok) return { ok: false, code: signingCode(issued.code), message: issued.message };
  const output: SdJwtOutput = {
    issued: issued.sdJwt,
    disclosures: issued.disclosures.map((d) => ({
      path: d.path,
      kind: d.kind,
      ...(d.name !== undefined ? { name: d.name } : {}),
      value: d.value,
    })),
    decoys: issued.decoys.length,
    warnings: issued.warnings,
  };
  if (!settings.present) return { ok: true, token: issued.sdJwt, output };
  if (settings.keyBinding && !holderKey) {
    return {
      ok: false,
      code: 'kb-input',
      message:
        "A Key Binding JWT is signed with the holder's private key: paste one under Holder key, or generate one.",
    };
  }
  const omit = new Set(settings.omit);
  const kept = issued.disclosures.filter((d) => !omit.has(d.path));
  const presented = await presentSdJwt({
    sdJwt: issued.sdJwt,
    disclose: kept.map((d) => d.digest),
    ...(settings.keyBinding && holderKey
      ? { keyBinding: { key: holderKey, aud: settings.aud, nonce: settings.nonce } }
      : {}),
  });
  if (!presented.ok) return { ok: false, code: signingCode(presented.code), message: presented.message };
  output.warnings = [...output.warnings, ...presented.warnings];
  output.presentation = {
    kept: kept.map((d) => d.path),
    added: presented.added,
    ...(presented.kbJwt !== undefined ? { kbJwt: presented.kbJwt } : {}),
  };
  return { ok: true, token: presented.presentation, output };
}
