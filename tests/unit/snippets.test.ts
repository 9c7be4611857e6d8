// The generated commands are run for real: bash and zsh execute the curl snippet against an echo
// server on 127.0.0.1, and the fetch snippet runs in Node, so quoting bugs show up as a wrong header or body.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCurl,
  buildFetch,
  buildHttpie,
  buildSnippets,
  shellQuote,
  SnippetError,
  type SnippetOptions,
} from '../../src/core/snippets';
import { BASH, CURL, HTTPIE, requireTools, ZSH } from './required-tools';

const run = promisify(execFile);
const SHELLS = [BASH.path, ZSH.path];

// A proxy or a ~/.curlrc on the test machine must not reroute the request away from 127.0.0.1.
const childEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/_proxy$/i.test(k) && k !== 'CURL_HOME'),
);
childEnv.CURL_HOME = '/nonexistent';

type Received = { method: string; url: string; authorization: string | undefined; contentType?: string; body: string };
let server: Server;
let base: string;
let last: Received | undefined;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // Node reads header bytes as latin1; re-decode so UTF-8 sent by curl compares as the original text.
      const raw = req.headers.authorization;
      last = {
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: raw === undefined ? undefined : Buffer.from(raw, 'latin1').toString('utf8'),
        contentType: req.headers['content-type'],
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(last);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Runs the commands one after another in one shell, as if pasted together; returns what the server received. */
async function runAllInShell(shell: string, commands: string[]): Promise<Received[]> {
  received.length = 0;
  const { stdout } = await run(shell, ['-c', commands.join('\n')], { env: childEnv, timeout: 50_000 });
  expect(stdout).toBe('ok'.repeat(commands.length));
  return [...received];
}

async function runInShell(shell: string, command: string): Promise<Received> {
  last = undefined;
  const { stdout } = await run(shell, ['-c', command], { env: childEnv, timeout: 10_000 });
  expect(stdout).toBe('ok');
  if (last === undefined) throw new Error('the echo server received nothing');
  return last;
}

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const NASTY_TOKENS = [
  JWT,
  "it's",
  "'leading and trailing'",
  "two''quotes'''",
  '"double" quotes',
  '$HOME ${PATH} $(id)',
  '`id` and `whoami`',
  'back\\slash\\',
  '!! !$ !-1 history',
  'ünïcødé €✓ 😀',
  '* ? [a-z] ~ # & ; | < > ( ) { }',
];
const NASTY_BODIES = [
  '{"a":1}',
  '{"quote": "it\'s", "double": "say \\"hi\\"", "dollar": "$HOME $(id) `id`", "bang": "!!"}',
  '{\n  "multi": "line",\n  "backslash": "\\\\ \\n",\n  "unicode": "ünï 😀"\n}\n',
  '\t"a JSON string body between a tab and a CRLF"\r\n',
];

describe('shellQuote', () => {
  it('wraps in single quotes and writes a quote as close-escape-reopen', () => {
    expect(shellQuote('abc')).toBe("'abc'");
    expect(shellQuote('')).toBe("''");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });

  for (const shell of SHELLS) {
    it(`round-trips any string through ${shell} unchanged (property test)`, async () => {
      requireTools(shell === ZSH.path ? ZSH : BASH);
      const text = fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.string({ unit: fc.constantFrom(...'\'"$`\\!\n\t *?[]~#&;|<>(){}=%'.split('')), maxLength: 20 }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 8 }), async (values) => {
          const script = `printf '%s\\0' ${values.map(shellQuote).join(' ')}`;
          const { stdout } = await run(shell, ['-c', script], { env: childEnv, encoding: 'utf8' });
          expect(stdout.split('\0').slice(0, -1)).toEqual(values);
        }),
        { numRuns: 25 },
      );
    });
  }
});

describe('buildCurl', () => {
  const opts = (over: Partial<SnippetOptions> = {}): SnippetOptions => ({
    url: `${base}/api/items?x=1&y=2`,
    method: 'GET',
    token: JWT,
    auth: { style: 'bearer' },
    ...over,
  });

  it('writes a multi-line command with backslash continuations', () => {
    const text = buildCurl({ ...opts(), url: 'https://api.example.com/me' });
    expect(text).toBe(`curl 'https://api.example.com/me' \\\n  -H 'Authorization: Bearer ${JWT}'`);
    const post = buildCurl({ ...opts(), url: 'https://api.example.com/me', method: 'post', body: '{"a":1}' });
    expect(post.split('\n')).toEqual([
      "curl -X POST 'https://api.example.com/me' \\",
      `  -H 'Authorization: Bearer ${JWT}' \\`,
      "  -H 'Content-Type: application/json' \\",
      `  --data-raw '{"a":1}'`,
    ]);
  });

  // 33 curl processes per test: allow for a loaded machine.
  describe(`runs against a local echo server (${CURL.path})`, { timeout: 60_000 }, () => {
    beforeAll(() => requireTools(BASH, ZSH, CURL));
    for (const shell of SHELLS) {
      it(`${shell}: Bearer, raw and custom schemes send exactly the token`, async () => {
        const cases = (
          [
            [{ style: 'bearer' }, 'Bearer '],
            [{ style: 'raw' }, ''],
            [{ style: 'custom', scheme: 'JWT' }, 'JWT '],
          ] as const
        ).flatMap(([auth, prefix]) => NASTY_TOKENS.map((token) => ({ auth, token, expected: `${prefix}${token}` })));
        const got = await runAllInShell(
          shell,
          cases.map(({ auth, token }) => buildCurl(opts({ token, auth }))),
        );
        expect(got.map((r) => r.authorization)).toEqual(cases.map((c) => c.expected));
        for (const r of got) expect(r).toMatchObject({ method: 'GET', url: '/api/items?x=1&y=2', body: '' });
      });

      it(`${shell}: a JSON body with quotes, $, backticks, backslashes, ! and newlines arrives byte for byte`, async () => {
        const token = NASTY_TOKENS[6] ?? '';
        const cases = NASTY_BODIES.flatMap((body) =>
          ['POST', 'PUT', 'PATCH', 'DELETE'].map((method) => ({ body, method })),
        );
        const got = await runAllInShell(
          shell,
          cases.map(({ body, method }) => buildCurl(opts({ method, body, token }))),
        );
        expect(got.map((r) => [r.method, r.body])).toEqual(cases.map((c) => [c.method, c.body]));
        for (const r of got)
          expect(r).toMatchObject({ contentType: 'application/json', authorization: `Bearer ${token}` });
      });
    }
  });

  it('sends HEAD with --head, which does not wait for a body', async () => {
    requireTools(BASH, CURL);
    const command = buildCurl(opts({ method: 'head' }));
    expect(command.startsWith('curl --head ')).toBe(true);
    last = undefined;
    const { stdout } = await run('/bin/bash', ['-c', command], { env: childEnv, timeout: 5_000 });
    expect(stdout).toMatch(/^HTTP\/1\.1 200/);
    expect(last).toMatchObject({ method: 'HEAD', authorization: `Bearer ${JWT}` });
  });
});

describe('buildFetch', () => {
  it('is valid JavaScript that sends the same request (run in Node against the echo server)', async () => {
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
      ...args: string[]
    ) => (...a: unknown[]) => Promise<void>;
    // fetch headers must be ByteStrings (WHATWG Fetch), so the unicode token is left to the curl tests.
    const tokens = NASTY_TOKENS.filter((t) => /^[\x20-\x7e]*$/.test(t));
    for (const token of tokens) {
      for (const body of [undefined, ...NASTY_BODIES]) {
        const code = buildFetch({
          url: `${base}/f`,
          method: body ? 'POST' : 'GET',
          token,
          auth: { style: 'raw' },
          body,
        });
        const logged: unknown[][] = [];
        last = undefined;
        await new AsyncFunction('fetch', 'console', code)(fetch, { log: (...a: unknown[]) => logged.push(a) });
        expect(last).toMatchObject({ authorization: token, body: body ?? '' });
        expect(logged).toEqual([[200, 'ok']]);
      }
    }
  });

  it('quotes strings with JSON.stringify', () => {
    const code = buildFetch({ url: 'https://a.example/', method: 'GET', token: 'x"y', auth: { style: 'bearer' } });
    expect(code).toContain('Authorization: "Bearer x\\"y",');
    expect(code).not.toContain('body:');
  });
});

describe('buildHttpie', () => {
  it('writes method, URL, header items and --raw body', () => {
    const text = buildHttpie({
      url: 'https://api.example.com/items',
      method: 'post',
      token: "a'b",
      auth: { style: 'custom', scheme: 'Token' },
      body: '{"a":1}',
    });
    expect(text.split('\n')).toEqual([
      "http --ignore-stdin POST 'https://api.example.com/items' \\",
      "  'Authorization:Token a'\\''b' \\",
      "  'Content-Type:application/json' \\",
      `  --raw '{"a":1}'`,
    ]);
  });

  it('the HTTPie command runs against the echo server and sends exactly the token and body', async () => {
    requireTools(BASH, HTTPIE);
    const got = await runInShell(
      '/bin/bash',
      buildHttpie({ url: `${base}/h`, method: 'POST', token: "it's", auth: { style: 'bearer' }, body: '{"a":"$x"}' }),
    );
    expect(got).toMatchObject({ authorization: "Bearer it's", body: '{"a":"$x"}' });
  });
});

describe('refuses options that cannot make a correct request', () => {
  const good: SnippetOptions = {
    url: 'https://api.example.com/',
    method: 'GET',
    token: JWT,
    auth: { style: 'bearer' },
  };
  const cases: [string, Partial<SnippetOptions>, string, RegExp][] = [
    ['an empty URL', { url: '  ' }, 'url', /Enter the URL/],
    ['a URL without a scheme', { url: 'api.example.com/me' }, 'url', /Did you mean https:\/\/api\.example\.com\/me/],
    ['a non-HTTP URL', { url: 'file:///etc/passwd' }, 'url', /https:\/\/ or http:\/\//],
    ['a URL with a line break', { url: 'https://api.exa\nmple.com/' }, 'url', /line break/],
    ['a method with a space', { method: 'GET X' }, 'method', /not an HTTP method/],
    ['an empty token', { token: ' ' }, 'token', /no token/],
    ['a token with a line break', { token: 'abc\ndef' }, 'token', /line break/],
    ['a custom scheme with a space', { auth: { style: 'custom', scheme: 'My Scheme' } }, 'scheme', /one word/],
    ['a custom scheme with a newline', { auth: { style: 'custom', scheme: 'A\nB' } }, 'scheme', /one word/],
    ['a missing custom scheme', { auth: { style: 'custom' } }, 'scheme', /Enter the custom/],
    ['a body that is not JSON', { method: 'POST', body: '{a:1}' }, 'body', /not valid JSON/],
  ];
  for (const [what, over, code, message] of cases) {
    it(`refuses ${what} with SnippetError('${code}')`, () => {
      for (const build of [buildCurl, buildHttpie, buildFetch]) {
        let caught: unknown;
        try {
          build({ ...good, ...over });
        } catch (err) {
          caught = err;
        }
        expect(caught).toBeInstanceOf(SnippetError);
        expect(caught).toMatchObject({ code });
        expect((caught as SnippetError).message).toMatch(message);
      }
      expect(buildSnippets({ ...good, ...over })).toMatchObject({ ok: false, code });
    });
  }

  it('buildSnippets returns all three when the options are good', () => {
    const set = buildSnippets({ ...good, body: '' });
    expect(set.ok).toBe(true);
    if (set.ok) expect([set.curl, set.httpie, set.fetch].every((s) => s.includes(JWT))).toBe(true);
  });
});
