// The SD-JWT in the token box, inspected once per text and shared by every SD-JWT panel (the decoded pane, the
// verdicts, the key extras are separate lazy components). Inspection is async (WebCrypto digests): each text gets
// its own entry, so a slow old inspection can never overwrite a newer one, and the last one shown stays on screen,
// marked stale, while the next is computed.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { inspectSdJwt } from '../../core/sdjwt/inspect';
import type { SdJwtInspection } from '../../core/sdjwt/types';
import { selectTokenKind, useAppState } from '../../state';

const KEEP = 4;
const results = new Map<string, SdJwtInspection>();
const pending = new Set<string>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function request(text: string): void {
  if (results.has(text) || pending.has(text)) return;
  pending.add(text);
  void inspectSdJwt(text).then((inspection) => {
    pending.delete(text);
    results.set(text, inspection);
    // Oldest first in a Map: keep the few most recent (the token box's and the idle views').
    for (const old of results.keys()) {
      if (results.size <= KEEP) break;
      results.delete(old);
    }
    for (const listener of listeners) listener();
  });
}

export type InspectionView = {
  /** The text being inspected (the token box's SD-JWT). */
  text: string;
  /** The inspection of `text`, or the last one shown while `text` is still being inspected. */
  inspection: SdJwtInspection | undefined;
  /** False while `inspection` belongs to an earlier text. */
  current: boolean;
};

/** The SD-JWT of the token box, inspected. */
export function useSdJwtInspection(): InspectionView {
  const text = useAppState((s) => selectTokenKind(s.tokenText).text);
  const found = useSyncExternalStore(subscribe, () => results.get(text));
  useEffect(() => request(text), [text]);
  const [last, setLast] = useState<SdJwtInspection>();
  if (found && found !== last) setLast(found);
  return { text, inspection: found ?? last, current: found !== undefined };
}
