// Findings about the key offered for verification, against the token's alg.
import type { KeyDetection, KeyFamily, LintFinding } from '../types';
import { ALGORITHM_FAMILY, JWS_ALGORITHMS, type JwsAlgorithm } from '../types';
import { isWeakSecret } from './lint-weak-secrets';

export type KeyContext = { key?: KeyDetection; keyText?: string };

// RFC 7518 §3.2: "A key of the same size as the hash output ... or larger MUST be used".
const HMAC_MIN_BYTES: Record<string, number> = { HS256: 32, HS384: 48, HS512: 64 };
const PUBLIC_KEY_TEXT =
  /-----BEGIN (?:RSA |EC )?PUBLIC KEY-----|-----BEGIN CERTIFICATE-----|"kty"\s*:\s*"(?:RSA|EC|OKP)"/;

const FAMILY_WORDS: Record<KeyFamily, string> = {
  oct: 'an HMAC secret',
  RSA: 'an RSA key',
  EC: 'an EC key',
  OKP: 'an Ed25519 (OKP) key',
  AKP: 'an ML-DSA key',
};

function isJwsAlgorithm(alg: string): alg is JwsAlgorithm {
  return (JWS_ALGORITHMS as readonly string[]).includes(alg);
}

function keyConfusion(ctx: KeyContext): string | undefined {
  const key = ctx.key;
  if (key?.kind === 'key' && key.key.family !== 'oct') return key.label;
  // A key set with an HMAC key among others is fine: the verifier picks the oct key.
  if (key?.kind === 'jwks' && key.keys.length > 0 && key.keys.every((k) => k.family !== 'oct')) return key.label;
  if (key?.kind === 'secret' && key.looksLikePublicKey) return 'public key text';
  if (key === undefined && ctx.keyText !== undefined && PUBLIC_KEY_TEXT.test(ctx.keyText)) return 'public key text';
  return undefined;
}

function secretFindings(alg: string, ctx: KeyContext, out: LintFinding[]): void {
  const key = ctx.key;
  const isSecret = key?.kind === 'secret' || (key === undefined && ctx.keyText !== undefined);
  if (!isSecret || ctx.keyText === undefined || ctx.keyText.trim() === '') return;
  if (isWeakSecret(ctx.keyText)) {
    out.push({
      id: 'weak-secret',
      severity: 'warning',
      message: `The secret "${ctx.keyText.trim()}" is a well-known example value; it is in every cracking word list, so anyone can forge tokens signed with it.`,
      reference: 'RFC 8725 §3.5; RFC 7518 §3.2',
    });
  }
  const min = HMAC_MIN_BYTES[alg];
  const bytes = key?.kind === 'secret' ? key.byteLength : new TextEncoder().encode(ctx.keyText).length;
  if (min !== undefined && bytes !== undefined && bytes < min) {
    out.push({
      id: 'hmac-secret-short',
      severity: 'warning',
      message: `The secret is ${bytes} byte${bytes === 1 ? '' : 's'}; ${alg} needs at least ${min} bytes (the hash output size). Short secrets can be brute-forced offline from one token. (Verification still runs: fine for testing.)`,
      reference: 'RFC 7518 §3.2; RFC 8725 §3.5',
    });
  }
}

export function lintKey(alg: string | undefined, ctx: KeyContext): LintFinding[] {
  const out: LintFinding[] = [];
  if (alg === undefined || !isJwsAlgorithm(alg) || (ctx.key === undefined && ctx.keyText === undefined)) return out;
  if (ctx.key?.kind === 'empty' || ctx.key?.kind === 'error') return out;
  const needed = ALGORITHM_FAMILY[alg];
  if (needed === 'oct') {
    const confused = keyConfusion(ctx);
    if (confused !== undefined) {
      out.push({
        id: 'key-confusion',
        severity: 'error',
        message: `The token says ${alg} (HMAC) but the key is ${confused}. Using a public key as an HMAC secret is the algorithm-confusion attack: anyone holding the public key can forge tokens. A verifier must fix the algorithm per key, never take it from the token.`,
        reference: 'RFC 8725 §2.1, §3.1; CVE-2016-10555; CVE-2022-29217',
      });
      return out;
    }
    secretFindings(alg, ctx, out);
  }
  const key = ctx.key;
  if (key?.kind === 'secret' && needed !== 'oct') {
    out.push({
      id: 'alg-key-mismatch',
      severity: 'error',
      message: `The key is an HMAC secret; ${alg} needs ${FAMILY_WORDS[needed]}.`,
      reference: 'RFC 8725 §3.1',
    });
  } else if (key?.kind === 'key') {
    const { family, bits, alg: declared } = key.key;
    if (family !== needed) {
      out.push({
        id: 'alg-key-mismatch',
        severity: 'error',
        message: `The key is ${key.label}; ${alg} needs ${FAMILY_WORDS[needed]}.`,
        reference: 'RFC 8725 §3.1',
      });
    } else if (declared !== undefined && declared !== alg) {
      out.push({
        id: 'key-alg-mismatch',
        severity: 'warning',
        message: `The key declares alg "${declared}" but the token uses ${alg}; a verifier that honours the key's alg will reject the token.`,
        reference: 'RFC 7517 §4.4; RFC 8725 §3.1',
      });
    }
    if (family === 'RSA' && bits !== undefined && bits < 2048) {
      out.push({
        id: 'rsa-key-short',
        severity: 'warning',
        message: `The RSA key is ${bits} bits; RSA keys for JWS must be 2048 bits or larger (modern libraries refuse smaller ones).`,
        reference: 'RFC 7518 §3.3, §3.5',
      });
    }
  } else if (key?.kind === 'jwks' && key.keys.length > 0 && !key.keys.some((k) => k.family === needed)) {
    out.push({
      id: 'alg-key-mismatch',
      severity: 'error',
      message: `No key in the key set fits ${alg}, which needs ${FAMILY_WORDS[needed]}.`,
      reference: 'RFC 8725 §3.1',
    });
  }
  return out;
}
