// Plaintext + header JSON + recipient key -> compact JWE, through jose's CompactEncrypt. The header is the
// user's, member for member; the members key management computes (epk, p2s, the GCM key wrap iv and tag)
// are jose's. A plaintext that is itself a compact token gets `cty: "JWT"` (RFC 7519 §5.2) unless the
// header already names a content type.
import { CompactEncrypt, errors, type CompactJWEHeaderParameters } from 'jose';
import { SignError } from '../errors';
import type { KeyInput } from '../types';
import { parseHeader } from '../lib/header-json';
import type { LoadedKey } from '../lib/key-detect';
import { base64urlDecode, isBase64url, utf8Encode } from '../lib/key-encoding';
import {
  DEFAULT_PBES2_COUNT,
  JWE_ALGORITHM_INFO,
  MAX_PBES2_COUNT,
  UNSUPPORTED_JWE_ALGORITHMS,
  UNSUPPORTED_JWE_ENCRYPTIONS,
  isJweContentEncryption,
  isJweKeyAlgorithm,
  type JweContentEncryption,
  type JweKeyAlgorithm,
} from './algorithms';
import { describeRuntimeGap } from './availability';
import { problem, sentence, type JweErrorCode, type JweProblem } from './codes';
import { findInnerToken } from './find-inner-token';
import { describeJweKeyNeed, fitJweKey, jweKeyLabel } from './key-material';
import { analyzeJweKey, importJweKeyCached } from './key-cache';

export type EncryptResult =
  | {
      ok: true;
      token: string;
      /** The protected header as written into the token (with epk, p2s/p2c, iv/tag, cty added as needed). */
      header: Record<string, unknown>;
      /** Label of the key encrypted to, and its kid if it has one. */
      keyLabel: string;
      kid?: string;
      /** Notes about what was added or replaced in the header. */
      warnings: string[];
    }
  | { ok: false; code: JweErrorCode; message: string };

export type EncryptOptions = {
  /** Add `cty: "JWT"` when the plaintext is a compact token and the header has no cty. Default true. */
  markNested?: boolean;
};

type Header = Record<string, unknown>;

function fail(p: JweProblem): EncryptResult {
  return { ok: false, code: p.code, message: sentence(p.message) };
}

function checkNames(header: Header): JweProblem | { alg: JweKeyAlgorithm; enc: JweContentEncryption } {
  const { alg, enc } = header;
  if (typeof alg !== 'string' || alg === '') {
    return problem('alg-missing', 'the header has no "alg": add one, e.g. "alg": "RSA-OAEP-256" or "dir"');
  }
  if (!isJweKeyAlgorithm(alg)) {
    return problem(
      'alg-unsupported',
      UNSUPPORTED_JWE_ALGORITHMS[alg] ??
        `"alg": "${alg}" is not a JWE key management algorithm this workbench can encrypt with`,
    );
  }
  if (typeof enc !== 'string' || enc === '') {
    return problem('enc-missing', 'the header has no "enc": add one, e.g. "enc": "A256GCM"');
  }
  if (!isJweContentEncryption(enc)) {
    return problem(
      'enc-unsupported',
      UNSUPPORTED_JWE_ENCRYPTIONS[enc] ??
        `"enc": "${enc}" is not a content encryption algorithm this workbench supports`,
    );
  }
  if (header.zip !== undefined && header.zip !== 'DEF') {
    return problem(
      'zip-unsupported',
      `"zip": ${JSON.stringify(header.zip)} is not supported; the only compression is "DEF"`,
    );
  }
  if (header.zip === 'DEF' && typeof CompressionStream === 'undefined') {
    return problem('runtime-unsupported', '"zip": "DEF" needs CompressionStream, which this browser/runtime lacks');
  }
  if (header.crit !== undefined) {
    return problem('crit-unsupported', '"crit" names extensions no JWE recipient here would understand; remove it');
  }
  return { alg, enc };
}

/** PBES2 parameters from the header: the count (validated) and a salt the user fixed, if any. */
function pbes2Parameters(header: Header): JweProblem | { p2c: number; p2s?: Uint8Array } {
  const p2c = header.p2c ?? DEFAULT_PBES2_COUNT;
  if (typeof p2c !== 'number' || !Number.isSafeInteger(p2c) || p2c < 1) {
    return problem(
      'p2c-invalid',
      `"p2c" is ${JSON.stringify(p2c)}; it must be a positive whole number of PBKDF2 iterations`,
    );
  }
  if (p2c > MAX_PBES2_COUNT) {
    return problem(
      'p2c-too-large',
      `"p2c" is ${p2c}; decryption here (and jose's by default) refuses more than ${MAX_PBES2_COUNT} iterations, so the token could not be opened`,
    );
  }
  if (header.p2s === undefined) return { p2c };
  if (typeof header.p2s !== 'string' || !isBase64url(header.p2s) || base64urlDecode(header.p2s).length < 8) {
    return problem(
      'p2s-invalid',
      '"p2s" must be a base64url salt of at least 8 bytes (RFC 7518 §4.8.1.1), or be left out',
    );
  }
  return { p2c, p2s: base64urlDecode(header.p2s) };
}

function pickKey(keys: LoadedKey[], kid: unknown, fits: (key: LoadedKey) => boolean): LoadedKey | undefined {
  const byKid = typeof kid === 'string' ? keys.find((k) => k.description.kid === kid) : undefined;
  return byKid ?? keys.find(fits) ?? keys[0];
}

/** Members jose computes; a value typed in the header would be replaced, so it is dropped with a note. */
const COMPUTED = ['epk', 'iv', 'tag', 'p2c', 'p2s'] as const;

/**
 * Encrypts `plaintext` (UTF-8) under the header in `headerJson` to the key in `key`: the recipient's public key
 * (PEM SPKI/PKCS#1/X.509, JWK, a JWKS entry named by the header's kid; a private key gives its public half),
 * or a shared key / secret / password. Never throws.
 */
export async function encryptToken(
  plaintext: string,
  headerJson: string,
  key: KeyInput,
  options: EncryptOptions = {},
): Promise<EncryptResult> {
  try {
    let header: Header;
    try {
      header = parseHeader(headerJson);
    } catch (error) {
      if (error instanceof SignError) {
        return {
          ok: false,
          code: error.code === 'header-duplicate' ? 'header-duplicate' : 'header-json',
          message: error.message,
        };
      }
      throw error;
    }
    const names = checkNames(header);
    if ('code' in names) return fail(names);
    const { alg, enc } = names;
    const gap = await describeRuntimeGap(alg, enc);
    if (gap) return fail(problem('runtime-unsupported', gap));

    const warnings: string[] = [];
    const kind = JWE_ALGORITHM_INFO[alg].key;
    let parameters: { p2c: number; p2s?: Uint8Array } | undefined;
    if (kind === 'password') {
      const found = pbes2Parameters(header);
      if ('code' in found) return fail(found);
      parameters = found;
    }
    const protectedHeader: Header = {};
    for (const [name, value] of Object.entries(header)) {
      if ((COMPUTED as readonly string[]).includes(name)) {
        if (!(kind === 'password' && (name === 'p2c' || name === 'p2s'))) {
          warnings.push(`"${name}" is computed when encrypting with ${alg}; the value in the header was replaced.`);
        }
        continue;
      }
      protectedHeader[name] = value;
    }
    if (options.markNested !== false && protectedHeader.cty === undefined && findInnerToken(plaintext, {})) {
      protectedHeader.cty = 'JWT';
      warnings.push('The plaintext is a token, so "cty": "JWT" was added (RFC 7519 §5.2: nested tokens say so).');
    }

    const analysis = analyzeJweKey(key);
    const detection = analysis.detection;
    if (detection.kind === 'empty') {
      return fail(problem('key-empty', `no key: paste ${describeJweKeyNeed(alg, enc, 'encrypt')} to encrypt`));
    }
    if (detection.kind === 'error') return fail(problem('key-unreadable', detection.message));
    if (analysis.keys.length === 0) {
      return fail(
        detection.kind === 'secret'
          ? problem('secret-encoding', `the secret is not valid ${detection.encoding}; choose another secret encoding`)
          : problem('kid-not-found', 'no key of this JWKS is an encryption key'),
      );
    }
    const fit = (k: LoadedKey) => fitJweKey(k, alg, enc, 'encrypt', { input: key });
    const chosen = pickKey(analysis.keys, header.kid, (k) => fit(k).ok);
    if (!chosen) return fail(problem('key-empty', 'no key to encrypt to'));
    const fitted = fit(chosen);
    if (!fitted.ok) return fail(fitted.problem);
    if (chosen.description.curve === 'X25519') {
      const curveGap = await describeRuntimeGap(alg, enc, 'X25519');
      if (curveGap) return fail(problem('runtime-unsupported', curveGap));
    }
    const imported = await importJweKeyCached(key, chosen, alg, 'encrypt');
    if (!imported.ok) return fail(imported.problem);

    let token: string;
    try {
      const jwe = new CompactEncrypt(utf8Encode(plaintext)).setProtectedHeader(
        protectedHeader as CompactJWEHeaderParameters,
      );
      if (parameters) jwe.setKeyManagementParameters(parameters);
      token = await jwe.encrypt(imported.key);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      if (error instanceof errors.JOSEError || error instanceof TypeError) {
        return fail(problem('encrypt-failed', `jose refused to encrypt: ${detail}`));
      }
      if (error instanceof Error && error.name === 'NotSupportedError') {
        return fail(
          problem('runtime-unsupported', `this browser's WebCrypto cannot run ${alg} with ${enc}: ${detail}`),
        );
      }
      throw error;
    }
    const written = JSON.parse(new TextDecoder().decode(base64urlDecode(token.slice(0, token.indexOf('.'))))) as Header;
    const d = chosen.description;
    return {
      ok: true,
      token,
      header: written,
      keyLabel: jweKeyLabel(chosen, alg),
      ...(d.kid !== undefined ? { kid: d.kid } : {}),
      warnings: [...chosen.warnings, ...warnings],
    };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(problem('internal', `encryption failed unexpectedly: ${detail}`));
  }
}
