// JWS in JSON serialization (RFC 7515 §7.2), flattened and general, with detached (Appendix F) and unencoded
// (RFC 7797) payloads. The compact form lives in token.ts, verify.ts and sign.ts.
export { decodeJwsJson, isJwsJson, type DecodedJwsJson, type JwsJsonSignature } from './decode-json';
export { verifyJwsJson, type JwsJsonVerifyResult, type JwsSignatureVerdict } from './verify-json';
