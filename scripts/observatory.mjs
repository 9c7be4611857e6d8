#!/usr/bin/env node
// Grades the nginx deployment with the MDN HTTP Observatory, offline, behind TLS on loopback:
//   build  -> `npm run serve:nginx` (deploy/nginx.conf, plain http on 127.0.0.1:<backend>)
//          -> a TLS front (a second nginx: self-signed certificate for localhost, proxy_pass to the backend,
//             and plain http on the TLS port redirected to https, as the Observatory checks)
//          -> the Observatory's own CLI (src/scan.js) on localhost:<tls port>.
// The Observatory is not a dependency of this project (its npm ci never installs it). Install it once, apart:
//   mkdir -p /work/tools/observatory && cd /work/tools/observatory && npm init -y &&
//   npm install --ignore-scripts @mdn/mdn-http-observatory
// (--ignore-scripts skips its postinstall, which downloads the HSTS preload list; this script gives it an
// empty one instead.) Then: `npm run build && node scripts/observatory.mjs [--observatory <dir>] [--min-score 115]`.
// The self-signed certificate is trusted through NODE_EXTRA_CA_CERTS for the scan process only (the package's
// own bin wrapper overwrites that variable, so src/scan.js is run directly); certificate checks stay on.
/* global process, console, setTimeout, clearTimeout */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';

const { values } = parseArgs({
  options: {
    observatory: { type: 'string', default: process.env.OBSERVATORY_DIR ?? '/work/tools/observatory' },
    'min-score': { type: 'string', default: '115' },
    root: { type: 'string', default: join(ROOT, 'dist') },
  },
});

const packageDir = join(resolve(values.observatory), 'node_modules', '@mdn', 'mdn-http-observatory');
const scanScript = join(packageDir, 'src', 'scan.js');
if (!existsSync(scanScript)) {
  console.error(`observatory: ${scanScript} not found; install it as the header of this script says.`);
  process.exit(2);
}
const preload = join(packageDir, 'conf', 'hsts-preload.json');
if (!existsSync(preload)) {
  mkdirSync(dirname(preload), { recursive: true });
  writeFileSync(preload, '{}\n');
}

async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

const work = mkdtempSync(join(tmpdir(), 'jwt-workbench-observatory-'));
chmodSync(work, 0o755);
const children = [];

function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}

async function waitFor(child, pattern, what) {
  let output = '';
  return new Promise((ready, failed) => {
    const timer = setTimeout(() => failed(new Error(`${what} did not start:\n${output}`)), 15_000);
    const onData = (chunk) => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        ready(output);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      failed(new Error(`${what} exited (${code}):\n${output}`));
    });
  });
}

try {
  // A certificate for localhost (and 127.0.0.1), valid for a day, that the scan trusts and nothing else does.
  const cert = join(work, 'localhost.pem');
  const key = join(work, 'localhost.key');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );

  const backendPort = await freePort();
  const backend = spawn(
    process.execPath,
    [join(ROOT, 'scripts', 'serve-nginx.mjs'), '--port', String(backendPort), '--root', values.root],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(backend);
  await waitFor(backend, /nginx pid \d+/, 'serve-nginx');

  const tlsPort = await freePort();
  const front = join(work, 'front');
  mkdirSync(front);
  writeFileSync(
    join(front, 'nginx.conf'),
    `pid ${front}/nginx.pid;
error_log ${front}/error.log warn;
events { worker_connections 64; }
http {
    client_body_temp_path ${front}/client_body;
    proxy_temp_path ${front}/proxy;
    fastcgi_temp_path ${front}/fastcgi;
    uwsgi_temp_path ${front}/uwsgi;
    scgi_temp_path ${front}/scgi;
    access_log off;
    server_tokens off;
    server {
        listen 127.0.0.1:${tlsPort} ssl;
        server_name localhost;
        ssl_certificate ${cert};
        ssl_certificate_key ${key};
        ssl_protocols TLSv1.2 TLSv1.3;
        # Plain http sent to this port: redirect to https on the same host and port.
        error_page 497 =301 https://$host:$server_port$request_uri;
        location / {
            proxy_pass http://127.0.0.1:${backendPort};
            proxy_http_version 1.1;
            proxy_set_header Host $host;
        }
    }
}
`,
  );
  const tls = spawn(
    NGINX,
    ['-p', `${front}/`, '-c', join(front, 'nginx.conf'), '-e', join(front, 'error.log'), '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(tls);
  for (let attempt = 0; attempt < 100; attempt++) {
    const up = await new Promise((done) => {
      const socket = createServer().listen(tlsPort, '127.0.0.1');
      socket.once('listening', () => socket.close(() => done(false)));
      socket.once('error', () => done(true));
    });
    if (up) break;
    await new Promise((wait) => setTimeout(wait, 50));
  }

  const target = `localhost:${tlsPort}`;
  const output = execFileSync(process.execPath, [scanScript, target], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: cert },
    encoding: 'utf8',
  });
  const result = JSON.parse(output);
  if (result.error) throw new Error(`the Observatory could not scan ${target}: ${result.error}`);
  const { grade, score, testsPassed, testsQuantity } = result.scan;
  console.log(
    `MDN HTTP Observatory, https://${target}/ (nginx deploy/nginx.conf behind TLS): ${grade} (${score}), ${testsPassed}/${testsQuantity} tests passed`,
  );
  for (const [name, test] of Object.entries(result.tests)) {
    console.log(`  ${test.pass ? 'pass' : 'FAIL'}  ${String(test.scoreModifier).padStart(3)}  ${name}: ${test.result}`);
  }
  process.exitCode = score >= Number(values['min-score']) ? 0 : 1;
} catch (error) {
  console.error(`observatory: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  stopAll();
  await Promise.all(
    children.map((child) => (child.exitCode === null ? new Promise((done) => child.once('exit', done)) : null)),
  );
  rmSync(work, { recursive: true, force: true });
}
