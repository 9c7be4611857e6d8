// The single-file build's CSP step (config/single-file.ts): the policy must allow exactly the inline
// scripts of the written HTML, by hash, and nothing else changes in the shipped policy.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../config/csp';
import { inlineScripts, sha256Source, singleFilePolicy } from '../../config/single-file';

describe('single-file CSP', () => {
  it('finds the text of every inline script, byte for byte, and skips scripts with src', () => {
    const html = [
      '<script type="module" crossorigin>const a = "\\x3C/script>";\n  run(a)</script>',
      '<script src="./external.js"></script>',
      '<SCRIPT>\n</SCRIPT>',
    ].join('\n');
    expect(inlineScripts(html)).toEqual(['const a = "\\x3C/script>";\n  run(a)', '\n']);
  });

  it('hashes as CSP3 hash-source: base64 of SHA-256 over the UTF-8 text', () => {
    const text = 'console.log("é")';
    const expected = createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64');
    expect(sha256Source(text)).toBe(`'sha256-${expected}'`);
  });

  it("replaces script-src 'self' with the hashes, adds blob: workers, and keeps every other directive", () => {
    const policy = singleFilePolicy(['a()', 'b()']);
    const directive = (p: string, name: string) => p.split('; ').find((d) => d.startsWith(`${name} `));
    expect(directive(policy, 'script-src')).toBe(`script-src ${sha256Source('a()')} ${sha256Source('b()')}`);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // The inlined workers start from blob: URLs the page mints.
    expect(directive(policy, 'worker-src')).toBe("worker-src 'self' blob:");
    const others = (p: string) => p.split('; ').filter((d) => !/^(script|worker)-src /.test(d));
    expect(others(policy)).toEqual(others(CONTENT_SECURITY_POLICY));
  });
});
