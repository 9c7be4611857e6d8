// Verification: the signature first (with the key the user gave, never one the token carries), then the
// time claims separately, so a token can be "signature verified, but expired". Never throws.
import { checkTimeClaims } from './claims';
import { TokenError } from './errors';
import { decodeToken, type DecodedToken } from './token';
import {
  ALGORITHM_FAMILY,
  SECRET_ENCODINGS,
  type JwsAlgorithm,
  type KeyInput,
  type VerifyOptions,
  type VerifyResult,
  type VerifyResultCode,
} from './types';
import { decodeSecret, sharedKeyCache } from './keys';
import { describeKeyMismatch, isJwsAlgorithm, keyKindText } from './lib/key-describe';
import type { LoadedKey } from './lib/key-detect';
import { isValidSecret } from './lib/key-encoding';
import { checkSignature } from './lib/verify-signature';
import { encodeBase64url } from './lib/token-base64url';
import { describeSignatureShape } from './lib/verify-shape';

const availability = new Map<string, Promise<boolean>>();

/** Whether this runtime's WebCrypto can verify `alg` (Ed25519 and ML-DSA are recent additions). */
export function isAlgorithmAvailable(alg: string): Promise<boolean> {
  if (!isJwsAlgorithm(alg)) return Promise.resolve(false);
  const family = ALGORITHM_FAMILY[alg];
  if (family !== 'OKP' && family !== 'AKP') return Promise.resolve(true);
  const name = family === 'OKP' ? 'Ed25519' : alg;
  let probe = availability.get(name);
  if (!probe) {
    probe = crypto.subtle
      .generateKey({ name }, false, ['sign', 'verify'])
      .then(() => true)
      .catch(() => false);
    availability.set(name, probe);
  }
  return probe;
}

type Claims = { claims: VerifyResult['claims']; claimsMessage: string };

function withClaims(claims: Claims, result: Omit<VerifyResult, 'claims' | 'claimsMessage'>): VerifyResult {
  return { ...result, ...claims };
}

function keyName(key: LoadedKey): string {
  const d = key.description;
  const kid = d.kid !== undefined ? `kid '${d.kid}', ` : '';
  return `${kid}${d.family === 'oct' ? d.label : keyKindText(d)}`;
}

function verifiedMessage(key: LoadedKey, weakRsa: boolean, claims: Claims): string {
  const d = key.description;
  const half = d.isPrivate && d.family !== 'oct' ? 'the public half of ' : '';
  let message = `Signature verified with ${half}${d.kid !== undefined ? `the key kid '${d.kid}' (${d.label})` : d.label}.`;
  if (weakRsa) {
    message += ` But the key is RSA ${d.bits}, under the 2048 bits RFC 7518 §3.3 requires: a modulus that small can be factored, and whoever factors it can sign any token this key accepts. jose refuses such keys, so WebCrypto checked it directly.`;
  }
  if (claims.claims === 'expired' || claims.claims === 'not-yet-valid') message += ` But ${claims.claimsMessage}`;
  return message;
}

/** Tries the other readings of an HMAC secret; returns the one that verifies. */
async function otherSecretReading(
  decoded: DecodedToken,
  alg: JwsAlgorithm,
  key: LoadedKey,
  text: string,
  unencoded?: string,
) {
  for (const encoding of SECRET_ENCODINGS) {
    if (encoding === key.secretEncoding || !isValidSecret(encoding === 'utf8' ? text : text.trim(), encoding)) continue;
    const secret = decodeSecret(text, encoding);
    if (secret.length === 0) continue;
    const check = await checkSignature(decoded.normalized, decoded.signature, alg, key, secret, unencoded);
    if (check.outcome === 'verified') return encoding;
  }
  return undefined;
}

function selectCandidates(
  keys: LoadedKey[],
  alg: JwsAlgorithm,
  kid: string | undefined,
): { candidates: LoadedKey[]; kidFound: boolean } {
  const compatible = keys.filter((k) => describeKeyMismatch(k.description, alg) === undefined);
  if (kid !== undefined) {
    const byKid = keys.filter((k) => k.description.kid === kid);
    if (byKid.length > 0) return { candidates: byKid, kidFound: true };
  }
  return { candidates: compatible, kidFound: false };
}

/** `unencoded`: the detached payload of a b64:false token, which the signature covers as it is (RFC 7797). */
async function verifyWithKey(
  decoded: DecodedToken,
  input: KeyInput,
  claims: Claims,
  unencoded?: string,
): Promise<VerifyResult> {
  const alg = decoded.alg;
  if (decoded.missingParts) {
    return withClaims(claims, {
      signature: 'error',
      code: 'token-partial',
      message: `There is no signature to check: the token has no ${decoded.missingParts.join(' and no ')} part (it was cut short).`,
    });
  }
  if (decoded.unsecured || (alg !== undefined && alg.toLowerCase() === 'none')) {
    return withClaims(claims, {
      signature: 'invalid',
      code: 'alg-none',
      message: `The token is unsecured ("alg": "${alg ?? 'none'}"): it has no signature and never verifies (RFC 8725 §3.1).`,
    });
  }
  if (alg === undefined) {
    return withClaims(claims, {
      signature: 'error',
      code: 'alg-missing',
      message: 'The header has no "alg", so the signature cannot be checked.',
    });
  }
  if (!isJwsAlgorithm(alg)) {
    return withClaims(claims, {
      signature: 'error',
      code: 'alg-unsupported',
      message: `"alg": "${alg}" is not a JWS algorithm this workbench supports.`,
    });
  }
  if (!(await isAlgorithmAvailable(alg))) {
    return withClaims(claims, {
      signature: 'error',
      code: 'unsupported',
      message: `${alg} is not supported by this browser/runtime (its WebCrypto lacks it).`,
    });
  }
  const { detection, keys } = sharedKeyCache.analyze(input);
  if (detection.kind === 'empty') {
    return withClaims(claims, {
      signature: 'error',
      code: 'empty',
      message: 'No key: paste a secret, a PEM key or certificate, a JWK or a JWKS to verify the signature.',
    });
  }
  if (detection.kind === 'error') {
    return withClaims(claims, {
      signature: 'error',
      code: detection.code,
      message: detection.message,
      keyLabel: detection.label,
    });
  }
  if (detection.kind === 'secret' && keys.length === 0) {
    const pseudo: LoadedKey = {
      description: { format: 'secret', family: 'oct', isPrivate: true, label: detection.label },
      secretEncoding: detection.encoding,
      warnings: [],
    };
    const match =
      ALGORITHM_FAMILY[alg] === 'oct'
        ? await otherSecretReading(decoded, alg, pseudo, input.text, unencoded)
        : undefined;
    return withClaims(claims, {
      signature: match ? 'invalid' : 'error',
      code: 'secret-encoding',
      message: `The secret is not valid ${detection.encoding}${match ? `, but read as ${match} it verifies the signature: switch the secret encoding to ${match}.` : '; choose another secret encoding.'}`,
      ...(match ? { matchingSecretEncoding: match } : {}),
    });
  }
  const kid = typeof decoded.header.kid === 'string' ? decoded.header.kid : undefined;
  const isSet = detection.kind === 'jwks';
  const { candidates, kidFound } = selectCandidates(keys, alg, isSet ? kid : undefined);
  if (candidates.length === 0) {
    const only = keys[0];
    const reason = !isSet && only ? describeKeyMismatch(only.description, alg) : undefined;
    const kinds = keys.map((k) => keyName(k)).join('; ');
    return withClaims(claims, {
      signature: 'error',
      code: 'mismatch',
      message: reason
        ? `${reason[0]?.toUpperCase()}${reason.slice(1)}.`
        : `${kid !== undefined ? `kid '${kid}' is not in this JWKS, and none` : 'None'} of its ${keys.length} key${keys.length === 1 ? '' : 's'} fits ${alg} (${kinds}).`,
      ...(only && !isSet ? { keyLabel: only.description.label } : {}),
    });
  }
  // A verifier that selects keys by kid (jose's createLocalJWKSet, PyJWT's PyJWKClient, most servers) rejects
  // a token whose kid the set lacks, whichever key would match; the other keys are tried only to say so.
  const kidMissing = isSet && kid !== undefined && !kidFound;
  let lastError: { code: VerifyResultCode; message: string } | undefined;
  for (const key of candidates) {
    const imported = () => sharedKeyCache.importKey(input, key, alg, 'verify');
    const check = await checkSignature(decoded.normalized, decoded.signature, alg, key, imported, unencoded);
    if (check.outcome === 'verified' && kidMissing) {
      const would = key.description.kid !== undefined ? `key '${key.description.kid}'` : `the key ${keyName(key)}`;
      return withClaims(claims, {
        signature: 'invalid',
        code: 'kid-not-found',
        message: `kid '${kid}' is not in this JWKS; ${would} would verify it if the token named it. A verifier that picks keys by kid rejects this token.`,
        keyLabel: key.description.label,
      });
    }
    if (check.outcome === 'verified') {
      return withClaims(claims, {
        signature: 'verified',
        message: verifiedMessage(key, check.weakRsa, claims),
        keyLabel: key.description.label,
        ...(key.description.kid !== undefined ? { kid: key.description.kid } : {}),
        ...(check.weakRsa
          ? {
              code: 'weak-rsa',
              headline: `Verified, with a ${key.description.bits ?? 'too small'}-bit key anyone can forge`,
            }
          : {}),
      });
    }
    if (check.outcome === 'error') lastError = { code: check.code, message: check.message };
  }
  if (lastError && candidates.length === 1) {
    return withClaims(claims, { signature: 'error', ...lastError, keyLabel: candidates[0]?.description.label ?? '' });
  }
  const first = candidates[0];
  if (first?.secret && first.secretEncoding) {
    const match = await otherSecretReading(decoded, alg, first, input.text, unencoded);
    if (match) {
      return withClaims(claims, {
        signature: 'invalid',
        code: 'secret-encoding',
        matchingSecretEncoding: match,
        keyLabel: first.description.label,
        message: `Signature does not match with the secret read as ${first.secretEncoding}, but it does when the secret is read as ${match}: switch the secret encoding to ${match}.`,
      });
    }
    const trimmed = input.text.trim();
    if (first.secretEncoding === 'utf8' && trimmed !== input.text && trimmed !== '') {
      // A line break or space copied along with the secret is the other classic HMAC mismatch.
      const check = await checkSignature(
        decoded.normalized,
        decoded.signature,
        alg,
        first,
        decodeSecret(trimmed, 'utf8'),
        unencoded,
      );
      if (check.outcome === 'verified') {
        return withClaims(claims, {
          signature: 'invalid',
          code: 'secret-whitespace',
          keyLabel: first.description.label,
          message:
            'Signature does not match with the secret as pasted, but it does without the spaces or line breaks around it: remove them from the secret.',
        });
      }
    }
  }
  let message: string;
  let code: VerifyResultCode = 'signature';
  if (kidMissing) {
    code = 'kid-not-found';
    message = `Signature does not match: kid '${kid}' not in this JWKS, and no other key of it verifies the token either; tried ${candidates.length} key${candidates.length === 1 ? '' : 's'} (${candidates.map(keyName).join('; ')}).`;
  } else if (isSet) {
    const tried = `tried ${candidates.length} key${candidates.length === 1 ? '' : 's'}`;
    message = kidFound
      ? `Signature does not match: the key kid '${kid}' (${candidates.map((k) => keyKindText(k.description)).join('; ')}) is not the one the token was signed with, or the token was modified.`
      : `Signature does not match: none of the keys verified it; ${tried} (${candidates.map(keyName).join('; ')}).`;
  } else if (first) {
    const d = first.description;
    const kidNote =
      kid !== undefined && d.kid !== undefined && kid !== d.kid
        ? ` (the token's kid is '${kid}', this key's kid is '${d.kid}')`
        : '';
    message =
      d.family === 'oct'
        ? `Signature does not match: the secret (${d.label}) is not the one the token was signed with, or the token was modified.`
        : `Signature does not match: the key is ${keyKindText(d)} but the token was signed with a different key, or the token was modified${kidNote}.`;
  } else {
    message = 'Signature does not match.';
  }
  message += describeSignatureShape(alg, decoded.signature, isSet ? undefined : first?.description.bits);
  if (decoded.detached && unencoded === undefined) {
    message +=
      ' The payload part is empty: if the payload is detached (RFC 7515 Appendix F), give it (the detached payload) to verify the signature.';
  }
  return withClaims(claims, {
    signature: 'invalid',
    code,
    message,
    ...(first && !isSet ? { keyLabel: first.description.label } : {}),
  });
}

/** Verifies the signature with `key` (secret, PEM, certificate, JWK or JWKS), then the time claims. Never throws. */
export async function verifyToken(token: string, key: KeyInput, options: VerifyOptions = {}): Promise<VerifyResult> {
  let decoded: DecodedToken;
  try {
    decoded = decodeToken(token);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code: VerifyResultCode = error instanceof TokenError ? `token-${error.code}` : 'token';
    return { signature: 'error', claims: 'none', code, message, claimsMessage: 'The token could not be decoded.' };
  }
  return verifyDecodedToken(decoded, key, options);
}

/**
 * verifyToken for a token the caller has already decoded with decodeToken, so a page that shows the decoded
 * token does not decode it twice (for a 1 MB payload that is tens of milliseconds). Never throws.
 */
/**
 * A detached JWS (`header..signature`) with its payload put back: re-encoded into the token (the signing input
 * is then exactly the signer's), or for b64:false kept as the bytes the signature covers.
 */
function attachPayload(
  decoded: DecodedToken,
  payload: string | undefined,
): { decoded: DecodedToken; unencoded?: string } {
  if (payload === undefined || !decoded.detached) return { decoded };
  if (decoded.unencodedPayload) {
    let value: unknown;
    let isJson = false;
    if (/^\s*[[{]/.test(payload)) {
      try {
        value = JSON.parse(payload);
        isJson = true;
      } catch {
        // Shown as text.
      }
    }
    return {
      decoded: { ...decoded, payloadText: payload, payload: value, payloadIsJson: isJson, detached: true },
      unencoded: payload,
    };
  }
  const encoded = encodeBase64url(new TextEncoder().encode(payload));
  try {
    return { decoded: decodeToken(`${decoded.segments.header}.${encoded}.${decoded.segments.signature}`) };
  } catch {
    return { decoded };
  }
}

export async function verifyDecodedToken(
  given: DecodedToken,
  key: KeyInput,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const { decoded, unencoded } = attachPayload(given, options.detachedPayload);
  const time = checkTimeClaims(decoded.payloadIsJson ? decoded.payload : undefined, options);
  const claims: Claims = { claims: time.state, claimsMessage: time.message };
  try {
    return await verifyWithKey(decoded, key, claims, unencoded);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return withClaims(claims, {
      signature: 'error',
      code: 'internal',
      message: `Verification failed unexpectedly: ${detail}`,
    });
  }
}
