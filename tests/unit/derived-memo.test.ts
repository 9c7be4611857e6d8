// The derived selectors feed useSyncExternalStore: asked again with inputs they saw a moment ago (the live state and
// the idle copy differ while a keystroke is in flight), they must return the very same object, or React sees a new
// snapshot on every read and re-renders without end ("Maximum update depth exceeded").
import { describe, expect, it } from 'vitest';
import * as engine from '../../src/core/key-engine';
import { selectKeyDetection, selectKeyExposure } from '../../src/state/derived';

describe('derived selectors keep recent results', () => {
  it('selectKeyDetection returns the same object for a key text seen one call ago', () => {
    const live = selectKeyDetection(engine, 'a-secret-typed-so-far', 'utf8');
    const idle = selectKeyDetection(engine, 'a-secret-typed-so', 'utf8');
    expect(selectKeyDetection(engine, 'a-secret-typed-so-far', 'utf8')).toBe(live);
    expect(selectKeyDetection(engine, 'a-secret-typed-so', 'utf8')).toBe(idle);
  });

  it('selectKeyExposure alternating between two inputs never makes a new object', () => {
    const first = selectKeyExposure(engine, '{"kty":"oct","k":"c2VjcmV0"}', 'utf8');
    const second = selectKeyExposure(engine, '-----BEGIN PUBLIC KEY-----', 'utf8');
    for (let i = 0; i < 5; i++) {
      expect(selectKeyExposure(engine, '{"kty":"oct","k":"c2VjcmV0"}', 'utf8')).toBe(first);
      expect(selectKeyExposure(engine, '-----BEGIN PUBLIC KEY-----', 'utf8')).toBe(second);
    }
  });
});

describe('before the key engine has loaded', () => {
  it('an empty key box is empty, any other text is being read, and the engine then reads it', () => {
    expect(selectKeyDetection(undefined, '', 'utf8')).toEqual({ kind: 'empty' });
    expect(selectKeyDetection(undefined, 'hunter2', 'utf8')).toEqual({ kind: 'reading' });
    expect(selectKeyDetection(engine, 'hunter2', 'utf8')).toMatchObject({ kind: 'secret' });
  });

  it('a key being read is never put in a copied link (it counts as unusable until read)', () => {
    expect(selectKeyExposure(undefined, '{"kty":"oct","k":"c2VjcmV0"}', 'utf8')).toEqual({
      kind: 'unusable',
      what: 'still being read',
    });
    expect(selectKeyExposure(engine, '{"kty":"oct","k":"c2VjcmV0"}', 'utf8')).toMatchObject({ kind: 'secret' });
  });
});
