// Certificate fields in words, for the x5c-cert cards: dates in UTC (the same for every reader, as openssl
// prints them), the certificate's role in the chain, and its validity at the time the chain was judged.
import type { KeyUsageName, X5cCertificateInfo, X5cFinding } from '../../core/x5c/types';

/** `2100-01-01 00:00 UTC` */
export function utcDate(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

export function certificateRole(cert: X5cCertificateInfo): string {
  const source = cert.ref.source;
  if (source === 'x5c' && cert.ref.index === 0) return cert.selfIssued ? 'leaf, self-signed' : 'leaf';
  if (cert.basicConstraints?.ca) return cert.selfIssued ? 'root CA' : 'intermediate CA';
  return cert.selfIssued ? 'self-signed, not a CA' : 'not a CA';
}

/** Where the certificate stands at `at` (ms): the words and whether it is inside its validity period. */
export function validityAt(cert: X5cCertificateInfo, at: number): { ok: boolean; words: string } {
  if (at > cert.notAfterMs) return { ok: false, words: `expired ${utcDate(cert.notAfter)}` };
  if (at < cert.notBeforeMs) return { ok: false, words: `not valid before ${utcDate(cert.notBefore)}` };
  return { ok: true, words: 'valid' };
}

const USAGE_WORDS: Record<KeyUsageName, string> = {
  digitalSignature: 'digital signature',
  nonRepudiation: 'non-repudiation',
  keyEncipherment: 'key encipherment',
  dataEncipherment: 'data encipherment',
  keyAgreement: 'key agreement',
  keyCertSign: 'certificate signing',
  cRLSign: 'CRL signing',
  encipherOnly: 'encipher only',
  decipherOnly: 'decipher only',
};

export function keyUsageWords(cert: X5cCertificateInfo): string {
  const usage = cert.keyUsage;
  // RFC 5280 §4.2.1.3: no keyUsage extension means the key is not restricted.
  if (!usage) return 'not restricted (no keyUsage extension)';
  const words = usage.usages.map((u) => USAGE_WORDS[u]).join(', ') || 'none';
  return usage.critical ? `${words} (critical)` : words;
}

export function extendedKeyUsageWords(cert: X5cCertificateInfo): string | undefined {
  const eku = cert.extendedKeyUsage;
  if (!eku) return undefined;
  return `${eku.usages.join(', ')}${eku.critical ? ' (critical)' : ''}`;
}

export function basicConstraintsWords(cert: X5cCertificateInfo): string {
  const bc = cert.basicConstraints;
  if (!bc) return 'absent (not a CA)';
  const what = bc.ca
    ? `CA${bc.pathLength !== undefined ? `, pathLen ${bc.pathLength} (at most ${bc.pathLength} intermediate CA${bc.pathLength === 1 ? '' : 's'} below)` : ''}`
    : 'not a CA';
  return bc.critical ? `${what} (critical)` : what;
}

export const FINDING_VIEW: Record<X5cFinding['effect'], { icon: string; word: string; className: string }> = {
  invalid: { icon: '✕', word: 'Problem', className: 'text-red-800 dark:text-red-300' },
  untrusted: { icon: '⚠', word: 'Not trusted', className: 'text-amber-900 dark:text-amber-300' },
  note: { icon: 'ℹ', word: 'Note', className: 'text-sky-800 dark:text-sky-300' },
};
