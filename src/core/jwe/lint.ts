// The security review for encrypted tokens (RFC 8725, RFC 7516/7518), as findings like lintToken's: they never
// block anything, the workbench shows them beside the verdict.
import type { KeyDetection, LintFinding, Severity } from '../types';
import { isWeakSecret } from '../lib/lint-weak-secrets';
import {
  JWE_ALGORITHM_INFO,
  JWE_ENCRYPTION_INFO,
  MAX_PBES2_COUNT,
  MIN_PBES2_COUNT,
  isJweContentEncryption,
  isJweKeyAlgorithm,
} from './algorithms';
import type { InnerToken } from './find-inner-token';

export type JweLintInput = {
  /** The (joint) header: DecodedJwe, DecodedJweJson's recipient, and DecryptResult all carry one. */
  header: Record<string, unknown>;
  /** The nested token found after decryption (DecryptResult.inner). */
  inner?: InnerToken;
  /** The plaintext, once decrypted: lets the review say whether the content is signed. */
  plaintext?: string;
};

export type JweLintContext = { key?: KeyDetection; keyText?: string; maxPbes2Count?: number };

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function pbes2Findings(header: Record<string, unknown>, ctx: JweLintContext, out: LintFinding[]): void {
  const p2c = header.p2c;
  const cap = ctx.maxPbes2Count ?? MAX_PBES2_COUNT;
  if (typeof p2c === 'number' && p2c > cap) {
    out.push({
      id: 'jwe-p2c-high',
      severity: 'error',
      message: `p2c is ${p2c}, over the limit of ${cap}: every decryption attempt would run that many PBKDF2 iterations, a known denial-of-service trick. The token is refused before any work.`,
      reference: 'RFC 7518 §4.8.1.2; CVE-2022-36083',
    });
  } else if (typeof p2c === 'number' && p2c < MIN_PBES2_COUNT) {
    out.push({
      id: 'jwe-p2c-low',
      severity: 'warning',
      message: `p2c is ${p2c}: under the ${MIN_PBES2_COUNT} iterations RFC 7518 recommends, so guessing the password offline from this token is cheap.`,
      reference: 'RFC 7518 §4.8.1.2; RFC 8725 §3.5',
    });
  }
  if (ctx.keyText !== undefined && ctx.keyText.trim() !== '' && isWeakSecret(ctx.keyText)) {
    out.push({
      id: 'jwe-weak-password',
      severity: 'warning',
      message: `The password "${ctx.keyText.trim()}" is a well-known example value: anyone can decrypt tokens made with it, whatever p2c says.`,
      reference: 'RFC 8725 §3.5',
    });
  }
}

/** The shared key, when the key box holds one: its size in bits and whether it was typed as text. */
function sharedKey(ctx: JweLintContext): { bits?: number; typed: boolean } | undefined {
  const key = ctx.key;
  if (key?.kind === 'secret')
    return { ...(key.byteLength !== undefined ? { bits: key.byteLength * 8 } : {}), typed: key.encoding === 'utf8' };
  if (key?.kind === 'key' && key.key.family === 'oct')
    return { ...(key.key.bits !== undefined ? { bits: key.key.bits } : {}), typed: false };
  return undefined;
}

function sharedKeyFindings(alg: string, enc: unknown, ctx: JweLintContext, out: LintFinding[]): void {
  const key = sharedKey(ctx);
  if (alg === 'dir' && isJweContentEncryption(enc)) {
    // The AES half of a CBC-HMAC key is half its size (RFC 7518 §5.2.2.1).
    const aesBits = enc.includes('CBC') ? JWE_ENCRYPTION_INFO[enc].cekBits / 2 : JWE_ENCRYPTION_INFO[enc].cekBits;
    const given = key?.bits;
    if (aesBits < 256 || (given !== undefined && given < JWE_ENCRYPTION_INFO[enc].cekBits)) {
      out.push({
        id: 'jwe-dir-short-key',
        severity: 'warning',
        message: `dir with ${enc} uses one ${given ?? JWE_ENCRYPTION_INFO[enc].cekBits}-bit shared key directly for every token (${aesBits}-bit AES): there is no fresh content key per token, so a leaked or weak key opens them all. Prefer a random 256-bit key (A256GCM) and rotate it.`,
        reference: 'RFC 7518 §4.5; RFC 8725 §3.5',
      });
    }
  }
  if (key?.typed && ctx.keyText !== undefined && ctx.keyText.trim() !== '') {
    out.push({
      id: isWeakSecret(ctx.keyText) ? 'jwe-weak-secret' : 'jwe-typed-key',
      severity: 'warning',
      message: isWeakSecret(ctx.keyText)
        ? `The shared key "${ctx.keyText.trim()}" is a well-known example value: anyone can decrypt and forge tokens with it.`
        : `The ${alg} key is text read as UTF-8: typed text has far less entropy than random bytes of the same length. Generate a random key (and read it as base64url), or use PBES2 for a password.`,
      reference: 'RFC 8725 §3.5; RFC 7518 §4.4',
    });
  }
}

function innerFindings(input: JweLintInput, alg: string, out: LintFinding[]): void {
  const inner = input.inner;
  if (inner?.unsecured) {
    out.push({
      id: 'jwe-inner-alg-none',
      severity: 'error',
      message: `The encrypted token holds an unsecured JWT (alg "${inner.alg ?? 'none'}"). Encryption hides the claims but says nothing about who wrote them: anyone who can encrypt to the recipient can forge them. A recipient must reject it.`,
      reference: 'RFC 8725 §2.3, §3.1; RFC 7519 §11.2',
    });
  }
  if (inner?.reason === 'shape') {
    out.push({
      id: 'jwe-cty-missing',
      severity: 'info',
      message:
        'The plaintext is a nested token, but the header has no cty "JWT": recipients may not know to decode and verify it.',
      reference: 'RFC 7519 §5.2',
    });
  }
  const publicKeyAlg = isJweKeyAlgorithm(alg) && ['RSA', 'ECDH'].includes(JWE_ALGORITHM_INFO[alg].key);
  if (input.plaintext !== undefined && !inner && publicKeyAlg) {
    out.push({
      id: 'jwe-unsigned-content',
      severity: 'info',
      message: `The content is not a signed token. With ${alg} anyone holding the recipient's public key can make such a token: encryption alone does not say who sent it. Sign the claims first (a nested JWT) when the sender matters.`,
      reference: 'RFC 7519 §11.2; RFC 8725 §2.3',
    });
  }
}

/** Findings for an encrypted token, sorted error → warning → info. */
export function lintJwe(input: JweLintInput, context: JweLintContext = {}): LintFinding[] {
  const header = input.header;
  const out: LintFinding[] = [];
  const alg = typeof header.alg === 'string' ? header.alg : '';
  if (alg === 'RSA1_5') {
    out.push({
      id: 'jwe-rsa1_5',
      severity: 'error',
      message:
        'alg RSA1_5 (RSAES-PKCS1-v1_5) is open to padding-oracle attacks (Bleichenbacher): a server that decrypts it can leak the content key. Use RSA-OAEP-256.',
      reference: 'RFC 8725 §3.2; RFC 7518 §4.2',
    });
  } else if (alg !== '' && !isJweKeyAlgorithm(alg)) {
    out.push({
      id: 'jwe-alg-unknown',
      severity: 'warning',
      message: `alg "${alg}" is not a JWE algorithm supported here; the token cannot be decrypted.`,
      reference: 'RFC 7518 §4.1',
    });
  }
  if (header.enc !== undefined && !isJweContentEncryption(header.enc)) {
    out.push({
      id: 'jwe-enc-unknown',
      severity: 'warning',
      message: `enc ${JSON.stringify(header.enc)} is not a content encryption algorithm supported here; the token cannot be decrypted.`,
      reference: 'RFC 7518 §5.1',
    });
  }
  if (header.zip !== undefined) {
    out.push({
      id: 'jwe-zip',
      severity: 'warning',
      message: `The plaintext is compressed before encryption (zip ${JSON.stringify(header.zip)}). When it mixes secrets with data an attacker can influence, the ciphertext length leaks the secrets (CRIME/BREACH-style attacks); RFC 8725 says not to compress.`,
      reference: 'RFC 8725 §2.4, §3.6; RFC 7516 §4.1.3',
    });
  }
  const epk = header.epk;
  if (typeof epk === 'object' && epk !== null && ['d', 'k', 'p', 'q'].some((m) => Object.hasOwn(epk, m))) {
    out.push({
      id: 'jwe-epk-private',
      severity: 'error',
      message:
        'The ephemeral key (epk) carries private members: the sender leaked the key that protects this token, and it is refused.',
      reference: 'RFC 7518 §4.6.1.1',
    });
  }
  if (isJweKeyAlgorithm(alg)) {
    const kind = JWE_ALGORITHM_INFO[alg].key;
    if (kind === 'password') pbes2Findings(header, context, out);
    if (kind === 'oct' || kind === 'dir') sharedKeyFindings(alg, header.enc, context, out);
  }
  innerFindings(input, alg, out);
  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
