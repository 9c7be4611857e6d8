// The curl line offered for a token header's x5u: only for https: URLs, and inert in bash and zsh whatever the
// token's author put in the URL. A stand-in `curl` on PATH prints the arguments it got, so nothing is fetched.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { x5uCurlCommand } from '../../src/core/snippets';

const run = promisify(execFile);
const SHELLS = ['/bin/bash', '/usr/bin/zsh'].filter((p) => existsSync(p));
const work = mkdtempSync(join(tmpdir(), 'x5u-curl-'));
const bin = join(work, 'bin');
const cwd = join(work, 'cwd');

// A stand-in curl that prints each argument on its own line between markers; it never touches the network.
mkdirSync(bin);
mkdirSync(cwd);
writeFileSync(join(bin, 'curl'), '#!/bin/sh\nfor a in "$@"; do printf "<%s>\\n" "$a"; done\n', { mode: 0o755 });

afterAll(() => rmSync(work, { recursive: true, force: true }));

async function argumentsCurlGets(shell: string, command: string): Promise<string[]> {
  const { stdout } = await run(shell, ['-c', command], {
    cwd,
    env: { PATH: `${bin}:/usr/bin:/bin`, HOME: work },
    timeout: 5_000,
  });
  return stdout
    .trim()
    .split('\n')
    .map((line) => line.replace(/^<|>$/g, ''));
}

describe('x5uCurlCommand', () => {
  it('is offered only for https: URLs', () => {
    for (const value of [
      '-K/etc/passwd',
      'file:///etc/passwd',
      'http://issuer.example/chain.pem',
      'javascript:alert(1)',
      '',
      'chain.pem',
    ]) {
      expect(x5uCurlCommand(value), value).toBeUndefined();
    }
    expect(x5uCurlCommand('https://issuer.example/chain.pem')).toBe(
      "curl -s --proto '=https' -- 'https://issuer.example/chain.pem'",
    );
  });

  const HOSTILE = [
    "https://issuer.example/a'; touch pwned-quote; echo '",
    'https://issuer.example/$(touch pwned-subst)',
    'https://issuer.example/`touch pwned-backtick`',
    'https://issuer.example/${IFS}x;touch${IFS}pwned-ifs',
    'https://issuer.example/a b\nc\td',
    'https://issuer.example/!!/!$/~root/*',
  ];

  for (const shell of SHELLS) {
    it(`passes a hostile https URL to curl as one argument after --proto =https -- (${shell})`, async () => {
      for (const value of HOSTILE) {
        const command = x5uCurlCommand(value);
        expect(command, value).toBeDefined();
        const args = await argumentsCurlGets(shell, command ?? '');
        expect(args, value).toEqual(['-s', '--proto', '=https', '--', new URL(value).href]);
      }
      expect(readdirSync(cwd), 'files made by the commands').toEqual([]);
    });
  }
});
