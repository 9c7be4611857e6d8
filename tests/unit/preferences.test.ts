// What the page keeps in localStorage for the snippet box: the request URL's scheme, host and path only, never
// the userinfo, query or fragment a user may have typed credentials into.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SNIPPET,
  loadSnippetPreferences,
  saveSnippetPreferences,
  storableUrl,
} from '../../src/state/preferences';

let stored: Map<string, string>;

beforeEach(() => {
  stored = new Map();
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    value: {
      getItem: (name: string) => stored.get(name) ?? null,
      setItem: (name: string, value: string) => stored.set(name, value),
      removeItem: (name: string) => stored.delete(name),
    },
  });
});

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'localStorage');
});

const everythingStored = () => [...stored.values()].join('\n');

describe('the snippet URL in localStorage', () => {
  it('keeps scheme, host, port and path, and drops userinfo, query and fragment', () => {
    expect(storableUrl('https://alice:hunter2@api.example.com:8443/v1/items?api_key=abc123&x=1#frag')).toBe(
      'https://api.example.com:8443/v1/items',
    );
    expect(storableUrl('http://127.0.0.1:3000/echo')).toBe('http://127.0.0.1:3000/echo');
  });

  it('stores nothing for text that is not an absolute URL, or has no host', () => {
    expect(storableUrl('api.example.com/x?token=abc')).toBeUndefined();
    expect(storableUrl('data:text/plain,secret')).toBeUndefined();
    expect(storableUrl('')).toBeUndefined();
  });

  it('never writes the credentials typed into the URL', () => {
    saveSnippetPreferences({
      ...DEFAULT_SNIPPET,
      url: 'https://alice:hunter2@api.example.com/v1?access_token=eyJhbGciOi.secret#k=v',
    });
    expect(everythingStored()).not.toMatch(/alice|hunter2|access_token|eyJhbGciOi|k=v/);
    expect(loadSnippetPreferences().url).toBe('https://api.example.com/v1');
  });

  it('keeps the last good URL while the text typed is not a URL yet', () => {
    saveSnippetPreferences({ ...DEFAULT_SNIPPET, url: 'https://api.example.com/orders' });
    saveSnippetPreferences({ ...DEFAULT_SNIPPET, url: 'api.example.com?token=abc', method: 'POST' });
    expect(everythingStored()).not.toContain('token=abc');
    expect(loadSnippetPreferences()).toMatchObject({ url: 'https://api.example.com/orders', method: 'POST' });
  });

  it('reads a URL stored with credentials by an older version without them', () => {
    stored.set(
      'jwt-workbench:snippet',
      JSON.stringify({ ...DEFAULT_SNIPPET, url: 'https://bob:pw@old.example.com/a?key=1' }),
    );
    expect(loadSnippetPreferences().url).toBe('https://old.example.com/a');
  });
});
