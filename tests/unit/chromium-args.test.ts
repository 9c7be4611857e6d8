// The flags every browser-driving script starts Debian's Chromium with (config/chromium.mjs). Chromium keeps only
// the last --disable-features on its command line, and Playwright and chrome-launcher each pass a list of their
// own first: ours must repeat theirs, or their settings (PaintHolding, HttpsUpgrades…) silently come back on.
import { readFileSync } from 'node:fs';
import { Launcher } from 'chrome-launcher';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromeLauncherFlags, OMNIBOX_WEBUI_FEATURES } from '../../config/chromium.mjs';
import { CHROMIUM, requireTools } from './required-tools';

const PREFIX = '--disable-features=';

function disabledFeatureLists(args: readonly string[]): string[][] {
  return args.filter((arg) => arg.startsWith(PREFIX)).map((arg) => arg.slice(PREFIX.length).split(','));
}

describe('Chromium flags', () => {
  beforeAll(() => requireTools(CHROMIUM));

  it("keeps Playwright's own disabled features in the list Chromium applies, with the omnibox popups", async () => {
    const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      // The command line as the browser process got it, Playwright's switches first.
      const args = readFileSync(`/proc/${server.process().pid}/cmdline`, 'utf8').split('\0');
      const lists = disabledFeatureLists(args);
      expect(lists.length).toBeGreaterThan(1);
      const applied = lists.at(-1)!;
      const dropped = lists.slice(0, -1).flatMap((list) => list.filter((name) => !applied.includes(name)));
      expect(dropped, 'update PLAYWRIGHT_DISABLED_FEATURES in config/chromium.mjs').toEqual([]);
      expect(applied).toEqual(expect.arrayContaining(OMNIBOX_WEBUI_FEATURES));
    } finally {
      await server.close();
    }
  });

  it("keeps chrome-launcher's own disabled features for Lighthouse, with the omnibox popups", () => {
    const defaults = Launcher.defaultFlags();
    const applied = disabledFeatureLists(chromeLauncherFlags(defaults)).at(-1)!;
    const theirs = disabledFeatureLists(defaults).flat();
    expect(theirs.length).toBeGreaterThan(0);
    expect(applied).toEqual(expect.arrayContaining([...theirs, ...OMNIBOX_WEBUI_FEATURES]));
  });

  it('opens a new window without building the omnibox popup pages', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const requested: string[] = [];
      const cdp = await browser.newBrowserCDPSession();
      // Every target the browser creates, its own WebUI pages included, as the DevTools target list sees them.
      await cdp.send('Target.setDiscoverTargets', { discover: true });
      cdp.on('Target.targetCreated', ({ targetInfo }) => requested.push(targetInfo.url));
      cdp.on('Target.targetInfoChanged', ({ targetInfo }) => requested.push(targetInfo.url));
      const context = await browser.newContext();
      await (await context.newPage()).goto('data:text/html,<p>hello</p>');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await context.close();
      expect(requested.filter((url) => url.startsWith('chrome://omnibox-popup'))).toEqual([]);
      expect(requested).toContain('data:text/html,<p>hello</p>');
    } finally {
      await browser.close();
    }
  });
});
