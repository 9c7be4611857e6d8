#!/usr/bin/env node
// `npm run headers`: writes deploy/security-headers.conf, the nginx include, from config/csp.ts (with the
// CONNECT_SRC setting of this environment, as the build reads it). `--check`: exit 1 if the file differs
// instead of writing it. The same comparison runs in tests/unit/security-headers.test.ts.
/* global process, console */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const NGINX_INCLUDE = join(ROOT, 'deploy', 'security-headers.conf');

// config/csp.ts is TypeScript; Vite's module runner loads it as the build does.
const { module: csp } = await runnerImport(join(ROOT, 'config', 'csp.ts'), { configFile: false, logLevel: 'error' });
const wanted = csp.renderNginxHeaders(csp.SITE_HEADERS);

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(NGINX_INCLUDE, 'utf8');
  } catch {
    // missing counts as different
  }
  if (current !== wanted) {
    console.error(`${NGINX_INCLUDE} differs from config/csp.ts: run npm run headers`);
    process.exit(1);
  }
} else {
  writeFileSync(NGINX_INCLUDE, wanted);
  console.log(`wrote ${NGINX_INCLUDE}`);
}
