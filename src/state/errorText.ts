// The code and words of an error that reached the store's async work (verification, signing).
import { CoreError } from '../core/errors';
import type { SdJwtMakeErrorCode } from '../core/sdjwt/types';
import { KEY_ERROR_CODES, SIGN_ERROR_CODES } from '../core/types';

/** Why the Encode view has no fresh token: the signer's or the key's code, or `unexpected` for a bug. */
export const SIGNING_ERROR_CODES = [...SIGN_ERROR_CODES, ...KEY_ERROR_CODES, 'unexpected'] as const;
/** Those, or why issuing or presenting an SD-JWT failed (the SD-JWT engine's codes). */
export type SigningErrorCode = (typeof SIGNING_ERROR_CODES)[number] | SdJwtMakeErrorCode;

export function signingErrorCode(error: unknown): SigningErrorCode {
  const code = error instanceof CoreError ? error.code : undefined;
  return (SIGNING_ERROR_CODES as readonly string[]).includes(code ?? '') ? (code as SigningErrorCode) : 'unexpected';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
