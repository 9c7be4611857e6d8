// What the hardening specs watch on every page: CSP violations (a `securitypolicyviolation`
// listener installed before any app script runs), console errors, uncaught page errors, every request
// (service worker included, through the context), dialogs, and the workers the page starts.
import { expect, type BrowserContext, type Page } from '@playwright/test';

export type RecordedRequest = { url: string; method: string; body: string };
export type Violation = { directive: string; blocked: string; source: string; sample: string };

declare global {
  interface Window {
    __cspViolations?: Violation[];
  }
}

export const APP_ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

export type PageWatch = {
  requests: RecordedRequest[];
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  workers: string[];
  violations(): Promise<Violation[]>;
  /** Fails the test on any CSP violation, console error, page error or dialog. */
  expectClean(): Promise<void>;
};

export async function watchPage(page: Page, context: BrowserContext = page.context()): Promise<PageWatch> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
        sample: event.sample,
      });
    });
  });
  const watch: PageWatch = {
    requests: [],
    consoleErrors: [],
    pageErrors: [],
    dialogs: [],
    workers: [],
    violations: () => page.evaluate(() => window.__cspViolations ?? []),
    async expectClean() {
      expect(await watch.violations(), 'securitypolicyviolation events').toEqual([]);
      expect(watch.consoleErrors, 'console errors').toEqual([]);
      expect(watch.pageErrors, 'uncaught page errors').toEqual([]);
      expect(watch.dialogs, 'dialogs opened').toEqual([]);
    },
  };
  context.on('request', (request) => {
    watch.requests.push({ url: request.url(), method: request.method(), body: request.postData() ?? '' });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.pageErrors.push(`${error.name}: ${error.message}`));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('worker', (worker) => watch.workers.push(worker.url()));
  return watch;
}
