// What was pasted, read as recipients to open: a compact JWE, or a JSON serialization (flattened or general),
// each recipient opened through jose (compactDecrypt, flattenedDecrypt).
import { compactDecrypt, flattenedDecrypt, type FlattenedJWE } from 'jose';
import { TokenError } from '../errors';
import { normalizeToken } from '../token';
import { problem, sentence, type JweProblem } from './codes';
import { decodeJwe } from './decode';
import { decodeJweJson } from './decode-json';
import type { DecryptOptions, DecryptResult, Header, Recipient, Target } from './decrypt-types';

export const TAG_MISMATCH = 'authentication tag does not match: the token was changed or the key is wrong';

export function errorResult(p: JweProblem, header: Header = {}, extra: Partial<DecryptResult> = {}): DecryptResult {
  return { state: 'error', header, code: p.code, message: sentence(p.message), warnings: [], ...extra };
}

export function readTarget(jwe: string, options: DecryptOptions): Target | DecryptResult {
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
