// Typed errors with stable codes (errors are values with codes). The UI switches on
// `code` or `instanceof`, never on `name`: minified builds rename classes.
import type { KeyErrorCode, SignErrorCode, TokenErrorCode, TokenPart } from './types';

export class CoreError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** A token that cannot be decoded. `offset` is a character index into the normalised token. */
export class TokenError extends CoreError {
  declare readonly code: TokenErrorCode;
  readonly part: TokenPart | undefined;
  readonly offset: number | undefined;
  /** For code `jwe`: the decoded protected header, so the UI can still show it. */
  readonly jweHeader: Record<string, unknown> | undefined;
  constructor(
    code: TokenErrorCode,
    message: string,
    details: { part?: TokenPart; offset?: number; jweHeader?: Record<string, unknown> } = {},
  ) {
    super(code, message);
    this.part = details.part;
    this.offset = details.offset;
    this.jweHeader = details.jweHeader;
  }
}

/** A key that cannot be read, or does not fit the algorithm or the operation. */
export class KeyError extends CoreError {
  declare readonly code: KeyErrorCode;
  constructor(code: KeyErrorCode, message: string) {
    super(code, message);
  }
}

/** Signing failed for a reason other than the key (bad header/payload JSON, `alg` missing, `none` not allowed). */
export class SignError extends CoreError {
  declare readonly code: SignErrorCode;
  /** For `header-json`/`payload-json`: character offset of the problem in the text, and its line and column (1-based). */
  readonly offset: number | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(code: SignErrorCode, message: string, details: { offset?: number; line?: number; column?: number } = {}) {
    super(code, message);
    this.offset = details.offset;
    this.line = details.line;
    this.column = details.column;
  }
}
