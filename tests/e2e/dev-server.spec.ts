// The README's two commands side by side: `npm run dev` keeps serving a working app (Monaco included) while the
// test command's `npm ci` reinstalls node_modules under it, and Vite starts without warnings. Runs in a copy of the
// project in a temporary folder, so the reinstall never touches the tree the other tests run from.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from './fixtures';
import { defaultPayload, hs256, waitForMonaco } from './helpers';

const ROOT = process.cwd();
const PORT = 4590 + (process.pid % 200);
const DEV_MONACO_TIMEOUT = 90_000;
let copy: string;
let server: ChildProcess;
let serverOutput = '';

function npmCi(cwd: string): void {
  const run = spawnSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd, encoding: 'utf8' });
  expect(run.status, `npm ci failed:\n${run.stderr}`).toBe(0);
}

test.describe.configure({ mode: 'serial', timeout: 600_000 });

test.beforeAll(async () => {
  test.setTimeout(600_000);
  copy = mkdtempSync(join(tmpdir(), 'jwt-workbench-dev-'));
  // The project's own files, as git sees them (tracked and new, not ignored): no node_modules, no build.
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).stdout.split('\0');
  for (const file of files.filter(Boolean)) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    try {
      cpSync(join(ROOT, file), join(copy, file));
    } catch {
      // A file deleted from the work tree but still tracked: nothing to copy.
    }
  }
  npmCi(copy);
  server = spawn('npx', ['vite', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    cwd: copy,
    // Its own process group: npx starts vite as a child, and killing npx alone left vite running.
    detached: true,
    // Playwright sets FORCE_COLOR; with NO_COLOR too, Node itself prints a warning that is not Vite's.
    env: { ...withoutColorVariables(process.env), CI: '', NO_COLOR: '1' },
  });
  // Vite colours its output even so in places; the escapes are dropped.
  // eslint-disable-next-line no-control-regex
  const plain = (chunk: Buffer) => chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
  server.stdout?.on('data', (chunk: Buffer) => (serverOutput += plain(chunk)));
  server.stderr?.on('data', (chunk: Buffer) => (serverOutput += plain(chunk)));
  await expect.poll(() => serverOutput, { timeout: 120_000 }).toContain(`127.0.0.1:${PORT}`);
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  if (copy) rmSync(copy, { recursive: true, force: true });
});

test('npm run dev survives the test command reinstalling node_modules: Monaco still loads, nothing answers 504', async ({
  page,
}) => {
  const base = `http://127.0.0.1:${PORT}`;
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 500) failed.push(`${response.status()} ${response.url()}`);
  });
  const token = hs256(defaultPayload(), 'dev-server-secret');
  await page.goto(`${base}/#token=${token}`);
  // The dev server serves Monaco unbundled, and optimises it on the first request: slow on a busy machine.
  await waitForMonaco(page, 'payload-editor', DEV_MONACO_TIMEOUT);

  // While npm ci has node_modules half-deleted, a page that reloads (Vite's HMR reacts to the changes) may get a
  // 500 for what is missing at that moment; what counts is the server after the reinstall, so the page waits
  // on a blank document meanwhile.
  await page.goto('about:blank');
  npmCi(copy);

  await page.goto(`${base}/#token=${token}`);
  await page.reload();
  await waitForMonaco(page, 'payload-editor', DEV_MONACO_TIMEOUT);
  expect(failed, `the dev server said:\n${serverOutput}`).toEqual([]);
  expect(serverOutput).not.toContain('Outdated Optimize Dep');
});

test('Vite starts without warnings about the config', () => {
  expect(serverOutput).not.toMatch(/\(!\)|without a file extension|warning/i);
});

function withoutColorVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _force, ...rest } = env;
  return rest;
}
