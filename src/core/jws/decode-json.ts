// Decode a JWS in JSON serialization (RFC 7515 §7.2): general (`signatures`, one or more) or flattened (one
// signature at the top level). The payload may be absent (detached, RFC 7515 Appendix F) or unencoded
// (`b64: false`, RFC 7797). Nothing is verified here.
import { TokenError } from '../errors';
import {
  base64urlMember,
  headerMember,
  isJsonObject,
  parseSerialization,
  protectedMember,
  sharedNames,
} from '../lib/json-serialization';
import { decodeBase64url } from '../lib/token-base64url';
import { findInvalidUtf8 } from '../lib/token-text';

type Json = Record<string, unknown>;

export type JwsJsonSignature = {
  index: number;
  /** The `protected` member as given (base64url). */
  protected?: string;
  protectedHeader?: Json;
  protectedText?: string;
  /** The unprotected `header` member. */
  header?: Json;
  /** Protected and unprotected members together. */
  joint: Json;
  alg?: string;
  kid?: string;
  /** base64url text. */
  signature: string;
  signatureBytes: Uint8Array;
};

export type DecodedJwsJson = {
  serialization: 'flattened' | 'general';
  /** The `payload` member as given: base64url, or under `b64: false` the payload itself. Undefined when detached. */
  payloadMember?: string;
  /** No `payload` member: the payload travels separately (RFC 7515 Appendix F). */
  detached: boolean;
  /** `b64: false` with `crit: ["b64"]` in the (first) protected header (RFC 7797). */
  unencodedPayload: boolean;
  payloadText: string;
  /** The parsed payload when `payloadIsJson`. */
  payload: unknown;
  payloadIsJson: boolean;
  signatures: JwsJsonSignature[];
  warnings: string[];
};

/** Whether a parsed JSON value looks like a JWS in JSON serialization. */
export function isJwsJson(value: unknown): boolean {
  return isJsonObject(value) && (Array.isArray(value.signatures) || typeof value.signature === 'string');
}

function readPayload(
  member: string | undefined,
  unencoded: boolean,
): Pick<DecodedJwsJson, 'payloadText' | 'payload' | 'payloadIsJson'> & { utf8: boolean } {
  if (member === undefined) return { payloadText: '', payload: undefined, payloadIsJson: false, utf8: true };
  let text = member;
  let utf8 = true;
  if (!unencoded) {
    const bytes = decodeBase64url(member);
    utf8 = findInvalidUtf8(bytes) < 0;
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  }
  if (utf8 && /^\s*[[{]/.test(text)) {
    try {
      return { payloadText: text, payload: JSON.parse(text) as unknown, payloadIsJson: true, utf8 };
    } catch {
      // Shown as text.
    }
  }
  return { payloadText: text, payload: undefined, payloadIsJson: false, utf8 };
}

/** Decodes `text` as a JWS JSON serialization; throws TokenError when it is not one. */
export function decodeJwsJson(text: string): DecodedJwsJson {
  const json = parseSerialization(text.trim(), 'JWS');
  const general = json.signatures !== undefined;
  let entries: Json[];
  if (general) {
    if (!Array.isArray(json.signatures) || json.signatures.length === 0 || !json.signatures.every(isJsonObject)) {
      throw new TokenError('parts', '"signatures" must be a non-empty array of objects (RFC 7515 §7.2.1).', {
        part: 'signature',
      });
    }
    entries = json.signatures;
  } else {
    entries = [json];
  }
  const warnings: string[] = [];
  const signatures = entries.map((entry, index): JwsJsonSignature => {
    const where = general ? ` in signature ${index + 1}` : '';
    const prot = protectedMember(entry, where);
    const header = headerMember(entry, 'header', where);
    const signature = base64urlMember(entry, 'signature', 'signature', where);
    if (signature === undefined) {
      throw new TokenError('parts', `"signature" is missing${where} (RFC 7515 §7.2.1).`, { part: 'signature' });
    }
    if (!prot && !header) {
      throw new TokenError('parts', `There is no header${where}: a signature needs "protected" or "header".`, {
        part: 'header',
      });
    }
    const shared = sharedNames(prot?.header, header);
    if (shared.length > 0) {
      warnings.push(
        `${shared.map((n) => `"${n}"`).join(', ')} appear${shared.length === 1 ? 's' : ''} in both the protected and the unprotected header${where}; RFC 7515 §7.2.1 requires them to be disjoint, so verification will refuse it.`,
      );
    }
    const joint = { ...prot?.header, ...header };
    return {
      index,
      ...(prot ? { protected: prot.encoded, protectedHeader: prot.header, protectedText: prot.text } : {}),
      ...(header ? { header } : {}),
      joint,
      ...(typeof joint.alg === 'string' ? { alg: joint.alg } : {}),
      ...(typeof joint.kid === 'string' ? { kid: joint.kid } : {}),
      signature,
      signatureBytes: decodeBase64url(signature),
    };
  });
  const first = signatures[0]?.protectedHeader;
  const unencoded = first?.b64 === false && Array.isArray(first.crit) && first.crit.includes('b64');
  // RFC 7797 §3: every signature must agree on b64, since they share one payload.
  const disagree = signatures.some((s) => (s.protectedHeader?.b64 === false) !== unencoded);
  if (disagree) warnings.push('The signatures disagree on "b64"; RFC 7797 §3 requires the same value in all of them.');
  let payloadMember: string | undefined;
  if (json.payload !== undefined) {
    if (typeof json.payload !== 'string') {
      throw new TokenError('base64url', `"payload" must be a string, not ${JSON.stringify(json.payload)}.`, {
        part: 'payload',
      });
    }
    payloadMember = unencoded ? json.payload : base64urlMember(json, 'payload', 'payload');
  }
  const payload = readPayload(payloadMember, unencoded);
  if (!payload.utf8)
    warnings.push('The payload is binary data, not UTF-8 text; it is shown with replacement characters.');
  return {
    serialization: general ? 'general' : 'flattened',
    ...(payloadMember !== undefined ? { payloadMember } : {}),
    detached: payloadMember === undefined,
    unencodedPayload: unencoded,
    payloadText: payload.payloadText,
    payload: payload.payload,
    payloadIsJson: payload.payloadIsJson,
    signatures,
    warnings,
  };
}
