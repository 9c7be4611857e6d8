// A validating JSON scanner (RFC 8259) that JSON.parse cannot replace: it reports duplicate member names,
// which JSON.parse silently collapses to the last value (RFC 7515 §5.2 and RFC 7519 §4 require such input
// to be rejected or handled with care), and the position of a syntax error, which V8's messages no longer
// reliably carry. It keeps its own stack instead of recursing, so 10,000 levels of nesting cannot overflow it.

export type DuplicateMember = { name: string; path: string; position: number };

export type JsonScanResult =
  | { ok: true; duplicates: DuplicateMember[]; maxDepth: number }
  | { ok: false; position: number; message: string; duplicates: DuplicateMember[] };

type Frame = { kind: 'object'; keys: Set<string>; key: string } | { kind: 'array'; index: number };

const MAX_REPORTED_DUPLICATES = 20;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
// A run of string characters that need no attention: not a quote, a backslash or a control character.
// eslint-disable-next-line no-control-regex
const PLAIN_RUN = /[^"\\\u0000-\u001f]*/y;

class ScanFailure {
  constructor(
    readonly position: number,
    readonly message: string,
  ) {}
}

function describeChar(text: string, pos: number): string {
  if (pos >= text.length) return 'the end of the text';
  const ch = text.charAt(pos);
  const code = ch.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${ch}"`;
}

function pathOf(stack: Frame[], name?: string): string {
  let path = '$';
  for (const frame of stack) {
    path += frame.kind === 'array' ? `[${frame.index}]` : memberPath(frame.key);
  }
  return name === undefined ? path : path + memberPath(name);
}

function memberPath(name: string): string {
  return IDENTIFIER.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

/** Scans `text` as one JSON value. Never throws. */
export function scanJson(text: string): JsonScanResult {
  const duplicates: DuplicateMember[] = [];
  const stack: Frame[] = [];
  let maxDepth = 0;
  let pos = 0;
  const len = text.length;

  const skipWhitespace = (): void => {
    while (pos < len) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else break;
    }
  };

  // Returns the index just past the closing quote; `pos` must be at the opening quote.
  const scanString = (): number => {
    let i = pos + 1;
    while (i < len) {
      // Plain characters are skipped natively: a per-character loop dominated decoding a 1 MB payload.
      PLAIN_RUN.lastIndex = i;
      PLAIN_RUN.test(text);
      i = PLAIN_RUN.lastIndex;
      if (i >= len) break;
      const c = text.charCodeAt(i);
      if (c === 0x22) return i + 1;
      if (c < 0x20) throw new ScanFailure(i, `${describeChar(text, i)} inside a string (escape it)`);
      if (c === 0x5c) {
        const next = text.charAt(i + 1);
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            throw new ScanFailure(i, 'a \\u escape needs four hex digits');
          }
          i += 6;
        } else if ('"\\/bfnrt'.includes(next) && next !== '') {
          i += 2;
        } else {
          throw new ScanFailure(i, `invalid escape "\\${next}" in a string`);
        }
        continue;
      }
      i++;
    }
    throw new ScanFailure(len, 'a string is not closed (missing ")');
  };

  const scanNumber = (): void => {
    const match = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
    match.lastIndex = pos;
    const m = match.exec(text);
    if (!m || m[0] === '-' || m[0].length === 0) throw new ScanFailure(pos, 'invalid number');
    pos += m[0].length;
    const after = text.charAt(pos);
    if (after === '.' || after === 'e' || after === 'E' || /[0-9]/.test(after)) {
      throw new ScanFailure(pos, 'invalid number');
    }
  };

  try {
    let mode: 'value' | 'key' | 'after' = 'value';
    for (;;) {
      skipWhitespace();
      if (mode === 'value') {
        const ch = text.charAt(pos);
        if (ch === '{' || ch === '[') {
          pos++;
          skipWhitespace();
          const close = ch === '{' ? '}' : ']';
          if (text.charAt(pos) === close) {
            pos++;
            mode = 'after';
          } else if (ch === '{') {
            stack.push({ kind: 'object', keys: new Set(), key: '' });
            mode = 'key';
          } else {
            stack.push({ kind: 'array', index: 0 });
          }
          if (stack.length > maxDepth) maxDepth = stack.length;
        } else if (ch === '"') {
          pos = scanString();
          mode = 'after';
        } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
          scanNumber();
          mode = 'after';
        } else if (text.startsWith('true', pos) || text.startsWith('null', pos)) {
          pos += 4;
          mode = 'after';
        } else if (text.startsWith('false', pos)) {
          pos += 5;
          mode = 'after';
        } else {
          throw new ScanFailure(pos, `expected a value but found ${describeChar(text, pos)}`);
        }
      } else if (mode === 'key') {
        if (text.charAt(pos) !== '"') {
          throw new ScanFailure(pos, `expected a member name in double quotes but found ${describeChar(text, pos)}`);
        }
        const start = pos;
        pos = scanString();
        const raw = text.slice(start + 1, pos - 1);
        // Escapes are already validated, so JSON.parse of the quoted name cannot fail; "\u0061" and "a" collide.
        const name = raw.includes('\\') ? (JSON.parse(text.slice(start, pos)) as string) : raw;
        const frame = stack[stack.length - 1];
        if (frame?.kind === 'object') {
          if (frame.keys.has(name)) {
            if (duplicates.length < MAX_REPORTED_DUPLICATES) {
              duplicates.push({ name, path: pathOf(stack.slice(0, -1), name), position: start });
            }
          } else {
            frame.keys.add(name);
          }
          frame.key = name;
        }
        skipWhitespace();
        if (text.charAt(pos) !== ':') {
          throw new ScanFailure(pos, `expected ":" after a member name but found ${describeChar(text, pos)}`);
        }
        pos++;
        mode = 'value';
      } else {
        const frame = stack[stack.length - 1];
        if (!frame) {
          if (pos < len) throw new ScanFailure(pos, `unexpected ${describeChar(text, pos)} after the JSON value`);
          return { ok: true, duplicates, maxDepth };
        }
        const ch = text.charAt(pos);
        if (ch === ',') {
          pos++;
          if (frame.kind === 'array') {
            frame.index++;
            mode = 'value';
          } else {
            mode = 'key';
          }
        } else if ((ch === '}' && frame.kind === 'object') || (ch === ']' && frame.kind === 'array')) {
          pos++;
          stack.pop();
        } else {
          const expected = frame.kind === 'object' ? '"," or "}"' : '"," or "]"';
          throw new ScanFailure(pos, `expected ${expected} but found ${describeChar(text, pos)}`);
        }
      }
    }
  } catch (err) {
    if (err instanceof ScanFailure) return { ok: false, position: err.position, message: err.message, duplicates };
    throw err;
  }
}
