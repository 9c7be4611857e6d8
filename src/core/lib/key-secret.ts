// HMAC secrets: the four readings of the text (utf8, base64url, base64, hex), and the tell-tale signs of a
// public key pasted where a secret goes (the key-confusion attack, RFC 8725 §2.1).
import { KeyError } from '../errors';
import { SECRET_ENCODINGS, type KeyDescription, type KeyDetection, type SecretEncoding } from '../types';
import { sniffStructure } from './key-asn1';
import { base64Decode, base64urlDecode, hexDecode, isBase64, isValidSecret, utf8Encode } from './key-encoding';
import type { KeyAnalysis } from './key-detect';

/** Secret bytes under an encoding; throws KeyError `secret-encoding` when the text is not valid in it. */
export function decodeSecret(text: string, encoding: SecretEncoding): Uint8Array {
  if (encoding === 'utf8') return utf8Encode(text);
  const clean = text.trim();
  if (!isValidSecret(clean, encoding)) {
    const hint =
      encoding === 'hex'
        ? 'hex needs an even number of 0-9/a-f characters'
        : encoding === 'base64url'
          ? 'base64url uses A-Z a-z 0-9 - _ without padding'
          : 'base64 uses A-Z a-z 0-9 + / with optional = padding';
    throw new KeyError(
      'secret-encoding',
      `the secret is not valid ${encoding} (${hint}); choose another secret encoding`,
    );
  }
  if (encoding === 'hex') return hexDecode(clean);
  return encoding === 'base64' ? base64Decode(clean) : base64urlDecode(clean);
}

/** Bare base64 of a public key, or an OpenSSH public key line: a public key pasted where a secret goes. */
function looksLikePublicKey(text: string): boolean {
  const t = text.trim();
  if (/^(ssh-(rsa|ed25519)|ecdsa-sha2-\S+) /.test(t)) return true;
  if (!t.startsWith('MI') || !isBase64(t.replace(/\s+/g, ''))) return false;
  const kind = sniffStructure(base64Decode(t.replace(/\s+/g, '')));
  return kind === 'spki' || kind === 'pkcs1-public' || kind === 'x509';
}

export function analyzeSecret(text: string, encoding: SecretEncoding): KeyAnalysis {
  const valid = isValidSecret(encoding === 'utf8' ? text : text.trim(), encoding);
  const bytes = valid ? decodeSecret(text, encoding) : undefined;
  const alternativeEncodings = SECRET_ENCODINGS.filter((e) => e !== encoding && isValidSecret(text.trim(), e));
  const size = bytes ? `${bytes.length} byte${bytes.length === 1 ? '' : 's'}` : `not valid ${encoding}`;
  const label = `HMAC secret, ${size}${bytes ? ` (${encoding})` : ''}`;
  const detection: KeyDetection = {
    kind: 'secret',
    label,
    encoding,
    ...(bytes ? { byteLength: bytes.length } : {}),
    alternativeEncodings,
    looksLikePublicKey: looksLikePublicKey(text),
  };
  if (!bytes) return { detection, keys: [] };
  const description: KeyDescription = {
    format: 'secret',
    family: 'oct',
    isPrivate: true,
    bits: bytes.length * 8,
    label,
  };
  return { detection, keys: [{ description, secret: bytes, secretEncoding: encoding, warnings: [] }] };
}
