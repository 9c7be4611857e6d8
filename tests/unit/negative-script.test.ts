// The negative-test script run for real in bash and zsh against a local server that answers as told: the request
// is sent byte for byte (URLs, bodies and foreign URLs full of quotes, $(), backticks and newlines stay inert),
// the result lines and the exit status follow the rule: 0 only when the control got a 2xx and every case did not,
// 2 when the control was refused, 1 otherwise.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildNegativePack,
  buildNegativeScript,
  tryBuildNegativeScript,
  type NegativePack,
} from '../../src/core/negative';
import { signToken } from '../../src/core/sign';
import { shellQuote, SnippetError, type SnippetRequest } from '../../src/core/snippets';
import { decodeToken } from '../../src/core/token';
import { BASH, CURL, requireTools, ZSH } from './required-tools';

const SHELLS = [BASH.path, ZSH.path];
const SECRET = 'a shared secret of at least 32 bytes, for HS256';

const childEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/_proxy$/i.test(k) && k !== 'CURL_HOME' && k !== 'MAX_TIME'),
);
childEnv.CURL_HOME = '/nonexistent';

type Received = { method: string; url: string; authorization: string; body: string };
type Answer = { status: number; delayMs?: number };

const dir = mkdtempSync(join(tmpdir(), 'negative-script-'));
const marker = join(dir, 'pwned');
let server: Server;
let base: string;
const received: Received[] = [];
let answer: (authorization: string) => Answer = () => ({ status: 200 });

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const authorization = Buffer.from(req.headers.authorization ?? '', 'latin1').toString('utf8');
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        authorization,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const { status, delayMs } = answer(authorization);
      const reply = () => (res.destroyed ? undefined : res.writeHead(status).end('{}'));
      if (delayMs) setTimeout(reply, delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

const NASTY = `it's "quoted" $(touch ${marker}) \`touch ${marker}\` $HOME !! \\ back`;
let pack: NegativePack;
let controlToken: string;
let names: Map<string, string>;

beforeAll(async () => {
  const now = Date.now();
  const seconds = Math.floor(now / 1000);
  const loaded = await signToken(
    JSON.stringify({ alg: 'HS256', typ: 'JWT' }),
    JSON.stringify({ sub: NASTY, note: `line one\nline two ${NASTY}`, iat: seconds, exp: seconds + 600 }),
    { text: SECRET },
  );
  pack = await buildNegativePack({
    token: decodeToken(loaded),
    signingKey: { text: SECRET },
    foreignUrl: `https://keys.example/a'$(touch ${marker})\`touch ${marker}\``,
    now,
  });
  controlToken = pack.cases[0]?.tokens[0]?.token ?? '';
  names = new Map(pack.cases.flatMap((c) => c.tokens.map((t) => [t.token, t.name] as const)));
});

function readyNames(): string[] {
  return pack.cases.flatMap((c) => c.tokens.map((t) => t.name));
}

type Run = { code: number; lines: string[]; stderr: string };

async function run(shell: string, request: SnippetRequest, maxTimeSeconds = 10): Promise<Run> {
  const path = join(dir, `script-${Math.random().toString(36).slice(2)}.sh`);
  writeFileSync(path, buildNegativeScript(pack, request, { maxTimeSeconds }));
  received.length = 0;
  return new Promise((resolve) => {
    execFile(shell, [path], { env: childEnv, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, lines: stdout.trimEnd().split('\n'), stderr });
    });
  });
}

/** Accepts the control and, optionally, the tokens named; refuses every other token with 401. */
function acceptOnly(prefix: string, ...accepted: string[]) {
  return (authorization: string): Answer => {
    const name = names.get(authorization.slice(prefix.length)) ?? '';
    return { status: name === 'control' || accepted.includes(name) ? 200 : 401 };
  };
}

const post = (): SnippetRequest => ({
  url: `${base}/api/items?q='$(touch ${marker})'&b=\`touch ${marker}\``,
  method: 'POST',
  auth: { style: 'custom', scheme: 'JWT' },
  body: `{\n  "quote": "it's",\n  "cmd": "$(touch ${marker}) \`touch ${marker}\`",\n  "bang": "!!"\n}\n`,
});

describe('the generated script, run against a local server', { timeout: 120_000 }, () => {
  beforeAll(() => requireTools(BASH, ZSH, CURL));
  for (const shell of SHELLS) {
    describe(shell, () => {
      it('sends the control, then every ready token, with the method, URL, scheme and body byte for byte; exit 0 when all are refused', async () => {
        answer = acceptOnly('JWT ');
        const request = post();
        const got = await run(shell, request);
        expect(got.code).toBe(0);
        expect(received.map((r) => r.authorization)).toEqual(
          pack.cases.flatMap((c) => c.tokens.map((t) => `JWT ${t.token}`)),
        );
        const url = new URL(request.url);
        for (const r of received)
          expect(r).toMatchObject({ method: 'POST', url: `${url.pathname}${url.search}`, body: request.body });
        expect(got.lines.slice(0, -1)).toEqual(
          readyNames().map((n) =>
            n === 'control' ? 'control 200 PASS' : `${n} 401 ${n.startsWith('alg-swap') ? 'ADVISORY' : 'PASS'}`,
          ),
        );
        expect(got.lines.at(-1)).toBe(
          `summary: control accepted; ${readyNames().length - 2} cases refused as they should be (PASS), 0 FAIL; 1 advisory, not counted (accepted: none)`,
        );
        expect(got.stderr).toMatch(
          /^note: jku-foreign, x5u-foreign: a PASS does not show whether the server fetched https:\/\/keys\.example\//,
        );
        expect(existsSync(marker)).toBe(false);
      });

      it('stops after a refused control, says the run proves nothing, and exits 2', async () => {
        answer = () => ({ status: 403 });
        const got = await run(shell, post());
        expect(got.code).toBe(2);
        expect(received).toHaveLength(1);
        expect(got.lines[0]).toBe('control 403 FAIL');
        expect(got.lines[1]).toMatch(
          /^summary: the control token was refused \(HTTP 403\).*proves nothing and no case was sent/,
        );
        expect(got.lines).toHaveLength(2);
      });

      it('names an accepted case FAIL and exits 1', async () => {
        answer = acceptOnly('Bearer ', 'alg-none:None', 'kid-sql-injection');
        const got = await run(shell, { url: `${base}/me`, method: 'GET', auth: { style: 'bearer' } });
        expect(got.code).toBe(1);
        expect(got.lines).toContain('alg-none:None 200 FAIL');
        expect(got.lines).toContain('kid-sql-injection 200 FAIL');
        expect(got.lines).toContain('alg-none:none 401 PASS');
        expect(got.lines.at(-1)).toMatch(
          /^summary: control accepted; \d+ PASS, 2 FAIL: alg-none:None kid-sql-injection; 1 advisory/,
        );
        for (const r of received) expect(r).toMatchObject({ method: 'GET', url: '/me', body: '' });
      });

      it('an accepted advisory case prints ADVISORY and leaves the exit status at 0', async () => {
        const swap = readyNames().find((n) => n.startsWith('alg-swap')) ?? '';
        answer = acceptOnly('', swap);
        const got = await run(shell, { url: `${base}/raw`, method: 'GET', auth: { style: 'raw' } });
        expect(received.every((r) => names.has(r.authorization))).toBe(true);
        expect(got.lines).toContain(`${swap} 200 ADVISORY`);
        expect(got.lines.at(-1)).toMatch(new RegExp(`1 advisory, not counted \\(accepted: ${swap}\\)$`));
        expect(got.code).toBe(0);
      });
    });
  }

  it('a case without an answer within --max-time prints 000 and counts as FAIL (exit 1)', async () => {
    answer = (authorization) => {
      const name = names.get(authorization.slice('Bearer '.length));
      return name === 'embedded-jwk' ? { status: 401, delayMs: 6000 } : acceptOnly('Bearer ')(authorization);
    };
    const got = await run('/bin/bash', { url: `${base}/slow`, method: 'GET', auth: { style: 'bearer' } }, 2);
    expect(got.lines).toContain('embedded-jwk 000 FAIL');
    expect(got.lines.at(-1)).toMatch(
      /FAIL: embedded-jwk; 1 without an HTTP response \(000, counted as FAIL; curl exit 28: no answer within 2 s\)/,
    );
    expect(got.code).toBe(1);
  });

  it('no server at the URL: the control gets 000, nothing proves anything, exit 2', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const got = await run(SHELLS[SHELLS.length - 1] ?? '/bin/bash', {
      url: `http://127.0.0.1:${port}/`,
      method: 'GET',
      auth: { style: 'bearer' },
    });
    expect(got.lines).toEqual([
      'control 000 FAIL',
      'summary: the control token got no HTTP response (curl exit 7: could not connect), so this run proves nothing and no case was sent. Check the URL and that the server is running.',
    ]);
    expect(got.code).toBe(2);
  });

  it('sends HEAD with --head', async () => {
    answer = acceptOnly('Bearer ');
    const got = await run('/bin/bash', { url: `${base}/h`, method: 'head', auth: { style: 'bearer' } });
    expect(got.code).toBe(0);
    expect(new Set(received.map((r) => r.method))).toEqual(new Set(['HEAD']));
  });
});

describe('buildNegativeScript', () => {
  it('quotes the URL and body with the snippet module’s shellQuote, and the header as one expansion', () => {
    const request = post();
    const script = buildNegativeScript(pack, request);
    expect(script).toContain(shellQuote(new URL(request.url).href));
    expect(script).toContain(`--data-raw ${shellQuote(request.body ?? '')}`);
    expect(script).toContain(`auth_prefix=${shellQuote('JWT ')}`);
    expect(script).toContain('-H "Authorization: $auth_prefix$1"');
    expect(script).toContain(`request ${shellQuote(controlToken)}`);
  });

  it('has no `!` after the shebang line, so a pasted copy meets no history expansion', () => {
    const script = buildNegativeScript(pack, {
      url: 'https://api.example/me',
      method: 'GET',
      auth: { style: 'bearer' },
    });
    expect(script.split('\n').slice(1).join('\n')).not.toContain('!');
  });

  it('lists the cases it does not send, with what they need', () => {
    const script = buildNegativeScript(pack, post());
    expect(script).toMatch(/^# {3}hmac-key-confusion \(n\/a\): The token is HS256/m);
    expect(script).toMatch(/^# {3}ecdsa-zero-signature \(n\/a\)/m);
  });

  it('refuses a request that cannot be made, as the snippets do', () => {
    const bad: SnippetRequest = { url: 'file:///etc/passwd', method: 'GET', auth: { style: 'bearer' } };
    expect(() => buildNegativeScript(pack, bad)).toThrow(SnippetError);
    expect(tryBuildNegativeScript(pack, bad)).toMatchObject({ ok: false, code: 'url' });
    expect(
      tryBuildNegativeScript(pack, { ...bad, url: 'https://a.example/', auth: { style: 'custom', scheme: 'A B' } }),
    ).toMatchObject({
      ok: false,
      code: 'scheme',
    });
    expect(
      tryBuildNegativeScript(pack, { ...bad, url: 'https://a.example/', method: 'POST', body: '{x' }),
    ).toMatchObject({
      ok: false,
      code: 'body',
    });
    expect(tryBuildNegativeScript(pack, { ...bad, url: 'https://a.example/' })).toMatchObject({ ok: true });
  });
});
