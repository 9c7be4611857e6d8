// JSON for read-only display, shared by every panel that shows a header or payload it did not let the user edit.

/** Pretty JSON (two spaces); the plain text of a value JSON cannot stringify, or one nested too deep for it. */
export function prettyJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    // JSON.stringify recurses: a payload nested thousands of levels deep overflows the stack.
    return String(value);
  }
}
