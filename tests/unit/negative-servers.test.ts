// The negative-test script run for real, with bash and with zsh, against two servers on 127.0.0.1: a strict
// PyJWT verifier (pinned algorithm, audience, issuer, exp required), which must pass every case (exit 0), and a
// deliberately broken one, against which the script must fail with exactly its bugs named FAIL.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyPair } from '../fixtures/fixtures';
import { buildNegativePack, buildNegativeScript, type NegativePack } from '../../src/core/negative';
import { signToken } from '../../src/core/sign';
import { decodeToken } from '../../src/core/token';
import { BASH, CURL, PYTHON_WITH_PYJWT, requireTools, ZSH } from './required-tools';

const PYTHON = PYTHON_WITH_PYJWT.path;
const SERVERS = new URL('../servers/', import.meta.url).pathname;
const SHELLS = [BASH.path, ZSH.path];

const AUDIENCE = 'https://api.example';
const ISSUER = 'https://issuer.example';

// A proxy or a ~/.curlrc on the test machine must not reroute the requests away from 127.0.0.1.
const childEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/_proxy$/i.test(k) && k !== 'CURL_HOME' && k !== 'MAX_TIME'),
);
childEnv.CURL_HOME = '/nonexistent';

type Server = { url: string; process: ChildProcess; log: string[] };

async function startServer(script: string, args: string[]): Promise<Server> {
  const child = spawn(PYTHON, [join(SERVERS, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before listening: ${log.join('')}`)));
  });
  return { url, process: child, log };
}

async function stopServer(server: Server | undefined): Promise<void> {
  if (!server || server.process.exitCode !== null) return;
  const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
  server.process.kill('SIGTERM');
  expect(await exited).toBe(0);
}

type Run = { code: number; lines: string[]; stderr: string };

function runScript(shell: string, path: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(shell, [path], { env: childEnv, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, lines: stdout.trimEnd().split('\n'), stderr });
    });
  });
}

const RESULT_LINE = /^(\S+) (\d{3}) (PASS|FAIL|ADVISORY)$/;

function results(run: Run): Map<string, { status: string; verdict: string }> {
  const map = new Map<string, { status: string; verdict: string }>();
  for (const line of run.lines.slice(0, -1)) {
    const m = RESULT_LINE.exec(line);
    if (!m) throw new Error(`not a result line: ${line}`);
    map.set(m[1] ?? '', { status: m[2] ?? '', verdict: m[3] ?? '' });
  }
  return map;
}

function readyNames(pack: NegativePack): string[] {
  return pack.cases.filter((c) => c.state === 'ready').flatMap((c) => c.tokens.map((t) => t.name));
}

const FIXTURE_KEYS = { RS256: 'rsa-2048', ES256: 'ec-p256' } as const;

describe('the negative-test script against real servers', { timeout: 180_000 }, () => {
  beforeAll(() => requireTools(BASH, ZSH, CURL, PYTHON_WITH_PYJWT));
  const dir = mkdtempSync(join(tmpdir(), 'negative-servers-'));
  const servers: Server[] = [];
  afterAll(async () => {
    for (const s of servers) await stopServer(s);
    rmSync(dir, { recursive: true, force: true });
  });

  for (const alg of ['RS256', 'ES256'] as const) {
    describe(alg, () => {
      const key = keyPair(FIXTURE_KEYS[alg]);
      let strict: Server;
      let broken: Server;
      let pack: NegativePack;
      const scripts: Record<'strict' | 'broken', string> = { strict: '', broken: '' };

      beforeAll(async () => {
        const keyFile = join(dir, `${alg}-public.pem`);
        writeFileSync(keyFile, key.publicSpkiPem);
        strict = await startServer('strict.py', [
          '--key',
          keyFile,
          '--alg',
          alg,
          '--audience',
          AUDIENCE,
          '--issuer',
          ISSUER,
        ]);
        broken = await startServer('broken.py', ['--key', keyFile, '--issuer', ISSUER]);
        servers.push(strict, broken);
        const now = Date.now();
        const seconds = Math.floor(now / 1000);
        const token = await signToken(
          JSON.stringify({ alg, typ: 'JWT', kid: `${alg}-key` }),
          JSON.stringify({ sub: 'user-42', aud: AUDIENCE, iss: ISSUER, iat: seconds, exp: seconds + 600 }),
          { text: key.privatePkcs8Pem },
        );
        pack = await buildNegativePack({
          token: decodeToken(token),
          publicKey: { text: key.publicSpkiPem },
          signingKey: { text: key.privatePkcs8Pem },
          now,
        });
        for (const which of ['strict', 'broken'] as const) {
          const server = which === 'strict' ? strict : broken;
          // A POST with a body full of shell metacharacters: it must reach the server without running anything.
          const script = buildNegativeScript(
            pack,
            {
              url: `${server.url}resource?q='$(touch ${dir}/pwned)'&x=\`id\``,
              method: 'POST',
              auth: { style: 'bearer' },
              body: `{"note": "it's $(touch ${dir}/pwned) \`touch ${dir}/pwned\` \\n !!"}`,
            },
            { maxTimeSeconds: 20 },
          );
          scripts[which] = join(dir, `${alg}-${which}.sh`);
          writeFileSync(scripts[which], script);
        }
      });

      it('makes every case but the ones that do not apply', () => {
        const notReady = pack.cases.filter((c) => c.state !== 'ready').map((c) => c.id);
        expect(notReady).toEqual(alg === 'ES256' ? [] : ['ecdsa-zero-signature']);
      });

      for (const shell of SHELLS) {
        it(`${shell}: the strict server refuses every case, so the script exits 0`, async () => {
          const run = await runScript(shell, scripts.strict);
          const got = results(run);
          expect([...got.keys()]).toEqual(readyNames(pack));
          expect(got.get('control')).toEqual({ status: '200', verdict: 'PASS' });
          for (const [name, r] of got) {
            if (name === 'control') continue;
            expect({ name, ...r }).toEqual({
              name,
              status: '401',
              verdict: name.startsWith('alg-swap') ? 'ADVISORY' : 'PASS',
            });
          }
          expect(run.lines.at(-1)).toMatch(
            /^summary: control accepted; \d+ cases refused as they should be \(PASS\), 0 FAIL/,
          );
          expect(run.code, strict.log.join('')).toBe(0);
          expect(existsSync(join(dir, 'pwned'))).toBe(false);
        });

        it(`${shell}: against the broken server exactly its bugs are FAIL and the script exits 1`, async () => {
          const run = await runScript(shell, scripts.broken);
          const got = results(run);
          expect([...got.keys()]).toEqual(readyNames(pack));
          const failed = [...got].filter(([, r]) => r.verdict === 'FAIL').map(([name]) => name);
          expect(failed).toEqual([
            'alg-none:none',
            'alg-none:None',
            'alg-none:NONE',
            'alg-none:nOnE',
            'hmac-key-confusion:pem',
            'embedded-jwk',
            'expired',
            'wrong-audience',
          ]);
          for (const name of failed) expect(got.get(name)?.status).toBe('200');
          // It takes the algorithm from the token, so the sibling algorithm is accepted: reported, not counted.
          const swap = [...got].find(([name]) => name.startsWith('alg-swap'));
          expect(swap?.[1]).toEqual({ status: '200', verdict: 'ADVISORY' });
          expect(run.lines.at(-1)).toMatch(
            /^summary: control accepted; \d+ PASS, 8 FAIL: alg-none:none .* wrong-audience; 1 advisory, not counted \(accepted: alg-swap:/,
          );
          expect(run.code).toBe(1);
          expect(existsSync(join(dir, 'pwned'))).toBe(false);
        });
      }
    });
  }
});
