// Small JSON edits the UI makes on the user's behalf (set `alg`, stamp `iat`/`exp`/`nbf`). What gets signed
// and how an edited part goes back into a token is the core's (core/payload-bytes.ts).

export type JsonObjectResult = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

export function parseJsonObject(text: string): JsonObjectResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: 'It must be a JSON object ({ … }).' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Returns the text with `changes` merged into the top-level object, or undefined when it is not an object. */
export function withMembers(text: string, changes: Record<string, unknown>): string | undefined {
  const parsed = parseJsonObject(text);
  if (!parsed.ok) return undefined;
  const next = { ...parsed.value };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete next[name];
    else next[name] = value;
  }
  return prettyJson(next);
}
