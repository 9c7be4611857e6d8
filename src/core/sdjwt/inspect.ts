// Reads an SD-JWT as a verifier would (RFC 9901 §7.1 and §7.3 steps 3–4): split, decode the Issuer-signed JWT,
// hash each disclosure with `_sd_alg`, and process the payload. Never throws; signatures are checked elsewhere
// (verify-issuer.ts, key-binding.ts) because they need keys.
//
// Hand-written on jose and WebCrypto rather than @sd-jwt/core (7 KB gzip with its own decode/present, 3 KB for
// decode alone): its processing silently overwrites claims and ignores unreferenced disclosures, and throws
// untyped errors, while the page needs every §7.1 rule as a coded problem, paths and the undisclosed count.
import { TokenError } from '../errors';
import { decodeToken, MAX_TOKEN_LENGTH, type DecodedToken } from '../token';
import { decodeDisclosure } from './disclosure';
import { formatPath } from './json-path';
import { resolveSdAlg, sdDigest, webCryptoHashName } from './hash';
import { processPayload, type DisclosureEntry } from './process';
import { splitSdJwt } from './split';
import type { SdAlgInfo, SdDisclosure, SdJwtInspection, SdProblem, SdStructureVerdict } from './types';
import { describeVc } from './vc';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function verdict(problems: SdProblem[], disclosures: SdDisclosure[], undisclosed: number): SdStructureVerdict {
  const first = problems[0];
  if (first) {
    const more = problems.length > 1 ? ` (and ${plural(problems.length - 1, 'more problem')})` : '';
    return { state: 'error', code: first.code, message: `${first.message}${more}`, problems };
  }
  const sent =
    disclosures.length === 0
      ? 'No disclosures'
      : `${plural(disclosures.length, 'disclosure')}, each matched to a digest`;
  const hidden =
    undisclosed === 0
      ? 'no digest left undisclosed'
      : `${plural(undisclosed, 'digest')} not disclosed (undisclosed claims or decoys; which, cannot be known)`;
  return { state: 'ok', message: `${sent}; ${hidden}.`, problems };
}

function emptyInspection(input: string, problem: SdProblem): SdJwtInspection {
  return {
    format: 'compact',
    normalized: input,
    changes: [],
    ranges: { issuer: [0, 0], disclosures: [] },
    issuerJwt: '',
    sdAlg: { name: 'sha-256', source: 'default', state: 'supported' },
    disclosures: [],
    undisclosed: [],
    digestCount: 0,
    structure: { state: 'error', code: problem.code, message: problem.message, problems: [problem] },
    presentation: '',
  };
}

function decodeIssuer(issuerJwt: string, problems: SdProblem[]): DecodedToken | undefined {
  try {
    return decodeToken(issuerJwt);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const code = error instanceof TokenError ? ` (${error.code})` : '';
    problems.push({ code: 'issuer-jwt', message: `The Issuer-signed JWT does not decode${code}: ${detail}` });
    return undefined;
  }
}

function algProblem(sdAlg: SdAlgInfo): SdProblem | undefined {
  if (sdAlg.state === 'supported') return undefined;
  const code =
    sdAlg.state === 'invalid'
      ? 'sd-alg-invalid'
      : sdAlg.state === 'weak'
        ? 'sd-alg-weak'
        : sdAlg.state === 'unsupported'
          ? 'sd-alg-unsupported'
          : 'sd-alg-unknown';
  return { code, message: sdAlg.message ?? `"_sd_alg" "${sdAlg.name}" cannot be used.`, path: '$._sd_alg' };
}

/**
 * Everything the page shows about an SD-JWT or SD-JWT+KB (compact, or the JWS JSON Serialization): the parts, each
 * disclosure with its digest and where it lands, the processed payload, the undisclosed digests, and the structure
 * verdict. Never throws.
 */
export async function inspectSdJwt(input: string): Promise<SdJwtInspection> {
  if (input.length > MAX_TOKEN_LENGTH) {
    return emptyInspection('', {
      code: 'too-large',
      message: `The SD-JWT is ${input.length} characters long, over the ${MAX_TOKEN_LENGTH}-character limit.`,
    });
  }
  const split = splitSdJwt(input);
  if (!split.ok) return emptyInspection(input, split.problem);
  const parts = split.parts;
  const problems: SdProblem[] = [...parts.problems];
  const issuer = decodeIssuer(parts.issuerJwt, problems);
  const rawPayload = issuer && isObject(issuer.payload) ? issuer.payload : undefined;
  if (issuer && !rawPayload) {
    problems.push({
      code: 'payload-not-object',
      message: "The Issuer-signed JWT's payload is not a JSON object, so it has no claims to disclose.",
    });
  }
  const sdAlg: SdAlgInfo = rawPayload
    ? await resolveSdAlg(rawPayload)
    : { name: 'sha-256', source: 'default', state: 'supported' };
  const badAlg = algProblem(sdAlg);
  if (badAlg) problems.push(badAlg);
  const hashName = sdAlg.state === 'supported' ? webCryptoHashName(sdAlg.name) : undefined;

  const entries: DisclosureEntry[] = await Promise.all(
    parts.disclosures.map(async ({ encoded }, index) => ({
      index,
      digest: hashName === undefined ? undefined : await sdDigest(hashName, encoded),
      decoded: decodeDisclosure(encoded),
    })),
  );
  for (const entry of entries) {
    if (entry.decoded.kind === 'malformed') {
      problems.push({
        code: entry.decoded.code,
        message: `Disclosure ${entry.index + 1} is malformed: ${entry.decoded.reason}.`,
        disclosure: entry.index,
      });
    }
  }
  const output = rawPayload ? processPayload(rawPayload, entries) : undefined;
  if (output) problems.push(...output.problems);

  const disclosures: SdDisclosure[] = entries.map((entry) => {
    const d = entry.decoded;
    const placement = output?.placements.get(entry.index);
    const state: SdDisclosure['state'] =
      d.kind === 'malformed'
        ? 'malformed'
        : entry.digest === undefined || !output
          ? 'unchecked'
          : output.repeated.has(entry.index)
            ? 'repeated'
            : output.rejected.has(entry.index)
              ? 'rejected'
              : placement
                ? 'placed'
                : 'unreferenced';
    const out: SdDisclosure = {
      index: entry.index,
      encoded: parts.disclosures[entry.index]?.encoded ?? '',
      kind: d.kind,
      state,
    };
    if (entry.digest !== undefined) out.digest = entry.digest;
    if (d.json !== undefined) out.json = d.json;
    if (d.kind !== 'malformed') {
      out.salt = d.salt;
      out.value = d.value;
      if (d.kind === 'property') out.name = d.name;
    }
    if (placement) {
      out.path = placement.path;
      if (placement.parent !== undefined) out.parent = placement.parent;
    }
    const problem = problems.find((p) => p.disclosure === entry.index);
    if (problem) out.problem = problem;
    return out;
  });

  const undisclosed = output?.undisclosed ?? [];
  const inspection: SdJwtInspection = {
    format: parts.format,
    normalized: parts.normalized,
    changes: parts.changes,
    ranges: {
      issuer: parts.issuerRange,
      disclosures: parts.disclosures.map((d) => d.range),
      ...(parts.kbRange ? { kb: parts.kbRange } : {}),
    },
    issuerJwt: parts.issuerJwt,
    sdAlg,
    disclosures,
    undisclosed,
    digestCount: output?.digestCount ?? 0,
    structure: verdict(problems, disclosures, undisclosed.length),
    presentation: parts.presentation,
  };
  if (issuer) inspection.issuer = issuer;
  if (rawPayload) inspection.rawPayload = rawPayload;
  if (output) inspection.processedPayload = output.processed;
  if (parts.kbJwt !== undefined) {
    inspection.kbJwt = parts.kbJwt;
    try {
      inspection.kb = decodeToken(parts.kbJwt);
    } catch (error) {
      inspection.kbError = `The Key Binding JWT does not decode: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  if (issuer && output) {
    const topLevel = new Set(
      disclosures.flatMap((d) => (d.name !== undefined && d.path === formatPath([d.name]) ? [d.name] : [])),
    );
    const vc = describeVc(issuer.header, output.processed, topLevel);
    if (vc) inspection.vc = vc;
  }
  return inspection;
}
