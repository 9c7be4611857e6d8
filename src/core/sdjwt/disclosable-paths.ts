// What the Encode view offers to make selectively disclosable: every object property and array element of a payload,
// as the JSON paths `issueSdJwt` takes, in document order, so a user can tick them one by one (also by keyboard).
import { formatPath, type PathSegment } from './json-path';

export type DisclosablePath = {
  /** `$.address.street_address`, `$.nationalities[1]`. */
  path: string;
  kind: 'property' | 'array-element';
  /** The claim name, or `[1]` for an array element. */
  label: string;
  /** 0 for a top-level claim. */
  depth: number;
  /** The value in short: JSON up to about 40 characters, `{…}` / `[…]` with their size for containers. */
  preview: string;
};

export type DisclosablePaths = { paths: DisclosablePath[]; truncated: boolean };

// Made by the issuer, never by the claims author (RFC 9901 §4.2.4.1, §4.2.4.2, §4.1.1).
const RESERVED = new Set(['_sd', '_sd_alg', '...']);
const PREVIEW_CHARS = 40;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function preview(value: unknown): string {
  if (Array.isArray(value)) return `[…] ${value.length} element${value.length === 1 ? '' : 's'}`;
  if (isObject(value)) {
    const n = Object.keys(value).length;
    return `{…} ${n} member${n === 1 ? '' : 's'}`;
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;
}

/**
 * The properties and array elements of `payload` (an object), depth first, up to `limit` of them; `_sd`, `_sd_alg`
 * and `...` are left out. Anything but an object gives an empty list.
 */
export function listDisclosablePaths(payload: unknown, limit = 500): DisclosablePaths {
  const paths: DisclosablePath[] = [];
  let truncated = false;
  const walk = (value: unknown, at: PathSegment[]): void => {
    const entries: [PathSegment, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : isObject(value)
        ? Object.entries(value).filter(([k]) => !RESERVED.has(k))
        : [];
    for (const [segment, item] of entries) {
      if (paths.length >= limit) {
        truncated = true;
        return;
      }
      const path = [...at, segment];
      paths.push({
        path: formatPath(path),
        kind: typeof segment === 'number' ? 'array-element' : 'property',
        label: typeof segment === 'number' ? `[${segment}]` : segment,
        depth: at.length,
        preview: preview(item),
      });
      walk(item, path);
    }
  };
  if (isObject(payload)) walk(payload, []);
  return { paths, truncated };
}
