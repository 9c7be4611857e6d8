// Findings about the JOSE header alone: what jwt_tool-style attacks change (RFC 8725 §2, §3).
import type { LintFinding } from '../types';
import { JWS_ALGORITHMS } from '../types';
import { isDpopProofHeader } from '../dpop-header';
import { privateJwkMembers } from './jwk-members';

type Header = Record<string, unknown>;

const KNOWN_ALGS: ReadonlySet<string> = new Set(JWS_ALGORITHMS);
// RFC 7515 §4.1.9: "JOSE" for compact serialisation; RFC 8725 §3.11 recommends application/<x>+jwt.
const ACCEPTED_TYP = /^(?:jwt|jose|[a-z0-9.!#$&^_-]+\+(?:jwt|sd-jwt))$/;

function quote(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function lintAlg(header: Header, out: LintFinding[]): void {
  const alg = header.alg;
  if (alg === undefined || typeof alg !== 'string') {
    out.push({
      id: 'alg-missing',
      severity: 'error',
      message: `The header has ${alg === undefined ? 'no "alg"' : `"alg": ${quote(alg)}, not a string`}; a JWS must name its algorithm, and a verifier must not guess it.`,
      reference: 'RFC 7515 §4.1.1; RFC 8725 §3.1',
    });
    return;
  }
  if (alg.toLowerCase() === 'none') {
    const variant =
      alg === 'none' ? '' : ` ("${alg}" is a case variant used to slip past filters that only look for "none")`;
    out.push({
      id: 'alg-none',
      severity: 'error',
      message: `alg is "none"${variant}: the token is unsecured and anyone can forge it. A verifier must reject it unless it explicitly expects unsecured tokens; the workbench never reports it as verified.`,
      reference: 'RFC 8725 §2.1, §3.1; CVE-2015-9235',
    });
    return;
  }
  if (!KNOWN_ALGS.has(alg)) {
    out.push({
      id: 'alg-unknown',
      severity: 'warning',
      message: `alg "${alg}" is not a JWS algorithm the workbench knows (${JWS_ALGORITHMS.join(', ')}); the token cannot be verified here.`,
      reference: 'RFC 7518 §3.1; RFC 8725 §3.2',
    });
  }
}

/**
 * A DPoP proof carries its public key by design and is verified with it (RFC 9449 §4.2, §4.3), so its `jwk` gets a
 * note, not the alarm. Private members in any header `jwk` are an error: the token gives its private key away.
 */
function lintHeaderJwk(header: Header, out: LintFinding[]): boolean {
  const jwk = header.jwk;
  const dpop = isDpopProofHeader(header);
  const leaked = typeof jwk === 'object' && jwk !== null ? privateJwkMembers(jwk as Record<string, unknown>) : [];
  if (leaked.length > 0) {
    out.push({
      id: 'header-jwk-private',
      severity: 'error',
      message: `The header's jwk holds private key members (${leaked.join(', ')}): anyone who sees the token has the private key and can sign with it.${dpop ? ' A DPoP proof must carry only its public key.' : ''}`,
      reference: dpop ? 'RFC 9449 §4.2, §4.3 check 7' : 'RFC 7515 §4.1.3',
    });
  }
  if (!dpop) return false;
  if (leaked.length === 0 && typeof jwk === 'object' && jwk !== null && !Array.isArray(jwk)) {
    out.push({
      id: 'dpop-header-jwk',
      severity: 'info',
      message:
        'This DPoP proof carries its public key in jwk, as RFC 9449 requires: the proof is verified with that key, and it identifies the client only through an access token bound to it (cnf.jkt).',
      reference: 'RFC 9449 §4.2, §6.1',
    });
  }
  return true;
}

function lintEmbeddedKeys(header: Header, out: LintFinding[], trustAnchorsGiven: boolean): void {
  const dpopJwk = lintHeaderJwk(header, out);
  if (header.jwk !== undefined && !dpopJwk) {
    out.push({
      id: 'header-jwk',
      severity: 'warning',
      message:
        'The header carries its own key (jwk). It is never used to verify: a verifier that trusts a key inside the token accepts any self-signed token. Verify with a key you obtained separately.',
      reference: 'RFC 7515 §4.1.3; RFC 8725 §3.10; CVE-2018-0114',
    });
  }
  if (header.x5c !== undefined) {
    out.push({
      id: 'header-x5c',
      severity: 'warning',
      // Only the leaf of a chain that reaches a root the user pasted may verify; say which case this is.
      message: trustAnchorsGiven
        ? 'The header carries a certificate chain (x5c). It is checked against the trust anchors you pasted, and its leaf key verifies the signature only when the chain reaches one of them. A verifier must do the same: trusting x5c without validating the chain to a trusted root accepts any self-signed token.'
        : "The header carries a certificate chain (x5c). It is never used to verify on the token's word: trusting it without validating the chain to a trusted root accepts any self-signed token. Paste the issuer's root certificate as a trust anchor to have the chain checked.",
      reference: 'RFC 7515 §4.1.6; RFC 8725 §3.10',
    });
  }
  for (const name of ['jku', 'x5u'] as const) {
    const url = header[name];
    if (url === undefined) continue;
    out.push({
      id: `header-${name}`,
      severity: 'warning',
      message: `The header points at a key URL (${name}: ${quote(url)}). It is never fetched automatically. A server that fetches keys from a URL named in the token lets the sender choose the key, and can be abused for SSRF; accept only URLs on an allow-list.`,
      reference: `RFC 7515 §4.1.${name === 'jku' ? '2' : '5'}; RFC 8725 §3.10`,
    });
  }
}

function lintKid(header: Header, out: LintFinding[]): void {
  const kid = header.kid;
  if (kid === undefined) return;
  if (typeof kid !== 'string') {
    out.push({
      id: 'kid-not-string',
      severity: 'warning',
      message: `kid is ${quote(kid)}, not a string; code that builds a file path or query from it may misbehave.`,
      reference: 'RFC 7515 §4.1.4',
    });
    return;
  }
  // eslint-disable-next-line no-control-regex -- a NUL byte in a kid truncates C-level file paths
  if (/(?:^|[/\\])\.\.(?:[/\\]|$)|^[/\\~]|^[A-Za-z]:[/\\]|\u0000/.test(kid)) {
    out.push({
      id: 'kid-path-traversal',
      severity: 'warning',
      message: `kid ${quote(kid)} looks like a file path (path traversal). A server that reads the key from a file named by kid can be made to use a known file (e.g. /dev/null) as the secret.`,
      reference: 'RFC 8725 §3.10',
    });
  }
  if (/['";`]|--|\/\*|\b(?:union|select|or|and|sleep)\b\s/i.test(kid)) {
    out.push({
      id: 'kid-sql-injection',
      severity: 'warning',
      message: `kid ${quote(kid)} contains SQL syntax (quotes, ";", "--", keywords). A server that looks the key up with kid in a query can be made to return a secret the sender chose.`,
      reference: 'RFC 8725 §3.10',
    });
  }
  // Command substitution ($(…), backticks), parameter expansion (${…}) and command separators or pipes.
  if (/\$\(|\$\{|`|\||&&|;|[\n\r]/.test(kid)) {
    out.push({
      id: 'kid-command-injection',
      severity: 'warning',
      message: `kid ${quote(kid)} contains shell syntax ($(…), backticks, \${…}, |, &&, ;). A server that puts kid into a shell command (to read or fetch the key) runs what the sender wrote.`,
      reference: 'RFC 8725 §3.10',
    });
  }
}

function lintCritAndTyp(header: Header, out: LintFinding[]): void {
  if (header.crit !== undefined) {
    const crit = header.crit;
    const valid = Array.isArray(crit) && crit.length > 0 && crit.every((c) => typeof c === 'string');
    out.push({
      id: 'crit',
      severity: 'warning',
      message: valid
        ? `The header marks ${quote(crit)} as critical: a verifier that does not understand each of these extensions must reject the token.`
        : `crit is ${quote(crit)}; it must be a non-empty array of header member names, so verifiers will reject this token.`,
      reference: 'RFC 7515 §4.1.11',
    });
  }
  const typ = header.typ;
  if (typ === undefined) return;
  const normalized = typeof typ === 'string' ? typ.toLowerCase().replace(/^application\//, '') : undefined;
  if (normalized === undefined || !ACCEPTED_TYP.test(normalized)) {
    out.push({
      id: 'typ-unusual',
      severity: 'info',
      message: `typ is ${quote(typ)}, not "JWT" or a "…+jwt" media type. Explicit types (e.g. "at+jwt") stop one kind of token being accepted as another.`,
      reference: 'RFC 7519 §5.1; RFC 8725 §3.11',
    });
  }
}

/** `trustAnchorsGiven`: the user pasted root certificates to judge an `x5c` chain against. */
export function lintHeader(header: Header, trustAnchorsGiven = false): LintFinding[] {
  const out: LintFinding[] = [];
  lintAlg(header, out);
  lintEmbeddedKeys(header, out, trustAnchorsGiven);
  lintKid(header, out);
  lintCritAndTyp(header, out);
  return out;
}
