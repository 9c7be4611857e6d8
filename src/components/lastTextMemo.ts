// Several panels read the same token text on every keystroke; each token kind decodes it once and shares the view.

/** `read` remembered for the last text only: the panels of one token ask for the same text, then it changes. */
export function lastTextMemo<T>(read: (text: string) => T): (text: string) => T {
  let last: { text: string; view: T } | undefined;
  return (text) => {
    if (last?.text !== text) last = { text, view: read(text) };
    return last.view;
  };
}
