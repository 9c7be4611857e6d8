// The programs some unit tests run for real (curl, HTTPie, bash, zsh, Chromium, Debian's Python with PyJWT). CI
// installs them (.ci/run), so a missing one is a broken machine, not a reason to skip: the tests that need it fail,
// naming what is missing and the Debian package that brings it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from '../../config/chromium.mjs';

export type RequiredTool = {
  /** Absolute path the tests run. */
  path: string;
  /** The Debian package(s) that provide it. */
  packages: string;
  /** Extra arguments that must exit 0 (e.g. a Python import), besides the file existing. */
  check?: string[];
};

export const BASH: RequiredTool = { path: '/bin/bash', packages: 'bash' };
export const ZSH: RequiredTool = { path: '/usr/bin/zsh', packages: 'zsh' };
export const CURL: RequiredTool = { path: '/usr/bin/curl', packages: 'curl' };
export const HTTPIE: RequiredTool = { path: '/usr/bin/http', packages: 'httpie' };
export const CHROMIUM: RequiredTool = { path: CHROMIUM_PATH, packages: 'chromium' };
export const PYTHON_WITH_PYJWT: RequiredTool = {
  path: '/usr/bin/python3',
  packages: 'python3-jwt python3-cryptography',
  check: ['-c', 'import jwt, cryptography'],
};

function problem(tool: RequiredTool): string | undefined {
  if (!existsSync(tool.path)) return `${tool.path} is missing`;
  if (tool.check && spawnSync(tool.path, tool.check, { stdio: 'ignore' }).status !== 0) {
    return `${tool.path} ${tool.check.join(' ')} fails`;
  }
  return undefined;
}

/** Throws, naming every missing tool and the `apt-get install` line that fixes it. */
export function requireTools(...tools: RequiredTool[]): void {
  const missing = tools.flatMap((tool) => {
    const found = problem(tool);
    return found ? [{ tool, found }] : [];
  });
  if (missing.length === 0) return;
  const packages = [...new Set(missing.flatMap((m) => m.tool.packages.split(' ')))].join(' ');
  throw new Error(
    `These tests run real programs that are not installed: ${missing.map((m) => m.found).join('; ')}. ` +
      `Install them (as .ci/run does): apt-get install -y ${packages}`,
  );
}
