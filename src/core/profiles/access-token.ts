// OAuth 2.0 JWT access token (RFC 9068): the header of §2.1, the claims of §2.2, and the resource server's
// validation of §4.
import type { ProfileCheck } from './types';
import {
  checkAudienceContains,
  checkAudiencePresent,
  checkExpiry,
  checkIssuedAt,
  checkIssuerExpected,
  checkNotBefore,
  checkSigned,
  EXPECT_INPUT,
  mediaType,
  quote,
  requireString,
  rule,
  type RuleContext,
} from './rules';

/** §2.1 and §4: typ is at+jwt (application/at+jwt), so that an ID token cannot pass for an access token. */
function accessTokenType(ctx: RuleContext): ProfileCheck {
  const r = rule('typ', 'RFC 9068 §2.1, §4');
  const typ = ctx.header.typ;
  if (mediaType(typ) === 'at+jwt') return r.pass(`typ is ${quote(typ)}.`);
  return r.fail(
    typ === undefined
      ? 'The header has no typ; a JWT access token must say "at+jwt", and resource servers reject any other value.'
      : `typ is ${quote(typ)}, not "at+jwt": resource servers reject it, which keeps ID tokens and other JWTs from passing as access tokens.`,
  );
}

/** §2.2: client_id is required; compared with the client id when one is given. */
function accessTokenClientId(ctx: RuleContext): ProfileCheck {
  const check = requireString(ctx, 'client_id', 'RFC 9068 §2.2', ': it names the client the token was issued to');
  const expected = ctx.expected.clientId;
  const value = ctx.claims.client_id;
  if (check.state !== 'pass' || expected === undefined) return check;
  return value === expected
    ? { ...check, message: `client_id equals the expected client ${quote(expected)}.` }
    : { ...check, state: 'fail', message: `client_id is ${quote(value)}, not the expected client ${quote(expected)}.` };
}

/** §4 step 4: aud contains the identifier of this resource server. */
function accessTokenAudience(ctx: RuleContext): ProfileCheck {
  const aud = ctx.expected.aud;
  return checkAudienceContains(
    ctx,
    aud === undefined ? [] : [{ value: aud, label: 'the expected resource' }],
    'RFC 9068 §4',
    `${EXPECT_INPUT.aud} (the resource server's identifier)`,
  );
}

export function checkAccessToken(ctx: RuleContext): Promise<ProfileCheck[]> {
  const checks: (ProfileCheck | undefined)[] = [
    accessTokenType(ctx),
    checkSigned(ctx, 'RFC 9068 §2.1, §4', 'a JWT access token'),
    requireString(ctx, 'iss', 'RFC 9068 §2.2'),
    checkIssuerExpected(ctx, 'RFC 9068 §4'),
    checkExpiry(ctx, 'RFC 9068 §2.2, §4', true),
    checkAudiencePresent(ctx, 'RFC 9068 §2.2'),
    accessTokenAudience(ctx),
    requireString(ctx, 'sub', 'RFC 9068 §2.2'),
    accessTokenClientId(ctx),
    checkIssuedAt(ctx, 'RFC 9068 §2.2', { required: true, future: 'warn' }),
    checkNotBefore(ctx, 'RFC 7519 §4.1.5'),
    requireString(ctx, 'jti', 'RFC 9068 §2.2'),
  ];
  return Promise.resolve(checks.filter((c): c is ProfileCheck => c !== undefined));
}
