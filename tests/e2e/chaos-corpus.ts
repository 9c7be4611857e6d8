// A seeded, reproducible corpus of hostile and broken inputs for the chaos test: valid tokens
// and keys, then mutations of them (flipped, inserted, deleted and invisible characters, wrong alphabets,
// padding, extra or missing parts, swapped parts, prefixes, JSON that is not an object, deep nesting,
// oversized parts, JWE shapes) and random text. Same seed, same corpus: a failure names its seed and index.
import { createHmac } from 'node:crypto';
import { keyPair } from '../fixtures/fixtures';

export type ChaosCase = { index: number; kind: string; token: string; key: string };

/** mulberry32: tiny, fast, good enough to spread cases; not for cryptography. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const b64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/** Characters people paste by accident, and ones that break parsers. */
const NASTY = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\ufeff',
  '\u00a0',
  '\u202e',
  '\u2028',
  '\u0000',
  '\t',
  '\n',
  ' ',
  '=',
  '+',
  '/',
  '.',
  '"',
  "'",
  '`',
  '\\',
  '%',
  'é',
  '．',
  '—',
  '😀',
  '<',
  '>',
  '&',
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
];

type Rng = () => number;

const int = (rng: Rng, max: number): number => Math.floor(rng() * max);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[int(rng, items.length)] as T;

function randomText(rng: Rng, length: number, alphabet?: string): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out += alphabet ? alphabet[int(rng, alphabet.length)] : String.fromCharCode(32 + int(rng, 0x2000));
  }
  return out;
}

function randomJson(rng: Rng, depth = 0): unknown {
  const roll = int(rng, depth > 3 ? 5 : 8);
  if (roll === 0) return null;
  if (roll === 1) return rng() < 0.5;
  if (roll === 2) return pick(rng, [0, -1, 2 ** 53 + 2, 1e300, -1e-300, 1.5, Math.round((rng() - 0.5) * 1e12)]);
  if (roll === 3 || roll === 4) return randomText(rng, int(rng, 24));
  if (roll === 5) return Array.from({ length: int(rng, 4) }, () => randomJson(rng, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = int(rng, 5); i > 0; i--)
    object[pick(rng, ['alg', 'kid', 'exp', 'nbf', 'iat', 'sub', 'aud', 'crit', 'jku', randomText(rng, 6)])] =
      randomJson(rng, depth + 1);
  return object;
}

function nested(rng: Rng, levels: number): string {
  return rng() < 0.5 ? `${'['.repeat(levels)}${']'.repeat(levels)}` : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

function validToken(rng: Rng, secret: string): string {
  const header = { alg: 'HS256', typ: 'JWT', ...(rng() < 0.3 ? { kid: randomText(rng, 8) } : {}) };
  const now = Math.floor(Date.now() / 1000);
  const payload = { sub: randomText(rng, 10), iat: now, exp: now + int(rng, 7200) - 3600, extra: randomJson(rng) };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

function mutateText(rng: Rng, text: string): string {
  const at = int(rng, text.length + 1);
  switch (int(rng, 9)) {
    case 0:
      return text.slice(0, at) + pick(rng, NASTY) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + int(rng, 8));
    case 2:
      return text.slice(0, at);
    case 3:
      return text.slice(0, at) + randomText(rng, 1 + int(rng, 4)) + text.slice(at + 1);
    case 4:
      return text + text;
    case 5:
      return text.replaceAll('-', '+').replaceAll('_', '/');
    case 6:
      return `${pick(rng, ['Bearer ', 'bearer\t', 'Authorization: Bearer ', '"', "'", 'JWT '])}${text}${pick(rng, ['', '"', ',', '\n', "'"])}`;
    case 7:
      return text.split('').reverse().join('');
    default:
      return text.toUpperCase();
  }
}

function mutateToken(rng: Rng, token: string): string {
  const parts = token.split('.');
  switch (int(rng, 10)) {
    case 0:
      return parts.slice(0, 1 + int(rng, parts.length)).join('.');
    case 1:
      return [...parts, ...parts.slice(0, 1 + int(rng, 2))].join('.');
    case 2:
      return [parts[1], parts[0], parts[2]].join('.');
    case 3:
      return [b64url(JSON.stringify(randomJson(rng))), parts[1], parts[2]].join('.');
    case 4:
      return [parts[0], b64url(JSON.stringify(randomJson(rng))), parts[2]].join('.');
    case 5:
      return [parts[0] + '='.repeat(1 + int(rng, 2)), parts[1], parts[2]].join('.');
    case 6:
      return [parts[0], b64url(randomText(rng, int(rng, 64))), ''].join('.');
    case 7:
      return `${b64url('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.${b64url(randomText(rng, 12))}.x.${parts[1]}.y`;
    default:
      return mutateText(rng, token);
  }
}

/** The checked-in fixture keys (tests/fixtures/generated), so the corpus is the same on every machine. */
function pems(): string[] {
  const rsa = keyPair('rsa-2048');
  const ec = keyPair('ec-p256');
  const ed = keyPair('ed25519');
  return [
    rsa.privatePkcs8Pem,
    rsa.privatePkcs1Pem ?? rsa.privatePkcs8Pem,
    rsa.publicSpkiPem,
    ec.privateSec1Pem ?? ec.privatePkcs8Pem,
    ec.publicSpkiPem,
    ed.privatePkcs8Pem,
    JSON.stringify(rsa.publicJwk),
    JSON.stringify(ec.privateJwk),
    JSON.stringify({ keys: [ec.publicJwk, rsa.publicJwk, ed.publicJwk] }),
    `${rsa.certPem ?? ''}${ec.certPem ?? ''}`,
  ];
}

function chaosKey(rng: Rng, keys: string[], secret: string): string {
  switch (int(rng, 8)) {
    case 0:
      return secret;
    case 1:
      return pick(rng, keys);
    case 2:
      return '';
    case 3: {
      const jwk = JSON.parse(
        pick(
          rng,
          keys.filter((k) => k.startsWith('{')),
        ),
      ) as Record<string, unknown>;
      delete jwk[pick(rng, Object.keys(jwk))];
      return JSON.stringify(rng() < 0.5 ? jwk : { keys: [jwk, randomJson(rng)] });
    }
    case 4:
      return JSON.stringify(randomJson(rng));
    default:
      return mutateText(rng, pick(rng, keys));
  }
}

/** At least `count` cases (token + key pasted together), reproducible from `seed`. */
export function chaosCorpus(seed: number, count: number): ChaosCase[] {
  const rng = seededRandom(seed);
  const keys = pems();
  const secret = `chaos-${randomText(rng, 16, 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
  const cases: ChaosCase[] = [];
  for (let index = 0; index < count; index++) {
    const roll = rng();
    let kind: string;
    let token: string;
    if (roll < 0.15) {
      kind = 'valid';
      token = validToken(rng, secret);
    } else if (roll < 0.7) {
      kind = 'mutated';
      token = validToken(rng, secret);
      for (let n = 1 + int(rng, 3); n > 0; n--) token = mutateToken(rng, token);
    } else if (roll < 0.8) {
      kind = 'random';
      token = randomText(rng, int(rng, 300), rng() < 0.5 ? 'ABCDEFabcdef0123456789-_.' : undefined);
    } else if (roll < 0.86) {
      kind = 'nested';
      const levels = pick(rng, [100, 1_000, 10_000]);
      token = `${b64url('{"alg":"HS256"}')}.${b64url(nested(rng, levels))}.${b64url('sig')}`;
    } else if (roll < 0.87) {
      // Few and not much above the 2 MiB limit: laying out megabytes in a textarea is slow in any browser.
      kind = 'oversized';
      token = `${b64url('{"alg":"HS256"}')}.${'A'.repeat(pick(rng, [300_000, 2_100_000]))}.sig0`;
    } else if (roll < 0.92) {
      kind = 'empty-ish';
      token = pick(rng, ['', '.', '..', '...', ' ', '\n\n', 'Bearer', 'Bearer ', '""', 'null', '{}']);
    } else {
      kind = 'key-in-token-box';
      token = mutateText(rng, pick(rng, keys));
    }
    cases.push({ index, kind, token, key: chaosKey(rng, keys, secret) });
  }
  return cases;
}
