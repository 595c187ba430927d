import type { Page } from '@playwright/test'
import { articles, expect, expectNoAxeViolations, test } from './fixtures'

/** What `npm run build:e2e` builds with (playwright.config.ts): canonical URLs name this origin. */
const SITE_URL = 'http://localhost:3000'
/** A story whose body opens with its own headline as `# …`, then an image-only link. */
const headlineInBody = '/en/news/reuters/20261128r03rtx00'
const zhTW = '/zh-tw/news/cna/20261119t05cna00'
const zhHK = '/zh-hk/news/mingpao/20261126h02mpx00'

/** The font-size buttons carry aria-pressed only once hydrated (the server cannot know the stored size). */
async function controlsReady(page: Page) {
  await expect(page.locator('[data-font-size-control] button[aria-pressed="true"]')).toHaveCount(1)
}

function proseFontSize(page: Page): Promise<number> {
  return page.locator('article .article-prose').evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
}

test.describe('article page', () => {
  test('one h1: a body that opens with the headline does not repeat it, nor its trailing source-name line', async ({ page }) => {
    await page.goto(headlineInBody)
    const title = 'Hong Kong port trials automated container cranes as trade volumes recover'
    await expect(page.locator('h1')).toHaveCount(1)
    await expect(page.locator('h1')).toHaveText(title)
    await expect(page.locator('article .prose :is(h1, h2, h3)')).toHaveCount(0)
    await expect(page.locator('article header, article .prose').getByText(title, { exact: true })).toHaveCount(1)
    // The source link is the page's own "Read original", not a bare "reuters" link in the body.
    await expect(page.getByRole('link', { name: /Read the original|original/i })).toHaveAttribute('href', 'https://example.com/reuters/20261128R03RTX00')
    await expect(page.locator('article .prose a[href="https://example.com/reuters/20261128R03RTX00"]')).toHaveCount(0)
    // The image-only link has a name of its own.
    await expect(page.locator('article .prose a[href="https://www.example.com/port-photos"]')).toHaveAttribute('aria-label', 'example.com')

    for (const path of [articles.seed, articles.translatedEn, zhTW, zhHK]) {
      await page.goto(path)
      await expect(page.locator('h1'), path).toHaveCount(1)
    }
  })

  test('the meta line uses full-width punctuation and keeps each item on one line', async ({ page }) => {
    await page.goto(articles.seed)
    const meta = page.locator('[data-article-meta]')
    await expect(meta).toContainText('来源：腾讯新闻')
    // No half-width colon or comma after Chinese text ("来源: ").
    await expect(meta).not.toHaveText(/\p{Script=Han}\s*[:,;]/u)
    await expect(meta.locator('[data-reading-time]')).toHaveText(/^\d+ 分钟阅读$/)
    await expect(meta.locator('[data-reading-time]')).toHaveCSS('white-space', 'nowrap')
    await expect(meta.locator('time').first()).toHaveCSS('white-space', 'nowrap')
  })

  test('Chinese body text keeps a measure of about 35–40 characters', async ({ page }) => {
    await page.goto(articles.seed)
    const perLine = await page.locator('article .article-prose').evaluate((element) => {
      const style = getComputedStyle(element)
      return element.getBoundingClientRect().width / parseFloat(style.fontSize)
    })
    expect(perLine).toBeLessThanOrEqual(40)
    if ((page.viewportSize()?.width ?? 0) >= 1024) expect(perLine).toBeGreaterThanOrEqual(35)
  })

  test.describe('dates name the edition’s time zone, 24-hour clock', () => {
    for (const [path, zone] of [
      [articles.seed, '北京时间'],
      [zhTW, '台北時間'],
      [zhHK, '香港時間'],
    ] as const) {
      test(`${path}: ${zone}`, async ({ page }) => {
        await page.goto(path)
        await expect(page.locator('[data-article-meta] time').first()).toHaveText(new RegExp(`^\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2} ${zone}$`))
      })
    }

    test('English names its zone too', async ({ page }) => {
      await page.goto(articles.translatedEn)
      await expect(page.locator('[data-article-meta] time').first()).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2} \(Beijing time\)$/)
    })

    test('lists and search results use the same style', async ({ page }) => {
      await page.goto(`/zh-tw/tags/${encodeURIComponent('芯片')}`)
      await expect(page.locator('main li[data-article] time').first()).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 台北時間$/)
      await page.goto(`/search?q=${encodeURIComponent('芯片')}`)
      await expect(page.locator('main [data-search-result] time').first()).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 北京时间$/)
    })
  })

  test('share: copy link confirms, Weibo and the WeChat QR code carry the canonical URL', async ({ page, context, browserName }) => {
    const canonical = `${SITE_URL}${articles.seed}`
    await page.goto(articles.seed)
    const bar = page.locator('[data-share-bar]')

    await expect(bar.locator('a[data-share="weibo"]')).toHaveAttribute(
      'href',
      new RegExp(`^https://service\\.weibo\\.com/share/share\\.php\\?url=${encodeURIComponent(canonical).replace(/[.?*+^$()|[\]\\]/g, '\\$&')}&title=`),
    )

    const wechat = bar.locator('details[data-share="wechat"]')
    await expect(wechat.locator('svg')).toBeHidden()
    await controlsReady(page)
    await wechat.locator('summary').click()
    const qr = wechat.locator('[data-qr-url]')
    await expect(qr).toHaveAttribute('data-qr-url', canonical)
    await expect(qr.locator('svg')).toBeVisible()
    // Version 3+ for a URL this long: at least 29 modules a side, hundreds of dark modules.
    const { side, runs } = await qr.locator('svg').evaluate((svg) => ({
      side: Number(svg.getAttribute('viewBox')?.split(' ')[2]),
      runs: (svg.querySelector('path[stroke]')?.getAttribute('d')?.match(/h\d+/g) ?? []).length,
    }))
    expect(side).toBeGreaterThanOrEqual(29)
    expect(runs).toBeGreaterThan(100)

    if (browserName === 'chromium') await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await bar.getByRole('button', { name: '复制链接' }).click()
    await expect(bar.getByRole('status')).toHaveText('已复制')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(canonical)

    // The system share sheet shows only where the browser has one.
    const native = bar.locator('[data-share="native"]')
    if (await page.evaluate(() => typeof navigator.share === 'function')) await expect(native).toBeVisible()
    else await expect(native).toBeHidden()
  })

  test('font size: 小/中/大 changes the body text, persists, and a stored size causes no layout shift', async ({ page }) => {
    await page.goto(articles.seed)
    await controlsReady(page)
    const control = page.getByRole('group', { name: '字号' })
    const medium = await proseFontSize(page)
    await control.getByRole('button', { name: '大' }).click()
    await expect(control.getByRole('button', { name: '大' })).toHaveAttribute('aria-pressed', 'true')
    await expect.poll(() => proseFontSize(page)).toBeGreaterThan(medium)
    const large = await proseFontSize(page)

    await page.addInitScript(() => {
      const record = { shift: 0, sizeAtStart: '', moved: [] as string[] }
      Object.defineProperty(window, '__reader', { value: record })
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
          if (entry.hadRecentInput) continue
          record.shift += entry.value
          for (const source of entry.sources ?? []) record.moved.push(source.node instanceof Element ? source.node.outerHTML.slice(0, 80) : String(source.node?.nodeName))
        }
      }).observe({ type: 'layout-shift', buffered: true })
      document.addEventListener('DOMContentLoaded', () => {
        record.sizeAtStart = document.documentElement.dataset.fontSize ?? ''
      })
    })
    await page.reload()
    await controlsReady(page)
    await expect(control.getByRole('button', { name: '大' })).toHaveAttribute('aria-pressed', 'true')
    expect(await proseFontSize(page)).toBe(large)
    const record = await page.evaluate(
      () =>
        new Promise<{ shift: number; sizeAtStart: string; moved: string[] }>((resolve) => {
          // Let the observer deliver what is buffered before reading it.
          requestAnimationFrame(() => requestAnimationFrame(() => resolve((window as unknown as { __reader: { shift: number; sizeAtStart: string; moved: string[] } }).__reader)))
        }),
    )
    expect(record.sizeAtStart, 'applied by the head script before the body was parsed').toBe('large')
    // Text set in another size after the first paint moves the whole column (a shift near 0.1 and
    // more); a loaded machine has shown sub-pixel shifts of 1e-5, which no reader sees.
    expect(record.shift, `layout shifts after reload: ${record.moved.join(' | ')}`).toBeLessThan(0.001)

    await control.getByRole('button', { name: '小' }).click()
    await expect.poll(() => proseFontSize(page)).toBeLessThan(medium)
  })

  test.describe('accessibility (axe)', () => {
    for (const path of [articles.seed, headlineInBody, zhTW, zhHK, articles.translatedZh]) {
      test(`${path} has no violations, QR code open`, async ({ page }) => {
        await page.goto(path)
        await controlsReady(page)
        await page.locator('details[data-share="wechat"] summary').click()
        await expect(page.locator('[data-qr-url] svg')).toBeVisible()
        await expectNoAxeViolations(page, path)
      })
    }
  })
})
