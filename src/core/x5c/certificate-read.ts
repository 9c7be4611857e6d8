// Reading certificates: an `x5c` array (RFC 7515 §4.1.6: base64 DER, the certificate with the key first) and
// pasted trust anchors (PEM). A broken entry keeps its place with the reason, so the page can name it.
import { Certificate } from 'pkijs';
import { readNode, readRoot } from '../lib/der';
import { base64Decode, isBase64, isBase64url } from '../lib/key-encoding';
import { looksLikePem, splitPem, unescapePem } from '../lib/key-pem';
import { describeCertificate } from './certificate-describe';
import type {
  TrustAnchorList,
  X5cBrokenCertificate,
  X5cCertificateInfo,
  X5cCertificateRef,
  X5cChainListing,
  X5cFinding,
} from './types';

/** A certificate pkijs could read, with its bytes and display fields. */
export type ReadCertificate = {
  ref: X5cCertificateRef;
  der: Uint8Array<ArrayBuffer>;
  cert: Certificate;
  info: X5cCertificateInfo;
};

/** How messages name a certificate: `x5c[1] "Test Intermediate"`, `trust anchor 1 "Test Root"`. */
export function certificateName(ref: X5cCertificateRef, info?: { commonName: string }): string {
  const where = ref.source === 'x5c' ? `x5c[${ref.index}]` : `trust anchor ${ref.index + 1}`;
  return info ? `${where} "${info.commonName}"` : where;
}

function broken(ref: X5cCertificateRef, code: X5cBrokenCertificate['code'], message: string): X5cBrokenCertificate {
  return { kind: 'broken', ref, code, message };
}

async function readDer(
  bytes: Uint8Array,
  ref: X5cCertificateRef,
  code: 'x5c-der' | 'anchor-der',
): Promise<ReadCertificate | X5cBrokenCertificate> {
  const name = certificateName(ref);
  const der = new Uint8Array(bytes);
  try {
    readRoot(der);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return broken(ref, code, `${name} is not a DER certificate: ${detail}.`);
  }
  let cert: Certificate;
  try {
    cert = Certificate.fromBER(der);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return broken(ref, code, `${name} is DER but not an X.509 certificate (${detail}).`);
  }
  return { ref, der, cert, info: await describeCertificate(cert, der, ref) };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function duplicateFindings(read: ReadCertificate[], what: string): X5cFinding[] {
  const findings: X5cFinding[] = [];
  read.forEach((c, i) => {
    const first = read.findIndex((o) => sameBytes(o.der, c.der));
    if (first < i) {
      const original = read[first];
      findings.push({
        code: 'duplicate',
        effect: 'note',
        certificate: c.ref,
        message: `${certificateName(c.ref, c.info)} repeats ${original ? certificateName(original.ref) : 'an earlier one'}; the copy is ignored${what}.`,
      });
    }
  });
  return findings;
}

/**
 * Name-based notes on the order (RFC 7515 §4.1.6: each certificate is certified by the next). Signatures are
 * checked by the validation; this only says what the names suggest.
 */
function orderFindings(read: ReadCertificate[], count: number): X5cFinding[] {
  const at = (i: number) => read.find((c) => c.ref.index === i);
  const first = at(0);
  const second = at(1);
  if (first && second && !first.info.selfIssued && second.cert.issuer.isEqual(first.cert.subject)) {
    if (!first.cert.issuer.isEqual(second.cert.subject)) {
      return [
        {
          code: 'reversed',
          effect: 'note',
          certificate: first.ref,
          message: `${certificateName(first.ref, first.info)} issued x5c[1]: the chain looks reversed. RFC 7515 §4.1.6 puts the certificate holding the signing key first, and x5c[0] is always taken as the leaf.`,
        },
      ];
    }
  }
  const findings: X5cFinding[] = [];
  for (let i = 0; i + 1 < count; i++) {
    const child = at(i);
    const next = at(i + 1);
    if (!child || !next || child.info.selfIssued || child.cert.issuer.isEqual(next.cert.subject)) continue;
    const issuer = read.find((c) => c.ref.index > i + 1 && child.cert.issuer.isEqual(c.cert.subject));
    if (issuer && !sameBytes(issuer.der, next.der)) {
      findings.push({
        code: 'order',
        effect: 'note',
        certificate: issuer.ref,
        message: `${certificateName(child.ref, child.info)} names ${certificateName(issuer.ref, issuer.info)} as its issuer, which should come right after it (RFC 7515 §4.1.6: each certificate is certified by the next).`,
      });
    }
  }
  return findings;
}

function decodeEntry(entry: unknown, index: number): { der: Uint8Array; base64url: boolean } | X5cBrokenCertificate {
  const ref: X5cCertificateRef = { source: 'x5c', index };
  if (typeof entry !== 'string') {
    return broken(
      ref,
      'x5c-entry-not-string',
      `x5c[${index}] is ${entry === null ? 'null' : typeof entry}, not a base64 string.`,
    );
  }
  const text = entry.replace(/\s+/g, '');
  if (text === '') return broken(ref, 'x5c-base64', `x5c[${index}] is an empty string.`);
  if (isBase64(text)) return { der: base64Decode(text), base64url: false };
  if (isBase64url(text)) return { der: base64Decode(text), base64url: true };
  const bad = /[^A-Za-z0-9+/=_-]/.exec(text);
  const detail = bad
    ? `'${bad[0]}' at character ${bad.index + 1} is not a base64 character`
    : 'its length or padding is wrong (a character was lost or added)';
  return broken(ref, 'x5c-base64', `x5c[${index}] is not base64: ${detail}.`);
}

/** The certificates of an `x5c` value, as listed, and those pkijs could read. Never throws. */
export async function readX5c(x5c: unknown): Promise<{ listing: X5cChainListing; read: ReadCertificate[] }> {
  if (x5c === undefined) {
    return {
      listing: { error: { code: 'x5c-missing', message: 'There is no x5c member.' }, certificates: [], findings: [] },
      read: [],
    };
  }
  if (!Array.isArray(x5c)) {
    const message = `x5c must be an array of base64 certificates (RFC 7515 §4.1.6), not ${x5c === null ? 'null' : typeof x5c}.`;
    return { listing: { error: { code: 'x5c-not-array', message }, certificates: [], findings: [] }, read: [] };
  }
  if (x5c.length === 0) {
    const message = 'x5c is an empty array: it holds no certificate.';
    return { listing: { error: { code: 'x5c-empty', message }, certificates: [], findings: [] }, read: [] };
  }
  const findings: X5cFinding[] = [];
  const entries = await Promise.all(
    x5c.map(async (entry: unknown, index) => {
      const decoded = decodeEntry(entry, index);
      if ('kind' in decoded) return decoded;
      if (decoded.base64url) {
        findings.push({
          code: 'x5c-base64url',
          effect: 'note',
          certificate: { source: 'x5c', index },
          message: `x5c[${index}] is base64url; RFC 7515 §4.1.6 says base64 (with + and /). It was read anyway.`,
        });
      }
      return readDer(decoded.der, { source: 'x5c', index }, 'x5c-der');
    }),
  );
  const read = entries.filter((e): e is ReadCertificate => !('kind' in e));
  findings.push(...duplicateFindings(read, ''), ...orderFindings(read, x5c.length));
  const certificates = entries.map((e) => ('kind' in e ? e : e.info));
  return { listing: { certificates, findings }, read };
}

/** OpenSSL's TRUSTED CERTIFICATE is the certificate followed by its trust settings: keep the certificate. */
function certificateBytes(label: string, der: Uint8Array): Uint8Array {
  if (label !== 'TRUSTED CERTIFICATE') return der;
  try {
    return der.subarray(0, readNode(der, 0).end);
  } catch {
    return der;
  }
}

/** Trust anchors pasted as PEM (one or more CERTIFICATE blocks; a lone base64 DER also works). Never throws. */
export async function readTrustAnchors(text: string): Promise<{ anchors: TrustAnchorList; read: ReadCertificate[] }> {
  const { text: unescaped } = unescapePem(text);
  const trimmed = unescaped.trim();
  if (trimmed === '') return { anchors: { certificates: [], findings: [] }, read: [] };
  let blocks: { label: string; der: Uint8Array }[];
  if (looksLikePem(trimmed)) {
    try {
      blocks = splitPem(trimmed);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return {
        anchors: {
          certificates: [],
          findings: [],
          error: { code: 'anchor-pem', message: `The trust anchors cannot be read: ${detail}.` },
        },
        read: [],
      };
    }
  } else {
    const bare = trimmed.replace(/\s+/g, '');
    if (!isBase64(bare)) {
      const message =
        'The trust anchors are not PEM: paste each root certificate with its "-----BEGIN CERTIFICATE-----" and "-----END CERTIFICATE-----" lines.';
      return { anchors: { certificates: [], findings: [], error: { code: 'anchor-pem', message } }, read: [] };
    }
    blocks = [{ label: 'CERTIFICATE', der: base64Decode(bare) }];
  }
  const entries = await Promise.all(
    blocks.map((block, index) => {
      const ref: X5cCertificateRef = { source: 'anchor', index };
      if (block.label !== 'CERTIFICATE' && block.label !== 'TRUSTED CERTIFICATE') {
        const message = `${certificateName(ref)} is a ${block.label} block, not a CERTIFICATE: paste the root certificate (a public key or private key is not a trust anchor).`;
        return broken(ref, 'anchor-label', message);
      }
      return readDer(certificateBytes(block.label, block.der), ref, 'anchor-der');
    }),
  );
  const read = entries.filter((e): e is ReadCertificate => !('kind' in e));
  const certificates = entries.map((e) => ('kind' in e ? e : e.info));
  return { anchors: { certificates, findings: duplicateFindings(read, ' as an anchor') }, read };
}
