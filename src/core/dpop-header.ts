// Recognising a DPoP proof by its header alone: cheap enough for the first load, where verification decides
// whether a token without a key is checked with the key its header carries.

/** A DPoP proof (RFC 9449 §4.2): typ dpop+jwt, any case, with or without `application/`. */
export function isDpopProofHeader(header: Record<string, unknown>): boolean {
  return (
    typeof header.typ === 'string' &&
    header.typ
      .trim()
      .toLowerCase()
      .replace(/^application\//, '') === 'dpop+jwt'
  );
}
