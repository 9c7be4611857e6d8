/* global URL, console */
// Adds lockfile entries for platform-specific optional packages (rollup, tailwind oxide, …) that the
// registry this project is built against does not serve. npm 11's `npm ci` insists that every optional
// dependency named by a locked package has an entry, but `npm install` cannot record a package it cannot
// fetch. The entries added here carry the `os`/`cpu` read off the package name, so npm skips them on every
// other platform without fetching anything. Run after any `npm install` that rewrites package-lock.json:
//   node scripts/complete-lockfile.mjs
import fs from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

const OS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'win32', 'sunos', 'aix', 'netbsd'];
const CPU = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'wasm32', 'mips64el'];

/** `@rollup/rollup-linux-arm-musleabihf` -> { os: ['linux'], cpu: ['arm'], libc: ['musl'] } */
function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  if (!cpu) return undefined;
  const result = { cpu: [cpu] };
  if (os) result.os = [os];
  const tail = parts.slice(parts.indexOf(cpu) + 1).join('-');
  if (os === 'linux' && /musl/.test(tail)) result.libc = ['musl'];
  if (os === 'linux' && /gnu/.test(tail)) result.libc = ['glibc'];
  return result;
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const nested = `${path}/node_modules/${name}`;
    if (packages[key] || packages[nested]) continue;
    const platform = platformOf(name);
    if (!platform || !/^\d+\.\d+\.\d+/.test(version)) continue;
    packages[key] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...platform,
    };
    added += 1;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
fs.writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform-specific optional entries`);
