// The JWE feature's entry for the token-kind dispatch: one module, so the page loads one chunk (and keeps one
// import site) for all three panels of an encrypted token.
export { JweDecoded } from './JweDecoded';
export { JweVerdicts } from './JweVerdicts';
export { JweKeyExtras } from './JweKeyExtras';
