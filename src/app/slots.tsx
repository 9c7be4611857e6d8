// Where the key generator (Encode view) and the JWKS fetcher (Decode view) sit in the Key pane.
// Their panels are owned by src/features/keygen and src/features/jwks; they read the store themselves.
import { JwksPanel } from '../features/jwks/JwksPanel';
import { KeygenPanel } from '../features/keygen/KeygenPanel';
import type { Mode } from '../state';

export function KeyExtras({ mode }: { mode: Mode }) {
  return mode === 'encode' ? <KeygenPanel /> : <JwksPanel />;
}
