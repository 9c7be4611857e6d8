// JSON paths for where a disclosure lands (`$.address.street_address`, `$.nationalities[1]`) and for saying which
// claims to make disclosable. The bracket form follows RFC 9535's normalized paths (`$['vct#integrity']`).

export type PathSegment = string | number;

export type PathPattern = { kind: 'key'; key: string } | { kind: 'index'; index: number } | { kind: 'every' };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function formatPath(segments: readonly PathSegment[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (IDENTIFIER.test(s)) out += `.${s}`;
    else out += `['${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
  }
  return out;
}

export type ParsedPath = { ok: true; segments: PathPattern[] } | { ok: false; message: string };

function readQuoted(text: string, start: number): { key: string; end: number } | undefined {
  const quote = text.charAt(start);
  let key = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '\\') {
      key += text.charAt(i + 1);
      i++;
    } else if (c === quote) {
      return text.charAt(i + 1) === ']' ? { key, end: i + 2 } : undefined;
    } else key += c;
  }
  return undefined;
}

/**
 * Reads `$.a.b`, `$.a[0]`, `$['a b']`, `$.a.*` and `$.a[*]` (both `*` mean every member or element).
 * A path without the leading `$` is read as if it had `$.` in front (`address.region`).
 */
export function parsePath(input: string): ParsedPath {
  const text = input.trim();
  const body = text.startsWith('$') ? text.slice(1) : text.startsWith('[') ? text : `.${text}`;
  const segments: PathPattern[] = [];
  let i = 0;
  const fail = (what: string): ParsedPath => ({ ok: false, message: `"${text}" is not a JSON path: ${what}.` });
  while (i < body.length) {
    const c = body.charAt(i);
    if (c === '.') {
      let end = i + 1;
      while (end < body.length && body.charAt(end) !== '.' && body.charAt(end) !== '[') end++;
      const name = body.slice(i + 1, end);
      if (name === '') return fail(`an empty name at character ${i + 2}`);
      segments.push(name === '*' ? { kind: 'every' } : { kind: 'key', key: name });
      i = end;
    } else if (c === '[') {
      const next = body.charAt(i + 1);
      if (next === "'" || next === '"') {
        const quoted = readQuoted(body, i + 1);
        if (!quoted) return fail(`an unclosed quoted name at character ${i + 2}`);
        segments.push({ kind: 'key', key: quoted.key });
        i = quoted.end;
        continue;
      }
      const close = body.indexOf(']', i);
      if (close < 0) return fail(`a "[" without "]"`);
      const inside = body.slice(i + 1, close).trim();
      if (inside === '*') segments.push({ kind: 'every' });
      else if (/^\d+$/.test(inside)) segments.push({ kind: 'index', index: Number(inside) });
      else return fail(`"[${inside}]" is neither an array index nor a quoted name`);
      i = close + 1;
    } else {
      return fail(`unexpected "${c}" at character ${i + 1}`);
    }
  }
  return { ok: true, segments };
}
