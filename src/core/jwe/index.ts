// Encrypted tokens (JWE, RFC 7516): decode for display, decrypt, encrypt, nested tokens, the JSON
// serializations, encryption keys and the security review. One operation per file; this is the entry.
export * from './algorithms';
export { JWE_ERROR_CODES, type JweErrorCode } from './codes';
export { decodeJwe, JWE_PARTS, type DecodedJwe, type JwePart, type JweWarning, type JweWarningCode } from './decode';
export { decodeJweJson, isJweJson, type DecodedJweJson, type JweJsonRecipient } from './decode-json';
export { explainJweHeader, type JweHeaderRow } from './explain-header';
export {
  decryptToken,
  type DecryptOptions,
  type DecryptResult,
  type DecryptionState,
  type JweSerialization,
} from './decrypt';
export { encryptToken, type EncryptOptions, type EncryptResult } from './encrypt';
export { findInnerToken, ctyIsJwt, type InnerToken } from './find-inner-token';
export { isJweAlgorithmAvailable } from './availability';
export { describeJweKey, describeJweKeyNeed } from './key-material';
export {
  generateEncryptionKey,
  exportPublicEncryptionKey,
  type EncryptionCurve,
  type GeneratedEncryptionKey,
} from './generate-key';
export { lintJwe, type JweLintContext, type JweLintInput } from './lint';
