// Parsed and imported JWE keys, kept while the key box text stays the same. The page decrypts again on every
// keystroke in the token box; importing an RSA private key into WebCrypto costs tens of milliseconds, far more
// than the decryption. Imports are keyed by what they depend on: key text, secret encoding, key, alg, use.
import type { KeyInput } from '../types';
import { analyzeKey, type KeyAnalysis, type LoadedKey } from '../lib/key-detect';
import { createKeyTextCache } from '../lib/key-text-cache';
import type { JweKeyAlgorithm } from './algorithms';
import { importJweKey, type ImportedJweKey, type JweKeyUse } from './key-material';

/** Key texts held; the least recently used goes first. */
const LIMIT = 8;

const entries = createKeyTextCache(LIMIT, (input) => ({
  analysis: analyzeKey(input, 'enc'),
  imports: new Map<string, Promise<ImportedJweKey>>(),
}));

/** `analyzeKey(input, 'enc')`, the same object while the text and encoding stay the same. */
export function analyzeJweKey(input: KeyInput): KeyAnalysis {
  return entries.get(input).analysis;
}

/** `importJweKey` for a key of `analyzeJweKey(input)`, done once; any other key is imported without caching. */
export function importJweKeyCached(
  input: KeyInput,
  key: LoadedKey,
  alg: JweKeyAlgorithm,
  use: JweKeyUse,
): Promise<ImportedJweKey> {
  const { analysis, imports } = entries.get(input);
  const index = analysis.keys.indexOf(key);
  if (index < 0) return importJweKey(key, alg, use);
  const id = `${index}\u0000${alg}\u0000${use}`;
  let imported = imports.get(id);
  if (!imported) {
    // importJweKey returns failures as values, so a kept promise never rejects.
    imported = importJweKey(key, alg, use);
    imports.set(id, imported);
  }
  return imported;
}
