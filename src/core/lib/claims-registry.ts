// Descriptions of registered and widely used claims. Sources: IANA "JSON Web Token Claims" registry,
// RFC 7519, OpenID Connect Core 1.0, RFC 8693 (token exchange), RFC 9068 (JWT access tokens), RFC 7800
// (cnf), RFC 9449 (DPoP), and the Microsoft identity platform for the Entra ID claims many people debug.

export type ClaimKind = 'time' | 'audience' | 'scopes' | 'text' | 'object';

export type ClaimInfo = {
  name: string;
  title: string;
  description: string;
  reference: string;
  kind: ClaimKind;
};

type Entry = [title: string, description: string, reference: string, kind: ClaimKind];

const OIDC = 'OpenID Connect Core 1.0';
const ENTRA = 'Microsoft identity platform, ID/access token claims';

const ENTRIES: Record<string, Entry> = {
  iss: ['Issuer', 'Who issued the token; compare it with the issuer you trust.', 'RFC 7519 §4.1.1', 'text'],
  sub: ['Subject', 'Whom the token is about (usually a user id), unique within the issuer.', 'RFC 7519 §4.1.2', 'text'],
  aud: [
    'Audience',
    'Who the token is meant for; a recipient must find itself in this list or reject the token.',
    'RFC 7519 §4.1.3',
    'audience',
  ],
  exp: [
    'Expiration time',
    'The token must not be accepted on or after this time (seconds since 1970, UTC).',
    'RFC 7519 §4.1.4',
    'time',
  ],
  nbf: ['Not before', 'The token must not be accepted before this time.', 'RFC 7519 §4.1.5', 'time'],
  iat: ['Issued at', 'When the token was issued; tells its age.', 'RFC 7519 §4.1.6', 'time'],
  jti: ['JWT ID', 'A unique id for this token, used to detect replays.', 'RFC 7519 §4.1.7', 'text'],
  scope: ['Scope', 'The permissions granted, as a space-separated list.', 'RFC 8693 §4.2; RFC 9068 §2.2.3', 'scopes'],
  scp: [
    'Scopes',
    'The permissions granted (Microsoft and Okta name for scope), a space-separated string or an array.',
    ENTRA,
    'scopes',
  ],
  scopes: [
    'Scopes',
    'The permissions granted, as an array or an object (non-standard name used by some servers).',
    'non-standard',
    'scopes',
  ],
  roles: ['Roles', 'Roles assigned to the subject.', 'RFC 9068 §2.2.3.1 (RFC 7643 roles)', 'scopes'],
  groups: ['Groups', 'Groups the subject belongs to.', 'RFC 9068 §2.2.3.1 (RFC 7643 groups)', 'scopes'],
  entitlements: ['Entitlements', 'Entitlements of the subject.', 'RFC 9068 §2.2.3.1 (RFC 7643 entitlements)', 'scopes'],
  amr: [
    'Authentication methods',
    'How the user authenticated (pwd, otp, mfa, hwk…).',
    `${OIDC} §2; RFC 8176`,
    'scopes',
  ],
  azp: [
    'Authorized party',
    'The client the ID token was issued to, when it differs from the audience.',
    `${OIDC} §2`,
    'text',
  ],
  nonce: [
    'Nonce',
    'Value the client sent in the authentication request; it must match to prevent replay.',
    `${OIDC} §2`,
    'text',
  ],
  auth_time: ['Authentication time', 'When the user last actively authenticated.', `${OIDC} §2`, 'time'],
  acr: ['Authentication context class', 'The level of assurance of the authentication.', `${OIDC} §2`, 'text'],
  sid: [
    'Session ID',
    'The session at the identity provider, used for logout.',
    'OpenID Connect Front-Channel Logout 1.0 §3',
    'text',
  ],
  at_hash: [
    'Access token hash',
    'Left half of the hash of the access token, base64url: binds the ID token to it.',
    `${OIDC} §3.1.3.6`,
    'text',
  ],
  c_hash: [
    'Code hash',
    'Left half of the hash of the authorization code, base64url: binds the ID token to it.',
    `${OIDC} §3.3.2.11`,
    'text',
  ],
  s_hash: ['State hash', 'Left half of the hash of the state value (FAPI).', 'Financial-grade API Part 2 §5.1', 'text'],
  email: ['Email', "The user's preferred email address.", `${OIDC} §5.1`, 'text'],
  email_verified: ['Email verified', 'Whether the issuer verified the email address.', `${OIDC} §5.1`, 'text'],
  name: ['Name', "The user's full name.", `${OIDC} §5.1`, 'text'],
  given_name: ['Given name', "The user's first name.", `${OIDC} §5.1`, 'text'],
  family_name: ['Family name', "The user's surname.", `${OIDC} §5.1`, 'text'],
  middle_name: ['Middle name', "The user's middle name.", `${OIDC} §5.1`, 'text'],
  nickname: ['Nickname', 'A casual name of the user.', `${OIDC} §5.1`, 'text'],
  preferred_username: [
    'Preferred username',
    'The name the user likes to be called by; not unique, not stable.',
    `${OIDC} §5.1`,
    'text',
  ],
  profile: ['Profile URL', "URL of the user's profile page.", `${OIDC} §5.1`, 'text'],
  picture: ['Picture', "URL of the user's picture.", `${OIDC} §5.1`, 'text'],
  website: ['Website', "URL of the user's web page.", `${OIDC} §5.1`, 'text'],
  gender: ['Gender', "The user's gender.", `${OIDC} §5.1`, 'text'],
  birthdate: ['Birthdate', "The user's birthday, YYYY-MM-DD.", `${OIDC} §5.1`, 'text'],
  zoneinfo: ['Time zone', "The user's time zone, e.g. Europe/Paris.", `${OIDC} §5.1`, 'text'],
  locale: ['Locale', "The user's locale, e.g. en-US.", `${OIDC} §5.1`, 'text'],
  phone_number: ['Phone number', "The user's preferred telephone number.", `${OIDC} §5.1`, 'text'],
  phone_number_verified: ['Phone verified', 'Whether the issuer verified the phone number.', `${OIDC} §5.1`, 'text'],
  address: ['Address', "The user's postal address.", `${OIDC} §5.1.1`, 'object'],
  updated_at: ['Updated at', "When the user's information was last updated.", `${OIDC} §5.1`, 'time'],
  cnf: [
    'Confirmation',
    'The key the presenter must prove possession of (proof-of-possession, e.g. DPoP jkt or mTLS x5t#S256).',
    'RFC 7800 §3.1; RFC 9449 §6',
    'object',
  ],
  client_id: ['Client ID', 'The OAuth client the token was issued to.', 'RFC 8693 §4.3; RFC 9068 §2.2', 'text'],
  act: ['Actor', 'Who is acting on behalf of the subject (delegation).', 'RFC 8693 §4.1', 'object'],
  may_act: ['May act', 'Who is allowed to act on behalf of the subject.', 'RFC 8693 §4.4', 'object'],
  events: ['Security events', 'The events this Security Event Token reports.', 'RFC 8417 §2.2', 'object'],
  txn: ['Transaction ID', 'Identifies the transaction across parties.', 'RFC 8417 §2.2', 'text'],
  sub_jwk: ['Subject public key', 'Public key of the subject (self-issued ID tokens).', `${OIDC} §7.4`, 'object'],
  tid: ['Tenant ID', 'The Entra ID tenant the user signed in to.', ENTRA, 'text'],
  oid: ['Object ID', 'The user’s immutable id in Entra ID, the same for every application.', ENTRA, 'text'],
  upn: [
    'User principal name',
    'The user’s sign-in name in Entra ID; it can change, do not use it as a key.',
    ENTRA,
    'text',
  ],
  appid: ['Application ID', 'The client that requested the token (Entra ID v1 tokens).', ENTRA, 'text'],
  ver: ['Version', 'Version of the token format.', ENTRA, 'text'],
  realm_access: ['Realm access', 'Keycloak realm roles, under "roles".', 'Keycloak', 'object'],
  resource_access: ['Resource access', 'Keycloak client roles, per client, under "roles".', 'Keycloak', 'object'],
  htm: ['HTTP method', 'The HTTP method of the request this DPoP proof is for.', 'RFC 9449 §4.2', 'text'],
  htu: ['HTTP URI', 'The URI of the request this DPoP proof is for.', 'RFC 9449 §4.2', 'text'],
  ath: ['Access token hash', 'Hash of the access token this DPoP proof accompanies.', 'RFC 9449 §4.2', 'text'],
};

const REGISTRY: ReadonlyMap<string, ClaimInfo> = new Map(
  Object.entries(ENTRIES).map(([name, [title, description, reference, kind]]) => [
    name,
    { name, title, description, reference, kind },
  ]),
);

/** What a claim means, or undefined for a private claim the registry does not know. */
export function describeClaim(name: string): ClaimInfo | undefined {
  return REGISTRY.get(name);
}

/** Every described claim name, for the UI's help text and tests. */
export function describedClaimNames(): string[] {
  return [...REGISTRY.keys()];
}
