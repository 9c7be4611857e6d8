// OpenID Connect Back-Channel Logout 1.0: the logout token of §2.4 and the relying party's validation of §2.6
// ("Back-Channel Logout" below).
import { BACKCHANNEL_LOGOUT_EVENT, type ProfileCheck } from './types';
import {
  checkAudienceContains,
  checkAudiencePresent,
  checkExpiry,
  checkIssuedAt,
  checkIssuerExpected,
  checkNotBefore,
  checkSigned,
  EXPECT_INPUT,
  isRecord,
  mediaType,
  nonEmptyString,
  quote,
  requireString,
  rule,
  type RuleContext,
} from './rules';

/** §2.4: explicit typing is recommended, not required, so a missing or other typ only warns. */
function logoutTokenType(ctx: RuleContext): ProfileCheck {
  const r = rule('typ', 'Back-Channel Logout §2.4');
  const typ = ctx.header.typ;
  if (mediaType(typ) === 'logout+jwt') return r.pass(`typ is ${quote(typ)}.`);
  return r.warn(
    `typ is ${typ === undefined ? 'missing' : quote(typ)}; "logout+jwt" is recommended, so that no other JWT can be taken for a logout token.`,
  );
}

/** §2.6: the events claim declares the JWT a logout token. */
function logoutTokenEvents(ctx: RuleContext): ProfileCheck {
  const r = rule('events', 'Back-Channel Logout §2.4, §2.6');
  const events = ctx.claims.events;
  if (events === undefined) return r.fail(`events is missing; it must hold the member "${BACKCHANNEL_LOGOUT_EVENT}".`);
  if (!isRecord(events)) return r.fail(`events must be a JSON object; it is ${quote(events)}.`);
  if (!(BACKCHANNEL_LOGOUT_EVENT in events)) {
    return r.fail(`events has no member "${BACKCHANNEL_LOGOUT_EVENT}" (it has ${quote(Object.keys(events))}).`);
  }
  const value = events[BACKCHANNEL_LOGOUT_EVENT];
  if (!isRecord(value))
    return r.fail(`The back-channel logout event must map to a JSON object; it maps to ${quote(value)}.`);
  return Object.keys(value).length === 0
    ? r.pass('events holds the back-channel logout event, mapped to {}.')
    : r.pass(`events holds the back-channel logout event, mapped to ${quote(value)} (it should be empty).`);
}

/** §2.6: a logout token names the session (sid), the user (sub), or both. */
function logoutTokenSubject(ctx: RuleContext): ProfileCheck {
  const r = rule('sid-or-sub', 'Back-Channel Logout §2.4, §2.6');
  const { sid, sub } = ctx.claims;
  const named = [
    nonEmptyString(sid) ? `sid ${quote(sid)}` : undefined,
    nonEmptyString(sub) ? `sub ${quote(sub)}` : undefined,
  ]
    .filter((n) => n !== undefined)
    .join(' and ');
  if (named !== '') return r.pass(`The token names ${named}.`);
  return r.fail('Neither sid nor sub is present: the token does not say which session or user to log out.');
}

/** §2.6: a nonce would let a logout token pass for an ID token. */
function logoutTokenNoNonce(ctx: RuleContext): ProfileCheck {
  const r = rule('no-nonce', 'Back-Channel Logout §2.4, §2.6');
  const nonce = ctx.claims.nonce;
  return nonce === undefined
    ? r.pass('No nonce, as required.')
    : r.fail(`The token has a nonce (${quote(nonce)}); a logout token must not, so it cannot be used as an ID token.`);
}

/** §2.6 validates aud as for an ID token: it contains the client id. */
function logoutTokenAudience(ctx: RuleContext): ProfileCheck {
  const { clientId, aud } = ctx.expected;
  const client =
    clientId !== undefined
      ? { value: clientId, label: 'the client id' }
      : aud !== undefined
        ? { value: aud, label: 'the client id (expected audience)' }
        : undefined;
  return checkAudienceContains(
    ctx,
    client ? [client] : [],
    'Back-Channel Logout §2.6; OIDC Core §3.1.3.7 step 3',
    `${EXPECT_INPUT.aud} (the client id)`,
  );
}

export function checkLogoutToken(ctx: RuleContext): Promise<ProfileCheck[]> {
  const checks: (ProfileCheck | undefined)[] = [
    logoutTokenType(ctx),
    checkSigned(ctx, 'Back-Channel Logout §2.6', 'a logout token'),
    requireString(ctx, 'iss', 'Back-Channel Logout §2.4'),
    checkIssuerExpected(ctx, 'Back-Channel Logout §2.6; OIDC Core §3.1.3.7 step 2'),
    checkAudiencePresent(ctx, 'Back-Channel Logout §2.4'),
    logoutTokenAudience(ctx),
    checkIssuedAt(ctx, 'Back-Channel Logout §2.4, §2.6', { required: true, future: 'warn' }),
    checkExpiry(ctx, 'Back-Channel Logout §2.4, §2.6', true),
    checkNotBefore(ctx, 'RFC 7519 §4.1.5'),
    requireString(ctx, 'jti', 'Back-Channel Logout §2.4', ': receivers use it to refuse a replay'),
    logoutTokenEvents(ctx),
    logoutTokenSubject(ctx),
    logoutTokenNoNonce(ctx),
  ];
  return Promise.resolve(checks.filter((c): c is ProfileCheck => c !== undefined));
}
