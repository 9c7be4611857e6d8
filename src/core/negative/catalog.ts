// The words of every case: what it sends, what a correct server does, why, and where the rule is written.
import type { NegativeCase, NegativeCaseId } from './types';

type CaseText = Pick<NegativeCase, 'title' | 'sends' | 'correctServer' | 'why' | 'reference'>;

const REFUSE = 'Refuses it (any status but 2xx, typically 401).';

export const CASE_TEXT = {
  control: {
    title: 'Control: the token itself',
    sends: 'The loaded token unchanged (with exp moved ahead when it had expired and the signing key was given).',
    correctServer: 'Accepts it (2xx). If it does not, the request itself is wrong and the other results prove nothing.',
    why: 'Every other case changes one thing in this token; a refusal only means something when this one is accepted.',
    reference: 'RFC 7519 §7.2',
  },
  'alg-none': {
    title: 'alg "none", no signature',
    sends: 'The header with "alg" set to none (in four spellings) and an empty signature.',
    correctServer: REFUSE,
    why: 'An unsecured JWS carries no proof of who made it; a verifier must only accept the algorithms it expects, and "none" is never one of them for an access token.',
    reference: 'RFC 8725 §2.1, §3.1; RFC 7518 §3.6',
  },
  'signature-stripped': {
    title: 'Signature removed',
    sends: 'The header and payload unchanged, the signature part empty (header.payload.).',
    correctServer: REFUSE,
    why: 'A server that skips the check when the signature is missing accepts anything anyone writes.',
    reference: 'RFC 7515 §5.2',
  },
  'signature-other-key': {
    title: 'Signed with another key',
    sends: 'The token re-signed, same header and payload, with a fresh key of the same algorithm.',
    correctServer: REFUSE,
    why: 'The signature must verify with the key the server trusts, not with just any key of the right type.',
    reference: 'RFC 7515 §5.2',
  },
  'payload-tampered': {
    title: 'Payload changed, signature kept',
    sends: 'One claim changed, the original signature kept.',
    correctServer: REFUSE,
    why: 'The signature covers the payload; a server that reads claims before (or without) checking it trusts edited tokens.',
    reference: 'RFC 7515 §5.2',
  },
  'hmac-key-confusion': {
    title: 'HS256 keyed with the public key (key confusion)',
    sends:
      'The token re-signed as HS256, using the server’s public key as the HMAC secret, in each form a server might hold it.',
    correctServer: REFUSE,
    why: 'A verifier that takes the algorithm from the token and the key from its configuration verifies an HMAC made with a key everyone has.',
    reference: 'RFC 8725 §2.1, §3.1; CVE-2015-9235; CVE-2017-11424',
  },
  'embedded-jwk': {
    title: 'Key embedded in the header (jwk)',
    sends: 'The token signed with a fresh key whose public half is in the header’s "jwk".',
    correctServer: REFUSE,
    why: 'A key the token brings proves only that the sender has that key; trust must come from the server’s own configuration.',
    reference: 'RFC 7515 §4.1.3; RFC 8725 §3.10; CVE-2018-0114',
  },
  'jku-foreign': {
    title: 'Foreign JWKS URL (jku)',
    sends: 'The token signed with a fresh key, with "jku" pointing at a URL the server does not know.',
    correctServer: 'Refuses it without fetching the URL.',
    why: 'Fetching a URL named by the token lets anyone choose the keys (and makes the server send requests for them).',
    reference: 'RFC 7515 §4.1.2; RFC 8725 §3.10',
  },
  'x5u-foreign': {
    title: 'Foreign certificate URL (x5u)',
    sends: 'The token signed with a fresh key, with "x5u" pointing at a URL the server does not know.',
    correctServer: 'Refuses it without fetching the URL.',
    why: 'Same as jku: a certificate fetched from where the token says proves nothing and exposes the server to request forgery.',
    reference: 'RFC 7515 §4.1.5; RFC 8725 §3.10',
  },
  'x5c-self-signed': {
    title: 'Self-signed certificate in the header (x5c)',
    sends: 'The token signed with a fresh key, its self-signed certificate in "x5c".',
    correctServer: REFUSE,
    why: 'A certificate chain must end at a trust anchor the server chose; a self-signed one proves nothing.',
    reference: 'RFC 7515 §4.1.6; RFC 5280 §6',
  },
  'hmac-empty-key': {
    title: 'HMAC with an empty key',
    sends: 'The token re-signed as HMAC with a zero-length key.',
    correctServer: REFUSE,
    why: 'A missing or empty secret in the configuration must not become a key anyone can use.',
    reference: 'RFC 8725 §3.5; RFC 7518 §3.2; CVE-2019-20933',
  },
  'ecdsa-zero-signature': {
    title: 'ECDSA signature of zeros (r = s = 0)',
    sends: 'The header and payload unchanged, the signature all zero bytes (r = 0, s = 0).',
    correctServer: REFUSE,
    why: 'ECDSA requires 1 ≤ r, s < n; a verifier that skips that check accepts the zero signature for any message.',
    reference: 'CVE-2022-21449; RFC 7518 §3.4; SEC 1 §4.1.4',
  },
  'kid-path-traversal': {
    title: 'kid path traversal',
    sends: 'HMAC with an empty key and "kid": "../../../../../../dev/null" (an empty file).',
    correctServer: REFUSE,
    why: 'A kid used as a file name lets the sender choose a file whose content they know, such as /dev/null.',
    reference: 'RFC 7515 §4.1.4; RFC 8725 §3.10',
  },
  'kid-sql-injection': {
    title: 'kid SQL injection',
    sends: 'HMAC with the secret "k" and "kid": "\' UNION SELECT \'k\' --".',
    correctServer: REFUSE,
    why: 'A kid pasted into an SQL query lets the sender choose the key the query returns.',
    reference: 'RFC 8725 §3.10',
  },
  expired: {
    title: 'Expired',
    sends: 'The token re-signed with your key, "exp" an hour ago.',
    correctServer: REFUSE,
    why: 'A token past its expiry must not be accepted (beyond a small clock leeway).',
    reference: 'RFC 7519 §4.1.4',
  },
  'not-yet-valid': {
    title: 'Not yet valid',
    sends: 'The token re-signed with your key, "nbf" an hour ahead.',
    correctServer: REFUSE,
    why: 'A token must not be accepted before its "nbf" time.',
    reference: 'RFC 7519 §4.1.5',
  },
  'wrong-audience': {
    title: 'Wrong audience',
    sends: 'The token re-signed with your key, "aud" set to another service.',
    correctServer: REFUSE,
    why: 'A token issued for another service must not open this one.',
    reference: 'RFC 7519 §4.1.3; RFC 8725 §3.9',
  },
  'wrong-issuer': {
    title: 'Wrong issuer',
    sends: 'The token re-signed with your key, "iss" set to another issuer.',
    correctServer: REFUSE,
    why: 'Keys and claims are only meaningful for the issuer the server trusts.',
    reference: 'RFC 7519 §4.1.1; RFC 8725 §3.8',
  },
  'crit-unknown': {
    title: 'Unknown critical header',
    sends: 'The token re-signed with your key, with "crit": ["x-unknown"] and that header member set.',
    correctServer: REFUSE,
    why: 'A recipient that does not understand an extension listed in "crit" must reject the token.',
    reference: 'RFC 7515 §4.1.11',
  },
  'alg-swap': {
    title: 'Same key, another algorithm (advisory)',
    sends: 'The token re-signed with your key under a sibling algorithm (RS256 as PS256, ES256 as ES384, …).',
    correctServer:
      'Refuses it where the server pins one algorithm. Advisory: reported, but not counted in the exit status.',
    why: 'A verifier should pin the algorithm it expects rather than follow the token’s "alg"; accepting a sibling is not an attack in itself.',
    reference: 'RFC 8725 §3.1',
  },
} as const satisfies Record<NegativeCaseId, CaseText>;

/** A case with its catalogue words, in a given state. */
export function makeCase(
  id: NegativeCaseId,
  fields: Partial<Pick<NegativeCase, 'state' | 'reason' | 'tokens' | 'notes' | 'hosted' | 'sends'>> = {},
): NegativeCase {
  const tokens = fields.tokens ?? [];
  return {
    id,
    ...CASE_TEXT[id],
    ...(fields.sends !== undefined ? { sends: fields.sends } : {}),
    state: fields.state ?? (tokens.length > 0 ? 'ready' : 'n/a'),
    ...(fields.reason !== undefined ? { reason: fields.reason } : {}),
    expected: id === 'control' ? 'accept' : 'refuse',
    advisory: id === 'alg-swap',
    tokens,
    notes: fields.notes ?? [],
    ...(fields.hosted ? { hosted: fields.hosted } : {}),
  };
}

/** A case that cannot be made; `state` says whether an input is missing or the case does not apply. */
export function unavailableCase(id: NegativeCaseId, state: 'needs-key' | 'n/a', reason: string): NegativeCase {
  return makeCase(id, { state, reason });
}

/** A ready case's token; `variant` names it `id:variant`. */
export function caseToken(id: NegativeCaseId, token: string, detail: string, variant?: string) {
  return variant === undefined ? { name: id, token, detail } : { name: `${id}:${variant}`, variant, token, detail };
}
