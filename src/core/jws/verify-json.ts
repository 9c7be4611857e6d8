// Verify a JWS in JSON serialization (RFC 7515 §7.2) through jose's flattenedVerify, one signature at a time,
// so a general JWS with several signatures says which one the key verified. Never throws.
import { errors, flattenedVerify, type FlattenedJWSInput } from 'jose';
import { checkTimeClaims } from '../claims';
import { KeyError, TokenError } from '../errors';
import { sharedKeyCache } from '../keys';
import { describeKeyMismatch, isJwsAlgorithm } from '../lib/key-describe';
import type { LoadedKey } from '../lib/key-detect';
import { encodeBase64url } from '../lib/token-base64url';
import type { KeyInput, SignatureState, VerifyOptions, VerifyResult, VerifyResultCode } from '../types';
import { isAlgorithmAvailable } from '../verify';
import { decodeJwsJson, type DecodedJwsJson, type JwsJsonSignature } from './decode-json';

function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
}

export type JwsSignatureVerdict = {
  index: number;
  alg?: string;
  kid?: string;
  state: SignatureState;
  /** Why, in words: "verified with …", "does not match", "needs an EC P-256 key". */
  message: string;
  code?: VerifyResultCode;
  keyLabel?: string;
  /** kid of the key that verified (a JWKS entry). */
  keyKid?: string;
};

export type JwsJsonVerifyResult = VerifyResult & {
  serialization?: 'flattened' | 'general';
  /** One verdict per signature, in the token's order. */
  signatures: JwsSignatureVerdict[];
  /** The first signature the key verified. */
  verifiedIndex?: number;
  /** The decoded token, when it decodes. */
  decoded?: DecodedJwsJson;
};

function keyName(key: LoadedKey): string {
  const d = key.description;
  return d.kid !== undefined ? `the key kid '${d.kid}' (${d.label})` : d.label;
}

/** The payload member flattenedVerify needs: as given, or the detached payload put back. */
function payloadFor(decoded: DecodedJwsJson, detached: string | undefined): string | undefined {
  if (!decoded.detached) return decoded.payloadMember;
  if (detached === undefined) return undefined;
  return decoded.unencodedPayload ? detached : encodeBase64url(new TextEncoder().encode(detached));
}

async function verifyOne(
  signature: JwsJsonSignature,
  payload: string,
  input: KeyInput,
): Promise<Omit<JwsSignatureVerdict, 'index' | 'alg' | 'kid'>> {
  const alg = signature.alg;
  if (alg === undefined) return { state: 'error', code: 'alg-missing', message: 'the header has no "alg"' };
  if (alg.toLowerCase() === 'none') {
    return {
      state: 'invalid',
      code: 'alg-none',
      message: `alg "${alg}": unsecured, it never verifies (RFC 8725 §3.1)`,
    };
  }
  if (!isJwsAlgorithm(alg)) {
    return {
      state: 'error',
      code: 'alg-unsupported',
      message: `"alg": "${alg}" is not a JWS algorithm supported here`,
    };
  }
  if (!(await isAlgorithmAvailable(alg))) {
    return { state: 'error', code: 'unsupported', message: `${alg} is not supported by this browser/runtime` };
  }
  const { detection, keys } = sharedKeyCache.analyze(input);
  if (detection.kind === 'empty') return { state: 'error', code: 'empty', message: 'no key' };
  if (detection.kind === 'error') return { state: 'error', code: detection.code, message: detection.message };
  if (keys.length === 0)
    return { state: 'error', code: 'secret-encoding', message: 'the key text is not valid in the chosen encoding' };
  const byKid =
    detection.kind === 'jwks' && signature.kid !== undefined
      ? keys.filter((k) => k.description.kid === signature.kid)
      : [];
  const pool = byKid.length > 0 ? byKid : keys;
  const candidates = pool.filter((k) => describeKeyMismatch(k.description, alg) === undefined);
  if (candidates.length === 0) {
    const reason = pool.length === 1 && pool[0] ? describeKeyMismatch(pool[0].description, alg) : undefined;
    return { state: 'error', code: 'mismatch', message: reason ?? `none of the ${pool.length} keys fits ${alg}` };
  }
  const jws: FlattenedJWSInput = {
    payload,
    signature: signature.signature,
    ...(signature.protected !== undefined ? { protected: signature.protected } : {}),
    ...(signature.header ? { header: signature.header } : {}),
  };
  let lastError: { code: VerifyResultCode; message: string } | undefined;
  for (const key of candidates) {
    try {
      const imported = await sharedKeyCache.importKey(input, key, alg, 'verify');
      await flattenedVerify(jws, imported, { algorithms: [alg] });
      return {
        state: 'verified',
        message: `verified with ${keyName(key)}`,
        keyLabel: key.description.label,
        ...(key.description.kid !== undefined ? { keyKid: key.description.kid } : {}),
      };
    } catch (error) {
      if (error instanceof errors.JWSSignatureVerificationFailed) continue;
      const detail = error instanceof Error ? error.message : String(error);
      lastError =
        error instanceof KeyError
          ? { code: error.code, message: error.message }
          : { code: 'jws-invalid', message: `jose refused it: ${detail}` };
    }
  }
  if (lastError && candidates.length === 1) return { state: 'error', ...lastError };
  const tried = candidates.length === 1 ? keyName(candidates[0] as LoadedKey) : `${candidates.length} keys`;
  return {
    state: 'invalid',
    code: 'signature',
    message: `does not match (tried ${tried}): another key signed it, or the token was modified`,
  };
}

function summary(verdicts: JwsSignatureVerdict[], general: boolean): { signature: SignatureState; message: string } {
  const verified = verdicts.find((v) => v.state === 'verified');
  const state: SignatureState = verified
    ? 'verified'
    : verdicts.some((v) => v.state === 'invalid')
      ? 'invalid'
      : 'error';
  if (!general) {
    const text = verdicts[0]?.message ?? '';
    return { signature: state, message: state === 'error' ? sentence(text) : `Signature ${text}.` };
  }
  const parts = verdicts.map(
    (v) => `signature ${v.index + 1}${v.kid !== undefined ? ` (kid '${v.kid}')` : ''}: ${v.message}`,
  );
  const lead = verified
    ? `Signature ${verified.index + 1} of ${verdicts.length} verified.`
    : `None of the ${verdicts.length} signatures verified.`;
  return { signature: state, message: `${lead} ${parts.join('; ')}.` };
}

/**
 * Verifies every signature of a JWS in JSON serialization with `key`, then the time claims. A detached payload
 * comes in `options.detachedPayload`. Never throws.
 */
export async function verifyJwsJson(
  text: string,
  key: KeyInput,
  options: VerifyOptions = {},
): Promise<JwsJsonVerifyResult> {
  let decoded: DecodedJwsJson;
  try {
    decoded = decodeJwsJson(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code: VerifyResultCode = error instanceof TokenError ? `token-${error.code}` : 'token';
    return {
      signature: 'error',
      claims: 'none',
      code,
      message,
      claimsMessage: 'The token could not be decoded.',
      signatures: [],
    };
  }
  let payloadValue = decoded.payload;
  let payloadIsJson = decoded.payloadIsJson;
  if (decoded.detached && options.detachedPayload !== undefined) {
    const payloadText = options.detachedPayload;
    try {
      payloadValue = /^\s*[[{]/.test(payloadText) ? (JSON.parse(payloadText) as unknown) : undefined;
      payloadIsJson = payloadValue !== undefined;
    } catch {
      payloadIsJson = false;
    }
  }
  const time = checkTimeClaims(payloadIsJson ? payloadValue : undefined, options);
  const base = { claims: time.state, claimsMessage: time.message, serialization: decoded.serialization, decoded };
  const payload = payloadFor(decoded, options.detachedPayload);
  if (payload === undefined) {
    return {
      ...base,
      signature: 'error',
      code: 'detached-payload-missing',
      message: 'The payload is detached (RFC 7515 Appendix F): give the payload to verify the signature.',
      signatures: [],
    };
  }
  const verdicts: JwsSignatureVerdict[] = [];
  for (const signature of decoded.signatures) {
    let verdict: Omit<JwsSignatureVerdict, 'index' | 'alg' | 'kid'>;
    try {
      verdict = await verifyOne(signature, payload, key);
    } catch (error) {
      verdict = {
        state: 'error',
        code: 'internal',
        message: `verification failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    verdicts.push({
      index: signature.index,
      ...(signature.alg !== undefined ? { alg: signature.alg } : {}),
      ...(signature.kid !== undefined ? { kid: signature.kid } : {}),
      ...verdict,
    });
  }
  const { signature, message } = summary(verdicts, decoded.serialization === 'general');
  const verified = verdicts.find((v) => v.state === 'verified');
  const lead = verified ?? verdicts[0];
  return {
    ...base,
    signature,
    message,
    signatures: verdicts,
    ...(verified ? { verifiedIndex: verified.index } : {}),
    ...(verified?.keyKid !== undefined ? { kid: verified.keyKid } : {}),
    ...(lead?.keyLabel !== undefined ? { keyLabel: lead.keyLabel } : {}),
    ...(!verified && lead?.code !== undefined ? { code: lead.code } : {}),
  };
}
