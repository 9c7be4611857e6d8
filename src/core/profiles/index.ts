// Token profiles: recognise which kind of JWT a token is and judge it against that kind's rules, each rule with
// its spec section. The UI renders `checkProfile`'s result and nothing else.
export { checkProfile } from './check';
export { recognizeProfile } from './recognize';
export { verifyWithHeaderJwk, type HeaderJwkVerification } from './header-jwk';
export { accessTokenHash } from './access-token-hash';
export { DPOP_DEFAULT_MAX_AGE_SECONDS } from './dpop-proof';
export { expectationsFromDiscovery, type DiscoveredExpectations } from './discovery';
export {
  fillProfileTemplate,
  PROFILE_TEMPLATES,
  type FilledProfileTemplate,
  type ProfileTemplateEnvironment,
  type ProfileTemplateInputs,
} from './templates';
export {
  BACKCHANNEL_LOGOUT_EVENT,
  isProfileId,
  PROFILE_CHOICES,
  PROFILE_IDS,
  PROFILE_LABELS,
  type ProfileCheck,
  type ProfileCheckState,
  type ProfileChoice,
  type ProfileExpectations,
  type ProfileId,
  type ProfileOptions,
  type ProfileRecognition,
  type ProfileResult,
  type ProfileState,
  type RecognitionClue,
} from './types';
