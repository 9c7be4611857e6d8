// Making a presentation (RFC 9901 §7.2): keep the chosen disclosures (and the ones they sit inside), then add a
// Key Binding JWT (§4.3) over exactly that SD-JWT, signed with the holder's key.
import type { JWK } from 'jose';
import { jwkThumbprint } from '../keygen';
import { signToken } from '../sign';
import { sdDigest, webCryptoHashName } from './hash';
import { inspectSdJwt } from './inspect';
import { formatPath, parsePath } from './json-path';
import { defaultAlgForKey, holderPublicJwk, makeError } from './key-alg';
import type { PresentSdJwtInput, PresentSdJwtResult, SdDisclosure } from './types';

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

async function sameKey(a: JWK, b: JWK): Promise<boolean> {
  try {
    return (await jwkThumbprint(a)) === (await jwkThumbprint(b));
  } catch {
    return false;
  }
}

/** The disclosure a choice names: by digest, or by its path (`$.address.region`, also written `address.region`). */
function find(disclosures: SdDisclosure[], choice: string): SdDisclosure | undefined {
  const text = choice.trim();
  const byDigest = disclosures.find((d) => d.digest === text);
  if (byDigest) return byDigest;
  const parsed = parsePath(text);
  if (!parsed.ok || parsed.segments.some((s) => s.kind === 'every')) return undefined;
  const path = formatPath(parsed.segments.map((s) => (s.kind === 'index' ? s.index : s.kind === 'key' ? s.key : '')));
  return disclosures.find((d) => d.path === path);
}

/**
 * Presents an issued SD-JWT: keeps the disclosures named in `disclose` (digests or paths) plus those they are nested
 * in, and adds a KB-JWT when `keyBinding` is given (`aud`, `nonce`, `iat`, `sd_hash`, `typ: kb+jwt`). Never throws
 * for bad input.
 */
export async function presentSdJwt(input: PresentSdJwtInput): Promise<PresentSdJwtResult> {
  const inspection = await inspectSdJwt(input.sdJwt);
  if (inspection.structure.state === 'error' || !inspection.rawPayload) {
    return { ok: false, code: 'sd-jwt', message: `The SD-JWT cannot be presented: ${inspection.structure.message}` };
  }
  const chosen = new Set<number>();
  for (const choice of input.disclose) {
    if (choice.trim() === '') continue;
    const found = find(inspection.disclosures, choice);
    if (!found) {
      return {
        ok: false,
        code: 'unknown-disclosure',
        message: `"${choice}" is neither the digest nor the path of a disclosure of this SD-JWT.`,
      };
    }
    chosen.add(found.index);
  }
  // A disclosure inside another is useless without it (RFC 9901 §4.2.6, §7.2 step 2).
  const added: string[] = [];
  for (const index of [...chosen]) {
    let parent = inspection.disclosures[index]?.parent;
    while (parent !== undefined && !chosen.has(parent)) {
      chosen.add(parent);
      const p = inspection.disclosures[parent];
      added.push(p?.path ?? `disclosure ${parent + 1}`);
      parent = p?.parent;
    }
  }
  const kept = inspection.disclosures.filter((d) => chosen.has(d.index));
  const sdJwt = `${inspection.issuerJwt}~${kept.map((d) => `${d.encoded}~`).join('')}`;
  const result = {
    ok: true as const,
    presentation: sdJwt,
    sdJwt,
    kept: kept.map((d) => d.digest ?? ''),
    added,
    warnings: [] as string[],
  };
  const kb = input.keyBinding;
  if (!kb) return result;
  if (kb.aud.trim() === '' || kb.nonce === '') {
    return {
      ok: false,
      code: 'kb-input',
      message: 'A Key Binding JWT needs an audience (aud) and a nonce (RFC 9901 §4.3).',
    };
  }
  try {
    const { alg: keyAlg, description } = defaultAlgForKey(kb.key);
    if (description.family === 'oct') {
      return {
        ok: false,
        code: 'kb-input',
        message:
          "The holder key is an HMAC secret; key binding needs the holder's private key, whose public half is in cnf.jwk.",
      };
    }
    const cnfJwk = asRecord(asRecord(inspection.processedPayload?.cnf)?.jwk);
    if (!cnfJwk) {
      result.warnings.push(
        'The SD-JWT has no cnf.jwk, so a verifier has no holder key to check this Key Binding JWT with.',
      );
    } else if (!(await sameKey(await holderPublicJwk(kb.key), cnfJwk as JWK))) {
      result.warnings.push('This holder key is not the one in cnf.jwk: the Key Binding JWT will not verify.');
    }
    const hashName = webCryptoHashName(inspection.sdAlg.name) ?? 'SHA-256';
    const payload = {
      nonce: kb.nonce,
      aud: kb.aud,
      iat: kb.iat ?? Math.floor(Date.now() / 1000),
      sd_hash: await sdDigest(hashName, sdJwt),
    };
    const header = { alg: kb.alg ?? keyAlg, typ: 'kb+jwt' };
    const kbJwt = await signToken(JSON.stringify(header), JSON.stringify(payload), kb.key);
    return { ...result, presentation: sdJwt + kbJwt, kbJwt };
  } catch (error) {
    return makeError(error);
  }
}
