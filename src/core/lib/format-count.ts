// Counts in messages (characters, iterations, bytes), grouped the same way whatever the page's locale.

/**
 * 1234567 → "1,234,567". Not toLocaleString: its first call loads ICU data, which costs more than the message
 * it formats (a refusal of oversized input must be cheap).
 */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
