// The `test` every spec uses: Playwright's, plus a guard that fails the test on any Trusted Types violation
// in any page or frame of its browser context (a `securitypolicyviolation` listener installed before any app
// script runs, reporting out through a binding, so reloads and new tabs are covered too). The app serves
// `require-trusted-types-for 'script'`: a sink fed a plain string is refused, and with it whatever feature
// fed it (a worker, the service worker, an editor line), so a violation is a bug even when the test's own
// checks pass. CSP violations of other directives are the business of csp-guard.ts, since some specs
// provoke them on purpose. A spec that provokes a Trusted Types violation on purpose opts out with
// `test.use({ allowTrustedTypesViolations: true })` and asserts on what it provoked.
import { test as base, expect } from '@playwright/test';

export * from '@playwright/test';

export type TrustedTypesViolation = { directive: string; sample: string; source: string; url: string };

const BINDING = '__reportTrustedTypesViolation';
const TRUSTED_TYPES_DIRECTIVES = ['require-trusted-types-for', 'trusted-types'];

export const test = base.extend<{
  allowTrustedTypesViolations: boolean;
  trustedTypesViolations: TrustedTypesViolation[];
}>({
  allowTrustedTypesViolations: [false, { option: true }],
  trustedTypesViolations: [
    async ({ context, allowTrustedTypesViolations }, use) => {
      const violations: TrustedTypesViolation[] = [];
      await context.exposeBinding(BINDING, (_source, violation: TrustedTypesViolation) => {
        violations.push(violation);
      });
      await context.addInitScript(
        ({ binding, directives }) => {
          document.addEventListener('securitypolicyviolation', (event) => {
            if (!directives.includes(event.effectiveDirective)) return;
            const report = (window as unknown as Record<string, (v: unknown) => Promise<void>>)[binding];
            void report?.({
              directive: event.effectiveDirective,
              sample: event.sample,
              source: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
              url: location.href,
            });
          });
        },
        { binding: BINDING, directives: TRUSTED_TYPES_DIRECTIVES },
      );
      await use(violations);
      if (!allowTrustedTypesViolations) expect(violations, 'Trusted Types violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
