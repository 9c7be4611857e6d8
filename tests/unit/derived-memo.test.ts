// The derived selectors feed useSyncExternalStore: asked again with inputs they saw a moment ago (the live state and
// the idle copy differ while a keystroke is in flight), they must return the very same object, or React sees a new
// snapshot on every read and re-renders without end ("Maximum update depth exceeded").
import { describe, expect, it } from 'vitest';
import { selectKeyDetection, selectKeyExposure } from '../../src/state/derived';

describe('derived selectors keep recent results', () => {
  it('selectKeyDetection returns the same object for a key text seen one call ago', () => {
    const live = selectKeyDetection('a-secret-typed-so-far', 'utf8');
    const idle = selectKeyDetection('a-secret-typed-so', 'utf8');
    expect(selectKeyDetection('a-secret-typed-so-far', 'utf8')).toBe(live);
    expect(selectKeyDetection('a-secret-typed-so', 'utf8')).toBe(idle);
  });

  it('selectKeyExposure alternating between two inputs never makes a new object', () => {
    const first = selectKeyExposure('{"kty":"oct","k":"c2VjcmV0"}', 'utf8');
    const second = selectKeyExposure('-----BEGIN PUBLIC KEY-----', 'utf8');
    for (let i = 0; i < 5; i++) {
      expect(selectKeyExposure('{"kty":"oct","k":"c2VjcmV0"}', 'utf8')).toBe(first);
      expect(selectKeyExposure('-----BEGIN PUBLIC KEY-----', 'utf8')).toBe(second);
    }
  });
});
