// The `x5c-status` verdict: does the chain reach a pasted trust anchor, valid at the "as of" time?
// Trust is decided by pkijs's RFC 5280 path validation (CertificateChainValidationEngine) plus the two checks it
// lacks (the leaf's key usage, pathLenConstraint); when it refuses, the chain is walked again certificate by
// certificate to say which one is wrong and why.
import { CertificateChainValidationEngine, type Certificate } from 'pkijs';
import { certificateName, readTrustAnchors, readX5c, type ReadCertificate } from './certificate-read';
import { leafUsageFinding, pathFindings, pathLengthFindings, validityFinding, walkChain } from './chain-checks';
import { x5cCryptoEngine } from './crypto-engine';
import type { X5cCertificateRef, X5cChainVerdict, X5cCode, X5cFinding } from './types';

export type ChainOptions = {
  /** The "as of" time, ms since the epoch (VerifyOptions.now). Default: now. */
  now?: number;
};

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function unique(certs: ReadCertificate[]): ReadCertificate[] {
  return certs.filter((c, i) => certs.findIndex((o) => sameBytes(o.der, c.der)) === i);
}

function refKey(ref: X5cCertificateRef | undefined): string {
  return ref ? `${ref.source}:${ref.index}` : '';
}

/** Deciding findings first, each certificate's in path order (leaf first), notes last. */
function ordered(findings: X5cFinding[], path: ReadCertificate[]): X5cFinding[] {
  const position = (f: X5cFinding) => {
    const i = path.findIndex((c) => refKey(c.ref) === refKey(f.certificate));
    return i < 0 ? path.length : i;
  };
  const rank = { invalid: 0, untrusted: 1, note: 2 } as const;
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank[a.f.effect] - rank[b.f.effect] || position(a.f) - position(b.f) || a.i - b.i)
    .map(({ f }) => f);
}

type PkijsOutcome = { ok: true; path: Certificate[] } | { ok: false; message: string };

async function runPkijs(
  leaf: ReadCertificate,
  chain: ReadCertificate[],
  anchors: ReadCertificate[],
  now: number,
): Promise<PkijsOutcome> {
  // pkijs takes the last element of `certs` as the end-entity certificate.
  const others = chain.filter((c) => c !== leaf).map((c) => c.cert);
  const engine = new CertificateChainValidationEngine({
    certs: [...others, leaf.cert],
    trustedCerts: anchors.map((a) => a.cert),
    checkDate: new Date(now),
  });
  try {
    const result = await engine.verify({}, x5cCryptoEngine());
    return result.result ? { ok: true, path: engine.certs } : { ok: false, message: result.resultMessage };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function anchorNotes(chain: ReadCertificate[], anchors: ReadCertificate[]): X5cFinding[] {
  return chain.flatMap((c) => {
    const anchor = anchors.find((a) => sameBytes(a.der, c.der));
    if (!anchor || c.ref.index === 0) return [];
    return [
      {
        code: 'anchor-in-chain',
        effect: 'note',
        certificate: c.ref,
        message: `${certificateName(c.ref, c.info)} is ${certificateName(anchor.ref)}: the chain carries its own root, which counts only because it was pasted as an anchor.`,
      } satisfies X5cFinding,
    ];
  });
}

function unusedNotes(chain: ReadCertificate[], path: ReadCertificate[]): X5cFinding[] {
  return chain
    .filter((c) => !path.some((p) => sameBytes(p.der, c.der)))
    .map((c) => ({
      code: 'unused' as const,
      effect: 'note' as const,
      certificate: c.ref,
      message: `${certificateName(c.ref, c.info)} is not on the path from x5c[0] to the trust anchor.`,
    }));
}

/** Validates an `x5c` value against trust anchors pasted as PEM. Never throws. */
export async function validateCertificateChain(
  x5c: unknown,
  anchorsText: string,
  options: ChainOptions = {},
): Promise<X5cChainVerdict> {
  const now = options.now ?? Date.now();
  const [{ listing, read }, { anchors, read: anchorCerts }] = await Promise.all([
    readX5c(x5c),
    readTrustAnchors(anchorsText),
  ]);
  const base = { chain: listing, anchors, checkedAt: now };
  const anchorFindings: X5cFinding[] = anchors.certificates.flatMap((c) =>
    c.kind === 'broken'
      ? [{ code: c.code, effect: 'note', certificate: c.ref, message: c.message } satisfies X5cFinding]
      : [],
  );
  if (anchors.error) anchorFindings.push({ code: anchors.error.code, effect: 'note', message: anchors.error.message });
  const notes = [...listing.findings, ...anchors.findings, ...anchorFindings];

  const verdict = (
    state: X5cChainVerdict['state'],
    code: X5cCode,
    message: string,
    findings: X5cFinding[],
    extra: Partial<X5cChainVerdict> = {},
  ): X5cChainVerdict => ({
    ...base,
    state,
    code,
    message,
    findings,
    ...extra,
  });

  if (listing.error) return verdict('invalid', listing.error.code, listing.error.message, notes);
  const broken = listing.certificates.find((c) => c.kind === 'broken');
  if (broken?.kind === 'broken') {
    const first: X5cFinding = {
      code: broken.code,
      effect: 'invalid',
      certificate: broken.ref,
      message: broken.message,
    };
    return verdict('invalid', broken.code, broken.message, [first, ...notes], { certificate: broken.ref });
  }
  const leaf = read[0];
  if (!leaf) return verdict('invalid', 'x5c-empty', 'x5c holds no certificate.', notes);
  const chain = unique(read);
  const trusted = unique(anchorCerts);
  const chainNotes = [...notes, ...anchorNotes(chain, trusted)];

  // The leaf itself was pasted as an anchor: nothing to build, only its own validity and key usage.
  const leafAnchor = trusted.find((a) => sameBytes(a.der, leaf.der));
  if (leafAnchor) {
    const problems = [validityFinding(leaf, now), leafUsageFinding(leaf)].filter((f): f is X5cFinding => !!f);
    const [first] = problems;
    if (first)
      return verdict('invalid', first.code, first.message, [...problems, ...chainNotes], {
        certificate: first.certificate,
      });
    const message = `${certificateName(leaf.ref, leaf.info)} is itself ${certificateName(leafAnchor.ref)}: trusted directly.`;
    return verdict('trusted', 'leaf-is-anchor', message, chainNotes, { path: [leaf.ref, leafAnchor.ref] });
  }

  if (trusted.length > 0) {
    const outcome = await runPkijs(leaf, chain, trusted, now);
    if (outcome.ok) {
      const path = outcome.path.map(
        (cert) => trusted.find((a) => a.cert === cert) ?? chain.find((c) => c.cert === cert),
      );
      if (path.every((c): c is ReadCertificate => c !== undefined)) {
        const problems = [leafUsageFinding(leaf), ...pathLengthFindings(path, true)].filter(
          (f): f is X5cFinding => !!f,
        );
        const findings = ordered([...problems, ...chainNotes, ...unusedNotes(chain, path)], path);
        const refs = path.map((c) => c.ref);
        const [first] = problems;
        if (first) return verdict('invalid', first.code, first.message, findings, { certificate: first.certificate });
        const anchor = path[path.length - 1];
        const message = `The chain reaches ${anchor ? certificateName(anchor.ref, anchor.info) : 'a trust anchor'}; every certificate is valid as of ${new Date(now).toISOString().replace('.000Z', 'Z')}.`;
        return verdict('trusted', 'trusted', message, findings, { path: refs });
      }
    }
    // pkijs refused the path (or built one from certificates it was not given): explain it below.
    const explained = await explain(leaf, chain, trusted, now, chainNotes);
    if (explained.state === 'trusted') {
      const message = `RFC 5280 path validation refused the chain: ${outcome.ok ? 'unexpected path' : outcome.message}.`;
      return verdict('invalid', 'path-validation', message, explained.findings);
    }
    return { ...base, ...explained };
  }
  return { ...base, ...(await explain(leaf, chain, trusted, now, chainNotes)) };
}

type Explained = Pick<X5cChainVerdict, 'state' | 'code' | 'message' | 'findings' | 'certificate'>;

/** Why a chain is not trusted: the first invalid finding along the walked path, else why no anchor was reached. */
async function explain(
  leaf: ReadCertificate,
  chain: ReadCertificate[],
  anchors: ReadCertificate[],
  now: number,
  notes: X5cFinding[],
): Promise<Explained> {
  const walk = await walkChain(leaf, chain, anchors);
  const end = walk.end;
  const found: X5cFinding[] = [];
  if (end.kind === 'bad-signature' || end.kind === 'unsupported') found.push(end.finding);
  found.push(...pathFindings(walk.path, now, end.kind === 'anchor'));
  const last = walk.path[walk.path.length - 1] ?? leaf;
  let untrusted: X5cFinding | undefined;
  if (end.kind === 'unsupported') {
    untrusted = end.finding;
  } else if (end.kind === 'self-signed' || end.kind === 'issuer-missing') {
    untrusted = untrustedReason(end.kind, last, anchors.length);
    found.push(untrusted);
  }
  const findings = ordered([...found, ...notes, ...unusedNotes(chain, walk.path)], walk.path);
  const decisive = findings.find((f) => f.effect === 'invalid');
  if (decisive)
    return {
      state: 'invalid',
      code: decisive.code,
      message: decisive.message,
      findings,
      certificate: decisive.certificate,
    };
  if (untrusted)
    return {
      state: 'untrusted',
      code: untrusted.code,
      message: untrusted.message,
      findings,
      certificate: untrusted.certificate,
    };
  return { state: 'trusted', code: 'trusted', message: '', findings };
}

function untrustedReason(
  kind: 'self-signed' | 'issuer-missing',
  last: ReadCertificate,
  anchorCount: number,
): X5cFinding {
  const who = certificateName(last.ref, last.info);
  const paste = 'Paste the root certificate you trust into the trust anchors to check the chain against it.';
  if (anchorCount === 0) {
    const tail = kind === 'self-signed' ? `${who} is self-signed` : `The chain ends at ${who}`;
    return {
      code: 'no-trust-anchors',
      effect: 'untrusted',
      certificate: last.ref,
      message: `No trust anchor is pasted, so nothing can be trusted. ${tail}. ${paste}`,
    };
  }
  if (kind === 'self-signed' && last.ref.index === 0) {
    return {
      code: 'self-signed-untrusted',
      effect: 'untrusted',
      certificate: last.ref,
      message: `${who} is self-signed and is not among the trust anchors: anyone can make such a certificate, so its key proves nothing.`,
    };
  }
  if (kind === 'self-signed') {
    return {
      code: 'no-anchor',
      effect: 'untrusted',
      certificate: last.ref,
      message: `The chain ends at ${who}, a self-signed root that is not among the trust anchors.`,
    };
  }
  return {
    code: 'no-anchor',
    effect: 'untrusted',
    certificate: last.ref,
    message: `${who} was issued by ${last.info.issuer}, which is neither in x5c nor among the trust anchors.`,
  };
}
