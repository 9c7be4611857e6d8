// Tolerant input: people paste tokens from HTTP headers, logs, JSON strings and chat apps. Each thing we
// remove is reported in words so the user knows the token they see is not byte-for-byte what they pasted.

export type NormalizedToken = { token: string; changes: string[] };

const QUOTE_PAIRS: readonly (readonly [string, string, string])[] = [
  ['"', '"', 'double quotes'],
  ["'", "'", 'single quotes'],
  ['`', '`', 'backticks'],
  ['\u201C', '\u201D', 'curly double quotes'],
  ['\u2018', '\u2019', 'curly single quotes'],
];

// `Authorization:` header name, then an auth scheme. RFC 9110 §11.1: the scheme is case-insensitive.
const HEADER_NAME = /^authorization\s*:\s*/i;
const SCHEME = /^(bearer|jwt|dpop)(\s+|$)/i;
// Only ASCII whitespace is removed from inside; anything else (U+200B, U+00A0…) is reported by decodeToken,
// because silently dropping invisible characters would hide a real copy/paste problem.
const INNER_WHITESPACE = /[ \t\r\n\f\v]+/g;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Trims, strips an auth scheme and surrounding quotes, removes whitespace inside; says what it removed. */
export function normalizeToken(input: string): NormalizedToken {
  const changes: string[] = [];
  let text = input;
  // A bounded loop: quotes may wrap the scheme ("Bearer x") or the scheme may precede quotes (Bearer "x").
  for (let round = 0; round < 4; round++) {
    const before = text;
    const trimmed = text.trim();
    if (trimmed !== text) {
      if (!changes.includes('Removed whitespace around the token.'))
        changes.push('Removed whitespace around the token.');
      text = trimmed;
    }
    const header = HEADER_NAME.exec(text);
    if (header) {
      changes.push('Removed the "Authorization:" header name.');
      text = text.slice(header[0].length);
    }
    const scheme = SCHEME.exec(text);
    if (scheme) {
      changes.push(`Removed the "${scheme[1] ?? ''}" prefix.`);
      text = text.slice(scheme[0].length);
    }
    for (const [open, close, name] of QUOTE_PAIRS) {
      if (text.length >= 2 && text.startsWith(open) && text.endsWith(close)) {
        changes.push(`Removed the surrounding ${name}.`);
        text = text.slice(open.length, text.length - close.length);
        break;
      }
    }
    // A trailing comma or semicolon comes with tokens copied out of JSON or code.
    if (/^[^,;]+[,;]$/.test(text) && text.includes('.')) {
      changes.push(`Removed a trailing "${text.charAt(text.length - 1)}".`);
      text = text.slice(0, -1);
    }
    if (text === before) break;
  }

  let spaces = 0;
  let breaks = 0;
  text = text.replace(INNER_WHITESPACE, (run) => {
    // CRLF is one line break, not two.
    const lineBreaks = run.replace(/\r\n/g, '\n');
    for (const ch of lineBreaks) {
      if (ch === '\n' || ch === '\r') breaks++;
      else spaces++;
    }
    return '';
  });
  if (breaks > 0 || spaces > 0) {
    const what = [
      breaks > 0 ? plural(breaks, 'line break') : '',
      spaces > 0 ? plural(spaces, 'space or tab', 'spaces or tabs') : '',
    ]
      .filter(Boolean)
      .join(' and ');
    changes.push(`Removed ${what} from inside the token.`);
  }
  return { token: text, changes };
}
