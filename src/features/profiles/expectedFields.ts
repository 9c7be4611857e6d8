// Which expected values each profile's rules read, and what each one means for that kind of token (the same
// `aud` input is the client id for an ID token and the resource for an access token).
import type { ProfileExpectations, ProfileId } from '../../core/profiles';
import { isSecondsText, type ExpectedFieldView } from '../../components/ExpectedInputs';
import type { Expectations } from '../../state';

export const PROFILE_FIELDS: Record<ProfileId, readonly ExpectedFieldView[]> = {
  id_token: [
    { field: 'iss', label: 'Issuer (your OpenID Provider)', hint: 'iss must equal it.', placeholder: 'https://…' },
    { field: 'aud', label: 'Your client id', hint: 'aud must contain it; azp must equal it.' },
    { field: 'nonce', label: 'Nonce your app sent', hint: 'The nonce claim must come back unchanged.' },
    { field: 'accessToken', label: 'Access token issued with it', hint: 'Checks at_hash.' },
    { field: 'code', label: 'Authorization code issued with it', hint: 'Checks c_hash.' },
    {
      field: 'maxAge',
      label: 'max_age you asked for (seconds)',
      hint: 'auth_time must then be present and recent enough.',
    },
  ],
  access_token: [
    { field: 'iss', label: 'Issuer (authorization server)', hint: 'iss must equal it.', placeholder: 'https://…' },
    { field: 'aud', label: 'Your resource (API identifier)', hint: 'aud must contain it.' },
    { field: 'clientId', label: 'Client id', hint: 'client_id must equal it.' },
  ],
  client_assertion: [
    { field: 'clientId', label: 'Client id', hint: 'iss and sub must both equal it.' },
    {
      field: 'tokenEndpoint',
      label: 'Token endpoint',
      hint: 'An audience the server accepts.',
      placeholder: 'https://…/token',
    },
    {
      field: 'iss',
      label: 'Authorization server issuer',
      hint: 'Also accepted as the audience.',
      placeholder: 'https://…',
    },
    { field: 'aud', label: 'Another accepted audience' },
  ],
  logout_token: [
    { field: 'iss', label: 'Issuer (your OpenID Provider)', hint: 'iss must equal it.', placeholder: 'https://…' },
    { field: 'aud', label: 'Your client id', hint: 'aud must contain it.' },
  ],
  dpop_proof: [
    { field: 'htm', label: 'HTTP method of the request', hint: 'htm must equal it.', placeholder: 'GET' },
    {
      field: 'htu',
      label: 'HTTP URI of the request',
      hint: 'htu must equal it, query and fragment aside.',
      placeholder: 'https://…',
    },
    {
      field: 'accessToken',
      label: 'Access token sent with the proof',
      hint: 'Checks ath, and cnf.jkt when it is a JWT.',
    },
    { field: 'nonce', label: 'DPoP-Nonce the server sent', hint: 'The proof must carry it.' },
  ],
};

/** The store's expected values (text as typed) in the core's shape; an unreadable max_age is left out. */
export function profileExpectations(expected: Expectations): ProfileExpectations {
  const { maxAge, ...strings } = expected;
  return isSecondsText(maxAge) && maxAge.trim() !== '' ? { ...strings, maxAge: Number(maxAge.trim()) } : strings;
}
