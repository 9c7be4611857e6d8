// From outcomes to the result: jose's failures in words, the plaintext read (UTF-8, JSON, a nested token), and
// the one verdict when several recipients were tried.
import { errors } from 'jose';
import { findInvalidUtf8 } from '../lib/token-text';
import { MAX_DECOMPRESSED_BYTES, isJweKeyAlgorithm } from './algorithms';
import { problem, sentence, type JweProblem } from './codes';
import { ctyIsJwt, findInnerToken, type InnerToken } from './find-inner-token';
import { describeJweKeyNeed, jweKeyLabel } from './key-material';
import { TAG_MISMATCH, errorResult } from './decrypt-target';
import type { DecryptResult, Outcome, Target } from './decrypt-types';

export function joseProblem(
  error: unknown,
  alg: string,
  enc: string,
  decompressionLimit: number = MAX_DECOMPRESSED_BYTES,
): JweProblem {
  if (error instanceof errors.JWEDecryptionFailed) return problem('decryption-failed', TAG_MISMATCH);
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof errors.JWEInvalid) {
    if (/decompress/i.test(detail)) {
      return problem(
        'decompression-failed',
        /exceeded/.test(detail)
          ? `the plaintext is compressed (zip DEF) and inflates past the limit of ${decompressionLimit} bytes: refused (a zip bomb, or an unusually large token)`
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

export function decryptedResult(outcome: Extract<Outcome, { kind: 'decrypted' }>, target: Target): DecryptResult {
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

export function verdict(outcomes: Outcome[], target: Target): DecryptResult {
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
