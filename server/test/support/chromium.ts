import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (CI installs it); the browser tests skip without it, except on CI. */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless Chromium as every browser test runs it: no sandbox (root in CI), nothing fetched in the background. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
