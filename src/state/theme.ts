// Theme: follows the system (prefers-color-scheme) until the user picks one; Tailwind's `dark:`
// variant keys off the `.dark` class on <html> (src/index.css).
import { useSyncExternalStore } from 'react';
import type { ThemeChoice } from './appState';
import { useAppState } from './store';

const QUERY = '(prefers-color-scheme: dark)';

function systemPrefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia(QUERY).matches;
}

function subscribeSystem(listener: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => {};
  const media = matchMedia(QUERY);
  media.addEventListener('change', listener);
  return () => media.removeEventListener('change', listener);
}

export function resolveDark(choice: ThemeChoice, systemDark: boolean): boolean {
  return choice === 'dark' || (choice === 'system' && systemDark);
}

/** True when the page is dark, whether chosen or inherited from the system. */
export function useIsDark(): boolean {
  const choice = useAppState((s) => s.theme);
  const systemDark = useSyncExternalStore(subscribeSystem, systemPrefersDark);
  return resolveDark(choice, systemDark);
}

export function applyThemeToDocument(dark: boolean): void {
  const root = document.documentElement;
  root.classList.toggle('dark', dark);
  root.style.colorScheme = dark ? 'dark' : 'light';
}
