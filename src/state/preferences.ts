// The only things the app keeps in localStorage: the theme choice, pane sizes (percentages, under the
// `jwt-workbench:layout` prefix, written by app/Layout.tsx) and the snippet's URL (scheme, host and path
// only)/method/auth style. Never a token, secret or key.
import type { ThemeChoice } from './appState';

const PREFIX = 'jwt-workbench:';

function read(name: string): string | null {
  try {
    return localStorage.getItem(PREFIX + name);
  } catch {
    // Storage can be disabled (privacy mode, file:// in some browsers); preferences are then per-visit.
    return null;
  }
}

function write(name: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(PREFIX + name);
    else localStorage.setItem(PREFIX + name, value);
  } catch {
    /* see read() */
  }
}

export function loadTheme(): ThemeChoice {
  const value = read('theme');
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function saveTheme(theme: ThemeChoice): void {
  write('theme', theme === 'system' ? null : theme);
}

export type SnippetPreferences = {
  url: string;
  method: string;
  authStyle: 'bearer' | 'raw' | 'custom';
  scheme: string;
};

export const DEFAULT_SNIPPET: SnippetPreferences = {
  url: 'https://api.example.com/resource',
  method: 'GET',
  authStyle: 'bearer',
  scheme: 'Token',
};

/**
 * The part of a request URL that may be remembered: scheme, host (with port) and path. Userinfo
 * (`https://user:password@…`), the query (`?api_key=…`) and the fragment often carry credentials, and
 * localStorage outlives the page. Undefined for text that is not an absolute URL yet (nothing is stored).
 */
export function storableUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  // Opaque URLs (mailto:, data:) have no host to keep; a data: URL would be stored whole.
  if (!url.host) return undefined;
  return `${url.protocol}//${url.host}${url.pathname}`;
}

export function loadSnippetPreferences(): SnippetPreferences {
  const raw = read('snippet');
  if (!raw) return DEFAULT_SNIPPET;
  try {
    const value = JSON.parse(raw) as Partial<SnippetPreferences>;
    return {
      // Stored by an older version, a URL may still hold credentials: read it through the same filter.
      url: (typeof value.url === 'string' ? storableUrl(value.url) : undefined) ?? DEFAULT_SNIPPET.url,
      method: typeof value.method === 'string' ? value.method : DEFAULT_SNIPPET.method,
      authStyle:
        value.authStyle === 'raw' || value.authStyle === 'custom' || value.authStyle === 'bearer'
          ? value.authStyle
          : DEFAULT_SNIPPET.authStyle,
      scheme: typeof value.scheme === 'string' ? value.scheme : DEFAULT_SNIPPET.scheme,
    };
  } catch {
    return DEFAULT_SNIPPET;
  }
}

/** `url` is reduced to what storableUrl keeps; text that is not a URL yet keeps the URL stored before. */
export function saveSnippetPreferences(value: SnippetPreferences): void {
  const url = storableUrl(value.url) ?? loadSnippetPreferences().url;
  write('snippet', JSON.stringify({ ...value, url }));
}

/** Where app/Layout.tsx keeps the pane sizes (only percentages). */
export const layoutStorage = {
  getItem: (name: string) => read(`layout:${name}`),
  setItem: (name: string, value: string) => write(`layout:${name}`, value),
};
