// Small wording helpers of the JWE panels.

/** "1 byte", "16 bytes". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The number of bytes a base64url text (no padding) stands for. */
export function base64urlBytes(text: string): number {
  return Math.floor((text.replace(/=+$/, '').length * 3) / 4);
}
