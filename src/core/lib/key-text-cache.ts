// What was worked out from a key box's text (its parse, its imports), kept per text and secret encoding while the
// text stays the same, the least recently used text dropped first.
import type { KeyInput, SecretEncoding } from '../types';

export type KeyTextCache<T> = {
  /** The entry for this text and encoding, made by `create` the first time. */
  get(input: KeyInput): T;
  /** Entries held (a text read with two encodings holds two). */
  readonly size: number;
  clear(): void;
};

/**
 * Keyed by the text itself, not by a string built from it: a pasted key set can be megabytes, and a new string
 * was copied and hashed on every lookup (about 26 ms of a 10,000-key JWKS paste); the box's own string is hashed once.
 */
export function createKeyTextCache<T>(limit: number, create: (input: KeyInput) => T): KeyTextCache<T> {
  // A Map iterates in insertion order: re-inserting a text on use keeps the least recently used first.
  const texts = new Map<string, Map<SecretEncoding, T>>();
  return {
    get(input) {
      const encoding = input.secretEncoding ?? 'utf8';
      const held = texts.get(input.text);
      // Made before the cache changes: if `create` throws, nothing is dropped for it.
      const entry = held?.get(encoding) ?? create(input);
      if (held) texts.delete(input.text);
      else if (texts.size >= limit) texts.delete(texts.keys().next().value as string);
      const byEncoding = held ?? new Map<SecretEncoding, T>();
      byEncoding.set(encoding, entry);
      texts.set(input.text, byEncoding);
      return entry;
    },
    get size() {
      let count = 0;
      for (const byEncoding of texts.values()) count += byEncoding.size;
      return count;
    },
    clear: () => texts.clear(),
  };
}
