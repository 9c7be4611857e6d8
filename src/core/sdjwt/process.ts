// RFC 9901 §7.1 step 3–5: replace the embedded digests with the disclosed claims, recursively, as a verifier does.
// Nothing is thrown: every broken rule becomes a problem, and the rest is still processed so the page can show it.
import { formatPath, type PathSegment } from './json-path';
import type { DecodedDisclosure } from './disclosure';
import type { SdProblem, SdUndisclosedDigest } from './types';

export type DisclosureEntry = { index: number; digest: string | undefined; decoded: DecodedDisclosure };

export type Placement = { path: string; parent?: number };

export type ProcessOutput = {
  processed: Record<string, unknown>;
  problems: SdProblem[];
  placements: Map<number, Placement>;
  /** Disclosures a digest matched but whose insertion broke a rule. */
  rejected: Set<number>;
  /** Disclosures sent a second time. */
  repeated: Set<number>;
  undisclosed: SdUndisclosedDigest[];
  digestCount: number;
};

/** Deeper than any real credential; keeps a hostile payload from exhausting the stack. */
const MAX_DEPTH = 200;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// A claim named "__proto__" must become an own property, not the object's prototype.
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function label(entry: DisclosureEntry): string {
  const d = entry.decoded;
  return d.kind === 'property'
    ? `Disclosure ${entry.index + 1} (claim "${d.name}")`
    : d.kind === 'array-element'
      ? `Disclosure ${entry.index + 1} (array element)`
      : `Disclosure ${entry.index + 1}`;
}

class Processor {
  readonly problems: SdProblem[] = [];
  readonly placements = new Map<number, Placement>();
  readonly rejected = new Set<number>();
  readonly repeated = new Set<number>();
  readonly undisclosed: SdUndisclosedDigest[] = [];
  digestCount = 0;
  private readonly byDigest = new Map<string, DisclosureEntry>();
  private readonly seen = new Map<string, string>();
  private readonly referenced = new Set<number>();
  private tooDeep = false;

  constructor(entries: readonly DisclosureEntry[]) {
    for (const entry of entries) {
      if (entry.digest === undefined) continue;
      const earlier = this.byDigest.get(entry.digest);
      if (earlier) {
        this.repeated.add(entry.index);
        this.problems.push({
          code: 'disclosure-repeated',
          message: `${label(entry)} is disclosure ${earlier.index + 1} sent again; a holder must send each disclosure once (RFC 9901 §4).`,
          disclosure: entry.index,
        });
      } else this.byDigest.set(entry.digest, entry);
    }
  }

  unreferenced(entries: readonly DisclosureEntry[]): void {
    for (const entry of entries) {
      if (entry.digest === undefined || this.referenced.has(entry.index) || this.repeated.has(entry.index)) continue;
      this.problems.push({
        code: 'disclosure-unreferenced',
        message: `${label(entry)} is referenced by no digest in the Issuer-signed JWT or in another disclosure: it was not issued with this JWT (forged, or taken from another SD-JWT; RFC 9901 §7.1 step 5).`,
        disclosure: entry.index,
      });
    }
  }

  /** Counts the digest; false when it was seen before (RFC 9901 §7.1 step 4). */
  private firstSighting(digest: string, where: string): boolean {
    this.digestCount++;
    const before = this.seen.get(digest);
    if (before !== undefined) {
      this.problems.push({
        code: 'digest-repeated',
        message: `The digest ${digest} appears twice, at ${before} and at ${where}; each digest may appear once (RFC 9901 §7.1 step 4).`,
        path: where,
      });
      return false;
    }
    this.seen.set(digest, where);
    return true;
  }

  walk(value: unknown, path: PathSegment[], parent: number | undefined, depth: number): unknown {
    if (depth > MAX_DEPTH) {
      if (!this.tooDeep) {
        this.tooDeep = true;
        this.problems.push({
          code: 'too-deep',
          message: `The payload nests deeper than ${MAX_DEPTH} levels at ${formatPath(path)}; deeper values are shown as they are.`,
          path: formatPath(path),
        });
      }
      return value;
    }
    if (Array.isArray(value)) return this.walkArray(value, path, parent, depth);
    if (isObject(value)) return this.walkObject(value, path, parent, depth);
    return value;
  }

  private walkArray(items: unknown[], path: PathSegment[], parent: number | undefined, depth: number): unknown[] {
    const out: unknown[] = [];
    items.forEach((item, i) => {
      const digest = isObject(item) && Object.hasOwn(item, '...') ? item['...'] : undefined;
      const isDigest = isObject(item) && Object.keys(item).length === 1 && typeof digest === 'string';
      if (!isDigest) {
        out.push(this.walk(item, [...path, out.length], parent, depth + 1));
        return;
      }
      const where = `${formatPath(path)}[${i}]`;
      if (!this.firstSighting(digest, where)) return;
      const entry = this.byDigest.get(digest);
      if (!entry) {
        this.undisclosed.push({ digest, kind: 'array-element', container: formatPath(path) });
        return;
      }
      this.referenced.add(entry.index);
      const d = entry.decoded;
      if (d.kind === 'malformed') return;
      if (d.kind !== 'array-element') {
        this.reject(
          entry,
          'disclosure-kind',
          `${label(entry)} has 3 elements, but its digest is an array element at ${where}; an array element's disclosure has 2 (salt, value) (RFC 9901 §7.1 step 3.3.1).`,
          where,
        );
        return;
      }
      const at = [...path, out.length];
      this.placements.set(entry.index, { path: formatPath(at), ...(parent === undefined ? {} : { parent }) });
      out.push(this.walk(d.value, at, entry.index, depth + 1));
    });
    return out;
  }

  private walkObject(
    object: Record<string, unknown>,
    path: PathSegment[],
    parent: number | undefined,
    depth: number,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const here = formatPath(path);
    for (const [key, value] of Object.entries(object)) {
      if (key === '_sd') continue;
      if (key === '_sd_alg') {
        // Removed at the top (§7.1 step 3.6); anywhere else it is not allowed (§4.1.1).
        if (path.length > 0 || parent !== undefined) {
          this.problems.push({
            code: 'sd-alg-nested',
            message: `"_sd_alg" appears at ${formatPath([...path, key])}; it may appear only at the top level of the payload (RFC 9901 §4.1.1).`,
            path: formatPath([...path, key]),
          });
        }
        continue;
      }
      if (key === '...') {
        this.problems.push({
          code: 'ellipsis-misused',
          message: `"..." appears as a claim at ${here}; it may only be the single key of an array element holding a digest (RFC 9901 §4.1, §4.2.4.2).`,
          path: here,
        });
      }
      setOwn(out, key, this.walk(value, [...path, key], parent, depth + 1));
    }
    if (!Object.hasOwn(object, '_sd')) return out;
    const sd = object._sd;
    const sdPath = formatPath([...path, '_sd']);
    if (!Array.isArray(sd) || !sd.every((d) => typeof d === 'string')) {
      this.problems.push({
        code: 'sd-not-array',
        message: `"_sd" at ${sdPath} must be an array of digest strings (RFC 9901 §4.2.4.1).`,
        path: sdPath,
      });
      if (!Array.isArray(sd)) return out;
    }
    sd.forEach((digest, i) => {
      if (typeof digest !== 'string') return;
      const where = `${sdPath}[${i}]`;
      if (!this.firstSighting(digest, where)) return;
      const entry = this.byDigest.get(digest);
      if (!entry) {
        this.undisclosed.push({ digest, kind: 'property', container: here });
        return;
      }
      this.referenced.add(entry.index);
      const d = entry.decoded;
      if (d.kind === 'malformed') return;
      if (d.kind !== 'property') {
        this.reject(
          entry,
          'disclosure-kind',
          `${label(entry)} has 2 elements (an array element), but its digest is in "_sd" at ${where}; a claim's disclosure has 3 (salt, name, value) (RFC 9901 §7.1 step 3.2.1).`,
          where,
        );
        return;
      }
      if (d.name === '_sd' || d.name === '...') {
        this.reject(
          entry,
          'disclosure-reserved-name',
          `${label(entry)} uses the reserved name "${d.name}" (RFC 9901 §7.1 step 3.2.2).`,
          where,
        );
        return;
      }
      if (Object.hasOwn(out, d.name)) {
        const at = formatPath([...path, d.name]);
        this.reject(
          entry,
          'claim-overwrite',
          `${label(entry)} would overwrite the claim already at ${at} (RFC 9901 §7.1 step 3.2.3).`,
          at,
        );
        return;
      }
      const at = [...path, d.name];
      this.placements.set(entry.index, { path: formatPath(at), ...(parent === undefined ? {} : { parent }) });
      setOwn(out, d.name, this.walk(d.value, at, entry.index, depth + 1));
    });
    return out;
  }

  private reject(entry: DisclosureEntry, code: SdProblem['code'], message: string, path: string): void {
    this.rejected.add(entry.index);
    this.problems.push({ code, message, disclosure: entry.index, path });
  }
}

/** Processes the Issuer-signed JWT's payload with the disclosures sent (RFC 9901 §7.1 step 3). */
export function processPayload(payload: Record<string, unknown>, entries: readonly DisclosureEntry[]): ProcessOutput {
  const processor = new Processor(entries);
  const processed = processor.walk(payload, [], undefined, 0) as Record<string, unknown>;
  processor.unreferenced(entries);
  return {
    processed,
    problems: processor.problems,
    placements: processor.placements,
    rejected: processor.rejected,
    repeated: processor.repeated,
    undisclosed: processor.undisclosed,
    digestCount: processor.digestCount,
  };
}
