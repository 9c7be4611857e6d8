// Issuing an SD-JWT (RFC 9901 §4.1–4.2, §5.1): the claims named by JSON paths become disclosures, their digests
// take their place (`_sd` in objects, `{"...": digest}` in arrays), decoys are mixed in, and the issuer signs.
// Inner paths are concealed before outer ones, so a path inside another makes a recursive disclosure (§4.2.6).
import { encodeBase64url } from '../lib/token-base64url';
import { signToken } from '../sign';
import { sdDigest, webCryptoHashName } from './hash';
import { formatPath, parsePath, type PathPattern, type PathSegment } from './json-path';
import { defaultAlgForKey, holderPublicJwk, makeError } from './key-alg';
import type { IssuedDisclosure, IssueSdJwtInput, IssueSdJwtResult, SdJwtMakeError } from './types';
import { mediaType } from './vc';

const SD_ALGS = ['sha-256', 'sha-384', 'sha-512'];
// SD-JWT VC draft, "Registered JWT Claims": never selectively disclosed.
const VC_NEVER_DISCLOSED = ['iss', 'nbf', 'exp', 'cnf', 'vct', 'vct#integrity', 'status'];
const MAX_DECOYS = 1000;

type Fail = SdJwtMakeError;
const fail = (code: string, message: string): Fail => ({ ok: false, code, message });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function readObject(
  what: 'payload' | 'header',
  value: string | Record<string, unknown>,
): { ok: true; value: Record<string, unknown> } | Fail {
  if (typeof value !== 'string') return { ok: true, value: structuredClone(value) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    return fail(
      `${what}-json`,
      `The ${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  return isObject(parsed) ? { ok: true, value: parsed } : fail(`${what}-json`, `The ${what} must be a JSON object.`);
}

/** Every concrete location a pattern names in `root`; a message when a step finds nothing. */
function expand(root: unknown, pattern: PathPattern[], text: string): PathSegment[][] | string {
  let found: { value: unknown; path: PathSegment[] }[] = [{ value: root, path: [] }];
  for (const step of pattern) {
    const next: typeof found = [];
    for (const { value, path } of found) {
      if (step.kind === 'every') {
        if (Array.isArray(value)) value.forEach((v, i) => next.push({ value: v, path: [...path, i] }));
        else if (isObject(value))
          for (const [k, v] of Object.entries(value)) next.push({ value: v, path: [...path, k] });
      } else if (step.kind === 'index') {
        if (Array.isArray(value) && step.index < value.length) {
          next.push({ value: value[step.index], path: [...path, step.index] });
        }
      } else if (isObject(value) && Object.hasOwn(value, step.key)) {
        next.push({ value: value[step.key], path: [...path, step.key] });
      }
    }
    if (next.length === 0) {
      const where = formatPath(found[0]?.path ?? []);
      return `"${text}" names nothing in the payload: nothing matches after ${where}.`;
    }
    found = next;
  }
  return found.map((f) => f.path);
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let value = root;
  for (const s of path) value = (value as Record<string | number, unknown>)[s];
  return value;
}

function findReserved(value: unknown, path: PathSegment[]): string | undefined {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findReserved(v, [...path, i]);
      if (found) return found;
    }
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '_sd' || k === '...') return formatPath([...path, k]);
      const found = findReserved(v, [...path, k]);
      if (found) return found;
    }
  }
  return undefined;
}

class Concealer {
  readonly disclosures: IssuedDisclosure[] = [];
  readonly decoyDigests: { container: string; digest: string }[] = [];
  constructor(
    private readonly hashName: string,
    private readonly marks: ReadonlySet<string>,
    private readonly decoys: ReadonlyMap<string, number>,
    private readonly random: (length: number) => Uint8Array,
  ) {}

  private salt(): string {
    return encodeBase64url(this.random(16));
  }

  private async disclose(path: PathSegment[], name: string | undefined, value: unknown): Promise<string> {
    const salt = this.salt();
    const array = name === undefined ? [salt, value] : [salt, name, value];
    const encoded = encodeBase64url(new TextEncoder().encode(JSON.stringify(array)));
    const digest = await sdDigest(this.hashName, encoded);
    this.disclosures.push({
      path: formatPath(path),
      kind: name === undefined ? 'array-element' : 'property',
      salt,
      ...(name === undefined ? {} : { name }),
      value,
      encoded,
      digest,
    });
    return digest;
  }

  private async decoysFor(path: PathSegment[]): Promise<string[]> {
    const container = formatPath(path);
    const out: string[] = [];
    for (let i = 0; i < (this.decoys.get(container) ?? 0); i++) {
      // RFC 9901 §4.2.5: the digest of a random value, with the same hash as the disclosures.
      const digest = await sdDigest(this.hashName, encodeBase64url(this.random(32)));
      this.decoyDigests.push({ container, digest });
      out.push(digest);
    }
    return out;
  }

  async conceal(value: unknown, path: PathSegment[]): Promise<unknown> {
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const [i, item] of value.entries()) {
        const at = [...path, i];
        const inner = await this.conceal(item, at);
        out.push(this.marks.has(formatPath(at)) ? { '...': await this.disclose(at, undefined, inner) } : inner);
      }
      for (const digest of await this.decoysFor(path)) {
        const position = (this.random(1)[0] ?? 0) % (out.length + 1);
        out.splice(position, 0, { '...': digest });
      }
      return out;
    }
    if (!isObject(value)) return value;
    const kept: Record<string, unknown> = {};
    const sd: string[] = [];
    for (const [key, item] of Object.entries(value)) {
      const at = [...path, key];
      const inner = await this.conceal(item, at);
      if (this.marks.has(formatPath(at))) sd.push(await this.disclose(at, key, inner));
      else setOwn(kept, key, inner);
    }
    sd.push(...(await this.decoysFor(path)));
    if (sd.length === 0) return kept;
    // Sorted, so the order says nothing about the claims (RFC 9901 §4.2.4.1).
    const out: Record<string, unknown> = { _sd: sd.sort() };
    for (const [k, v] of Object.entries(kept)) setOwn(out, k, v);
    return out;
  }
}

function readDecoys(payload: Record<string, unknown>, decoys: IssueSdJwtInput['decoys']): Map<string, number> | Fail {
  const spec: Record<string, number> = typeof decoys === 'number' ? { $: decoys } : { ...(decoys ?? {}) };
  const out = new Map<string, number>();
  for (const [text, count] of Object.entries(spec)) {
    if (!Number.isInteger(count) || count < 0 || count > MAX_DECOYS) {
      return fail('decoys', `The decoy count for ${text} must be a whole number from 0 to ${MAX_DECOYS}.`);
    }
    const parsed = parsePath(text);
    if (!parsed.ok) return fail('path', parsed.message);
    const found = expand(payload, parsed.segments, text);
    if (typeof found === 'string') return fail('path-not-found', found);
    for (const path of found) {
      const target = valueAt(payload, path);
      if (!isObject(target) && !Array.isArray(target)) {
        return fail('decoys', `Decoys go into an object or an array; ${formatPath(path)} is neither.`);
      }
      out.set(formatPath(path), (out.get(formatPath(path)) ?? 0) + count);
    }
  }
  return out;
}

/**
 * Issues an SD-JWT: the claims at the `disclose` paths become disclosures, with `decoys` and `sdAlg`, signed with
 * `key` through signToken; `holderKey`'s public JWK becomes `cnf.jwk`. Never throws for bad input: the result
 * says what is wrong (`ok: false`, with a code).
 */
export async function issueSdJwt(input: IssueSdJwtInput): Promise<IssueSdJwtResult> {
  const payload = readObject('payload', input.payload);
  if (!payload.ok) return payload;
  const header = readObject('header', input.header ?? {});
  if (!header.ok) return header;
  const claims = payload.value;
  const jose = header.value;
  const warnings: string[] = [];
  const sdAlg = input.sdAlg ?? 'sha-256';
  const hashName = webCryptoHashName(sdAlg);
  if (!SD_ALGS.includes(sdAlg) || hashName === undefined) {
    return fail('sd-alg', `"${String(sdAlg)}" cannot be used as _sd_alg here; choose sha-256, sha-384 or sha-512.`);
  }
  const reserved = findReserved(claims, []);
  if (reserved) {
    return fail(
      'path-reserved',
      `The payload already has ${reserved}; "_sd" and "..." are made by the issuer, not written as claims.`,
    );
  }
  if (Object.hasOwn(claims, '_sd_alg')) {
    warnings.push(`"_sd_alg" in the payload was replaced by "${sdAlg}".`);
    delete claims._sd_alg;
  }
  try {
    if (input.holderKey) {
      if (claims.cnf !== undefined) warnings.push('The payload\'s "cnf" was replaced by the holder key.');
      claims.cnf = { jwk: await holderPublicJwk(input.holderKey) };
    }
    const marks = new Set<string>();
    for (const text of input.disclose) {
      if (text.trim() === '') continue;
      const parsed = parsePath(text);
      if (!parsed.ok) return fail('path', parsed.message);
      const found = expand(claims, parsed.segments, text);
      if (typeof found === 'string') return fail('path-not-found', found);
      for (const path of found) {
        if (path.length === 0)
          return fail('path-reserved', 'The payload itself ($) cannot be selectively disclosed, only its claims.');
        marks.add(formatPath(path));
      }
    }
    const decoys = readDecoys(claims, input.decoys);
    if (!(decoys instanceof Map)) return decoys;
    if (jose.typ === undefined && typeof claims.vct === 'string') jose.typ = 'dc+sd-jwt';
    if (jose.alg === undefined) jose.alg = defaultAlgForKey(input.key).alg;
    const isVc = mediaType(jose.typ) === 'dc+sd-jwt' || mediaType(jose.typ) === 'vc+sd-jwt' || claims.vct !== undefined;
    const forbidden = VC_NEVER_DISCLOSED.filter((c) => marks.has(formatPath([c])));
    if (isVc && forbidden.length > 0) {
      warnings.push(
        `SD-JWT VC forbids disclosing ${forbidden.map((c) => `"${c}"`).join(', ')} selectively; verifiers may reject this credential.`,
      );
    }
    const random = input.random ?? ((n: number) => crypto.getRandomValues(new Uint8Array(n)));
    const concealer = new Concealer(hashName, marks, decoys, random);
    const concealed = (await concealer.conceal(claims, [])) as Record<string, unknown>;
    concealed._sd_alg = sdAlg;
    const issuerJwt = await signToken(JSON.stringify(jose), JSON.stringify(concealed), input.key);
    const encoded = concealer.disclosures.map((d) => d.encoded);
    return {
      ok: true,
      sdJwt: `${issuerJwt}~${encoded.map((d) => `${d}~`).join('')}`,
      issuerJwt,
      header: jose,
      payload: concealed,
      disclosures: concealer.disclosures,
      decoys: concealer.decoyDigests,
      warnings,
    };
  } catch (error) {
    return makeError(error);
  }
}
