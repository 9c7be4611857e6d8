// Everything that reads key text, as one module the page loads after its first paint (src/state/keyEngine.ts):
// PEM/DER/JWK/JWKS and secret parsing, jose's key import, the security review (it judges the key as well as
// the token) and signature verification. The first decoded token needs none of it.
export { detectKey } from './keys';
export { keyExposure } from './key-exposure';
export { lintToken } from './lint';
export { verifyDecodedToken } from './verify';
