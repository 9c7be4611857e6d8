// Decrypt a JWE (compact, or JSON serialization flattened or general) with the key the user pasted, through
// jose. The verdict is a value: decrypted, failed (wrong key or changed token), no-key, or error (with a code
// and words). The header is checked before any key work, so a hostile `p2c` costs nothing.
import {
  compactDecrypt,
  errors,
  flattenedDecrypt,
  type DecryptOptions as JoseDecryptOptions,
  type FlattenedJWE,
} from 'jose';
import { TokenError } from '../errors';
import { normalizeToken } from '../token';
import { SECRET_ENCODINGS, type KeyInput, type SecretEncoding } from '../types';
import { analyzeKey, decodeSecret, type KeyAnalysis, type LoadedKey } from '../lib/key-detect';
import { isValidSecret } from '../lib/key-encoding';
import { findInvalidUtf8 } from '../lib/token-text';
import {
  MAX_DECOMPRESSED_BYTES,
  MAX_PBES2_COUNT,
  isJweKeyAlgorithm,
  type JweContentEncryption,
  type JweKeyAlgorithm,
} from './algorithms';
import { describeRuntimeGap } from './availability';
import { problem, sentence, type JweErrorCode, type JweProblem } from './codes';
import { decodeJwe } from './decode';
import { decodeJweJson } from './decode-json';
import { checkJweHeader } from './header-checks';
import { findInnerToken, ctyIsJwt, type InnerToken } from './find-inner-token';
import { describeJweKeyNeed, fitJweKey, importJweKey, jweKeyLabel } from './key-material';

export type DecryptionState = 'decrypted' | 'failed' | 'no-key' | 'error';
export type JweSerialization = 'compact' | 'flattened' | 'general';

export type DecryptOptions = {
  /** Largest PBES2 `p2c` accepted; a token asking for more is refused before any work. Default MAX_PBES2_COUNT. */
  maxPbes2Count?: number;
  /** Largest plaintext after `zip: DEF` decompression, in bytes. Default MAX_DECOMPRESSED_BYTES. */
  maxDecompressedBytes?: number;
};

export type DecryptResult = {
  state: DecryptionState;
  /** The header that decided: for compact, the protected header; for JSON, the recipient's joint header. */
  header: Record<string, unknown>;
  /** The plaintext as text (UTF-8; invalid bytes become U+FFFD, see plaintextIsUtf8). */
  plaintext?: string;
  /** One or two sentences: the verdict and why. */
  message: string;
  code?: JweErrorCode;
  serialization?: JweSerialization;
  /** The integrity-protected header alone (JSON serialization may carry unprotected members too). */
  protectedHeader?: Record<string, unknown>;
  alg?: string;
  enc?: string;
  plaintextBytes?: Uint8Array;
  plaintextIsUtf8?: boolean;
  /** The plaintext parsed as JSON (`payload`), when it is JSON. */
  plaintextIsJson?: boolean;
  payload?: unknown;
  /** A nested token (cty JWT, or a plaintext shaped like a compact JWS/JWE), to decode and verify on its own. */
  inner?: InnerToken;
  /** Label of the key that decrypted (or the one that was tried). */
  keyLabel?: string;
  /** kid of the JWKS key that decrypted. */
  kid?: string;
  /** General JSON serialization: which recipient (0-based) the key opened. */
  recipientIndex?: number;
  /** A secret that did not work as read, but does (or has the right size) under this encoding. */
  matchingSecretEncoding?: SecretEncoding;
  /** Things worth knowing that did not stop decryption. */
  warnings: string[];
};

type Header = Record<string, unknown>;
type Opened = CryptoKey | Uint8Array;

type Recipient = {
  index: number;
  joint: Header;
  open: (key: Opened, options: JoseDecryptOptions) => Promise<Uint8Array>;
};

type Target = {
  serialization: JweSerialization;
  protectedHeader?: Header;
  recipients: Recipient[];
  warnings: string[];
};

type Outcome =
  | { kind: 'decrypted'; plaintext: Uint8Array; key: LoadedKey; recipient: Recipient; alg: string; enc: string }
  | {
      kind: 'failed';
      recipient: Recipient;
      problem: JweProblem;
      keyLabel?: string;
      matchingSecretEncoding?: SecretEncoding;
    }
  | { kind: 'no-key'; recipient: Recipient; alg: JweKeyAlgorithm; enc: JweContentEncryption }
  | {
      kind: 'error';
      recipient?: Recipient;
      problem: JweProblem;
      keyLabel?: string;
      matchingSecretEncoding?: SecretEncoding;
    };

const TAG_MISMATCH = 'authentication tag does not match: the token was changed or the key is wrong';

function errorResult(p: JweProblem, header: Header = {}, extra: Partial<DecryptResult> = {}): DecryptResult {
  return { state: 'error', header, code: p.code, message: sentence(p.message), warnings: [], ...extra };
}

function readTarget(jwe: string, options: DecryptOptions): Target | DecryptResult {
  const trimmed = jwe.trim();
  try {
    if (trimmed.startsWith('{')) {
      const decoded = decodeJweJson(trimmed, options);
      const recipients = decoded.recipients.map((r): Recipient => {
        const flat: FlattenedJWE = {
          ciphertext: decoded.ciphertext,
          ...(decoded.protected !== undefined ? { protected: decoded.protected } : {}),
          ...(decoded.unprotected ? { unprotected: decoded.unprotected } : {}),
          ...(r.header ? { header: r.header } : {}),
          ...(r.encryptedKey !== undefined ? { encrypted_key: r.encryptedKey } : {}),
          ...(decoded.iv !== undefined ? { iv: decoded.iv } : {}),
          ...(decoded.tag !== undefined ? { tag: decoded.tag } : {}),
          ...(decoded.aad !== undefined ? { aad: decoded.aad } : {}),
        };
        return {
          index: r.index,
          joint: r.joint,
          open: async (key, o) => (await flattenedDecrypt(flat, key, o)).plaintext,
        };
      });
      return {
        serialization: decoded.serialization,
        ...(decoded.protectedHeader ? { protectedHeader: decoded.protectedHeader } : {}),
        recipients,
        warnings: decoded.warnings,
      };
    }
    const { token } = normalizeToken(trimmed);
    if (token.split('.').length === 3) {
      return errorResult(
        problem(
          'not-jwe',
          'this is a signed token (JWS, three parts), not an encrypted one: it is verified, not decrypted',
        ),
      );
    }
    const decoded = decodeJwe(trimmed, options);
    const recipient: Recipient = {
      index: 0,
      joint: decoded.header,
      open: async (key, o) => (await compactDecrypt(decoded.normalized, key, o)).plaintext,
    };
    return { serialization: 'compact', protectedHeader: decoded.header, recipients: [recipient], warnings: [] };
  } catch (error) {
    if (error instanceof TokenError) return errorResult(problem('token-invalid', error.message));
    throw error;
  }
}

/** A jose or WebCrypto failure, in words. */
function joseProblem(error: unknown, alg: string, enc: string): JweProblem {
  if (error instanceof errors.JWEDecryptionFailed) return problem('decryption-failed', TAG_MISMATCH);
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof errors.JWEInvalid) {
    if (/decompress/i.test(detail)) {
      return problem(
        'decompression-failed',
        /exceeded/.test(detail)
          ? `the plaintext is compressed (zip DEF) and inflates past the limit of ${MAX_DECOMPRESSED_BYTES} bytes: refused (a zip bomb, or an unusually large token)`
          : 'the plaintext is marked compressed (zip DEF) but does not inflate: the token is damaged or was made wrongly',
      );
    }
    if (/Initialization Vector|Authentication Tag/.test(detail)) {
      return problem('header-invalid', `jose refused the token: ${detail} (${enc} needs a specific IV and tag size)`);
    }
    if (/Encrypted Key/.test(detail))
      return problem('header-invalid', `jose refused the token: ${detail} (alg ${alg})`);
    return problem('header-invalid', `jose refused the token: ${detail}`);
  }
  if (error instanceof errors.JOSENotSupported)
    return problem('alg-unsupported', `jose does not support this: ${detail}`);
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotSupportedError') {
    return problem('runtime-unsupported', `this browser's WebCrypto cannot run ${alg} with ${enc}: ${detail}`);
  }
  if (name === 'OperationError') return problem('decryption-failed', TAG_MISMATCH);
  if (error instanceof TypeError) return problem('key-type', `jose refused the key for ${alg}: ${detail}`);
  return problem('internal', `decryption failed unexpectedly: ${detail}`);
}

function keyNoun(key: LoadedKey, alg?: JweKeyAlgorithm): string {
  const d = key.description;
  const label = jweKeyLabel(key, alg);
  return d.kid !== undefined ? `the key kid '${d.kid}' (${label})` : label;
}

function joseOptions(alg: string, enc: string, options: DecryptOptions): JoseDecryptOptions {
  return {
    keyManagementAlgorithms: [alg],
    contentEncryptionAlgorithms: [enc],
    maxPBES2Count: options.maxPbes2Count ?? MAX_PBES2_COUNT,
    maxDecompressedLength: options.maxDecompressedBytes ?? MAX_DECOMPRESSED_BYTES,
  };
}

/** Which of the pasted keys to try: the JWKS key named by the token's kid when there is one, else all. */
function keyPool(analysis: KeyAnalysis, kid: unknown): { pool: LoadedKey[]; kidMissing: boolean } {
  const keys = analysis.keys;
  if (analysis.detection.kind !== 'jwks' || typeof kid !== 'string') return { pool: keys, kidMissing: false };
  const byKid = keys.filter((k) => k.description.kid === kid);
  return byKid.length > 0 ? { pool: byKid, kidMissing: false } : { pool: keys, kidMissing: true };
}

/** The key box holds nothing usable for any recipient: the outcome that says why. */
function keyBoxProblem(analysis: KeyAnalysis): Outcome | undefined {
  const detection = analysis.detection;
  if (detection.kind === 'error') {
    return { kind: 'error', problem: problem('key-unreadable', detection.message), keyLabel: detection.label };
  }
  if (detection.kind === 'secret' && analysis.keys.length === 0) {
    return {
      kind: 'error',
      problem: problem(
        'secret-encoding',
        `the secret is not valid ${detection.encoding}; choose another secret encoding`,
      ),
      keyLabel: detection.label,
    };
  }
  if (detection.kind === 'jwks' && analysis.keys.length === 0) {
    const reasons = detection.skipped.map((s) => `key ${s.index}: ${s.reason}`).join('; ');
    return { kind: 'error', problem: problem('kid-not-found', `no key of this JWKS can decrypt (${reasons})`) };
  }
  return undefined;
}

/** Other readings of a secret that fit alg/enc; each as a key to try after the given reading failed. */
function otherReadings(key: LoadedKey, input: KeyInput, alg: JweKeyAlgorithm, enc: JweContentEncryption): LoadedKey[] {
  if (key.description.format !== 'secret' || !key.secretEncoding) return [];
  const out: LoadedKey[] = [];
  for (const encoding of SECRET_ENCODINGS) {
    if (encoding === key.secretEncoding) continue;
    if (!isValidSecret(encoding === 'utf8' ? input.text : input.text.trim(), encoding)) continue;
    const secret = decodeSecret(input.text, encoding);
    const candidate: LoadedKey = {
      ...key,
      secret,
      secretEncoding: encoding,
      description: { ...key.description, bits: secret.length * 8 },
    };
    if (secret.length > 0 && fitJweKey(candidate, alg, enc, 'decrypt').ok) out.push(candidate);
  }
  return out;
}

async function openRecipient(
  recipient: Recipient,
  target: Target,
  analysis: KeyAnalysis,
  input: KeyInput,
  options: DecryptOptions,
): Promise<Outcome> {
  const check = checkJweHeader(recipient.joint, target.protectedHeader, options.maxPbes2Count ?? MAX_PBES2_COUNT);
  if (!check.ok) return { kind: 'error', recipient, problem: check.problem };
  const { alg, enc } = check;
  const gap = await describeRuntimeGap(alg, enc);
  if (gap) return { kind: 'error', recipient, problem: problem('runtime-unsupported', gap) };
  if (analysis.detection.kind === 'empty') return { kind: 'no-key', recipient, alg, enc };
  const boxProblem = keyBoxProblem(analysis);
  if (boxProblem) return { ...boxProblem, recipient };

  const epk = recipient.joint.epk as { crv?: unknown } | undefined;
  const epkCurve = typeof epk?.crv === 'string' ? epk.crv : undefined;
  const isSet = analysis.detection.kind === 'jwks';
  const kid = recipient.joint.kid;
  const { pool, kidMissing } = keyPool(analysis, kid);
  const fits = pool.map((key) => ({
    key,
    fit: fitJweKey(key, alg, enc, 'decrypt', { ...(epkCurve ? { epkCurve } : {}), input }),
  }));
  const candidates = fits.filter((f) => f.fit.ok).map((f) => f.key);
  if (candidates.length === 0) {
    const first = fits[0];
    if (!isSet && first && !first.fit.ok) {
      return {
        kind: 'error',
        recipient,
        problem: first.fit.problem,
        keyLabel: jweKeyLabel(first.key, alg),
        ...(first.fit.matchingSecretEncoding ? { matchingSecretEncoding: first.fit.matchingSecretEncoding } : {}),
      };
    }
    const reasons = fits.map((f) => (f.fit.ok ? '' : `${keyNoun(f.key, alg)}: ${f.fit.problem.message}`)).join('; ');
    const lead =
      typeof kid === 'string' && kidMissing
        ? `the token's kid '${kid}' is not in this JWKS, and none of its ${pool.length} keys fits ${alg}`
        : typeof kid === 'string' && isSet
          ? `the JWKS key kid '${kid}' cannot decrypt this token`
          : `none of the ${pool.length} keys of this JWKS fits ${alg}`;
    return {
      kind: 'error',
      recipient,
      problem: problem(kidMissing ? 'kid-not-found' : 'key-type', `${lead} (${reasons})`),
    };
  }

  const jose = joseOptions(alg, enc, options);
  let lastError: Outcome | undefined;
  for (const key of candidates) {
    const curveGap = key.description.curve === 'X25519' ? await describeRuntimeGap(alg, enc, 'X25519') : undefined;
    if (curveGap) {
      lastError = {
        kind: 'error',
        recipient,
        problem: problem('runtime-unsupported', curveGap),
        keyLabel: jweKeyLabel(key, alg),
      };
      continue;
    }
    const imported = await importJweKey(key, alg, 'decrypt');
    if (!imported.ok) {
      lastError = { kind: 'error', recipient, problem: imported.problem, keyLabel: jweKeyLabel(key, alg) };
      continue;
    }
    try {
      const plaintext = await recipient.open(imported.key, jose);
      return { kind: 'decrypted', plaintext, key, recipient, alg, enc };
    } catch (error) {
      const found = joseProblem(error, alg, enc);
      if (found.code !== 'decryption-failed') {
        lastError = { kind: 'error', recipient, problem: found, keyLabel: jweKeyLabel(key, alg) };
      }
    }
  }
  if (lastError && candidates.length === 1) return lastError;

  // A secret that is right but read in the wrong encoding is the classic mistake: say so.
  const only = candidates.length === 1 ? candidates[0] : undefined;
  for (const reading of only ? otherReadings(only, input, alg, enc) : []) {
    const imported = await importJweKey(reading, alg, 'decrypt');
    if (!imported.ok) continue;
    try {
      await recipient.open(imported.key, jose);
      return {
        kind: 'failed',
        recipient,
        keyLabel: only ? jweKeyLabel(only, alg) : '',
        matchingSecretEncoding: reading.secretEncoding ?? 'utf8',
        problem: problem(
          'secret-encoding',
          `the token does not decrypt with the secret read as ${only?.secretEncoding ?? 'utf8'}, but it does when the secret is read as ${reading.secretEncoding ?? 'utf8'}: switch the secret encoding to ${reading.secretEncoding ?? 'utf8'}`,
        ),
      };
    } catch {
      // Not this reading either.
    }
  }
  const tried =
    candidates.length === 1
      ? ` (tried ${keyNoun(candidates[0] as LoadedKey, alg)})`
      : ` (tried ${candidates.length} keys: ${candidates.map((k) => keyNoun(k, alg)).join('; ')})`;
  const kidNote = typeof kid === 'string' && kidMissing ? `; the token's kid '${kid}' is not in this JWKS` : '';
  return {
    kind: 'failed',
    recipient,
    problem: problem('decryption-failed', `${TAG_MISMATCH}${tried}${kidNote}`),
    ...(candidates.length === 1 && candidates[0] ? { keyLabel: jweKeyLabel(candidates[0], alg) } : {}),
  };
}

function decodePlaintext(bytes: Uint8Array): { text: string; utf8: boolean; json: boolean; value?: unknown } {
  const utf8 = findInvalidUtf8(bytes) < 0;
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  if (utf8 && /^\s*[[{]/.test(text)) {
    try {
      return { text, utf8, json: true, value: JSON.parse(text) as unknown };
    } catch {
      // Not JSON after all: shown as text.
    }
  }
  return { text, utf8, json: false };
}

function describeContent(plain: ReturnType<typeof decodePlaintext>, inner: InnerToken | undefined): string {
  if (inner?.kind === 'jws' && inner.unsecured) {
    return `It holds an unsecured token (alg "${inner.alg ?? 'none'}"): anyone able to encrypt to this key could have made it, so nothing in it is authenticated.`;
  }
  if (inner?.kind === 'jws')
    return `It holds a signed token (JWS, alg ${inner.alg ?? '?'}): verify it with the signer's key.`;
  if (inner?.kind === 'jwe') return 'It holds another encrypted token (JWE): decrypt that one too.';
  if (!plain.utf8) return `The plaintext is ${plain.text.length === 0 ? 'empty' : 'binary data, not UTF-8 text'}.`;
  if (plain.json)
    return `The plaintext is JSON${typeof plain.value === 'object' && plain.value !== null && !Array.isArray(plain.value) ? ' (an object)' : ''}.`;
  return plain.text.length === 0 ? 'The plaintext is empty.' : 'The plaintext is text, not JSON.';
}

function decryptedResult(outcome: Extract<Outcome, { kind: 'decrypted' }>, target: Target): DecryptResult {
  const { key, recipient } = outcome;
  const plain = decodePlaintext(outcome.plaintext);
  const inner = plain.utf8 ? findInnerToken(plain.text, recipient.joint) : undefined;
  const warnings = [...target.warnings];
  if (ctyIsJwt(recipient.joint.cty) && !inner) {
    warnings.push('The header says cty "JWT", but the plaintext is not a compact token.');
  }
  if (inner && inner.reason === 'shape') {
    warnings.push(
      'The plaintext is a token, but the header lacks cty "JWT", which RFC 7519 §5.2 requires for nested tokens.',
    );
  }
  const d = key.description;
  const label = jweKeyLabel(key, isJweKeyAlgorithm(outcome.alg) ? outcome.alg : undefined);
  const which =
    d.kid !== undefined
      ? `the key kid '${d.kid}' (${label})`
      : d.format === 'secret'
        ? `the ${label.charAt(0).toLowerCase()}${label.slice(1)}`
        : d.family === 'oct'
          ? label
          : `the private key (${label})`;
  const recipientNote =
    target.serialization === 'general' ? ` (recipient ${recipient.index + 1} of ${target.recipients.length})` : '';
  return {
    state: 'decrypted',
    header: recipient.joint,
    plaintext: plain.text,
    message: `Decrypted with ${which}${recipientNote}. ${describeContent(plain, inner)}`,
    serialization: target.serialization,
    ...(target.protectedHeader ? { protectedHeader: target.protectedHeader } : {}),
    alg: outcome.alg,
    enc: outcome.enc,
    plaintextBytes: outcome.plaintext,
    plaintextIsUtf8: plain.utf8,
    plaintextIsJson: plain.json,
    ...(plain.json ? { payload: plain.value } : {}),
    ...(inner ? { inner } : {}),
    keyLabel: label,
    ...(d.kid !== undefined ? { kid: d.kid } : {}),
    ...(target.serialization === 'general' ? { recipientIndex: recipient.index } : {}),
    warnings,
  };
}

function verdict(outcomes: Outcome[], target: Target): DecryptResult {
  const base = (o: Outcome | undefined): Partial<DecryptResult> => {
    const joint = o?.recipient?.joint ?? target.recipients[0]?.joint ?? {};
    return {
      header: joint,
      serialization: target.serialization,
      ...(target.protectedHeader ? { protectedHeader: target.protectedHeader } : {}),
      ...(typeof joint.alg === 'string' ? { alg: joint.alg } : {}),
      ...(typeof joint.enc === 'string' ? { enc: joint.enc } : {}),
      ...(o && 'keyLabel' in o && o.keyLabel !== undefined ? { keyLabel: o.keyLabel } : {}),
      ...(o && 'matchingSecretEncoding' in o && o.matchingSecretEncoding
        ? { matchingSecretEncoding: o.matchingSecretEncoding }
        : {}),
      warnings: target.warnings,
    };
  };
  const many = target.recipients.length > 1;
  const label = (o: Outcome): string => (many && o.recipient ? `recipient ${o.recipient.index + 1}: ` : '');
  const failed = outcomes.find((o) => o.kind === 'failed');
  if (failed?.kind === 'failed') {
    return {
      ...base(failed),
      state: 'failed',
      code: failed.problem.code,
      message: sentence(`${label(failed)}${failed.problem.message}`),
    } as DecryptResult;
  }
  if (outcomes.length > 0 && outcomes.every((o) => o.kind === 'no-key')) {
    const first = outcomes[0] as Extract<Outcome, { kind: 'no-key' }>;
    const message = many
      ? `No key: paste the key of one of its ${target.recipients.length} recipients to decrypt this token.`
      : `No key: paste ${describeJweKeyNeed(first.alg, first.enc, 'decrypt')} to decrypt this token.`;
    return { ...base(first), state: 'no-key', code: 'key-empty', message } as DecryptResult;
  }
  const errorsOnly = outcomes.filter((o): o is Extract<Outcome, { kind: 'error' }> => o.kind === 'error');
  // With several recipients, the one the key was meant for says most: a problem that is not "this key is of
  // another type" or "this alg is not supported" first, then an unsupported alg, then a key of another type.
  const rank = (o: Extract<Outcome, { kind: 'error' }>): number =>
    o.problem.code === 'key-type' ? 2 : o.problem.code === 'alg-unsupported' ? 1 : 0;
  const lead = [...errorsOnly].sort((a, b) => rank(a) - rank(b))[0];
  if (!lead) return errorResult(problem('internal', 'nothing to decrypt'), base(undefined).header);
  const message = many ? errorsOnly.map((o) => `${label(o)}${o.problem.message}`).join('; ') : lead.problem.message;
  return { ...base(lead), state: 'error', code: lead.problem.code, message: sentence(message) } as DecryptResult;
}

/**
 * Decrypts `jwe` (compact, or JSON serialization flattened/general) with the key in `key`: a private key PEM
 * (PKCS#8, PKCS#1, SEC1) or JWK, a JWKS (the entry named by the token's kid first), a shared key as JWK oct or
 * as a secret in any SecretEncoding, or a PBES2 password (the secret's bytes, UTF-8 by default). Never throws.
 */
export async function decryptToken(jwe: string, key: KeyInput, options: DecryptOptions = {}): Promise<DecryptResult> {
  try {
    const target = readTarget(jwe, options);
    if ('state' in target) return target;
    const analysis = analyzeKey(key, 'enc');
    const outcomes: Outcome[] = [];
    for (const recipient of target.recipients) {
      const outcome = await openRecipient(recipient, target, analysis, key, options);
      if (outcome.kind === 'decrypted') return decryptedResult(outcome, target);
      outcomes.push(outcome);
    }
    return verdict(outcomes, target);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return errorResult(problem('internal', `decryption failed unexpectedly: ${detail}`));
  }
}
