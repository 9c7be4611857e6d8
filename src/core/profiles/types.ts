// Token profiles: which kind of JWT a token is meant to be (an ID token, an RFC 9068 access token, a client
// assertion, a back-channel logout token, a DPoP proof) and the verdict on that kind's rules.
import type { VerifyOptions } from '../types';

/** The profiles, as the page's profile picker names them. */
export const PROFILE_IDS = ['id_token', 'access_token', 'client_assertion', 'logout_token', 'dpop_proof'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];
/** `auto`: recognise the profile from the token (see `recognizeProfile`). */
export type ProfileChoice = ProfileId | 'auto';
export const PROFILE_CHOICES: readonly ProfileChoice[] = ['auto', ...PROFILE_IDS];

export const PROFILE_LABELS = {
  id_token: 'OpenID Connect ID token',
  access_token: 'OAuth 2.0 JWT access token (RFC 9068)',
  client_assertion: 'Client authentication assertion (RFC 7523)',
  logout_token: 'OpenID Connect back-channel logout token',
  dpop_proof: 'DPoP proof (RFC 9449)',
} as const satisfies Record<ProfileId, string>;

/** The event a back-channel logout token's `events` claim holds (OIDC Back-Channel Logout §2.4). */
export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

export function isProfileId(value: unknown): value is ProfileId {
  return (PROFILE_IDS as readonly unknown[]).includes(value);
}

/**
 * What a relying party expects. Every member is optional; an empty or blank string means "not checked", and
 * the rules that need it say which value to fill instead of passing.
 * - `iss`: the issuer (OpenID Provider / authorization server). Compared with `iss` of ID, access and logout
 *   tokens. For a client assertion (whose `iss` is the client) it is one of the audiences accepted.
 * - `aud`: the audience. ID and logout tokens: the client id. Access token: the resource server's identifier.
 *   Client assertion: the token endpoint or the issuer.
 * - `clientId`: the client. ID and logout tokens fall back to `aud` (their audience is the client id);
 *   client assertion: `iss` and `sub` must equal it; access token: `client_id` must equal it when given.
 * - `nonce`: the nonce of the authentication request (ID token); for a DPoP proof, the `DPoP-Nonce` the server
 *   sent (RFC 9449 §8).
 * - `accessToken`: the access token issued with the ID token (`at_hash`), or sent with the DPoP proof
 *   (`ath`, and its `cnf.jkt` when it is a JWT).
 * - `code`: the authorization code issued with the ID token (`c_hash`).
 * - `htm`, `htu`: the HTTP method and URI of the request the DPoP proof came with.
 * - `tokenEndpoint`: the token endpoint (from discovery); an audience accepted for a client assertion.
 * - `maxAge`: the `max_age` of the authentication request, in seconds (ID token `auth_time`).
 */
export type ProfileExpectations = {
  iss?: string;
  aud?: string;
  clientId?: string;
  nonce?: string;
  accessToken?: string;
  code?: string;
  htm?: string;
  htu?: string;
  tokenEndpoint?: string;
  maxAge?: number;
};

/**
 * The clock for every time rule: `now` ("as of", ms), `leewaySeconds`, and `maxAgeSeconds` (a token whose `iat`
 * is older fails). A DPoP proof's `iat` must also be recent when no maximum age is set:
 * `DPOP_DEFAULT_MAX_AGE_SECONDS`.
 */
export type ProfileOptions = VerifyOptions;

/** `unchecked`: the rule needs a value the user has not given (the message says which). */
export type ProfileCheckState = 'pass' | 'fail' | 'warn' | 'unchecked';

export type ProfileCheck = {
  /** Stable within a profile, e.g. `aud-expected`, `at_hash`, `htu`. */
  id: string;
  state: ProfileCheckState;
  /** What was checked and what was found, in words. */
  message: string;
  /** The spec section, e.g. "OIDC Core §3.1.3.7 step 3", "RFC 9449 §4.3 check 9". */
  reference: string;
};

/** Which clue decided the profile in `auto`, in the order they are tried. */
export type RecognitionClue = 'typ' | 'events' | 'client-assertion-shape' | 'id-token-claims' | 'none';

export type ProfileRecognition = {
  profile: ProfileId | undefined;
  clue: RecognitionClue;
  /** The clue in words, e.g. 'typ is "dpop+jwt"'. */
  message: string;
};

/** `none`: no profile applies (only in `auto`). */
export type ProfileState = 'pass' | 'fail' | 'none';

export type ProfileResult = {
  state: ProfileState;
  /** The profile judged: the one asked for, or the one recognised in `auto`. */
  profile: ProfileId | undefined;
  /** In `auto`: how the profile was recognised. */
  recognition?: ProfileRecognition;
  checks: ProfileCheck[];
  counts: Record<ProfileCheckState, number>;
  /** One sentence: the verdict and the failing rules. */
  message: string;
};
