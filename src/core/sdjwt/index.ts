// SD-JWT (RFC 9901) and SD-JWT VC: the value API, loaded lazily by the page when a token is recognised as an
// SD-JWT (the types are also re-exported from src/core/index.ts, which costs nothing).
export { KEY_BINDING_CHECK_IDS, SD_JWT_MAKE_ERROR_CODES, SD_JWT_PROBLEM_CODES } from './codes';
export { isSdJwt } from './recognize';
export { inspectSdJwt } from './inspect';
export { issuerToken, verifySdJwtIssuer } from './verify-issuer';
export { DEFAULT_KB_MAX_AGE_SECONDS, verifyKeyBinding } from './key-binding';
export { fetchJwtVcIssuerKeys, JWT_VC_ISSUER_WELL_KNOWN, jwtVcIssuerMetadataUrl } from './issuer-metadata';
export type { JwtVcIssuerUrl } from './issuer-metadata';
export { issueSdJwt } from './issue';
export { presentSdJwt } from './present';
export { listDisclosablePaths } from './disclosable-paths';
export type { DisclosablePath, DisclosablePaths } from './disclosable-paths';
export { formatPath as formatJsonPath, parsePath as parseJsonPath } from './json-path';
export type { PathPattern, PathSegment, ParsedPath } from './json-path';
export type * from './types';
