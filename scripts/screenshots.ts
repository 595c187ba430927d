/**
 * Viewport screenshots of the main pages, desktop and phone, light and dark, for the docs:
 * `docs/screenshots/<page>-<size>-<theme>.png`. Runs against a running production server:
 *
 *   npm run build && npx next start -p 3000 &
 *   BASE_URL=http://127.0.0.1:3000 npm run screenshots
 *
 * Remote images (feed CDNs) are blocked, as in e2e: the pictures show their placeholder box,
 * and the shots are the same on every machine.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { chromium, devices, type BrowserContextOptions, type Page } from '@playwright/test'
import { chromiumLaunchOptions } from './chromium'

const baseUrl = new URL(process.env.BASE_URL ?? 'http://127.0.0.1:3000')
const outDir = path.join(process.cwd(), 'docs', 'screenshots')

const sizes: Record<string, BrowserContextOptions> = {
  desktop: { viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1 },
  phone: devices['Pixel 7'],
}
const themes = ['light', 'dark'] as const

const pages: { name: string; path: string; ready: (page: Page) => Promise<void> }[] = [
  { name: 'home', path: '/', ready: (page) => page.locator('[data-front="lead"]').waitFor() },
  { name: 'article', path: '/news/reuters/20261120r01trn00', ready: (page) => page.locator('main h1').waitFor() },
  { name: 'tag', path: `/tags/${encodeURIComponent('人工智能')}`, ready: (page) => page.locator('main li[data-article]').first().waitFor() },
  { name: 'search', path: `/search?q=${encodeURIComponent('芯片')}`, ready: (page) => page.locator('[data-search-result]').first().waitFor() },
]

async function main() {
  mkdirSync(outDir, { recursive: true })
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    for (const [size, options] of Object.entries(sizes)) {
      for (const theme of themes) {
        const context = await browser.newContext({ ...options, colorScheme: theme })
        // The head script reads the saved choice before the first paint (components/layout/head-script.ts).
        await context.addInitScript((saved) => localStorage.setItem('theme', saved), theme)
        await context.route(
          (url) => url.origin !== baseUrl.origin,
          (route) => route.abort('internetdisconnected'),
        )
        const page = await context.newPage()
        for (const { name, path: pagePath, ready } of pages) {
          await page.goto(new URL(pagePath, baseUrl).href)
          await ready(page)
          const file = path.join(outDir, `${name}-${size}-${theme}.png`)
          await page.screenshot({ path: file, animations: 'disabled' })
          console.log(path.relative(process.cwd(), file))
        }
        await context.close()
      }
    }
  } finally {
    await browser.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
