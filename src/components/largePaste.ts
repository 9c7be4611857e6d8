// A large paste into a textarea is taken over before the browser inserts it: the browser's own insertion of
// megabytes (its editing path, then laying the text out) held the page for seconds, longer than any of our work.
import type { ClipboardEvent } from 'react';

/** The text a paste leaves in `box`: its value with the selection replaced by `inserted`. */
export function valueAfterPaste(box: HTMLTextAreaElement, inserted: string): string {
  return box.value.slice(0, box.selectionStart) + inserted + box.value.slice(box.selectionEnd);
}

/**
 * For a textarea's onPaste: the box's text after a paste of more than `threshold` characters, with the
 * browser's own insertion cancelled, so the caller stores (or refuses) it. Undefined for a smaller paste, which
 * the browser inserts as usual (keeping its undo history).
 */
export function takeLargePaste(event: ClipboardEvent<HTMLTextAreaElement>, threshold: number): string | undefined {
  const pasted = event.clipboardData.getData('text/plain');
  if (pasted.length <= threshold) return undefined;
  event.preventDefault();
  return valueAfterPaste(event.currentTarget, pasted);
}
