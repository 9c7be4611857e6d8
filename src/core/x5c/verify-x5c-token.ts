// A token that carries its own certificate chain: the chain is judged against the pasted trust anchors, and
// only a trusted chain's leaf key may verify the signature (RFC 8725 §3.10: never trust a key because the token
// brought it). The leaf's key is still tried, so the page can say "would verify, but the chain is not trusted".
import type { DecodedToken } from '../token';
import type { VerifyOptions, VerifyResult } from '../types';
import { verifyDecodedToken } from '../verify';
import { certificateName } from './certificate-read';
import { validateCertificateChain } from './validate-chain';
import type { X5cCertificateInfo, X5cChainVerdict, X5cFinding, X5cSignatureVerdict, X5cTokenVerdict } from './types';

/** RFC 7515 §4.1.7 (x5t, SHA-1) and §4.1.8 (x5t#S256): thumbprints of the leaf's DER, base64url. */
export function thumbprintFindings(
  header: Record<string, unknown>,
  leaf: X5cCertificateInfo,
  what = 'The header',
): X5cFinding[] {
  const findings: X5cFinding[] = [];
  const checks = [
    { member: 'x5t#S256', expected: leaf.x5tS256, code: 'x5t-s256-mismatch', hash: 'SHA-256' },
    { member: 'x5t', expected: leaf.x5t, code: 'x5t-mismatch', hash: 'SHA-1' },
  ] as const;
  for (const { member, expected, code, hash } of checks) {
    const value = header[member];
    if (value === undefined) continue;
    const name = certificateName(leaf.ref, leaf);
    if (typeof value !== 'string') {
      findings.push({
        code: 'x5t-malformed',
        effect: 'invalid',
        certificate: leaf.ref,
        message: `${what}'s ${member} is ${value === null ? 'null' : typeof value}, not a base64url ${hash} thumbprint.`,
      });
    } else if (value !== expected) {
      findings.push({
        code,
        effect: 'invalid',
        certificate: leaf.ref,
        message: `${what}'s ${member} (${value}) is not the ${hash} thumbprint of ${name} (${expected}): it names another certificate.`,
      });
    }
  }
  return findings;
}

/**
 * The chain verdict with findings made outside path validation (thumbprints, a JWK's own key): an `invalid`
 * finding outweighs a trusted or untrusted chain; on an invalid chain it is listed after the deciding reason.
 */
export function withInvalidFindings(chain: X5cChainVerdict, findings: X5cFinding[]): X5cChainVerdict {
  const first = findings.find((f) => f.effect === 'invalid');
  if (!first || chain.state === 'invalid') {
    return findings.length === 0 ? chain : { ...chain, findings: [...chain.findings, ...findings] };
  }
  const { path: _path, ...rest } = chain;
  return {
    ...rest,
    state: 'invalid',
    code: first.code,
    message: first.message,
    certificate: first.certificate,
    findings: [first, ...findings.filter((f) => f !== first), ...chain.findings],
  };
}

function withThumbprints(chain: X5cChainVerdict, header: Record<string, unknown>): X5cChainVerdict {
  const leaf = chain.chain.certificates[0];
  if (leaf?.kind !== 'certificate') return chain;
  return withInvalidFindings(chain, thumbprintFindings(header, leaf));
}

function leafPem(chain: X5cChainVerdict): { pem: string; name: string } | undefined {
  const leaf = chain.chain.certificates[0];
  return leaf?.kind === 'certificate' ? { pem: leaf.pem, name: certificateName(leaf.ref, leaf) } : undefined;
}

function signatureVerdict(
  chain: X5cChainVerdict,
  result: VerifyResult | undefined,
  leafName: string,
): X5cSignatureVerdict {
  const claims = result ? { claims: result.claims, claimsMessage: result.claimsMessage } : {};
  const verifyCode = result?.code !== undefined && result.signature !== 'verified' ? { verifyCode: result.code } : {};
  if (!result) {
    return {
      state: 'unverified',
      code: 'would-error',
      message: 'x5c[0] could not be read, so there is no key to check the signature with.',
    };
  }
  const leafWouldVerify = result.signature === 'verified' ? true : result.signature === 'invalid' ? false : undefined;
  const would = leafWouldVerify === undefined ? {} : { leafWouldVerify };
  if (chain.state === 'trusted') {
    const code =
      result.signature === 'verified'
        ? 'signature-verified'
        : result.signature === 'invalid'
          ? 'signature-invalid'
          : 'signature-error';
    const message =
      result.signature === 'verified'
        ? `Signature verified with the key of ${leafName}, whose chain is trusted.${result.claims === 'expired' || result.claims === 'not-yet-valid' ? ` But ${result.claimsMessage}` : ''}`
        : result.signature === 'invalid'
          ? `Signature does not match the key of ${leafName}: the token was not signed by this certificate's key, or it was modified.`
          : `The key of ${leafName} cannot check this signature: ${result.message}`;
    return { state: result.signature, code, message, ...would, ...verifyCode, ...claims };
  }
  const why = chain.state === 'untrusted' ? 'the chain is not trusted' : 'the chain is invalid';
  const code =
    leafWouldVerify === true ? 'would-verify' : leafWouldVerify === false ? 'would-not-verify' : 'would-error';
  const message =
    leafWouldVerify === true
      ? `The key of ${leafName} would verify the signature, but ${why}, so the signature stays unverified.`
      : leafWouldVerify === false
        ? `The key of ${leafName} does not verify the signature either, and ${why}: the signature stays unverified.`
        : `The key of ${leafName} cannot check this signature (${result.message.replace(/\.$/, '')}), and ${why}.`;
  return { state: 'unverified', code, message, ...would, ...verifyCode, ...claims };
}

/**
 * The chain verdict for a decoded token's `x5c` header, against trust anchors pasted as PEM, at `options.now`;
 * and the signature verdict, from the leaf's key only when the chain is trusted. Never throws.
 */
export async function verifyX5cToken(
  decoded: DecodedToken,
  anchorsText: string,
  options: VerifyOptions = {},
): Promise<X5cTokenVerdict> {
  const validated = await validateCertificateChain(decoded.header.x5c, anchorsText, { now: options.now });
  const chain = withThumbprints(validated, decoded.header);
  const leaf = leafPem(chain);
  let result: VerifyResult | undefined;
  if (leaf) {
    // The existing verification, given the leaf certificate as the key: same alg checks, same messages.
    result = await verifyDecodedToken(decoded, { text: leaf.pem }, options);
  }
  return { chain, signature: signatureVerdict(chain, result, leaf?.name ?? 'x5c[0]') };
}
