// The JWE header explained member by member, in words the Decode view shows beside it (RFC 7516 §4.1,
// RFC 7518 §4). Pure and cheap: it runs on every keystroke.
import {
  JWE_ALGORITHM_INFO,
  JWE_ENCRYPTION_INFO,
  MAX_PBES2_COUNT,
  MIN_PBES2_COUNT,
  UNSUPPORTED_JWE_ALGORITHMS,
  UNSUPPORTED_JWE_ENCRYPTIONS,
  isJweContentEncryption,
  isJweKeyAlgorithm,
} from './algorithms';
import { base64urlDecode, isBase64url } from '../lib/key-encoding';

export type JweHeaderRow = {
  name: string;
  value: unknown;
  /** The value as one line of text (JSON for objects). */
  display: string;
  /** What the member is: "Key management algorithm". */
  title: string;
  /** What this value means, in plain words. */
  description: string;
  reference: string;
  /** Set when the value is wrong or will be refused (unsupported alg, p2c over the limit…). */
  problem?: string;
};

type Explainer = (
  value: unknown,
  header: Record<string, unknown>,
  maxPbes2Count: number,
) => Omit<JweHeaderRow, 'name' | 'value' | 'display'>;

function display(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function byteLength(value: unknown): number | undefined {
  return typeof value === 'string' && isBase64url(value) ? base64urlDecode(value).length : undefined;
}

function describeEpk(value: unknown): string {
  if (typeof value !== 'object' || value === null) return 'Not a JWK object: ECDH-ES cannot use it.';
  const jwk = value as Record<string, unknown>;
  const curve = typeof jwk.crv === 'string' ? jwk.crv : 'an unnamed curve';
  return `The sender's one-time public key (${display(jwk.kty)} on ${curve}). ECDH between it and the recipient's private key derives the key; the recipient's key must be on the same curve.`;
}

const EXPLAINERS: Record<string, Explainer> = {
  alg: (value) => {
    const base = { title: 'Key management algorithm', reference: 'RFC 7516 §4.1.1; RFC 7518 §4.1' };
    if (isJweKeyAlgorithm(value)) {
      const info = JWE_ALGORITHM_INFO[value];
      return {
        ...base,
        description: `${info.title}. ${info.description}`,
        reference: `RFC 7516 §4.1.1; ${info.reference}`,
      };
    }
    const known = typeof value === 'string' ? UNSUPPORTED_JWE_ALGORITHMS[value] : undefined;
    return {
      ...base,
      description: 'How the content encryption key is protected for the recipient.',
      problem: known ?? `${display(value)} is not a JWE key management algorithm supported here.`,
    };
  },
  enc: (value) => {
    const base = { title: 'Content encryption algorithm', reference: 'RFC 7516 §4.1.2; RFC 7518 §5.1' };
    if (isJweContentEncryption(value)) {
      const info = JWE_ENCRYPTION_INFO[value];
      return {
        ...base,
        description: `${info.title}. ${info.description}`,
        reference: `RFC 7516 §4.1.2; ${info.reference}`,
      };
    }
    const known = typeof value === 'string' ? UNSUPPORTED_JWE_ENCRYPTIONS[value] : undefined;
    return {
      ...base,
      description: 'How the content (the plaintext) is encrypted and authenticated.',
      problem: known ?? `${display(value)} is not a content encryption algorithm supported here.`,
    };
  },
  zip: (value) => ({
    title: 'Compression',
    reference: 'RFC 7516 §4.1.3; RFC 8725 §3.6',
    description:
      value === 'DEF'
        ? 'The plaintext was compressed with DEFLATE before encryption. Compressing secrets together with attacker-chosen data leaks them through the ciphertext length (CRIME/BREACH); RFC 8725 advises against it.'
        : 'Compression applied before encryption.',
    ...(value === 'DEF' ? {} : { problem: `${display(value)} is not a registered compression; only "DEF" exists.` }),
  }),
  kid: () => ({
    title: 'Key ID',
    reference: 'RFC 7516 §4.1.6',
    description:
      "Which of the recipient's keys the content key was encrypted to; in a JWKS, the key with this kid is tried first.",
  }),
  cty: (value) => {
    const nested = typeof value === 'string' && /^(application\/)?jwt$/i.test(value);
    return {
      title: 'Content type',
      reference: nested ? 'RFC 7516 §4.1.12; RFC 7519 §5.2' : 'RFC 7516 §4.1.12',
      description: nested
        ? 'The plaintext is itself a JWT (a nested token, usually signed then encrypted); it is decoded and its signature checked with a key of its own.'
        : `The media type of the plaintext (${display(value)}).`,
    };
  },
  typ: (value) => ({
    title: 'Type',
    reference: 'RFC 7516 §4.1.11; RFC 8725 §3.11',
    description: `The media type of the whole token (${display(value)}).`,
  }),
  epk: (value) => ({ title: 'Ephemeral public key', reference: 'RFC 7518 §4.6.1.1', description: describeEpk(value) }),
  apu: (value) => ({
    title: 'Agreement PartyUInfo',
    reference: 'RFC 7518 §4.6.1.2',
    description: `Information about the sender (${byteLength(value) ?? '?'} bytes), mixed into the ECDH key derivation.`,
  }),
  apv: (value) => ({
    title: 'Agreement PartyVInfo',
    reference: 'RFC 7518 §4.6.1.3',
    description: `Information about the recipient (${byteLength(value) ?? '?'} bytes), mixed into the ECDH key derivation.`,
  }),
  p2c: (value, _header, cap) => {
    const count = typeof value === 'number' ? value : NaN;
    const problem =
      !Number.isSafeInteger(count) || count < 1
        ? 'Not a positive whole number: PBES2 cannot use it.'
        : count > cap
          ? `Over the limit of ${cap} iterations: refused before any work (a huge count is a denial-of-service trick).`
          : undefined;
    const weak = Number.isSafeInteger(count) && count >= 1 && count < MIN_PBES2_COUNT;
    return {
      title: 'PBES2 iteration count',
      reference: 'RFC 7518 §4.8.1.2',
      description: `The password is run through PBKDF2 ${display(value)} times; more makes guessing slower.${weak ? ` Under the ${MIN_PBES2_COUNT} RFC 7518 recommends.` : ''}`,
      ...(problem ? { problem } : {}),
    };
  },
  p2s: (value) => {
    const length = byteLength(value);
    return {
      title: 'PBES2 salt',
      reference: 'RFC 7518 §4.8.1.1',
      description: `A random salt (${length ?? '?'} bytes) mixed with the algorithm name into PBKDF2, so the same password gives different keys.`,
      ...(length === undefined || length < 8 ? { problem: 'The salt must be base64url and at least 8 bytes.' } : {}),
    };
  },
  iv: () => ({
    title: 'Key wrap IV',
    reference: 'RFC 7518 §4.7.1.1',
    description: 'The 96-bit initialisation vector of the AES-GCM step that encrypted the content key (A*GCMKW).',
  }),
  tag: () => ({
    title: 'Key wrap tag',
    reference: 'RFC 7518 §4.7.1.2',
    description: 'The authentication tag of the AES-GCM step that encrypted the content key (A*GCMKW).',
  }),
  crit: (value) => ({
    title: 'Critical extensions',
    reference: 'RFC 7516 §4.1.13',
    description: `Extensions a recipient must understand: ${display(value)}.`,
    problem: 'No JWE extension is understood here, so a token that marks one critical is refused.',
  }),
  jku: () => ({
    title: 'JWK Set URL',
    reference: 'RFC 7516 §4.1.4',
    description: 'Where the recipient key set is published. Never fetched automatically.',
  }),
  jwk: () => ({
    title: 'JSON Web Key',
    reference: 'RFC 7516 §4.1.5',
    description: 'The public key the content key was encrypted to (the recipient key, not a key to trust).',
  }),
  x5u: () => ({
    title: 'X.509 URL',
    reference: 'RFC 7516 §4.1.7',
    description: 'Where the recipient certificate is published.',
  }),
  x5c: () => ({
    title: 'X.509 certificate chain',
    reference: 'RFC 7516 §4.1.8',
    description: 'The certificate of the key the content key was encrypted to.',
  }),
  x5t: () => ({
    title: 'X.509 SHA-1 thumbprint',
    reference: 'RFC 7516 §4.1.9',
    description: 'Identifies the recipient certificate.',
  }),
  'x5t#S256': () => ({
    title: 'X.509 SHA-256 thumbprint',
    reference: 'RFC 7516 §4.1.10',
    description: 'Identifies the recipient certificate.',
  }),
};

/** One row per header member, in the header's order; unknown members say they are not registered. */
export function explainJweHeader(
  header: Record<string, unknown>,
  options: { maxPbes2Count?: number } = {},
): JweHeaderRow[] {
  const cap = options.maxPbes2Count ?? MAX_PBES2_COUNT;
  return Object.entries(header).map(([name, value]) => {
    const explain = Object.hasOwn(EXPLAINERS, name) ? EXPLAINERS[name] : undefined;
    const row = explain
      ? explain(value, header, cap)
      : {
          title: 'Other member',
          reference: 'RFC 7516 §4.2–4.3',
          description:
            'Not a registered JWE header parameter: an application-specific member, ignored when decrypting.',
        };
    return { name, value, display: display(value), ...row };
  });
}
