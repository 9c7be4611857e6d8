// Checks on a JWE header made before any key is touched: the names, and the members that decide how much
// work decrypting costs (PBES2 `p2c`) or that jose would otherwise reject with a terse message. A token
// that fails here is refused with words and a code; jose still checks everything again.
import { formatCount } from '../lib/format-count';
import { base64urlDecode, isBase64url } from '../lib/key-encoding';
import {
  JWE_ALGORITHM_INFO,
  MAX_PBES2_COUNT,
  UNSUPPORTED_JWE_ALGORITHMS,
  UNSUPPORTED_JWE_ENCRYPTIONS,
  isJweContentEncryption,
  isJweKeyAlgorithm,
  type JweContentEncryption,
  type JweKeyAlgorithm,
} from './algorithms';
import { problem, type JweProblem } from './codes';

export type HeaderCheck =
  { ok: true; alg: JweKeyAlgorithm; enc: JweContentEncryption } | { ok: false; problem: JweProblem };

type Header = Record<string, unknown>;

function quote(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Bytes of a base64url header member, or undefined when it is not a base64url string. */
function base64urlMember(value: unknown): Uint8Array | undefined {
  if (typeof value !== 'string' || !isBase64url(value)) return undefined;
  return base64urlDecode(value);
}

function checkAlg(alg: unknown): JweProblem | JweKeyAlgorithm {
  if (alg === undefined)
    return problem(
      'alg-missing',
      'the header has no "alg": a JWE must name its key management algorithm (RFC 7516 §4.1.1)',
    );
  if (typeof alg !== 'string' || alg === '')
    return problem('alg-missing', `"alg" is ${quote(alg)}, not an algorithm name`);
  const known = UNSUPPORTED_JWE_ALGORITHMS[alg];
  if (known) return problem('alg-unsupported', known);
  if (!isJweKeyAlgorithm(alg)) {
    return problem(
      'alg-unsupported',
      `"alg": ${quote(alg)} is not a JWE key management algorithm jose supports (RSA-OAEP*, ECDH-ES*, A*KW, A*GCMKW, dir, PBES2-*)`,
    );
  }
  return alg;
}

function checkEnc(enc: unknown): JweProblem | JweContentEncryption {
  if (enc === undefined)
    return problem(
      'enc-missing',
      'the header has no "enc": a JWE must name its content encryption algorithm (RFC 7516 §4.1.2)',
    );
  if (typeof enc !== 'string' || enc === '')
    return problem('enc-missing', `"enc" is ${quote(enc)}, not an algorithm name`);
  const known = UNSUPPORTED_JWE_ENCRYPTIONS[enc];
  if (known) return problem('enc-unsupported', known);
  if (!isJweContentEncryption(enc)) {
    return problem(
      'enc-unsupported',
      `"enc": ${quote(enc)} is not a content encryption algorithm jose supports (A128GCM, A192GCM, A256GCM, A128CBC-HS256, A192CBC-HS384, A256CBC-HS512)`,
    );
  }
  return enc;
}

function checkZip(joint: Header, protectedHeader: Header | undefined): JweProblem | undefined {
  const zip = joint.zip;
  if (zip === undefined) return undefined;
  if (zip !== 'DEF') {
    return problem(
      'zip-unsupported',
      `"zip": ${quote(zip)} is not supported; the only registered compression is "DEF" (DEFLATE, RFC 7516 §4.1.3)`,
    );
  }
  if (protectedHeader?.zip === undefined) {
    return problem(
      'zip-unsupported',
      '"zip" must be in the protected header (RFC 7516 §4.1.3); here it is in an unprotected one, so it is refused',
    );
  }
  if (typeof DecompressionStream === 'undefined') {
    return problem('runtime-unsupported', '"zip": "DEF" needs DecompressionStream, which this browser/runtime lacks');
  }
  return undefined;
}

function checkCrit(joint: Header): JweProblem | undefined {
  const crit = joint.crit;
  if (crit === undefined) return undefined;
  if (!Array.isArray(crit) || crit.length === 0 || !crit.every((c) => typeof c === 'string')) {
    return problem(
      'crit-unsupported',
      `"crit" is ${quote(crit)}; it must be a non-empty array of header member names (RFC 7516 §4.1.13)`,
    );
  }
  return problem(
    'crit-unsupported',
    `"crit" marks ${crit.map((c) => `"${String(c)}"`).join(', ')} as critical; no JWE extension is understood here (nor by jose), so RFC 7516 §4.1.13 says the token must be refused`,
  );
}

function checkPbes2(joint: Header, cap: number): JweProblem | undefined {
  const p2c = joint.p2c;
  if (p2c === undefined)
    return problem('p2c-invalid', 'the header has no "p2c": PBES2 needs the iteration count (RFC 7518 §4.8.1.2)');
  if (typeof p2c !== 'number' || !Number.isSafeInteger(p2c) || p2c < 1) {
    return problem('p2c-invalid', `"p2c" is ${quote(p2c)}; the PBES2 iteration count must be a positive whole number`);
  }
  if (p2c > cap) {
    return problem(
      'p2c-too-large',
      `"p2c" asks for ${formatCount(p2c)} PBKDF2 iterations; the limit here is ${formatCount(cap)}. A huge count makes every decryption attempt slow (a denial-of-service trick), so the token is refused before any work is done`,
    );
  }
  const salt = base64urlMember(joint.p2s);
  if (salt === undefined)
    return problem('p2s-invalid', `"p2s" is ${quote(joint.p2s)}; PBES2 needs a base64url salt (RFC 7518 §4.8.1.1)`);
  if (salt.length < 8)
    return problem(
      'p2s-invalid',
      `"p2s" is ${salt.length} bytes; RFC 7518 §4.8.1.1 requires a salt of at least 8 bytes`,
    );
  return undefined;
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k', 'priv'];
const EPK_CURVES = ['P-256', 'P-384', 'P-521'];

function checkEpk(joint: Header): JweProblem | undefined {
  const epk = joint.epk;
  if (typeof epk !== 'object' || epk === null || Array.isArray(epk)) {
    return problem(
      'header-invalid',
      `"epk" is ${epk === undefined ? 'missing' : quote(epk)}; ECDH-ES needs the sender's ephemeral public key as a JWK object (RFC 7518 §4.6.1.1)`,
    );
  }
  const jwk = epk as Record<string, unknown>;
  const secret = PRIVATE_MEMBERS.filter((m) => Object.hasOwn(jwk, m));
  if (secret.length > 0) {
    return problem(
      'header-invalid',
      `"epk" carries private members (${secret.map((m) => `"${m}"`).join(', ')}); an ephemeral public key must not, and the token is refused`,
    );
  }
  const ok =
    (jwk.kty === 'EC' && EPK_CURVES.includes(String(jwk.crv)) && base64urlMember(jwk.x) && base64urlMember(jwk.y)) ||
    (jwk.kty === 'OKP' && jwk.crv === 'X25519' && base64urlMember(jwk.x));
  if (!ok) {
    return problem(
      'header-invalid',
      `"epk" is not a usable public key (${quote(jwk.kty)} ${quote(jwk.crv)}): ECDH-ES here needs an EC key on P-256, P-384 or P-521 (x and y) or an OKP X25519 key (x)`,
    );
  }
  for (const name of ['apu', 'apv'] as const) {
    if (joint[name] !== undefined && base64urlMember(joint[name]) === undefined) {
      return problem(
        'header-invalid',
        `"${name}" is ${quote(joint[name])}; it must be base64url (RFC 7518 §4.6.1.${name === 'apu' ? 2 : 3})`,
      );
    }
  }
  return undefined;
}

function checkGcmKw(joint: Header): JweProblem | undefined {
  const iv = base64urlMember(joint.iv);
  if (iv?.length !== 12) {
    return problem(
      'header-invalid',
      `"iv" is ${iv ? `${iv.length} bytes` : quote(joint.iv)}; AES-GCM key wrap needs the 12-byte (96-bit) IV in the header (RFC 7518 §4.7.1.1)`,
    );
  }
  const tag = base64urlMember(joint.tag);
  if (tag?.length !== 16) {
    return problem(
      'header-invalid',
      `"tag" is ${tag ? `${tag.length} bytes` : quote(joint.tag)}; AES-GCM key wrap needs the 16-byte tag in the header (RFC 7518 §4.7.1.2)`,
    );
  }
  return undefined;
}

/**
 * Checks the joint header (protected, shared unprotected and per-recipient members together) of one recipient.
 * `maxPbes2Count` caps `p2c`.
 */
export function checkJweHeader(
  joint: Header,
  protectedHeader: Header | undefined,
  maxPbes2Count: number = MAX_PBES2_COUNT,
): HeaderCheck {
  const alg = checkAlg(joint.alg);
  if (typeof alg !== 'string') return { ok: false, problem: alg };
  const enc = checkEnc(joint.enc);
  if (typeof enc !== 'string') return { ok: false, problem: enc };
  const kind = JWE_ALGORITHM_INFO[alg].key;
  const found =
    checkZip(joint, protectedHeader) ??
    checkCrit(joint) ??
    (kind === 'password' ? checkPbes2(joint, maxPbes2Count) : undefined) ??
    (kind === 'ECDH' ? checkEpk(joint) : undefined) ??
    (alg.endsWith('GCMKW') ? checkGcmKw(joint) : undefined);
  return found ? { ok: false, problem: found } : { ok: true, alg, enc };
}
