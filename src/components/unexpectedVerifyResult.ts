import type { VerifyResult } from '../core/types';

/** The verdict to show when a verification threw instead of returning a result (a bug, never a bad token). */
export function unexpectedVerifyResult(error: unknown): VerifyResult {
  return {
    signature: 'error',
    claims: 'none',
    message: `Verification failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
    code: 'internal',
    claimsMessage: '',
  };
}
