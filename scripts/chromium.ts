import { existsSync } from 'node:fs'

/**
 * The browser every tool here launches (Playwright's tests, the screenshots, the search bench):
 * `CHROMIUM_PATH` when set; else Debian's headless shell (`apt-get install chromium-headless-shell`,
 * the browser Playwright itself runs headless tests in: the end-to-end suite takes half the wall
 * time of full Chromium's headless mode on 2 cores); else Debian's `/usr/bin/chromium`; else
 * Playwright's own browser.
 */
const DEBIAN_BROWSERS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium']

/** Launch options: that browser, with flags for containers and no background traffic. */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? DEBIAN_BROWSERS.find((file) => existsSync(file)),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
}
