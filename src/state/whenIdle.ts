// Work that may wait until the page is idle after the next paint: everything a keystroke changes
// except the verdict and the token box — the decoded JSON, claims, lint, snippets, the Monaco editors.

/** Chromium runs an idle callback at the latest this long after it was asked for, however busy the page. */
export const IDLE_TIMEOUT_MS = 150;

/** Calls `callback` once the browser is idle (or after `timeoutMs`); returns a function that cancels it. */
export function whenIdle(callback: () => void, timeoutMs = IDLE_TIMEOUT_MS): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => callback(), { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  // Safari has no requestIdleCallback: the task after the next frame is the nearest thing.
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(callback, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}
