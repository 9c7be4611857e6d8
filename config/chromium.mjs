/* global process */
// Debian's Chromium, as every browser-driving script here uses it (e2e tests, bench, screenshots).
// Playwright's own browser download does not work on these machines. Without the background-networking
// flags Chromium tries to reach Google's hosts at start, which this machine's closed network refuses.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
