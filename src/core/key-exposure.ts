// Whether a key text is safe to put in a link, or to accept from one: the single answer to "is this key
// public-only?". A link is copied into chats and browser history, so anything that can sign (a secret, a
// private key, a JWKS with one private or symmetric member, even one the verifier would skip) counts as secret.
import { detectKey } from './keys';
import type { KeyInput } from './types';

export type KeyExposure =
  /** Only public keys, at least one of them usable: safe in a `publicKey=` link. */
  | { kind: 'public' }
  /** Holds something that signs: a secret, a private key, or a JWKS with a private or symmetric member. */
  | { kind: 'secret'; what: string }
  /** Nothing to verify with: empty, unreadable, or a JWKS none of whose keys can verify. */
  | { kind: 'unusable'; what: string };

// RFC 7517 §9.2, RFC 7518 §6.2.2/§6.3.2/§6.4, RFC 8037 §2, and the ML-DSA draft's AKP `priv`.
const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k', 'priv'] as const;

function jwksEntries(text: string): Record<string, unknown>[] {
  try {
    const parsed: unknown = JSON.parse(text);
    const keys = typeof parsed === 'object' && parsed !== null ? (parsed as { keys?: unknown }).keys : undefined;
    return Array.isArray(keys)
      ? keys.filter((k): k is Record<string, unknown> => typeof k === 'object' && k !== null && !Array.isArray(k))
      : [];
  } catch {
    return [];
  }
}

/** Classifies key text by what it would give away in a link (see KeyExposure). */
export function keyExposure(input: KeyInput): KeyExposure {
  const detection = detectKey(input);
  switch (detection.kind) {
    case 'empty':
      return { kind: 'unusable', what: 'empty' };
    case 'error':
      return { kind: 'unusable', what: `not a key JWT Workbench can read (${detection.message})` };
    case 'secret':
      return { kind: 'secret', what: 'a shared secret' };
    case 'key':
      return detection.key.isPrivate ? { kind: 'secret', what: `a ${detection.label}` } : { kind: 'public' };
    case 'jwks': {
      // Every entry, not only the usable ones: a private key the verifier skips still leaks in a link.
      const secretIndex = jwksEntries(input.text).findIndex((jwk) =>
        PRIVATE_JWK_MEMBERS.some((member) => member in jwk),
      );
      if (secretIndex >= 0) {
        return { kind: 'secret', what: `a JWKS whose key ${secretIndex} is private or symmetric` };
      }
      if (detection.keys.length === 0) {
        return { kind: 'unusable', what: 'a JWKS none of whose keys can verify signatures' };
      }
      return { kind: 'public' };
    }
  }
}
