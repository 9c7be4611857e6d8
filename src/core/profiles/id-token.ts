// OpenID Connect ID token: the claims of OIDC Core §2 and the client's validation of §3.1.3.7, with the token
// hashes of §3.1.3.8 / §3.2.2.9 (at_hash) and §3.3.2.10 (c_hash).
import { isNumericDate } from '../lib/claims-time';
import { checkTokenHashes, tokenHashAlgorithm, type HashCheck, type HashClaim } from '../oidc';
import type { ProfileCheck } from './types';
import {
  at,
  audiences,
  checkAudienceContains,
  checkAudiencePresent,
  checkExpiry,
  checkIssuedAt,
  checkIssuerExpected,
  checkNotBefore,
  EXPECT_INPUT,
  quote,
  requireString,
  rule,
  type RuleContext,
} from './rules';

/** OIDC's client id: given as such, or else the expected audience (an ID token's aud is the client id). */
function clientId(ctx: RuleContext): { value: string; label: string } | undefined {
  if (ctx.expected.clientId !== undefined) return { value: ctx.expected.clientId, label: 'the client id' };
  if (ctx.expected.aud !== undefined) return { value: ctx.expected.aud, label: 'the client id (expected audience)' };
  return undefined;
}

/** §2: ID tokens are signed; `none` is allowed only when the client registered for it in the code flow. */
function idTokenSigned(ctx: RuleContext): ProfileCheck {
  const r = rule('alg', 'OIDC Core §2');
  const alg = ctx.header.alg;
  if (typeof alg !== 'string' || alg === '') return r.fail(`The header has no usable alg (${quote(alg)}).`);
  if (alg.toLowerCase() === 'none') {
    return r.fail(
      `alg is "${alg}": ID tokens must be signed. "none" is allowed only in the code flow for a client that registered for it.`,
    );
  }
  return r.pass(`Signed with ${alg} (not "none").`);
}

/** §2: sub is a locally unique identifier of at most 255 ASCII characters. */
function idTokenSubject(ctx: RuleContext): ProfileCheck {
  const check = requireString(ctx, 'sub', 'OIDC Core §2');
  const sub = ctx.claims.sub;
  if (check.state === 'pass' && typeof sub === 'string' && sub.length > 255) {
    return { ...check, state: 'fail', message: `sub is ${sub.length} characters long; at most 255 are allowed.` };
  }
  return check;
}

/** §3.1.3.7 step 3: aud contains the client id. */
function idTokenAudience(ctx: RuleContext): ProfileCheck {
  const client = clientId(ctx);
  return checkAudienceContains(
    ctx,
    client ? [client] : [],
    'OIDC Core §3.1.3.7 step 3',
    `${EXPECT_INPUT.aud} (the client id)`,
  );
}

/** §3.1.3.7 steps 4–5: several audiences need an azp, and azp is the client. */
function idTokenAuthorizedParty(ctx: RuleContext): ProfileCheck {
  const r = rule('azp', 'OIDC Core §3.1.3.7 steps 4–5');
  const list = audiences(ctx.claims.aud);
  const azp = ctx.claims.azp;
  if (list === undefined) return r.unchecked('aud is missing or malformed, so azp cannot be judged.');
  if (azp === undefined) {
    return list.length > 1
      ? r.fail(`aud has ${list.length} values but there is no azp naming the client the token was issued to.`)
      : r.pass('One audience: azp is not needed.');
  }
  if (typeof azp !== 'string') return r.fail(`azp must be a string; it is ${quote(azp)}.`);
  const client = clientId(ctx);
  if (client === undefined)
    return r.unchecked(`azp is ${quote(azp)}; fill ${EXPECT_INPUT.aud} (the client id) to check it.`);
  return azp === client.value
    ? r.pass(`azp equals ${client.label} ${quote(client.value)}.`)
    : r.fail(
        `azp is ${quote(azp)}, not ${client.label} ${quote(client.value)}: the token was issued to another client.`,
      );
}

/** §3.1.3.7 step 11: the nonce of the authentication request comes back unchanged. */
function idTokenNonce(ctx: RuleContext): ProfileCheck {
  const r = rule('nonce', 'OIDC Core §3.1.3.7 step 11');
  const nonce = ctx.claims.nonce;
  const expected = ctx.expected.nonce;
  if (expected === undefined) {
    return nonce === undefined
      ? r.unchecked(
          `No nonce in the token. If the authentication request sent one, fill ${EXPECT_INPUT.nonce}: it must come back here.`,
        )
      : r.unchecked(`nonce is ${quote(nonce)}; fill ${EXPECT_INPUT.nonce} to check it.`);
  }
  if (nonce === undefined) return r.fail(`nonce is missing, but the authentication request sent ${quote(expected)}.`);
  return nonce === expected
    ? r.pass(`nonce equals the expected ${quote(expected)}.`)
    : r.fail(`nonce is ${quote(nonce)}, not the expected ${quote(expected)}: a replayed or injected ID token.`);
}

const HASH_RULES: Record<HashClaim, { reference: string; input: string; what: string }> = {
  at_hash: { reference: 'OIDC Core §3.1.3.8, §3.2.2.9', input: EXPECT_INPUT.accessToken, what: 'access token' },
  c_hash: { reference: 'OIDC Core §3.3.2.10, §3.3.2.11', input: EXPECT_INPUT.code, what: 'authorization code' },
};

function hashName(alg: unknown): string {
  if (alg === 'EdDSA' || alg === 'Ed25519') {
    // Core names "the hash of alg", which EdDSA lacks; the OpenID Connect working group settled on SHA-512 for
    // Ed25519 (OpenID Connect Token Hash Algorithms 1.0). Ed448 (SHAKE256) is not in WebCrypto.
    return 'SHA-512, the hash the OpenID Connect working group chose for EdDSA with Ed25519';
  }
  return (typeof alg === 'string' && tokenHashAlgorithm(alg)) || 'none';
}

function hashCheck(claim: HashClaim, found: HashCheck | undefined, alg: unknown): ProfileCheck {
  const { reference, input, what } = HASH_RULES[claim];
  const r = rule(claim, reference);
  if (found === undefined) {
    return r.unchecked(`No ${claim} in the token and no ${what} given: fill ${input} to check they belong together.`);
  }
  switch (found.state) {
    case 'match':
      return r.pass(`${claim} matches the ${what}: left half of its ${hashName(alg)} hash.`);
    case 'mismatch':
      return r.fail(found.message);
    case 'absent':
      return r.warn(
        `The token has no ${claim}, so nothing binds it to this ${what}. ${claim} is required when the ${what} comes from the authorization endpoint with the ID token (implicit and hybrid flows).`,
      );
    case 'no-value':
      return r.unchecked(`${claim} is ${quote(found.actual)}; fill ${input} to check it.`);
    case 'unsupported':
      return r.warn(found.message);
  }
}

async function idTokenHashes(ctx: RuleContext): Promise<ProfileCheck[]> {
  const rows = await checkTokenHashes(
    { header: ctx.header, payload: ctx.claims },
    { accessToken: ctx.expected.accessToken, code: ctx.expected.code },
  );
  const alg = ctx.header.alg;
  return (['at_hash', 'c_hash'] as const).map((claim) =>
    hashCheck(
      claim,
      rows.find((row) => row.claim === claim),
      alg,
    ),
  );
}

/** §3.1.2.1 and §3.1.3.7 step 13: with max_age, auth_time must be there and recent enough. */
function idTokenAuthTime(ctx: RuleContext): ProfileCheck {
  const r = rule('auth_time', 'OIDC Core §3.1.2.1, §3.1.3.7 step 13');
  const authTime = ctx.claims.auth_time;
  const maxAge = ctx.expected.maxAge;
  const { clock } = ctx;
  if (maxAge === undefined) {
    return r.unchecked(
      `${authTime === undefined ? 'No auth_time in the token' : `auth_time is ${quote(authTime)}`}; fill ${EXPECT_INPUT.maxAge} (of the authentication request) to check it.`,
    );
  }
  if (authTime === undefined)
    return r.fail(`auth_time is missing, but max_age ${maxAge} was asked: it is then required.`);
  if (!isNumericDate(authTime))
    return r.fail(`auth_time must be a number of seconds since 1970; it is ${quote(authTime)}.`);
  if (authTime > clock.now + clock.leeway) return r.warn(`auth_time lies in the future (${at(clock, authTime)}).`);
  const elapsed = clock.now - authTime;
  return elapsed > maxAge + clock.leeway
    ? r.fail(
        `The user authenticated ${at(clock, authTime)}, longer ago than max_age ${maxAge} s: the provider should have asked them to log in again.`,
      )
    : r.pass(`The user authenticated ${at(clock, authTime)}, within max_age ${maxAge} s.`);
}

export async function checkIdToken(ctx: RuleContext): Promise<ProfileCheck[]> {
  const checks: (ProfileCheck | undefined)[] = [
    idTokenSigned(ctx),
    requireString(ctx, 'iss', 'OIDC Core §2'),
    checkIssuerExpected(ctx, 'OIDC Core §3.1.3.7 step 2'),
    idTokenSubject(ctx),
    checkAudiencePresent(ctx, 'OIDC Core §2'),
    idTokenAudience(ctx),
    idTokenAuthorizedParty(ctx),
    checkExpiry(ctx, 'OIDC Core §2, §3.1.3.7 step 9', true),
    checkIssuedAt(ctx, 'OIDC Core §2, §3.1.3.7 step 10', { required: true, future: 'warn' }),
    checkNotBefore(ctx, 'RFC 7519 §4.1.5'),
    idTokenNonce(ctx),
    ...(await idTokenHashes(ctx)),
    idTokenAuthTime(ctx),
  ];
  return checks.filter((c): c is ProfileCheck => c !== undefined);
}
