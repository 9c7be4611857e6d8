// Result shapes of the x5c engine. src/core/index.ts re-exports these as types only: the values live behind
// src/core/x5c/index.ts, which the page imports lazily (it carries pkijs).
import type { ClaimsState } from '../types';

/**
 * Every code the x5c engine reports, in one table: chain verdicts, findings on one certificate, notes on the
 * chain's shape, trust-anchor parse errors, thumbprint checks and the signature verdict.
 */
export const X5C_CODES = [
  // Verdicts on the whole chain
  'trusted',
  'leaf-is-anchor',
  'no-anchor',
  'self-signed-untrusted',
  'no-trust-anchors',
  'path-validation',
  // Reading the x5c member
  'x5c-missing',
  'x5c-not-array',
  'x5c-empty',
  'x5c-entry-not-string',
  'x5c-base64',
  'x5c-der',
  // Findings on one certificate
  'expired',
  'not-yet-valid',
  'bad-signature',
  'unsupported-signature',
  'issuer-not-ca',
  'issuer-key-usage',
  'path-length',
  'leaf-key-usage',
  // Notes on the chain's shape
  'x5c-base64url',
  'order',
  'reversed',
  'duplicate',
  'unused',
  'anchor-in-chain',
  // Trust anchors
  'anchor-pem',
  'anchor-label',
  'anchor-der',
  // x5t / x5t#S256 (RFC 7515 §4.1.7, §4.1.8) and a JWK's own key (RFC 7517 §4.7)
  'x5t-mismatch',
  'x5t-s256-mismatch',
  'x5t-malformed',
  'jwk-key-mismatch',
  // Signature verdicts
  'signature-verified',
  'signature-invalid',
  'signature-error',
  'would-verify',
  'would-not-verify',
  'would-error',
] as const;
export type X5cCode = (typeof X5C_CODES)[number];

/** The `x5c-status` verdict. */
export type X5cChainState = 'trusted' | 'untrusted' | 'invalid';

/** Where a certificate came from: the token's (or JWK's) `x5c` array, or the pasted trust anchors. */
export type X5cCertificateRef = { source: 'x5c' | 'anchor'; index: number };

export type KeyUsageName =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign'
  | 'encipherOnly'
  | 'decipherOnly';

/** One certificate's display fields (an `x5c-cert` element). */
export type X5cCertificateInfo = {
  kind: 'certificate';
  ref: X5cCertificateRef;
  /** RFC 4514 string, most specific first: `CN=Leaf,O=Example,C=NL`. */
  subject: string;
  issuer: string;
  /** The subject's CN, for short labels; the whole subject when it has none. */
  commonName: string;
  /** Subject and issuer are the same name (a root, or a self-signed leaf). */
  selfIssued: boolean;
  /** Serial number in lowercase hex without leading zeros (`1a2b`). */
  serial: string;
  /** ISO 8601, UTC (`2100-01-01T00:00:00.000Z`), and the same instants in ms since the epoch. */
  notBefore: string;
  notAfter: string;
  notBeforeMs: number;
  notAfterMs: number;
  key: {
    /** `RSA`, `EC`, `Ed25519`, `Ed448`, `ML-DSA-65`…, or the algorithm OID when unknown. */
    type: string;
    /** RSA modulus bits, or the EC curve's size. */
    bits?: number;
    /** EC named curve (`P-256`, or its OID when unknown). */
    curve?: string;
    /** `RSA 2048`, `EC P-256`, `Ed25519`. */
    label: string;
    /** SubjectPublicKeyInfo algorithm OID. */
    oid: string;
  };
  /** `sha256WithRSAEncryption`, `ecdsa-with-SHA384`, `Ed25519`…, or the OID. */
  signatureAlgorithm: string;
  /** Absent when the certificate has no keyUsage extension (then every use is allowed, RFC 5280 §4.2.1.3). */
  keyUsage?: { usages: KeyUsageName[]; critical: boolean };
  /** Names (`serverAuth`, `clientAuth`, `codeSigning`…) or dotted OIDs for purposes without a name. */
  extendedKeyUsage?: { usages: string[]; critical: boolean };
  basicConstraints?: { ca: boolean; pathLength?: number; critical: boolean };
  /** SHA-256 of the DER, uppercase hex pairs joined by `:` (the way openssl and browsers print it). */
  sha256: string;
  /** The `x5t#S256` and `x5t` values this certificate would have (base64url SHA-256 / SHA-1 of the DER). */
  x5tS256: string;
  x5t: string;
  pem: string;
};

/** An `x5c` entry that is not a certificate: which one (index), and why. */
export type X5cBrokenCertificate = {
  kind: 'broken';
  ref: X5cCertificateRef;
  code: 'x5c-entry-not-string' | 'x5c-base64' | 'x5c-der' | 'anchor-label' | 'anchor-der';
  message: string;
};

export type X5cFinding = {
  code: X5cCode;
  /** What the finding does to the verdict: `invalid` and `untrusted` decide it, `note` only informs. */
  effect: 'invalid' | 'untrusted' | 'note';
  message: string;
  /** The certificate the finding is about, when it is about one. */
  certificate?: X5cCertificateRef;
};

/** The chain as listed: one entry per `x5c` element, in the token's order. */
export type X5cChainListing = {
  /** Problems with the `x5c` member as a whole (`x5c-missing`, `x5c-not-array`, `x5c-empty`), else undefined. */
  error?: { code: 'x5c-missing' | 'x5c-not-array' | 'x5c-empty'; message: string };
  certificates: (X5cCertificateInfo | X5cBrokenCertificate)[];
  /** Notes on the shape: base64url instead of base64, duplicates, order. */
  findings: X5cFinding[];
};

/** The pasted trust anchors (`trust-anchor-input`). */
export type TrustAnchorList = {
  /** Certificates read from the text, in order; broken blocks keep their place with the reason. */
  certificates: (X5cCertificateInfo | X5cBrokenCertificate)[];
  /** The text as a whole could not be read (a PEM block cut off, labels that do not match…). */
  error?: { code: 'anchor-pem'; message: string };
  findings: X5cFinding[];
};

/** The `x5c-status` verdict with everything the page shows about the chain. */
export type X5cChainVerdict = {
  state: X5cChainState;
  /** The deciding reason: `trusted`/`leaf-is-anchor`, an untrusted reason, or the first invalid finding. */
  code: X5cCode;
  /** One or two sentences; names the certificate the reason is about. */
  message: string;
  certificate?: X5cCertificateRef;
  /** The validated path, leaf first, ending at an anchor (trusted chains only). */
  path?: X5cCertificateRef[];
  /** Everything found, the deciding reason first. */
  findings: X5cFinding[];
  chain: X5cChainListing;
  anchors: TrustAnchorList;
  /** The "as of" time the chain was judged at, ms since the epoch. */
  checkedAt: number;
};

/**
 * The signature verdict for a token with `x5c`. `verified`/`invalid`/`error` only with a trusted chain;
 * otherwise `unverified`, with what the leaf's key would say (`leafWouldVerify`) as information.
 */
export type X5cSignatureVerdict = {
  state: 'verified' | 'invalid' | 'error' | 'unverified';
  code: X5cCode;
  message: string;
  /** What the leaf's key says about the signature, whatever the chain; undefined when it could not be checked. */
  leafWouldVerify?: boolean;
  /** The verification code from the signature check (`signature`, `mismatch`, `alg-none`…), when one failed. */
  verifyCode?: string;
  /** Time-claims verdict from the same check (exp/nbf at the same "as of" time). */
  claims?: ClaimsState;
  claimsMessage?: string;
};

export type X5cTokenVerdict = {
  chain: X5cChainVerdict;
  signature: X5cSignatureVerdict;
};

/** One key of a JWKS (or one JWK) with its own `x5c`. */
export type JwkCertificateChain = {
  /** Position in `keys` (0 for a lone JWK). */
  index: number;
  kid?: string;
  chain: X5cChainListing;
  /** Whether the JWK's key is the first certificate's key (RFC 7517 §4.7); undefined when it cannot be told. */
  keyMatchesCertificate?: boolean;
  findings: X5cFinding[];
};

/** A JWKS key's chain with its verdict against the trust anchors (`judgeJwksCertificateChains`). */
export type JwkChainVerdict = JwkCertificateChain & {
  /** `invalid` also when the key is not its x5c[0]'s key, or its `x5t#S256`/`x5t` names another certificate. */
  verdict: X5cChainVerdict;
};
