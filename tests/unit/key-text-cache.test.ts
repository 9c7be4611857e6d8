import { describe, expect, it, vi } from 'vitest';
import { createKeyTextCache } from '../../src/core/lib/key-text-cache';

describe('createKeyTextCache', () => {
  it('makes an entry once per text and encoding', () => {
    const create = vi.fn((input: { text: string; secretEncoding?: string }) => ({ ...input }));
    const cache = createKeyTextCache(4, create);
    const utf8 = cache.get({ text: 'c2VjcmV0' });
    expect(cache.get({ text: 'c2VjcmV0', secretEncoding: 'utf8' })).toBe(utf8);
    const base64url = cache.get({ text: 'c2VjcmV0', secretEncoding: 'base64url' });
    expect(base64url).not.toBe(utf8);
    expect(cache.get({ text: 'c2VjcmV0', secretEncoding: 'base64url' })).toBe(base64url);
    expect(create).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(2);
  });

  it('finds a megabyte key set by an equal text that is another string', () => {
    const cache = createKeyTextCache(2, () => ({}));
    const keys = Array.from({ length: 20_000 }, (_, i) => `{"kty":"oct","kid":"k${i}","k":"AAAA"}`);
    const text = `{"keys":[${keys.join(',')}]}`;
    const entry = cache.get({ text });
    // Built anew, as a key box's value is after an edit and its undo.
    expect(cache.get({ text: `{"keys":[${keys.join(',')}]}` })).toBe(entry);
  });

  it('drops the least recently used text past the limit', () => {
    const cache = createKeyTextCache(2, (input) => ({ text: input.text }));
    const a = cache.get({ text: 'a' });
    const b = cache.get({ text: 'b' });
    expect(cache.get({ text: 'a' })).toBe(a);
    cache.get({ text: 'c' });
    expect(cache.get({ text: 'a' })).toBe(a);
    // b was the least recently used when c came in: it is made anew.
    expect(cache.get({ text: 'b' })).not.toBe(b);
    expect(cache.size).toBe(2);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.get({ text: 'a' })).not.toBe(a);
  });

  it('drops nothing for a text whose entry could not be made', () => {
    const cache = createKeyTextCache(1, (input) => {
      if (input.text === 'bad') throw new Error('unreadable');
      return { text: input.text };
    });
    const a = cache.get({ text: 'a' });
    expect(() => cache.get({ text: 'bad' })).toThrow('unreadable');
    expect(cache.size).toBe(1);
    expect(cache.get({ text: 'a' })).toBe(a);
  });
});
