// Client authentication assertion (RFC 7523 §3, as OIDC Core §9 uses it for private_key_jwt and
// client_secret_jwt): the client signs a JWT about itself for the authorization server's token endpoint.
import type { ProfileCheck } from './types';
import {
  checkAudienceContains,
  checkAudiencePresent,
  checkExpiry,
  checkIssuedAt,
  checkNotBefore,
  checkSigned,
  EXPECT_INPUT,
  quote,
  requireString,
  rule,
  type RuleContext,
} from './rules';

/** RFC 7523 §3 items 1–2 with OIDC Core §9: iss and sub are both the client id. */
function assertionIssuerIsSubject(ctx: RuleContext): ProfileCheck {
  const r = rule('iss-equals-sub', 'RFC 7523 §3 items 1–2; OIDC Core §9');
  const { iss, sub } = ctx.claims;
  if (iss === undefined || sub === undefined) return r.fail('iss and sub must both be present, and equal.');
  return iss === sub
    ? r.pass(`iss and sub are both ${quote(iss)}.`)
    : r.fail(`iss is ${quote(iss)} but sub is ${quote(sub)}: for client authentication both are the client id.`);
}

/** RFC 7523 §3 item 2.B: sub (and so iss) is the client id of the client authenticating. */
function assertionClient(ctx: RuleContext): ProfileCheck {
  const r = rule('client-id-expected', 'RFC 7523 §3 item 2; OIDC Core §9');
  const expected = ctx.expected.clientId;
  if (expected === undefined) return r.unchecked(`Fill ${EXPECT_INPUT.clientId} to check iss and sub.`);
  const { iss, sub } = ctx.claims;
  const wrong = [
    iss === expected ? undefined : `iss is ${quote(iss)}`,
    sub === expected ? undefined : `sub is ${quote(sub)}`,
  ]
    .filter((w) => w !== undefined)
    .join(' and ');
  return wrong === ''
    ? r.pass(`iss and sub equal the client id ${quote(expected)}.`)
    : r.fail(`${wrong}, but the client id is ${quote(expected)}.`);
}

/**
 * RFC 7523 §3 item 3: aud identifies the authorization server; its token endpoint URL may be used, and OIDC
 * Core §9 says it should. Any of the expected audience, the token endpoint or the issuer is accepted.
 */
function assertionAudience(ctx: RuleContext): ProfileCheck {
  const { aud, tokenEndpoint, iss } = ctx.expected;
  const accepted = [
    aud === undefined ? undefined : { value: aud, label: 'the expected audience' },
    tokenEndpoint === undefined ? undefined : { value: tokenEndpoint, label: 'the token endpoint' },
    iss === undefined ? undefined : { value: iss, label: "the authorization server's issuer" },
  ].filter((a) => a !== undefined);
  return checkAudienceContains(
    ctx,
    accepted,
    'RFC 7523 §3 item 3',
    `${EXPECT_INPUT.aud} (the token endpoint), ${EXPECT_INPUT.tokenEndpoint} or ${EXPECT_INPUT.iss}`,
  );
}

export function checkClientAssertion(ctx: RuleContext): Promise<ProfileCheck[]> {
  const checks: (ProfileCheck | undefined)[] = [
    checkSigned(ctx, 'RFC 7523 §3 item 9', 'a client assertion'),
    requireString(ctx, 'iss', 'RFC 7523 §3 item 1'),
    requireString(ctx, 'sub', 'RFC 7523 §3 item 2'),
    assertionIssuerIsSubject(ctx),
    assertionClient(ctx),
    checkAudiencePresent(ctx, 'RFC 7523 §3 item 3'),
    assertionAudience(ctx),
    checkExpiry(ctx, 'RFC 7523 §3 item 4', true),
    checkNotBefore(ctx, 'RFC 7523 §3 item 5'),
    checkIssuedAt(ctx, 'RFC 7523 §3 item 6', { required: false, future: 'warn' }),
    // RFC 7523 §3 item 7 makes jti optional; OIDC Core §9 requires it, and servers use it against replay.
    requireString(ctx, 'jti', 'RFC 7523 §3 item 7; OIDC Core §9', ': the server remembers it to refuse a replay'),
  ];
  return Promise.resolve(checks.filter((c): c is ProfileCheck => c !== undefined));
}
