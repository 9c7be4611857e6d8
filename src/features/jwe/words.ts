// Small wording helpers of the JWE panels.

/** "1 byte", "16 bytes". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The number of bytes a base64url text (no padding) stands for. */
export function base64urlBytes(text: string): number {
  return Math.floor((text.replace(/=+$/, '').length * 3) / 4);
}

/** Pretty JSON for a read-only editor; the raw text when a value cannot be stringified. */
export function prettyJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}
