// The two test servers of the negative-test pack (tests/servers/: a strict PyJWT verifier and a deliberately broken
// one, run by Debian's /usr/bin/python3 on 127.0.0.1) and the runner for the script the page lets the user download.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const PYTHON = '/usr/bin/python3';
const SERVERS = new URL('../servers/', import.meta.url).pathname;
export const SHELLS = ['/bin/bash', '/usr/bin/zsh'] as const;

/** The e2e tests run real programs; a missing one is a broken machine (CI installs them), named plainly. */
export function requirePrograms(): void {
  const missing = [PYTHON, '/usr/bin/curl', ...SHELLS].filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(
      `Missing ${missing.join(', ')}: install them as .ci/run does (apt-get install -y curl zsh python3-jwt python3-cryptography).`,
    );
  }
}

export type TestServer = {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** One line per request the server answered: `<name>: <method> <status> <reason>`. */
  log: string[];
  stop(): Promise<number | null>;
};

export async function startServer(script: 'strict.py' | 'broken.py', args: string[]): Promise<TestServer> {
  const child: ChildProcess = spawn(PYTHON, [join(SERVERS, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  let partial = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    log.push(...lines);
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before listening: ${log.join('\n')}`)));
  });
  return {
    url,
    log,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

// A proxy or a ~/.curlrc on the test machine must not reroute the requests away from 127.0.0.1.
const childEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/_proxy$/i.test(k) && k !== 'CURL_HOME' && k !== 'MAX_TIME'),
);
childEnv.CURL_HOME = '/nonexistent';

export type ScriptRun = { code: number; stdout: string; stderr: string; results: Map<string, ScriptResult> };
export type ScriptResult = { status: string; verdict: 'PASS' | 'FAIL' | 'ADVISORY' };

const RESULT_LINE = /^(\S+) (\d{3}) (PASS|FAIL|ADVISORY)$/;

export function runScript(shell: string, path: string): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    execFile(shell, [path], { env: childEnv, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      const results = new Map<string, ScriptResult>();
      const lines = stdout.trimEnd().split('\n');
      for (const line of lines.slice(0, -1)) {
        const m = RESULT_LINE.exec(line);
        if (!m) {
          reject(new Error(`${shell} ${path}: not a result line: ${line}\n${stderr}`));
          return;
        }
        results.set(m[1]!, { status: m[2]!, verdict: m[3] as ScriptResult['verdict'] });
      }
      resolve({ code, stdout, stderr, results });
    });
  });
}

export function failed(run: ScriptRun): string[] {
  return [...run.results].filter(([, r]) => r.verdict === 'FAIL').map(([name]) => name);
}
