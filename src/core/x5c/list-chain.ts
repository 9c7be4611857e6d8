// The `x5c-cert` rows: every certificate of a token header's (or a JWK's) `x5c`, in its order.
import { readX5c } from './certificate-read';
import type { X5cChainListing } from './types';

/**
 * Lists an `x5c` value: one entry per element, a certificate's display fields or why it could not be read
 * (naming its index), plus notes on duplicates and order. Never throws.
 */
export async function listCertificateChain(x5c: unknown): Promise<X5cChainListing> {
  return (await readX5c(x5c)).listing;
}
