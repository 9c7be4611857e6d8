// The typed error of JWKS fetching. Kept apart from jwks.ts so the internals in lib/ can throw it without an
// import cycle; jwks.ts re-exports it.
import { CoreError } from '../errors';

export const JWKS_ERROR_CODES = [
  'url',
  'insecure-http',
  'cors',
  'network',
  'timeout',
  'aborted',
  'status',
  'not-json',
  'not-jwks',
  'too-large',
  'no-usable-keys',
  // JWT VC Issuer Metadata whose `issuer` is not the token's `iss` (SD-JWT VC: the data MUST NOT be used).
  'issuer-mismatch',
  // The server redirected to another origin: its keys are used only when the user chooses that origin.
  'redirect-cross-origin',
] as const;
export type JwksErrorCode = (typeof JWKS_ERROR_CODES)[number];

export type JwksSkippedKey = { index: number; kid?: string; reason: string };

export type JwksErrorDetails = {
  /** The URL the failing request went to. */
  url?: string;
  /** HTTP status, for code `status`. */
  status?: number;
  /** A shell command that fetches the same URL outside the browser (codes `cors`, `network`). */
  curlCommand?: string;
  /** For `no-usable-keys`: why each key was skipped. */
  skipped?: JwksSkippedKey[];
  /** What was found, without advice ("<url> answered HTTP 404 Not Found"), for combining two attempts in one sentence. */
  finding?: string;
  /** For `redirect-cross-origin`: where the redirect landed. */
  redirectedTo?: string;
};

/** Fetching a key set failed. `message` says what happened and what to do; `steps` is what was tried, in order. */
export class JwksError extends CoreError {
  declare readonly code: JwksErrorCode;
  readonly url: string | undefined;
  readonly status: number | undefined;
  readonly curlCommand: string | undefined;
  readonly skipped: JwksSkippedKey[];
  readonly finding: string | undefined;
  readonly redirectedTo: string | undefined;
  steps: string[] = [];
  constructor(code: JwksErrorCode, message: string, details: JwksErrorDetails = {}) {
    super(code, message);
    this.url = details.url;
    this.status = details.status;
    this.curlCommand = details.curlCommand;
    this.skipped = details.skipped ?? [];
    this.finding = details.finding;
    this.redirectedTo = details.redirectedTo;
  }
}
