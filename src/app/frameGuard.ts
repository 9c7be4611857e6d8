// Inside someone else's frame the app would be a key box on a page we do not control (clickjacking, or a
// page that reads what is typed by overlaying it). Where the host sends `frame-ancestors 'none'` the browser
// refuses the frame outright; this covers hosts that cannot send headers (GitHub Pages, a file share): the
// framed app shows only a notice with a link to open it in its own tab, and never reads its link or keys.

/** True when this page is not the top-level document. */
export function isFramed(win: Window = window): boolean {
  try {
    return win.top !== win.self;
  } catch {
    // Some browsers throw on touching a cross-origin parent: that is a frame too.
    return true;
  }
}

/** The app's own address without its query or fragment: nothing the framing page put in the link is carried over. */
export function ownTabUrl(loc: Pick<Location, 'origin' | 'pathname'> = location): string {
  return `${loc.origin}${loc.pathname}`;
}
