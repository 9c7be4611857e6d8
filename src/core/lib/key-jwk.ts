// JWK (RFC 7517/7518/8037, and the AKP type of draft-ietf-cose-dilithium) member checks and descriptions.
// WebCrypto needs every member, including the RSA CRT ones, so missing members are named here rather
// than surfacing later as an opaque DataError.
import type { JWK } from 'jose';
import { KeyError } from '../errors';
import type { KeyDescription, KeyFamily, KeyPurpose } from '../types';
import { base64urlDecode, isBase64url } from './key-encoding';
import { keyKindText } from './key-describe';

const EC_CURVES = ['P-256', 'P-384', 'P-521'];
const AKP_ALGS = ['ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87'];
const RSA_PRIVATE = ['d', 'p', 'q', 'dp', 'dq', 'qi'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function missing(jwk: Record<string, unknown>, members: string[]): string[] {
  return members.filter((m) => typeof jwk[m] !== 'string' || jwk[m] === '');
}

function requireMembers(jwk: Record<string, unknown>, members: string[], what: string): void {
  const absent = missing(jwk, members);
  if (absent.length > 0) {
    throw new KeyError('jwk-members', `${what} is missing ${absent.map((m) => `"${m}"`).join(', ')}`);
  }
  for (const m of members) {
    if (m !== 'crv' && !isBase64url(jwk[m] as string)) {
      throw new KeyError(
        'jwk-members',
        `${what}: "${m}" is not base64url (RFC 7518 §6 members are base64url without padding)`,
      );
    }
  }
}

function bitLength(b64url: string): number {
  const bytes = base64urlDecode(b64url);
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  const top = bytes[i];
  return top === undefined ? 0 : (bytes.length - i - 1) * 8 + (32 - Math.clz32(top));
}

export type JwkInfo = { description: KeyDescription; jwk: JWK; warnings: string[] };

/**
 * Checks one JWK and describes it; throws KeyError `jwk-members` or `unsupported`. Read for `enc`, X25519
 * keys (ECDH-ES, RFC 8037 §3.2) are usable and a `"use": "sig"` key is the one warned about.
 */
export function describeJwk(value: unknown, purpose: KeyPurpose = 'sig'): JwkInfo {
  if (!isRecord(value)) throw new KeyError('jwk-members', 'a JWK must be a JSON object');
  const jwk = value;
  const kty = jwk.kty;
  if (typeof kty !== 'string')
    throw new KeyError('jwk-members', 'this JWK is missing "kty" (RSA, EC, OKP, oct or AKP)');
  const warnings: string[] = [];
  let family: KeyFamily;
  let isPrivate: boolean;
  let bits: number | undefined;
  let curve: string | undefined;
  switch (kty) {
    case 'RSA': {
      family = 'RSA';
      requireMembers(jwk, ['n', 'e'], 'this RSA JWK');
      isPrivate = jwk.d !== undefined;
      if (isPrivate) requireMembers(jwk, RSA_PRIVATE, 'this private RSA JWK (WebCrypto needs the CRT members too)');
      bits = bitLength(jwk.n as string);
      break;
    }
    case 'EC': {
      family = 'EC';
      requireMembers(jwk, ['crv', 'x', 'y'], 'this EC JWK');
      curve = jwk.crv as string;
      if (curve === 'secp256k1') throw new KeyError('unsupported', 'secp256k1 (ES256K) is not supported by WebCrypto');
      if (!EC_CURVES.includes(curve))
        throw new KeyError('unsupported', `EC curve "${curve}" is not usable for JWS (P-256/384/521)`);
      isPrivate = jwk.d !== undefined;
      if (isPrivate) requireMembers(jwk, ['d'], 'this private EC JWK');
      break;
    }
    case 'OKP': {
      family = 'OKP';
      requireMembers(jwk, ['crv', 'x'], 'this OKP JWK');
      curve = jwk.crv as string;
      if (curve === 'X25519' && purpose === 'enc') {
        isPrivate = jwk.d !== undefined;
        if (isPrivate) requireMembers(jwk, ['d'], 'this private OKP JWK');
        break;
      }
      if (curve === 'X448' && purpose === 'enc') {
        throw new KeyError('unsupported', 'X448 keys are not supported by WebCrypto in browsers; use X25519');
      }
      if (curve === 'X25519' || curve === 'X448') {
        throw new KeyError('unsupported', `${curve} keys are for key agreement (ECDH-ES), not for signatures`);
      }
      if (curve !== 'Ed25519') throw new KeyError('unsupported', `OKP curve "${curve}" is not supported; use Ed25519`);
      isPrivate = jwk.d !== undefined;
      if (isPrivate) requireMembers(jwk, ['d'], 'this private OKP JWK');
      break;
    }
    case 'AKP': {
      family = 'AKP';
      if (typeof jwk.alg !== 'string' || !AKP_ALGS.includes(jwk.alg)) {
        throw new KeyError('jwk-members', `this AKP JWK needs "alg" set to one of ${AKP_ALGS.join(', ')}`);
      }
      requireMembers(jwk, ['pub'], 'this AKP JWK');
      curve = jwk.alg;
      isPrivate = jwk.priv !== undefined;
      if (isPrivate) requireMembers(jwk, ['priv'], 'this private AKP JWK');
      break;
    }
    case 'oct': {
      family = 'oct';
      requireMembers(jwk, ['k'], 'this oct JWK');
      isPrivate = true;
      bits = base64urlDecode(jwk.k as string).length * 8;
      break;
    }
    default:
      throw new KeyError('unsupported', `JWK key type "${kty}" is not supported (RSA, EC, OKP, oct, AKP)`);
  }
  if (purpose === 'sig' && jwk.use !== undefined && jwk.use !== 'sig') {
    warnings.push(`this key says "use": "${String(jwk.use)}", not "sig"; it was meant for encryption`);
  }
  if (purpose === 'enc' && jwk.use !== undefined && jwk.use !== 'enc') {
    warnings.push(`this key says "use": "${String(jwk.use)}", not "enc"; it was meant for signatures`);
  }
  const kind = family === 'oct' ? `oct, ${bits} bits` : keyKindText({ family, bits, curve });
  const privacy = family === 'oct' ? 'secret' : isPrivate ? 'private' : 'public';
  const description: KeyDescription = {
    format: 'jwk',
    family,
    isPrivate,
    label: `JWK ${privacy} key, ${kind}`,
    ...(bits !== undefined ? { bits } : {}),
    ...(curve !== undefined ? { curve } : {}),
    ...(typeof jwk.kid === 'string' ? { kid: jwk.kid } : {}),
    ...(typeof jwk.alg === 'string' ? { alg: jwk.alg } : {}),
  };
  return { description, jwk: jwk as JWK, warnings };
}
