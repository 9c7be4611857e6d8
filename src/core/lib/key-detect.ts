// Classification of pasted key text. Synchronous and allocation-light: it runs on every keystroke.
import type { JWK } from 'jose';
import { KeyError } from '../errors';
import {
  type KeyDescription,
  type KeyDetection,
  type KeyFormat,
  type KeyInput,
  type KeyPurpose,
  type SecretEncoding,
} from '../types';
import { DerError } from './der';
import { parseKeyDer, sniffStructure, type DerStructure, type ParsedKeyDer } from './key-asn1';
import { keyKindText } from './key-describe';
import { describeJwk } from './key-jwk';
import { looksLikePem, splitPem, unescapePem } from './key-pem';
import { analyzeSecret } from './key-secret';
import { formatCount } from './format-count';
import { nameCharacter } from './token-text';

export { decodeSecret } from './key-secret';

/** One usable key, with the material needed to import it. */
export type LoadedKey = {
  description: KeyDescription;
  /** HMAC secret bytes (family `oct`). */
  secret?: Uint8Array;
  /** How `secret` was read from the text (not set for a JWK `oct` key). */
  secretEncoding?: SecretEncoding;
  /** The JWK as pasted (JWK and JWKS input). */
  jwk?: JWK;
  /** DER WebCrypto imports: SPKI (public) or PKCS#8 (private), already unwrapped from PKCS#1/SEC1/X.509. */
  der?: { format: 'spki' | 'pkcs8'; bytes: Uint8Array };
  /** Position in a JWKS. */
  index?: number;
  warnings: string[];
};

export type KeyAnalysis = { detection: KeyDetection; keys: LoadedKey[] };

const LABEL_STRUCTURE: Record<string, DerStructure> = {
  'PUBLIC KEY': 'spki',
  'PRIVATE KEY': 'pkcs8',
  'ENCRYPTED PRIVATE KEY': 'pkcs8-encrypted',
  'RSA PRIVATE KEY': 'pkcs1-private',
  'RSA PUBLIC KEY': 'pkcs1-public',
  'EC PRIVATE KEY': 'sec1',
  CERTIFICATE: 'x509',
  'X509 CERTIFICATE': 'x509',
  'TRUSTED CERTIFICATE': 'x509',
};

const STRUCTURE_NAME: Record<DerStructure, string> = {
  spki: 'a public key (SPKI, "PUBLIC KEY")',
  pkcs8: 'a private key (PKCS#8, "PRIVATE KEY")',
  'pkcs8-encrypted': 'an encrypted private key ("ENCRYPTED PRIVATE KEY")',
  'pkcs1-private': 'an RSA private key (PKCS#1, "RSA PRIVATE KEY")',
  'pkcs1-public': 'an RSA public key (PKCS#1, "RSA PUBLIC KEY")',
  sec1: 'an EC private key (SEC1, "EC PRIVATE KEY")',
  x509: 'a certificate ("CERTIFICATE")',
};

const UNSUPPORTED_LABELS: Record<string, string> = {
  'OPENSSH PRIVATE KEY':
    'this is an OpenSSH private key; convert it to PKCS#8 with `ssh-keygen -p -m PKCS8 -f key` and paste the result',
  'CERTIFICATE REQUEST': 'this is a certificate signing request, not a key; paste the certificate or the public key',
  'NEW CERTIFICATE REQUEST':
    'this is a certificate signing request, not a key; paste the certificate or the public key',
  'DSA PRIVATE KEY': 'DSA keys have no JWS algorithm (RFC 7518 defines none)',
  'X509 CRL': 'this is a certificate revocation list, not a key',
};

const PEM_FORMAT: Record<DerStructure, KeyFormat> = {
  spki: 'pem-spki',
  pkcs8: 'pem-pkcs8',
  'pkcs8-encrypted': 'pem-pkcs8-encrypted',
  'pkcs1-private': 'pem-pkcs1-private',
  'pkcs1-public': 'pem-pkcs1-public',
  sec1: 'pem-sec1',
  x509: 'pem-x509',
};

function pemLabel(parsed: ParsedKeyDer): string {
  const kind = keyKindText(parsed);
  switch (parsed.structure) {
    case 'x509':
      return `X.509 certificate${parsed.subject ? ` (CN=${parsed.subject})` : ''}, ${kind}`;
    case 'spki':
      return `PEM public key (SPKI), ${kind}`;
    case 'pkcs1-public':
      return `PEM public key (PKCS#1), ${kind}`;
    case 'pkcs1-private':
      return `PEM private key (PKCS#1), ${kind}`;
    case 'sec1':
      return `PEM private key (SEC1), ${kind}`;
    default:
      return `PEM private key (PKCS#8), ${kind}`;
  }
}

export function weakRsaWarning(bits: number | undefined): string | undefined {
  if (bits === undefined || bits >= 2048) return undefined;
  return `RSA ${bits} is under the 2048 bits RFC 7518 §3.3 requires: it can still verify here, but cannot sign`;
}

function analyzePem(raw: string, purpose: KeyPurpose): KeyAnalysis {
  const { text, unescaped } = unescapePem(raw);
  const warnings: string[] = [];
  if (unescaped)
    warnings.push('the key contained "\\n" escapes (copied from a JSON string); they were read as line breaks');
  const all = splitPem(text);
  // `openssl ecparam -genkey` prints the curve parameters before the key; only the key matters.
  let blocks = all.filter((b) => b.label !== 'EC PARAMETERS');
  if (blocks.length === 0) {
    throw new KeyError(
      'unsupported',
      'this is only the curve parameters (EC PARAMETERS), not a key; paste the EC PRIVATE KEY block',
    );
  }
  if (blocks.length > 1 && blocks.every((b) => LABEL_STRUCTURE[b.label] === 'x509')) {
    warnings.push(`a chain of ${blocks.length} certificates was pasted; the first one (the leaf) is used`);
    blocks = blocks.slice(0, 1);
  }
  if (blocks.length > 1) {
    throw new KeyError(
      'pem-multiple',
      `${blocks.length} PEM blocks were pasted together (${blocks.map((b) => b.label).join(', ')}); paste only one key`,
    );
  }
  const block = blocks[0];
  if (!block) throw new KeyError('pem-truncated', 'no PEM block found');
  const unsupported = UNSUPPORTED_LABELS[block.label];
  if (unsupported) throw new KeyError('unsupported', unsupported);
  const expected = LABEL_STRUCTURE[block.label];
  if (!expected) {
    throw new KeyError(
      'pem-label',
      `"${block.label}" is not a key label; expected PUBLIC KEY, PRIVATE KEY, RSA PRIVATE KEY, RSA PUBLIC KEY, EC PRIVATE KEY or CERTIFICATE`,
    );
  }
  if (block.encryptedHeaders) {
    throw new KeyError(
      'pem-encrypted',
      'this key is encrypted with a password (Proc-Type: 4,ENCRYPTED), which is not supported; decrypt it with `openssl pkey -in k.pem -out plain.pem` and paste the result',
    );
  }
  const actual = sniffStructure(block.der);
  if (actual && actual !== expected && expected !== 'pkcs8-encrypted') {
    throw new KeyError(
      'pem-label',
      `the label says "${block.label}" but the content is ${STRUCTURE_NAME[actual]}; fix the BEGIN/END lines`,
    );
  }
  let parsed: ParsedKeyDer;
  try {
    parsed = parseKeyDer(expected, block.der, purpose);
  } catch (error) {
    if (error instanceof DerError) {
      if (error.code === 'truncated') {
        throw new KeyError(
          'pem-truncated',
          `the ${block.label} data ends early (${error.message}): copy the whole key`,
        );
      }
      throw new KeyError('der', `the ${block.label} block is not a valid key structure: ${error.message}`);
    }
    throw error;
  }
  const weak = weakRsaWarning(parsed.bits);
  if (weak) warnings.push(weak);
  const label = pemLabel(parsed);
  const description: KeyDescription = {
    format: PEM_FORMAT[parsed.structure],
    family: parsed.family,
    isPrivate: parsed.isPrivate,
    label,
    ...(parsed.bits !== undefined ? { bits: parsed.bits } : {}),
    ...(parsed.curve !== undefined ? { curve: parsed.curve } : {}),
  };
  return {
    detection: { kind: 'key', label, key: description, warnings },
    keys: [{ description, der: { format: parsed.importFormat, bytes: parsed.importable }, warnings }],
  };
}

function jsonError(error: unknown): KeyError {
  const detail = error instanceof Error ? error.message : String(error);
  return new KeyError('jwk-json', `the key looks like JSON (a JWK or JWKS) but does not parse: ${detail}`);
}

const ENCRYPTION_ALG = /^(RSA1_5|RSA-OAEP|ECDH-ES|A\d+KW|A\d+GCMKW|dir|PBES2)/;

function skipReason(jwk: unknown, purpose: KeyPurpose): string | undefined {
  if (typeof jwk !== 'object' || jwk === null) return undefined;
  const { use, alg } = jwk as { use?: unknown; alg?: unknown };
  if (purpose === 'enc') {
    if (use === 'sig') return '"use": "sig": a signing key, not an encryption key';
    if (typeof alg === 'string' && !ENCRYPTION_ALG.test(alg)) return `"alg": "${alg}" is not an encryption algorithm`;
    return undefined;
  }
  if (use === 'enc') return '"use": "enc": an encryption key, not a signing key';
  if (typeof alg === 'string' && ENCRYPTION_ALG.test(alg)) {
    return `"alg": "${alg}" is an encryption algorithm`;
  }
  return undefined;
}

function analyzeJson(text: string, purpose: KeyPurpose): KeyAnalysis {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw jsonError(error);
  }
  const warnings: string[] = [];
  if (Array.isArray(value)) {
    warnings.push('a bare JSON array was read as the "keys" of a JWKS');
    value = { keys: value };
  }
  if (typeof value === 'object' && value !== null && 'keys' in value) {
    const list = (value as { keys: unknown }).keys;
    if (!Array.isArray(list)) throw new KeyError('jwk-members', 'this JWKS has "keys", but it is not an array');
    if (list.length === 0) throw new KeyError('jwks-empty', 'this JWKS has no keys ("keys": [])');
    const keys: LoadedKey[] = [];
    const skipped: { index: number; reason: string }[] = [];
    list.forEach((entry, index) => {
      const reason = skipReason(entry, purpose);
      if (reason) return skipped.push({ index, reason });
      try {
        const info = describeJwk(entry, purpose);
        keys.push({ description: info.description, jwk: info.jwk, index, warnings: info.warnings });
      } catch (error) {
        if (!(error instanceof KeyError)) throw error;
        skipped.push({ index, reason: error.message });
      }
    });
    const label =
      keys.length === 0
        ? `JWKS, no usable keys (${skipped.length} skipped)`
        : `JWKS, ${keys.length} key${keys.length === 1 ? '' : 's'}${skipped.length ? ` (${skipped.length} skipped)` : ''}`;
    const descriptions = keys.map((k) => k.description);
    return { detection: { kind: 'jwks', label, keys: descriptions, skipped, warnings }, keys };
  }
  const info = describeJwk(value, purpose);
  const weak = info.description.family === 'RSA' ? weakRsaWarning(info.description.bits) : undefined;
  const all = [...warnings, ...info.warnings, ...(weak ? [weak] : [])];
  return {
    detection: { kind: 'key', label: info.description.label, key: info.description, warnings: all },
    keys: [{ description: info.description, jwk: info.jwk, warnings: all }],
  };
}

const BLANK_NAMES: Record<string, [string, string]> = {
  ' ': ['space', 'spaces'],
  '\t': ['tab', 'tabs'],
  '\n': ['line break', 'line breaks'],
};

/**
 * "2 spaces and 1 line break": what a key box holding only whitespace holds. Whitespace alone is no key (a
 * secret copied without its text), and saying "no key" would hide that something was pasted.
 */
export function describeBlank(text: string): string {
  const counts = new Map<string, number>();
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    const name = BLANK_NAMES[ch] ? ch : nameCharacter(ch.codePointAt(0) ?? 0);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const parts = [...counts].map(([ch, n]) => {
    const words = BLANK_NAMES[ch];
    return words ? `${n} ${words[n === 1 ? 0 : 1]}` : `${n} × ${ch}`;
  });
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}` : (parts[0] ?? '');
}

/**
 * Key text longer than this is refused before parsing: 4 MiB holds a JWKS of about 15,000 pretty-printed EC keys,
 * far beyond any real key set (a fetched one is limited to 1 MiB), and parsing more would freeze the page.
 */
export const MAX_KEY_TEXT_LENGTH = 4 * 1024 * 1024;

/**
 * Detection plus the loaded key material; KeyErrors become `{ kind: 'error' }`. `purpose` `enc` reads the
 * text as a JWE key: X25519 keys are usable, and in a JWKS the signing keys are skipped instead.
 */
export function analyzeKey(input: KeyInput, purpose: KeyPurpose = 'sig'): KeyAnalysis {
  const text = input.text;
  if (text.length > MAX_KEY_TEXT_LENGTH) {
    return {
      detection: {
        kind: 'error',
        code: 'too-large',
        label: 'Key text too large',
        message: `it is ${formatCount(text.length)} characters; the limit is ${formatCount(MAX_KEY_TEXT_LENGTH)} (4 MiB). Real keys and key sets are a few kilobytes: check that only the key was pasted.`,
      },
      keys: [],
    };
  }
  const trimmed = text.trim();
  if (trimmed === '') {
    return { detection: text === '' ? { kind: 'empty' } : { kind: 'empty', blank: describeBlank(text) }, keys: [] };
  }
  try {
    if (looksLikePem(text)) return analyzePem(text, purpose);
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) return analyzeJson(trimmed, purpose);
    return analyzeSecret(text, input.secretEncoding ?? 'utf8');
  } catch (error) {
    if (!(error instanceof KeyError)) throw error;
    const label = error.code === 'pem-encrypted' ? 'Encrypted private key (unsupported)' : 'Unreadable key';
    return { detection: { kind: 'error', code: error.code, label, message: error.message }, keys: [] };
  }
}
