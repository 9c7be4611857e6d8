// SD-JWT VC (draft-ietf-oauth-sd-jwt-vc): the credential type, the media type in `typ`, and the status reference.
// The status list is shown, never fetched: fetching it tells its host which credential is being looked at.
import type { SdJwtVcInfo } from './types';

// Claims the SD-JWT VC draft says MUST NOT be selectively disclosed ("Registered JWT Claims").
const NEVER_DISCLOSED = ['iss', 'nbf', 'exp', 'cnf', 'vct', 'vct#integrity', 'status'];

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** `typ` compared as a media type: case-insensitive, `application/` optional (RFC 7515 §4.1.9). */
export function mediaType(typ: unknown): string | undefined {
  return typeof typ === 'string' ? typ.toLowerCase().replace(/^application\//, '') : undefined;
}

/**
 * The SD-JWT VC facts, or undefined when nothing says this is one (neither the typ nor a `vct`).
 * `disclosedTopLevel` names the top-level claims that came from disclosures.
 */
export function describeVc(
  header: Record<string, unknown>,
  processed: Record<string, unknown>,
  disclosedTopLevel: ReadonlySet<string>,
): SdJwtVcInfo | undefined {
  const typ = typeof header.typ === 'string' ? header.typ : undefined;
  const type = mediaType(typ);
  const vct = processed.vct;
  if (type !== 'dc+sd-jwt' && type !== 'vc+sd-jwt' && vct === undefined) return undefined;
  const notes: string[] = [];
  const typState: SdJwtVcInfo['typState'] =
    type === 'dc+sd-jwt' ? 'dc+sd-jwt' : type === 'vc+sd-jwt' ? 'vc+sd-jwt' : typ === undefined ? 'missing' : 'other';
  if (typState === 'vc+sd-jwt') {
    notes.push(
      '"typ": "vc+sd-jwt" is the media type SD-JWT VC used until November 2024; it is accepted, but current issuers write "dc+sd-jwt".',
    );
  } else if (typState === 'missing') {
    notes.push('The header has no "typ"; an SD-JWT VC must have "typ": "dc+sd-jwt".');
  } else if (typState === 'other') {
    notes.push(`The payload has "vct", but "typ" is "${typ}"; an SD-JWT VC must have "typ": "dc+sd-jwt".`);
  }
  if (typeof vct !== 'string') {
    notes.push(
      vct === undefined
        ? 'The payload has no "vct" (credential type), which an SD-JWT VC requires.'
        : '"vct" must be a string.',
    );
  }
  const disclosed = NEVER_DISCLOSED.filter((c) => disclosedTopLevel.has(c));
  if (disclosed.length > 0) {
    notes.push(
      `${disclosed.map((c) => `"${c}"`).join(', ')} ${disclosed.length === 1 ? 'is' : 'are'} selectively disclosed, which SD-JWT VC forbids.`,
    );
  }
  const info: SdJwtVcInfo = { typState, notes };
  if (typ !== undefined) info.typ = typ;
  if (typeof vct === 'string') info.vct = vct;
  if (typeof processed['vct#integrity'] === 'string') info.vctIntegrity = processed['vct#integrity'];
  if (typeof processed.iss === 'string') info.iss = processed.iss;
  if (processed.status !== undefined) {
    info.status = processed.status;
    const list = asRecord(asRecord(processed.status)?.status_list);
    if (list) info.statusList = { idx: list.idx, uri: list.uri };
  }
  return info;
}
