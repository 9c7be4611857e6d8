// RFC 9449 §4.2: a DPoP proof sent with an access token carries ath, its hash. Kept apart from the DPoP rules so
// the Encode view's templates can fill ath without loading jose.
import { base64urlEncode } from '../lib/key-encoding';

/** ath: base64url(SHA-256(ASCII(access token))). */
export async function accessTokenHash(accessToken: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(accessToken));
  return base64urlEncode(new Uint8Array(digest));
}
