// Which profile a token follows, from what it carries, trying the clues in a fixed order: the explicit type
// first (RFC 8725 §3.11 is why explicit types exist), then the logout event, then the shapes of a client
// assertion and of an ID token. The first clue that fits decides.
import type { DecodedToken } from '../token';
import { isRecord, mediaType, quote } from './rules';
import { BACKCHANNEL_LOGOUT_EVENT, type ProfileId, type ProfileRecognition } from './types';

const BY_TYPE: Record<string, ProfileId> = {
  'at+jwt': 'access_token',
  'logout+jwt': 'logout_token',
  'dpop+jwt': 'dpop_proof',
};

const ID_TOKEN_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'iat'] as const;

/** The token's profile and the clue that decided; `profile` is undefined when no clue fits. */
export function recognizeProfile(decoded: Pick<DecodedToken, 'header' | 'payload'>): ProfileRecognition {
  const typ = decoded.header.typ;
  const byType = BY_TYPE[mediaType(typ) ?? ''];
  if (byType !== undefined) return { profile: byType, clue: 'typ', message: `typ is ${quote(typ)}.` };
  const claims = isRecord(decoded.payload) ? decoded.payload : {};
  if (isRecord(claims.events) && BACKCHANNEL_LOGOUT_EVENT in claims.events) {
    return { profile: 'logout_token', clue: 'events', message: 'events holds the back-channel logout event.' };
  }
  if (
    typeof claims.iss === 'string' &&
    claims.iss === claims.sub &&
    claims.jti !== undefined &&
    claims.nonce === undefined
  ) {
    return {
      profile: 'client_assertion',
      clue: 'client-assertion-shape',
      message: 'iss equals sub, with a jti and no nonce: a client talking about itself.',
    };
  }
  if (ID_TOKEN_CLAIMS.every((name) => claims[name] !== undefined)) {
    return { profile: 'id_token', clue: 'id-token-claims', message: 'iss, sub, aud, exp and iat are all present.' };
  }
  return {
    profile: undefined,
    clue: 'none',
    message: 'No typ, logout event or claim set of a known profile: pick a profile to check it against.',
  };
}
