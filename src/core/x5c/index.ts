// The x5c engine: certificate chains carried by a token (or a JWK), judged against pasted trust anchors.
// Loaded by the page only when a token has x5c: everything here pulls in pkijs, so nothing outside this folder
// imports it with a value import (src/core/index.ts re-exports the types only).
export { X5C_CODES } from './types';
export type * from './types';
export { listCertificateChain } from './list-chain';
export { judgeJwksCertificateChains } from './judge-jwks-chains';
export { listJwksCertificateChains } from './list-jwks-chains';
export { parseTrustAnchors } from './parse-trust-anchors';
export { validateCertificateChain, type ChainOptions } from './validate-chain';
export { verifyX5cToken } from './verify-x5c-token';
