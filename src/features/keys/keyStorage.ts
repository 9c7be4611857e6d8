// Keys the user explicitly saved (keys and secrets live only in memory unless the user
// explicitly saves a key). Nothing is written unless Save is pressed. localStorage rather than IndexedDB:
// a few small strings, synchronous reads for the first render, and it works on file:// in Chromium.
// The storage key is separate from the preferences (src/state/preferences.ts), which never hold a key.
import { uuidV4 } from '../../core/templates';
import { SECRET_ENCODINGS, type SecretEncoding } from '../../core/types';

export type SavedKey = { id: string; label: string; text: string; encoding: SecretEncoding; savedAt: number };

const STORAGE_KEY = 'jwt-workbench:saved-keys';

let cache: SavedKey[] | undefined;
const listeners = new Set<() => void>();

function isSavedKey(value: unknown): value is SavedKey {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.label === 'string' &&
    typeof v.text === 'string' &&
    typeof v.savedAt === 'number' &&
    (SECRET_ENCODINGS as readonly unknown[]).includes(v.encoding)
  );
}

function readStorage(): SavedKey[] {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return [];
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isSavedKey) : [];
  } catch {
    // Storage disabled, or an entry damaged by hand: show none rather than fail the page.
    return [];
  }
}

export type StorageOutcome = { ok: true } | { ok: false; message: string };

function write(next: SavedKey[]): StorageOutcome {
  try {
    if (next.length === 0) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch (error) {
    return {
      ok: false,
      message: `This browser refused to store the key (${error instanceof Error ? error.message : String(error)}). Storage may be disabled or full; the key is still in the page.`,
    };
  }
  cache = next;
  for (const listener of listeners) listener();
  return { ok: true };
}

export function getSavedKeys(): SavedKey[] {
  cache ??= readStorage();
  return cache;
}

export function subscribeSavedKeys(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab of the app saved or deleted a key.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    cache = readStorage();
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function saveKey(entry: { label: string; text: string; encoding: SecretEncoding }): StorageOutcome {
  const label = entry.label.trim() || 'Unnamed key';
  if (entry.text.trim() === '') return { ok: false, message: 'There is no key to save: paste or generate one first.' };
  const saved: SavedKey = {
    id: uuidV4(crypto.getRandomValues(new Uint8Array(16))),
    label,
    text: entry.text,
    encoding: entry.encoding,
    savedAt: Date.now(),
  };
  return write([...getSavedKeys().filter((k) => !(k.text === entry.text && k.encoding === entry.encoding)), saved]);
}

export function deleteSavedKey(id: string): StorageOutcome {
  return write(getSavedKeys().filter((k) => k.id !== id));
}
