/* global process */
// Debian's Chromium, as every browser-driving script here uses it (e2e tests, bench, screenshots).
// Playwright's own browser download does not work on these machines. Without the background-networking
// flags Chromium tries to reach Google's hosts at start, which this machine's closed network refuses.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The omnibox's WebUI popups. Chromium 156 builds them (about 400 chrome:// modules, in a renderer of their own)
 * for every new window, and every Playwright context is one: that took most of a core for the first ~800 ms of
 * each page the tests and the bench open. Unknown names are ignored, so older builds accept them.
 * (Measured: docs/performance.md, "The browser's own work in every new window".)
 */
export const OMNIBOX_WEBUI_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup'];

/**
 * Playwright's own `--disable-features` list (playwright-core's chromiumSwitches). Chromium keeps only the last
 * `--disable-features` on its command line, so ours must repeat it; tests/unit/chromium-args.test.ts fails when
 * Playwright's list has a name this one lacks.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/** The flags every launcher gets, before its own list of disabled features. */
const BASE_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `--disable-features=` with a launcher's own names and the omnibox popups, each once. */
function disableFeaturesFlag(launcherFeatures) {
  return `--disable-features=${[...new Set([...launcherFeatures, ...OMNIBOX_WEBUI_FEATURES])].join(',')}`;
}

/** The flags for a browser Playwright launches (e2e tests, bench, screenshots). */
export const CHROMIUM_ARGS = [...BASE_ARGS, disableFeaturesFlag(PLAYWRIGHT_DISABLED_FEATURES)];

/** The flags for a browser chrome-launcher starts (Lighthouse), given chrome-launcher's default flags. */
export function chromeLauncherFlags(launcherDefaultFlags) {
  const prefix = '--disable-features=';
  const own = launcherDefaultFlags.filter((flag) => flag.startsWith(prefix));
  return [...BASE_ARGS, disableFeaturesFlag(own.flatMap((flag) => flag.slice(prefix.length).split(',')))];
}
