// The JWS feature's entry for the token-kind dispatch: the JSON serialization's panels and the detached
// payload's box, in one chunk behind one import site.
export { JwsJsonDecoded } from './JwsJsonDecoded';
export { JwsJsonVerdicts } from './JwsJsonVerdicts';
export { JwsJsonKeyExtras } from './JwsJsonKeyExtras';
export { DetachedJwsExtras } from './DetachedJwsExtras';
