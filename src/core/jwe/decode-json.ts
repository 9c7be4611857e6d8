// Decode a JWE in JSON serialization (RFC 7516 §7.2): general (`recipients`) or flattened (one recipient's
// `header` and `encrypted_key` at the top). Nothing is decrypted; each recipient's joint header (protected,
// shared unprotected and per-recipient members together) is what decides how it is opened.
import { TokenError } from '../errors';
import {
  base64urlMember,
  headerMember,
  isJsonObject,
  parseSerialization,
  protectedMember,
  sharedNames,
} from '../lib/json-serialization';
import { explainJweHeader, type JweHeaderRow } from './explain-header';

type Json = Record<string, unknown>;

export type JweJsonRecipient = {
  index: number;
  /** The per-recipient unprotected header. */
  header?: Json;
  encryptedKey?: string;
  /** Protected, shared unprotected and per-recipient header members together. */
  joint: Json;
  alg?: string;
  kid?: string;
};

export type DecodedJweJson = {
  serialization: 'flattened' | 'general';
  protected?: string;
  protectedHeader?: Json;
  protectedText?: string;
  /** The shared unprotected header (`unprotected`). */
  unprotected?: Json;
  recipients: JweJsonRecipient[];
  iv?: string;
  ciphertext: string;
  tag?: string;
  /** Additional authenticated data (`aad`), base64url. */
  aad?: string;
  /** The first recipient's joint header, member by member. */
  explanation: JweHeaderRow[];
  /** Problems that do not stop decoding, in words (e.g. a member in two header parts). */
  warnings: string[];
};

/** Whether a parsed JSON value looks like a JWE in JSON serialization (it has `ciphertext`). */
export function isJweJson(value: unknown): boolean {
  return isJsonObject(value) && typeof value.ciphertext === 'string';
}

/** Decodes `text` as a JWE JSON serialization; throws TokenError when it is not one. */
export function decodeJweJson(text: string, options: { maxPbes2Count?: number } = {}): DecodedJweJson {
  const json = parseSerialization(text.trim(), 'JWE');
  const ciphertext = base64urlMember(json, 'ciphertext', 'ciphertext');
  if (ciphertext === undefined) {
    throw new TokenError('parts', 'A JWE in JSON serialization needs a "ciphertext" member (RFC 7516 §7.2.1).', {
      part: 'ciphertext',
    });
  }
  const prot = protectedMember(json);
  const unprotected = headerMember(json, 'unprotected');
  const iv = base64urlMember(json, 'iv', 'iv');
  const tag = base64urlMember(json, 'tag', 'tag');
  const aad = base64urlMember(json, 'aad', 'header');
  const general = json.recipients !== undefined;
  let entries: Json[];
  if (general) {
    if (!Array.isArray(json.recipients) || json.recipients.length === 0 || !json.recipients.every(isJsonObject)) {
      throw new TokenError('parts', '"recipients" must be a non-empty array of objects (RFC 7516 §7.2.1).', {
        part: 'encrypted_key',
      });
    }
    entries = json.recipients;
  } else {
    entries = [json];
  }
  const warnings: string[] = [];
  const recipients = entries.map((entry, index): JweJsonRecipient => {
    const where = general ? ` in recipient ${index + 1}` : '';
    const header = headerMember(entry, 'header', where);
    const encryptedKey = base64urlMember(entry, 'encrypted_key', 'encrypted_key', where);
    const shared = sharedNames(prot?.header, unprotected, header);
    if (shared.length > 0) {
      warnings.push(
        `${shared.map((n) => `"${n}"`).join(', ')} appear${shared.length === 1 ? 's' : ''} in more than one header part${where}; RFC 7516 §7.2.1 requires them to be disjoint, so decryption will refuse it.`,
      );
    }
    const joint = { ...prot?.header, ...unprotected, ...header };
    return {
      index,
      ...(header ? { header } : {}),
      ...(encryptedKey !== undefined ? { encryptedKey } : {}),
      joint,
      ...(typeof joint.alg === 'string' ? { alg: joint.alg } : {}),
      ...(typeof joint.kid === 'string' ? { kid: joint.kid } : {}),
    };
  });
  if (!prot && !unprotected && recipients.every((r) => !r.header)) {
    throw new TokenError('parts', 'This JWE has no header at all (no "protected", "unprotected" or "header").', {
      part: 'header',
    });
  }
  if (unprotected?.zip !== undefined || recipients.some((r) => r.header?.zip !== undefined)) {
    warnings.push('"zip" outside the protected header is refused (RFC 7516 §4.1.3).');
  }
  return {
    serialization: general ? 'general' : 'flattened',
    ...(prot ? { protected: prot.encoded, protectedHeader: prot.header, protectedText: prot.text } : {}),
    ...(unprotected ? { unprotected } : {}),
    recipients,
    ...(iv !== undefined ? { iv } : {}),
    ciphertext,
    ...(tag !== undefined ? { tag } : {}),
    ...(aad !== undefined ? { aad } : {}),
    explanation: explainJweHeader(recipients[0]?.joint ?? {}, options),
    warnings,
  };
}
