// Decrypt a JWE (compact, or JSON serialization flattened or general) with the key the user pasted, through
// jose. The verdict is a value: decrypted, failed (wrong key or changed token), no-key, or error (with a code
// and words). The header is checked before any key work, so a hostile `p2c` costs nothing.
import type { DecryptOptions as JoseDecryptOptions } from 'jose';
import { SECRET_ENCODINGS, type KeyInput } from '../types';
import { decodeSecret, type KeyAnalysis, type LoadedKey } from '../lib/key-detect';
import { isValidSecret } from '../lib/key-encoding';
import { MAX_DECOMPRESSED_BYTES, MAX_PBES2_COUNT, type JweContentEncryption, type JweKeyAlgorithm } from './algorithms';
import { describeRuntimeGap } from './availability';
import { problem } from './codes';
import { checkJweHeader } from './header-checks';
import { fitJweKey, importJweKey, jweKeyLabel } from './key-material';
import { analyzeJweKey, importJweKeyCached } from './key-cache';
import { TAG_MISMATCH, errorResult, readTarget } from './decrypt-target';
import { decryptedResult, joseProblem, verdict } from './decrypt-verdict';
import type { DecryptOptions, DecryptResult, Outcome, Recipient, Target } from './decrypt-types';

export type { DecryptOptions, DecryptResult, DecryptionState, JweSerialization } from './decrypt-types';

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
    const imported = await importJweKeyCached(input, key, alg, 'decrypt');
    if (!imported.ok) {
      lastError = { kind: 'error', recipient, problem: imported.problem, keyLabel: jweKeyLabel(key, alg) };
      continue;
    }
    try {
      const plaintext = await recipient.open(imported.key, jose);
      return { kind: 'decrypted', plaintext, key, recipient, alg, enc };
    } catch (error) {
      const found = joseProblem(error, alg, enc, jose.maxDecompressedLength);
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

export async function decryptToken(jwe: string, key: KeyInput, options: DecryptOptions = {}): Promise<DecryptResult> {
  try {
    const target = readTarget(jwe, options);
    if ('state' in target) return target;
    const analysis = analyzeJweKey(key);
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
