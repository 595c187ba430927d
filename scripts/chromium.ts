import { existsSync } from 'node:fs'

/**
 * How every tool here launches Chromium (Playwright's tests, the screenshots, the search bench):
 * Debian's `/usr/bin/chromium` when present (offline machines, CI), `CHROMIUM_PATH` when set, and
 * Playwright's own browser otherwise; flags for containers and no background traffic.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
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
