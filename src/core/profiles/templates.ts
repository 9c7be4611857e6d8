// Encode-view templates for the token profiles, correct by construction: each fills the claims its profile
// requires, computes at_hash / ath from the access token given, and puts the signing key's public half in a DPoP
// proof's jwk. Pure apart from WebCrypto digests: the clock and the random source are parameters, as in the other
// templates. Kept free of jose so the Encode view can load it cheaply.
import { computeTokenHash, tokenHashAlgorithm } from '../oidc';
import { ALGORITHM_FAMILY, JWS_ALGORITHMS, type JwsAlgorithm } from '../types';
import { accessTokenHash } from './access-token-hash';
import { BACKCHANNEL_LOGOUT_EVENT, type ProfileExpectations, type ProfileId } from './types';

/** What a profile template is filled from; every member is optional and has an example default. */
export type ProfileTemplateInputs = {
  /** The signing key's algorithm. Default RS256, and ES256 for a DPoP proof (or the one the jwk implies). */
  alg?: JwsAlgorithm;
  /** ID token: at_hash is computed from it. DPoP proof: ath, and the request becomes a resource request. */
  accessToken?: string;
  /** DPoP proof: the signing key's public JWK (e.g. `exportPublicKey(key).jwk`); private members are dropped. */
  publicJwk?: Record<string, unknown>;
  issuer?: string;
  clientId?: string;
  /** Access token: the resource server it is for. */
  audience?: string;
  tokenEndpoint?: string;
  /** DPoP proof: the request. */
  htm?: string;
  htu?: string;
  /** ID token: the nonce of the authentication request (default: random). DPoP proof: the server's DPoP-Nonce. */
  nonce?: string;
};

export type FilledProfileTemplate = {
  profile: ProfileId;
  alg: JwsAlgorithm;
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  headerText: string;
  payloadText: string;
  /** The expected values that check this token once signed (to prefill the expected-value inputs). */
  expected: ProfileExpectations;
  /** What the template could not fill and why, in words (e.g. no key for the DPoP jwk yet). */
  notes: string[];
};

export type ProfileTemplateEnvironment = { nowSeconds: number; randomUUID: () => string };

/** The profile templates in menu order, with what each needs from the user. */
export const PROFILE_TEMPLATES: readonly { profile: ProfileId; label: string; description: string }[] = [
  {
    profile: 'id_token',
    label: 'ID token (at_hash)',
    description: 'OpenID Connect ID token; at_hash is computed from the access token you paste.',
  },
  {
    profile: 'access_token',
    label: 'Access token (RFC 9068)',
    description: 'typ at+jwt with iss, sub, aud, client_id, iat, exp and jti.',
  },
  {
    profile: 'client_assertion',
    label: 'Client assertion (RFC 7523)',
    description: 'iss and sub are the client id, aud the token endpoint, a jti and a 5-minute exp.',
  },
  {
    profile: 'logout_token',
    label: 'Logout token',
    description: 'typ logout+jwt with the back-channel logout event, sid and sub, and no nonce.',
  },
  {
    profile: 'dpop_proof',
    label: 'DPoP proof (RFC 9449)',
    description: "jwk is the signing key's public half; ath hashes the access token you paste.",
  },
];

const EXAMPLE = {
  issuer: 'https://server.example.com',
  clientId: 's6BhdRkqt3',
  audience: 'https://resource.example.org/',
  tokenEndpoint: 'https://server.example.com/token',
  resource: 'https://resource.example.org/protectedresource',
} as const;

// The members RFC 7638 hashes (plus alg for ML-DSA keys, whose parameter set it names): the bare public key.
const PUBLIC_MEMBERS: Record<string, readonly string[]> = {
  EC: ['kty', 'crv', 'x', 'y'],
  RSA: ['kty', 'n', 'e'],
  OKP: ['kty', 'crv', 'x'],
  AKP: ['kty', 'alg', 'pub'],
};

function bareJwk(jwk: Record<string, unknown>): Record<string, unknown> | undefined {
  const members = typeof jwk.kty === 'string' ? PUBLIC_MEMBERS[jwk.kty] : undefined;
  if (members === undefined) return undefined;
  return Object.fromEntries(members.filter((m) => jwk[m] !== undefined).map((m) => [m, jwk[m]]));
}

/** The algorithm a public JWK implies, for a DPoP proof whose alg was not given. */
function algForJwk(jwk: Record<string, unknown>): JwsAlgorithm | undefined {
  if (typeof jwk.alg === 'string' && (JWS_ALGORITHMS as readonly string[]).includes(jwk.alg)) {
    return jwk.alg as JwsAlgorithm;
  }
  if (jwk.kty === 'EC') return ({ 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' } as const)[String(jwk.crv)];
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  if (jwk.kty === 'RSA') return 'PS256';
  return undefined;
}

/** htu is the target URI without query and fragment (RFC 9449 §4.2). */
function withoutQuery(uri: string): string {
  try {
    const url = new URL(uri);
    url.search = '';
    url.hash = '';
    return url.href;
  } catch {
    return uri.replace(/[?#].*$/, '');
  }
}

function given(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

type Shape = Omit<FilledProfileTemplate, 'headerText' | 'payloadText'>;

async function idToken(env: ProfileTemplateEnvironment, inputs: ProfileTemplateInputs, now: number): Promise<Shape> {
  const alg = inputs.alg ?? 'RS256';
  const iss = given(inputs.issuer) ?? EXAMPLE.issuer;
  const aud = given(inputs.clientId) ?? EXAMPLE.clientId;
  const nonce = given(inputs.nonce) ?? env.randomUUID().replaceAll('-', '');
  const accessToken = given(inputs.accessToken);
  const notes: string[] = [];
  const payload: Record<string, unknown> = {
    iss,
    sub: '248289761001',
    aud,
    nonce,
    auth_time: now,
    iat: now,
    exp: now + 3600,
  };
  if (accessToken !== undefined) {
    if (tokenHashAlgorithm(alg) === undefined) notes.push(`${alg} defines no hash for at_hash, so it was left out.`);
    else payload.at_hash = await computeTokenHash(accessToken, alg);
  } else {
    notes.push('Paste the access token issued with this ID token to fill at_hash.');
  }
  const expected: ProfileExpectations = { iss, aud, nonce };
  if (payload.at_hash !== undefined) expected.accessToken = accessToken;
  return { profile: 'id_token', alg, header: { alg, typ: 'JWT' }, payload, expected, notes };
}

function accessToken(env: ProfileTemplateEnvironment, inputs: ProfileTemplateInputs, now: number): Shape {
  const alg = inputs.alg ?? 'RS256';
  const iss = given(inputs.issuer) ?? EXAMPLE.issuer;
  const aud = given(inputs.audience) ?? EXAMPLE.audience;
  const clientId = given(inputs.clientId) ?? EXAMPLE.clientId;
  return {
    profile: 'access_token',
    alg,
    // RFC 9068 §2.1: explicitly typed, so it cannot pass for an ID token.
    header: { typ: 'at+jwt', alg },
    payload: {
      iss,
      sub: '5ba552d67',
      aud,
      exp: now + 600,
      iat: now,
      jti: env.randomUUID(),
      client_id: clientId,
      scope: 'openid profile',
    },
    expected: { iss, aud, clientId },
    notes: [],
  };
}

function clientAssertion(env: ProfileTemplateEnvironment, inputs: ProfileTemplateInputs, now: number): Shape {
  const alg = inputs.alg ?? 'RS256';
  const clientId = given(inputs.clientId) ?? EXAMPLE.clientId;
  const tokenEndpoint = given(inputs.tokenEndpoint) ?? EXAMPLE.tokenEndpoint;
  return {
    profile: 'client_assertion',
    alg,
    header: { alg },
    // RFC 7523 §3 and OIDC Core §9: the client is both issuer and subject; short-lived; jti against replay.
    payload: { iss: clientId, sub: clientId, aud: tokenEndpoint, jti: env.randomUUID(), iat: now, exp: now + 300 },
    expected: { clientId, tokenEndpoint },
    notes: [],
  };
}

function logoutToken(env: ProfileTemplateEnvironment, inputs: ProfileTemplateInputs, now: number): Shape {
  const alg = inputs.alg ?? 'RS256';
  const iss = given(inputs.issuer) ?? EXAMPLE.issuer;
  const aud = given(inputs.clientId) ?? EXAMPLE.clientId;
  return {
    profile: 'logout_token',
    alg,
    header: { typ: 'logout+jwt', alg },
    payload: {
      iss,
      sub: '248289761001',
      aud,
      iat: now,
      exp: now + 120,
      jti: env.randomUUID(),
      sid: env.randomUUID(),
      events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
    },
    expected: { iss, aud },
    notes: [],
  };
}

async function dpopProof(env: ProfileTemplateEnvironment, inputs: ProfileTemplateInputs, now: number): Promise<Shape> {
  const notes: string[] = [];
  const jwk = inputs.publicJwk ? bareJwk(inputs.publicJwk) : undefined;
  if (inputs.publicJwk && jwk === undefined) notes.push('The key given is not an EC, RSA, OKP or AKP public key.');
  let alg = inputs.alg ?? (jwk ? algForJwk(jwk) : undefined) ?? 'ES256';
  if (ALGORITHM_FAMILY[alg] === 'oct') {
    notes.push(`A DPoP proof needs an asymmetric key, not ${alg}: generate an ES256 key to sign it.`);
    alg = 'ES256';
  }
  if (jwk === undefined) notes.push("Generate or paste the signing key: its public half goes in the header's jwk.");
  const accessToken = given(inputs.accessToken);
  // With an access token the proof goes to a resource (§7); without one, to the token endpoint (§5).
  const htm = given(inputs.htm)?.toUpperCase() ?? (accessToken === undefined ? 'POST' : 'GET');
  const htu = withoutQuery(
    given(inputs.htu) ??
      (accessToken === undefined ? (given(inputs.tokenEndpoint) ?? EXAMPLE.tokenEndpoint) : EXAMPLE.resource),
  );
  const payload: Record<string, unknown> = { jti: env.randomUUID(), htm, htu, iat: now };
  if (accessToken !== undefined) payload.ath = await accessTokenHash(accessToken);
  const nonce = given(inputs.nonce);
  if (nonce !== undefined) payload.nonce = nonce;
  const expected: ProfileExpectations = { htm, htu };
  if (accessToken !== undefined) expected.accessToken = accessToken;
  if (nonce !== undefined) expected.nonce = nonce;
  const header: Record<string, unknown> = { typ: 'dpop+jwt', alg };
  if (jwk !== undefined) header.jwk = jwk;
  return { profile: 'dpop_proof', alg, header, payload, expected, notes };
}

/**
 * A header and payload that pass `profile` once signed with a key for `alg` (and, for a DPoP proof, the key whose
 * public JWK was given), with times from `env.nowSeconds` and ids from `env.randomUUID`.
 */
export async function fillProfileTemplate(
  profile: ProfileId,
  env: ProfileTemplateEnvironment,
  inputs: ProfileTemplateInputs = {},
): Promise<FilledProfileTemplate> {
  const now = Math.floor(env.nowSeconds);
  let shape: Shape;
  switch (profile) {
    case 'id_token':
      shape = await idToken(env, inputs, now);
      break;
    case 'access_token':
      shape = accessToken(env, inputs, now);
      break;
    case 'client_assertion':
      shape = clientAssertion(env, inputs, now);
      break;
    case 'logout_token':
      shape = logoutToken(env, inputs, now);
      break;
    case 'dpop_proof':
      shape = await dpopProof(env, inputs, now);
      break;
  }
  return {
    ...shape,
    headerText: JSON.stringify(shape.header, null, 2),
    payloadText: JSON.stringify(shape.payload, null, 2),
  };
}
