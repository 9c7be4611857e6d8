// The first lines of a JSON value as JSON.stringify(value, null, 2) writes it, without writing the rest:
// a 1 MB claim set is some 30,000 lines, and a view that shows twenty of them should not pay for all.

export type JsonPreview = {
  /** The first `shownLines` lines of the pretty-printed value, joined with "\n" (no trailing newline). */
  text: string;
  shownLines: number;
  /** How many lines the whole pretty-printed value has. */
  totalLines: number;
};

type Container = unknown[] | Record<string, unknown>;

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function isEmpty(value: Container): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

/** Lines of JSON.stringify(value, null, 2), counted with an explicit stack (no recursion limit). */
export function countPrettyJsonLines(value: unknown): number {
  let lines = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (isContainer(next) && !isEmpty(next)) {
      lines += 2;
      if (Array.isArray(next)) for (const item of next) stack.push(item);
      else for (const key of Object.keys(next)) stack.push(next[key]);
    } else {
      lines += 1;
    }
  }
  return lines;
}

/**
 * The first `maxLines` lines of JSON.stringify(value, null, 2), for a value that came from JSON.parse
 * (strings, numbers, booleans, null, arrays and plain objects only).
 */
export function previewJson(value: unknown, maxLines: number): JsonPreview {
  const lines: string[] = [];
  const full = () => lines.length >= maxLines;
  // Writes `value` after `prefix` at `indent`; `suffix` ("," or "") ends its last line. Recursion is as deep
  // as the lines written, so at most maxLines.
  const write = (prefix: string, item: unknown, indent: string, suffix: string): void => {
    if (full()) return;
    if (!isContainer(item) || isEmpty(item)) {
      const text = isContainer(item) ? (Array.isArray(item) ? '[]' : '{}') : (JSON.stringify(item) ?? 'null');
      lines.push(`${indent}${prefix}${text}${suffix}`);
      return;
    }
    const [open, close] = Array.isArray(item) ? ['[', ']'] : ['{', '}'];
    lines.push(`${indent}${prefix}${open}`);
    const keys = Array.isArray(item) ? undefined : Object.keys(item);
    const count = keys ? keys.length : (item as unknown[]).length;
    const inner = `${indent}  `;
    for (let i = 0; i < count && !full(); i++) {
      const key = keys?.[i];
      const child = key === undefined ? (item as unknown[])[i] : (item as Record<string, unknown>)[key];
      write(key === undefined ? '' : `${JSON.stringify(key)}: `, child, inner, i < count - 1 ? ',' : '');
    }
    if (!full()) lines.push(`${indent}${close}${suffix}`);
  };
  write('', value, '', '');
  const totalLines = countPrettyJsonLines(value);
  return { text: lines.join('\n'), shownLines: lines.length, totalLines };
}
