// Checks composed on top of pkijs's path validation, and the explanation of a path pkijs refused.
// pkijs decides whether a chain is trusted (CertificateChainValidationEngine: RFC 5280 §6.1 validity, name
// chaining, signatures, CA:TRUE and keyCertSign on issuers). It does not check the leaf's own key usage, does not
// enforce pathLenConstraint, and says "a certificate is expired" without saying which: those two checks and the
// per-certificate explanation are here, built from pkijs's parse and its Certificate.verify.
import { basicConstraintsOf, keyUsageFlags } from './certificate-describe';
import { certificateName, type ReadCertificate } from './certificate-read';
import { x5cCryptoEngine } from './crypto-engine';
import type { X5cFinding } from './types';

function name(c: ReadCertificate): string {
  return certificateName(c.ref, c.info);
}

function finding(c: ReadCertificate, code: X5cFinding['code'], message: string): X5cFinding {
  return { code, effect: 'invalid', certificate: c.ref, message };
}

function day(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

export function validityFinding(c: ReadCertificate, now: number): X5cFinding | undefined {
  if (now > c.info.notAfterMs) {
    return finding(c, 'expired', `${name(c)} expired on ${day(c.info.notAfterMs)} (checked as of ${day(now)}).`);
  }
  if (now < c.info.notBeforeMs) {
    return finding(
      c,
      'not-yet-valid',
      `${name(c)} is not valid until ${day(c.info.notBeforeMs)} (checked as of ${day(now)}).`,
    );
  }
  return undefined;
}

/** The leaf signs the token: with a keyUsage extension, digitalSignature must be in it (RFC 5280 §4.2.1.3). */
export function leafUsageFinding(leaf: ReadCertificate): X5cFinding | undefined {
  const usages = keyUsageFlags(leaf.cert);
  if (!usages || usages.includes('digitalSignature')) return undefined;
  const has = usages.length > 0 ? usages.join(', ') : 'no usage at all';
  return finding(
    leaf,
    'leaf-key-usage',
    `${name(leaf)} may not sign: its keyUsage allows ${has}, not digitalSignature (RFC 5280 §4.2.1.3).`,
  );
}

/** A certificate that issued another must be a CA that may sign certificates (RFC 5280 §4.2.1.9, §6.1.4 (k), (n)). */
export function issuerFindings(issuer: ReadCertificate): X5cFinding[] {
  const bc = basicConstraintsOf(issuer.cert);
  if (!bc?.ca) {
    const why = bc ? 'its basicConstraints say CA:FALSE' : 'it has no basicConstraints extension, so it is not a CA';
    return [
      finding(
        issuer,
        'issuer-not-ca',
        `${name(issuer)} issued a certificate in the chain, but ${why} (RFC 5280 §4.2.1.9).`,
      ),
    ];
  }
  const usages = keyUsageFlags(issuer.cert);
  if (usages && !usages.includes('keyCertSign')) {
    return [
      finding(
        issuer,
        'issuer-key-usage',
        `${name(issuer)} is a CA but its keyUsage lacks keyCertSign, so it may not sign certificates (RFC 5280 §4.2.1.3).`,
      ),
    ];
  }
  return [];
}

/**
 * RFC 5280 §6.1.4 (l), (m): a CA's pathLenConstraint caps how many non-self-issued intermediates may follow it.
 * `path` runs leaf first; the anchor (last) is trusted input, whose constraints §6.1 does not process.
 */
export function pathLengthFindings(path: ReadCertificate[], anchorIsLast: boolean): X5cFinding[] {
  const findings: X5cFinding[] = [];
  const end = anchorIsLast ? path.length - 1 : path.length;
  for (let k = 1; k < end; k++) {
    const ca = path[k];
    const limit = ca ? basicConstraintsOf(ca.cert)?.pathLength : undefined;
    if (!ca || limit === undefined) continue;
    const below = path.slice(1, k).filter((c) => !c.info.selfIssued).length;
    if (below > limit) {
      findings.push(
        finding(
          ca,
          'path-length',
          `${name(ca)} allows ${limit} intermediate certificate${limit === 1 ? '' : 's'} below it (pathLenConstraint), but the chain has ${below} (RFC 5280 §6.1.4).`,
        ),
      );
    }
  }
  return findings;
}

/** Where the walk from the leaf towards an anchor stopped. */
export type ChainWalk = {
  path: ReadCertificate[];
  end:
    | { kind: 'anchor' }
    | { kind: 'self-signed' }
    | { kind: 'issuer-missing' }
    | { kind: 'bad-signature'; finding: X5cFinding }
    | { kind: 'unsupported'; finding: X5cFinding };
};

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

async function signedBy(child: ReadCertificate, issuer: ReadCertificate): Promise<boolean | Error> {
  try {
    return await child.cert.verify(issuer.cert, x5cCryptoEngine());
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Follows issuer names from the leaf, preferring anchors, checking each signature with pkijs, until it reaches an
 * anchor, a self-signed certificate, a missing issuer, or a signature that does not verify.
 */
export async function walkChain(
  leaf: ReadCertificate,
  chain: ReadCertificate[],
  anchors: ReadCertificate[],
): Promise<ChainWalk> {
  const path = [leaf];
  let current = leaf;
  for (;;) {
    const anchor = anchors.find((a) => sameBytes(a.der, current.der));
    if (anchor) {
      path[path.length - 1] = anchor;
      return { path, end: { kind: 'anchor' } };
    }
    const candidates = [...anchors, ...chain].filter(
      (c) => !path.some((p) => sameBytes(p.der, c.der)) && current.cert.issuer.isEqual(c.cert.subject),
    );
    let rejected: { issuer: ReadCertificate; error?: Error } | undefined;
    let next: ReadCertificate | undefined;
    for (const candidate of candidates) {
      const ok = await signedBy(current, candidate);
      if (ok === true) {
        next = candidate;
        break;
      }
      rejected ??= ok instanceof Error ? { issuer: candidate, error: ok } : { issuer: candidate };
    }
    if (next) {
      path.push(next);
      current = next;
      continue;
    }
    if (current.info.selfIssued && (await signedBy(current, current)) === true) {
      return { path, end: { kind: 'self-signed' } };
    }
    if (rejected?.error) {
      const message = `The signature on ${name(current)} cannot be checked here (${current.info.signatureAlgorithm}): ${rejected.error.message}.`;
      return {
        path,
        end: {
          kind: 'unsupported',
          finding: { code: 'unsupported-signature', effect: 'untrusted', certificate: current.ref, message },
        },
      };
    }
    if (rejected) {
      const message = `${name(current)} names ${name(rejected.issuer)} as its issuer, but that certificate's key did not sign it: a bad signature in the chain (altered, or signed by another key with the same name).`;
      return { path, end: { kind: 'bad-signature', finding: finding(current, 'bad-signature', message) } };
    }
    if (current.info.selfIssued) {
      const message = `${name(current)} is self-issued, but its signature does not verify with its own key.`;
      return { path, end: { kind: 'bad-signature', finding: finding(current, 'bad-signature', message) } };
    }
    return { path, end: { kind: 'issuer-missing' } };
  }
}

/** Every invalid finding along a walked path, leaf first: validity, then the issuer's rights, then path length. */
export function pathFindings(path: ReadCertificate[], now: number, anchorIsLast: boolean): X5cFinding[] {
  const findings: X5cFinding[] = [];
  path.forEach((c, i) => {
    const validity = validityFinding(c, now);
    if (validity) findings.push(validity);
    if (i === 0) {
      const usage = leafUsageFinding(c);
      if (usage) findings.push(usage);
    } else {
      findings.push(...issuerFindings(c));
    }
  });
  findings.push(...pathLengthFindings(path, anchorIsLast));
  return findings;
}
