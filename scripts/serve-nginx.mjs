#!/usr/bin/env node
// `npm run serve:nginx -- --port <p> [--base <path>] [--root <dir>]`: serves the build with Debian's nginx and
// the shipped deploy/nginx.conf, in the foreground, on http://127.0.0.1:<p><base>. Runs without root: the
// config is copied into a temporary directory with only what a local run must change (listen address,
// root, pid, logs, temp paths) replaced, so every header, cache rule and log format is the shipped one.
// Stops nginx on SIGTERM/SIGINT (or when nginx dies) and removes the directory; no nginx is left behind.
/* global process, console, setTimeout, setInterval */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    base: { type: 'string', default: '/' },
    root: { type: 'string', default: 'dist' },
    config: { type: 'string', default: join(ROOT, 'deploy', 'nginx.conf') },
    // Keep the access log somewhere that outlives the run (the tests read it); default: the temporary directory.
    'access-log': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port: "${values.port}" is not a port number`);
const base = `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(base) || /(^|\/)\.\.?\//.test(base))
  fail(`--base: "${values.base}" is not a plain path`);
const site = resolve(values.root);
if (!existsSync(join(site, 'index.html'))) fail(`${site}/index.html not found: build first (npm run build)`);
if (!existsSync(NGINX)) fail(`${NGINX} not found: install nginx-light (apt-get install nginx-light)`);

/** Set once the temporary directory exists, so a failure after that point removes it too. */
let work;

function fail(message) {
  console.error(`serve-nginx: ${message}`);
  if (work) rmSync(work, { recursive: true, force: true });
  process.exit(2);
}

/** Replaces exactly one match of `pattern` in the config, so a changed config fails loudly instead of half-applying. */
function replaceOnce(text, pattern, replacement) {
  const matches = text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? [];
  if (matches.length !== 1) fail(`deploy config: expected one match of ${pattern}, found ${matches.length}`);
  return text.replace(pattern, replacement);
}

work = mkdtempSync(join(tmpdir(), 'jwt-workbench-nginx-'));
// Started as root, nginx's workers run as an unprivileged user, which must be able to walk into it.
chmodSync(work, 0o755);
// Served from <work>/www<base>, a link to the build: the shipped config's `location /` then serves a
// sub-path exactly as it serves the root, and anything outside the base is a 404.
const www = join(work, 'www');
const mount = join(www, base);
mkdirSync(dirname(mount.replace(/\/$/, '')), { recursive: true });
if (base === '/') symlinkSync(site, www);
else symlinkSync(site, mount.replace(/\/$/, ''));

const configDir = dirname(resolve(values.config));
let config = readFileSync(resolve(values.config), 'utf8');
config = replaceOnce(config, /^pid .*;$/m, `pid ${join(work, 'nginx.pid')};`);
config = replaceOnce(config, /^error_log .*;$/m, `error_log ${join(work, 'error.log')} warn;`);
config = replaceOnce(config, /^(\s*access_log )\S+/m, `$1${resolve(values['access-log'] ?? join(work, 'access.log'))}`);
config = replaceOnce(config, /^(\s*)listen 8080;\n\s*listen \[::\]:8080;$/m, `$1listen 127.0.0.1:${port};`);
config = replaceOnce(config, /^(\s*root ).*;$/m, `$1${www};`);
const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
  .map((kind) => `    ${kind}_temp_path ${join(work, kind)};`)
  .join('\n');
config = replaceOnce(config, /^http \{$/m, `http {\n${temp}`);
writeFileSync(join(work, 'nginx.conf'), config);
// The include is read from beside the config, as on a real server.
copyFileSync(join(configDir, 'security-headers.conf'), join(work, 'security-headers.conf'));

const nginx = spawn(
  NGINX,
  ['-p', `${work}/`, '-c', join(work, 'nginx.conf'), '-e', join(work, 'error.log'), '-g', 'daemon off;'],
  {
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);

let stopping = false;
function cleanUp() {
  rmSync(work, { recursive: true, force: true });
}

nginx.on('exit', (code, signal) => {
  if (!stopping) {
    const log = existsSync(join(work, 'error.log')) ? readFileSync(join(work, 'error.log'), 'utf8') : '';
    console.error(`serve-nginx: nginx exited (${signal ?? code})${log ? `:\n${log}` : ''}`);
  }
  cleanUp();
  process.exit(stopping ? 0 : 1);
});

function stop() {
  if (stopping) return;
  stopping = true;
  // SIGQUIT: nginx's graceful shutdown (workers finish their requests, then the master exits last).
  nginx.kill('SIGQUIT');
  // A request that never finishes must not keep it alive: fast shutdown after a grace period.
  setTimeout(() => nginx.kill('SIGTERM'), 5000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('SIGHUP', stop);
// `npm run serve:nginx` puts npm and a shell above this script, and a SIGTERM sent to npm alone does not reach
// it: the parent just goes away. When that happens, stop too rather than leave nginx running.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop();
}, 250).unref();

function listening() {
  return new Promise((resolveReady) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolveReady(true);
    });
    socket.on('error', () => resolveReady(false));
  });
}

for (let attempt = 0; attempt < 100 && !stopping; attempt++) {
  if (await listening()) {
    console.log(`serve-nginx: ${site} at http://127.0.0.1:${port}${base} (nginx pid ${nginx.pid}, ${work})`);
    break;
  }
  await new Promise((wait) => setTimeout(wait, 50));
}
