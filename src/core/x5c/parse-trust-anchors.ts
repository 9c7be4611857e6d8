// The `trust-anchor-input` text: one or more root certificates as PEM.
import { readTrustAnchors } from './certificate-read';
import type { TrustAnchorList } from './types';

/** Reads pasted trust anchors; broken blocks keep their place with the reason, a broken text says why. Never throws. */
export async function parseTrustAnchors(text: string): Promise<TrustAnchorList> {
  return (await readTrustAnchors(text)).anchors;
}
