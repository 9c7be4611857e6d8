// DPoP proof (RFC 9449): the syntax of §4.2 and the server's checks of §4.3, numbered as the RFC lists them
// ("check 9" is the 9th item of §4.3), plus the access token binding of §6.1.
import { TokenError } from '../errors';
import { privateJwkMembers } from '../lib/jwk-members';
import { ALGORITHM_FAMILY } from '../types';
import { isJwsAlgorithm } from '../lib/key-describe';
import { decodeToken } from '../token';
import { accessTokenHash } from './access-token-hash';
import { verifyWithHeaderJwk, type HeaderJwkVerification } from './header-jwk';
import type { ProfileCheck } from './types';
import {
  checkIssuedAt,
  EXPECT_INPUT,
  isRecord,
  mediaType,
  nonEmptyString,
  quote,
  requireString,
  rule,
  type RuleContext,
} from './rules';

/**
 * How old a proof's `iat` may be when no maximum age is set. RFC 9449 §11.1 leaves the window to the server
 * ("a relatively short period"); five minutes is what common servers allow.
 */
export const DPOP_DEFAULT_MAX_AGE_SECONDS = 300;

const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);

/** §4.2: typ is dpop+jwt, which keeps other JWTs from being presented as proofs. */
function dpopType(ctx: RuleContext): ProfileCheck {
  const r = rule('typ', 'RFC 9449 §4.2; §4.3 check 4');
  const typ = ctx.header.typ;
  return mediaType(typ) === 'dpop+jwt'
    ? r.pass(`typ is ${quote(typ)}.`)
    : r.fail(`typ is ${typ === undefined ? 'missing' : quote(typ)}; a DPoP proof must say "dpop+jwt".`);
}

/** §4.2: an asymmetric signature algorithm; a MAC proves nothing about a key pair. */
function dpopAlgorithm(ctx: RuleContext): ProfileCheck {
  const r = rule('alg', 'RFC 9449 §4.2; §4.3 check 5');
  const alg = ctx.header.alg;
  if (typeof alg !== 'string' || alg === '') return r.fail(`The header has no usable alg (${quote(alg)}).`);
  if (alg.toLowerCase() === 'none') return r.fail(`alg is "${alg}": a DPoP proof must be signed.`);
  if (!isJwsAlgorithm(alg)) return r.fail(`alg "${alg}" is not a signature algorithm the workbench knows.`);
  if (ALGORITHM_FAMILY[alg] === 'oct') {
    return r.fail(`alg is ${alg}, a symmetric MAC: a DPoP proof must use an asymmetric signature algorithm.`);
  }
  return r.pass(`alg is ${alg}, an asymmetric signature algorithm.`);
}

/** §4.2 and check 7: the header jwk is the client's public key, never its private key. */
function dpopPublicKey(ctx: RuleContext): ProfileCheck {
  const r = rule('jwk-public', 'RFC 9449 §4.2; §4.3 check 7');
  const jwk = ctx.header.jwk;
  if (jwk === undefined)
    return r.fail('The header has no jwk: a DPoP proof carries the public key it was signed with.');
  if (!isRecord(jwk)) return r.fail(`jwk must be a JSON object; it is ${quote(jwk)}.`);
  if (jwk.kty === 'oct') return r.fail('jwk is a symmetric key (kty "oct"), which must never be sent.');
  const leaked = privateJwkMembers(jwk);
  if (leaked.length > 0) {
    return r.fail(
      `jwk holds private key members (${leaked.join(', ')}): the proof gives its private key away; anyone who saw it can sign proofs.`,
    );
  }
  return r.pass(typeof jwk.kty === 'string' ? `jwk is a public ${jwk.kty} key.` : 'jwk holds no private members.');
}

/** Check 6: the signature verifies with the header jwk. */
function dpopSignature(verification: HeaderJwkVerification): ProfileCheck {
  const r = rule('signature', 'RFC 9449 §4.3 check 6');
  return verification.state === 'verified' ? r.pass(verification.message) : r.fail(verification.message);
}

/** Check 8: htm is the method of the request. */
function dpopMethod(ctx: RuleContext): ProfileCheck {
  const r = rule('htm', 'RFC 9449 §4.2; §4.3 check 8');
  const htm = ctx.claims.htm;
  if (!nonEmptyString(htm))
    return r.fail(`htm ${htm === undefined ? 'is missing' : `is ${quote(htm)}`}; it must name the HTTP method.`);
  const typed = ctx.expected.htm;
  if (typed === undefined) return r.unchecked(`htm is ${quote(htm)}; fill ${EXPECT_INPUT.htm} to check it.`);
  // Methods are case-sensitive (RFC 9110 §9.1); a standard method typed in lower case means the upper-case one.
  const expected = HTTP_METHODS.has(typed.toUpperCase()) ? typed.toUpperCase() : typed;
  if (htm === expected) return r.pass(`htm is ${quote(htm)}, the method of the request.`);
  const hint = htm.toUpperCase() === expected.toUpperCase() ? ' HTTP methods are case-sensitive.' : '';
  return r.fail(`htm is ${quote(htm)}, but the request's method is ${quote(expected)}.${hint}`);
}

/** The URI without query and fragment, with the URL parser's syntax and scheme normalisation (§4.3 check 9). */
function requestTarget(text: string): { text: string; hadExtras: boolean } {
  try {
    const url = new URL(text);
    const hadExtras = url.search !== '' || url.hash !== '' || /[?#]/.test(text);
    url.search = '';
    url.hash = '';
    return { text: url.href, hadExtras };
  } catch {
    const cut = text.search(/[?#]/);
    return { text: cut < 0 ? text : text.slice(0, cut), hadExtras: cut >= 0 };
  }
}

/** Check 9: htu is the request URI, ignoring query and fragment. */
function dpopUri(ctx: RuleContext): ProfileCheck {
  const r = rule('htu', 'RFC 9449 §4.2; §4.3 check 9');
  const htu = ctx.claims.htu;
  if (!nonEmptyString(htu))
    return r.fail(`htu ${htu === undefined ? 'is missing' : `is ${quote(htu)}`}; it must name the request URI.`);
  const proof = requestTarget(htu);
  if (ctx.expected.htu === undefined) return r.unchecked(`htu is ${quote(htu)}; fill ${EXPECT_INPUT.htu} to check it.`);
  const expected = requestTarget(ctx.expected.htu);
  if (proof.text !== expected.text) {
    return r.fail(`htu is ${quote(htu)}, but the request URI is ${quote(expected.text)} (query and fragment aside).`);
  }
  return proof.hadExtras
    ? r.warn(`htu matches ${quote(expected.text)}, but carries a query or fragment, which §4.2 says to leave out.`)
    : r.pass(
        `htu matches the request URI ${quote(expected.text)}${expected.hadExtras ? ' (query and fragment aside)' : ''}.`,
      );
}

/** Check 10 and §8: when the server handed out a nonce, the proof carries it. */
function dpopNonce(ctx: RuleContext): ProfileCheck {
  const r = rule('nonce', 'RFC 9449 §4.3 check 10; §8');
  const nonce = ctx.claims.nonce;
  const expected = ctx.expected.nonce;
  if (expected === undefined) {
    return r.unchecked(
      `${nonce === undefined ? 'No nonce in the proof' : `nonce is ${quote(nonce)}`}; if the server sent a DPoP-Nonce, fill ${EXPECT_INPUT.nonce} with it.`,
    );
  }
  if (nonce === undefined) return r.fail(`nonce is missing, but the server asked for ${quote(expected)}.`);
  return nonce === expected
    ? r.pass(`nonce is the server's ${quote(expected)}.`)
    : r.fail(`nonce is ${quote(nonce)}, not the server's ${quote(expected)}.`);
}

/** The access token as sent after `Authorization: DPoP` (a pasted scheme is dropped). */
function accessTokenOf(ctx: RuleContext): string | undefined {
  const text = ctx.expected.accessToken;
  return text === undefined ? undefined : text.replace(/^(?:DPoP|Bearer)\s+/i, '');
}

/** Check 12: a proof sent with an access token hashes it in ath. */
async function dpopAccessTokenHash(ctx: RuleContext): Promise<ProfileCheck> {
  const r = rule('ath', 'RFC 9449 §4.2; §4.3 check 12');
  const ath = ctx.claims.ath;
  const token = accessTokenOf(ctx);
  if (token === undefined) {
    return ath === undefined
      ? r.unchecked(
          `No ath and no access token given: right for a proof sent to the token endpoint. For a proof sent to a resource, fill ${EXPECT_INPUT.accessToken}.`,
        )
      : r.unchecked(`ath is ${quote(ath)}; fill ${EXPECT_INPUT.accessToken} to check it.`);
  }
  const expected = await accessTokenHash(token);
  if (ath === undefined)
    return r.fail(`ath is missing; a proof sent with an access token must carry its hash (${expected}).`);
  return ath === expected
    ? r.pass(`ath is the SHA-256 hash of the access token.`)
    : r.fail(
        `ath is ${quote(ath)}, but the access token hashes to ${quote(expected)}: the proof was made for another token.`,
      );
}

/** Check 12 and §6.1: the access token is bound to the proof's key by cnf.jkt. */
function dpopBinding(ctx: RuleContext, verification: HeaderJwkVerification): ProfileCheck {
  const r = rule('cnf-jkt', 'RFC 9449 §4.3 check 12; §6.1');
  const token = accessTokenOf(ctx);
  if (token === undefined)
    return r.unchecked(`Fill ${EXPECT_INPUT.accessToken} to check that it is bound to this proof's key.`);
  let claims: unknown;
  try {
    claims = decodeToken(token).payload;
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    return r.unchecked(
      'The access token is not a JWT, so its binding (cnf.jkt) cannot be read here; the resource server learns it by introspection (§6.2).',
    );
  }
  const cnf = isRecord(claims) ? claims.cnf : undefined;
  const jkt = isRecord(cnf) ? cnf.jkt : undefined;
  if (jkt === undefined) return r.fail('The access token has no cnf.jkt: it is not bound to a DPoP key.');
  if (verification.thumbprint === undefined) {
    return r.fail(`The access token is bound to ${quote(jkt)}, but the proof's jwk has no usable thumbprint.`);
  }
  return jkt === verification.thumbprint
    ? r.pass(`The access token's cnf.jkt is the thumbprint of the proof's jwk (${jkt}).`)
    : r.fail(
        `The access token is bound to the key ${quote(jkt)}, but the proof's jwk has the thumbprint ${quote(verification.thumbprint)}: the proof was signed with another key.`,
      );
}

export async function checkDpopProof(ctx: RuleContext): Promise<ProfileCheck[]> {
  const verification = await verifyWithHeaderJwk(ctx.decoded);
  const checks: (ProfileCheck | undefined)[] = [
    dpopType(ctx),
    dpopAlgorithm(ctx),
    dpopPublicKey(ctx),
    dpopSignature(verification),
    requireString(ctx, 'jti', 'RFC 9449 §4.2; §4.3 check 3', ': servers remember it to refuse a replayed proof'),
    dpopMethod(ctx),
    dpopUri(ctx),
    checkIssuedAt(ctx, 'RFC 9449 §4.2; §4.3 check 11', {
      required: true,
      future: 'fail',
      maxAge: ctx.clock.maxAge ?? DPOP_DEFAULT_MAX_AGE_SECONDS,
    }),
    dpopNonce(ctx),
    await dpopAccessTokenHash(ctx),
    dpopBinding(ctx, verification),
  ];
  return checks.filter((c): c is ProfileCheck => c !== undefined);
}
