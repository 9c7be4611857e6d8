// Servers for the deployment specs: the real `npm run serve:nginx` (scripts/serve-nginx.mjs, Debian's nginx
// with deploy/nginx.conf) on a free loopback port, a plain static server that sends no headers at all (a
// host that cannot set them), and a page on another origin that frames a URL.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(REPO, 'dist');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

export type NginxServer = {
  origin: string;
  /** The nginx master's pid, from the script's ready line. */
  pid: number;
  child: ChildProcess;
  output(): string;
  /** SIGTERM to the script (as a terminal or a test runner sends it); resolves with its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

/**
 * `node scripts/serve-nginx.mjs --port <free> …` (or, with `viaNpm`, the documented `npm run serve:nginx -- …`),
 * resolved once it says nginx is listening.
 */
export async function startNginx(options: { root?: string; base?: string; accessLog?: string; viaNpm?: boolean } = {}) {
  const port = await freePort();
  const args = ['--port', String(port)];
  if (options.root) args.push('--root', options.root);
  if (options.base) args.push('--base', options.base);
  if (options.accessLog) args.push('--access-log', options.accessLog);
  const child = options.viaNpm
    ? spawn('npm', ['run', '--silent', 'serve:nginx', '--', ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, [join(REPO, 'scripts', 'serve-nginx.mjs'), ...args], {
        cwd: REPO,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const pid = await new Promise<number>((ready, failed) => {
    const timer = setTimeout(() => failed(new Error(`serve-nginx did not start:\n${output}`)), 15_000);
    const check = () => {
      const match = /nginx pid (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        ready(Number(match[1]));
      }
    };
    child.stdout.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      failed(new Error(`serve-nginx exited before it was ready:\n${output}`));
    });
  });
  const server: NginxServer = {
    origin: `http://127.0.0.1:${port}`,
    pid,
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  return server;
}

/** Live processes that are `pid` or its children (nginx workers), from /proc. */
export function processTree(pid: number): number[] {
  const alive: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may hold spaces and parentheses, so read after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') continue;
      if (Number(entry) === pid || Number(fields[1]) === pid) alive.push(Number(entry));
    } catch {
      // gone while listing
    }
  }
  return alive;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.webmanifest': 'application/manifest+json',
};

export type PlainServer = { origin: string; close(): Promise<void> };

async function listen(server: Server): Promise<PlainServer> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/**
 * Serves `root` with content types and nothing else: no CSP header, no frame-ancestors (like GitHub Pages,
 * where other pages of the same site share the origin: `pages` adds some, by path).
 */
export function startHeaderlessServer(root = DIST, pages: Record<string, string> = {}): Promise<PlainServer> {
  const base = resolve(root);
  return listen(
    createServer((request, response) => {
      const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
      const page = pages[path];
      if (page !== undefined) {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
        return;
      }
      const file = join(base, path.endsWith('/') ? `${path}index.html` : path);
      if (!file.startsWith(base) || !existsSync(file) || statSync(file).isDirectory()) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(readFileSync(file));
    }),
  );
}

/** Someone else's page: a heading and an iframe of `target`. */
export function framingPage(target: string): string {
  return (
    `<!doctype html><title>Someone else's page</title><h1>Someone else's page</h1>` +
    `<iframe id="app" src="${target}" width="900" height="600"></iframe>`
  );
}

/** A page on its own loopback origin whose only content is an iframe of `target`. */
export function startFramingPage(target: string): Promise<PlainServer> {
  return listen(
    createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(framingPage(target));
    }),
  );
}
