// JSON.parse turns a number too large for a double (`1e309`) into Infinity, and JSON.stringify shows Infinity
// as `null`, so a claim written `1e309` would be shown and explained as "null". The text as written is kept
// for such top-level members, per parsed object, so the claims table and the time verdict can quote it.

const rawTexts = new WeakMap<object, Map<string, string>>();

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** End index (the closing quote) of the JSON string starting at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i;
}

/** The text of the numbers that `names` (members of the top-level object of `text`) hold; the last one wins. */
function topLevelNumberTexts(text: string, names: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  let depth = 0;
  let key: string | undefined;
  let inValue = false;
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '"') {
      const end = stringEnd(text, i);
      if (depth === 1 && !inValue) key = JSON.parse(text.slice(i, end + 1)) as string;
      i = end + 1;
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (depth === 1 && c === ':') inValue = true;
    else if (depth === 1 && c === ',') inValue = false;
    else if (depth === 1 && inValue && (c === '-' || (c >= '0' && c <= '9'))) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text)?.[0] ?? c;
      if (key !== undefined && names.has(key)) out.set(key, match);
      i += match.length;
      continue;
    }
    i++;
  }
  return out;
}

/** Called with each parsed JSON part and its text: remembers how its non-finite top-level numbers were written. */
export function recordNonFiniteNumbers(value: unknown, text: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  const record = value as Record<string, unknown>;
  const names = new Set<string>();
  for (const name in record) {
    const member = record[name];
    if (typeof member === 'number' && !Number.isFinite(member)) names.add(name);
  }
  if (names.size === 0) return;
  rawTexts.set(value, topLevelNumberTexts(text, names));
}

/** How member `name` of a parsed part was written, when JSON.parse made it Infinity or -Infinity. */
export function rawNumberText(object: unknown, name: string): string | undefined {
  return typeof object === 'object' && object !== null ? rawTexts.get(object)?.get(name) : undefined;
}

// A private-use character: a payload string equal to the marker and an index is not a realistic collision.
const MARK = '\uE000as-written\uE000';

/**
 * JSON.stringify(value, null, indent), except that top-level numbers JSON.parse read as Infinity are written as
 * in the token (`1e309`) instead of `null`: an editor showing `null` would put `null` into the token on the
 * next edit.
 */
export function stringifyAsWritten(value: unknown, indent: number): string {
  const texts = typeof value === 'object' && value !== null ? rawTexts.get(value) : undefined;
  if (!texts) return JSON.stringify(value, null, indent);
  const written: string[] = [];
  const json = JSON.stringify(
    value,
    function (this: unknown, key: string, member: unknown) {
      const raw = this === value ? texts.get(key) : undefined;
      if (raw === undefined || typeof member !== 'number' || Number.isFinite(member)) return member;
      written.push(raw);
      return `${MARK}${written.length - 1}`;
    },
    indent,
  );
  return json.replace(new RegExp(`"${MARK}(\\d+)"`, 'g'), (_match, index: string) => written[Number(index)] ?? 'null');
}
