import { devices } from '@playwright/test'
import { expect, listItems, test, titleLink } from './fixtures'

const times = (items: import('@playwright/test').Locator) => items.locator('time[datetime]').evaluateAll((nodes) => nodes.map((n) => Date.parse(n.getAttribute('datetime') ?? '')))

test.describe('front page', () => {
  test('a lead story with a picture, a band of top stories, topic sections and the river', async ({ page }) => {
    await page.goto('/')
    const main = page.locator('main')
    await expect(main.getByRole('heading', { level: 1 })).toHaveText('要闻')

    const lead = main.locator('[data-front="lead"] [data-article]')
    await expect(lead).toHaveCount(1)
    await expect(lead.locator('img')).toHaveCount(1)
    await expect(titleLink(lead)).toHaveAttribute('href', /^\/news\//)

    const top = main.locator('[data-front="top"] li[data-article]')
    await expect(top).toHaveCount(4)
    await expect(main.getByRole('heading', { name: '要闻速览' })).toBeVisible()

    const sections = main.locator('[data-front="section"]')
    await expect(sections.first()).toBeVisible()
    for (const section of await sections.all()) {
      const heading = section.getByRole('heading', { level: 2 }).getByRole('link')
      await expect(heading).toHaveAttribute('href', /^\/tags\/[^/]+$/)
      await expect.poll(() => section.locator('li[data-article]').count()).toBeGreaterThanOrEqual(2)
    }

    const river = main.locator('[data-front="river"]')
    await expect(river.getByRole('heading', { level: 2 })).toHaveText('最新文章')
    await expect(river.locator('li[data-article]').first()).toBeVisible()
    const riverTimes = await times(river.locator('li[data-article]'))
    expect(
      riverTimes.every((t, i) => i === 0 || t <= riverTimes[i - 1]!),
      'the river runs newest first',
    ).toBe(true)
    await expect(river.getByRole('navigation', { name: '分页导航' })).toBeVisible()
  })

  test('no story is shown twice on page 1, and the newest stories lead', async ({ page }) => {
    await page.goto('/page/2')
    const olderTimes = await times(listItems(page))
    await page.goto('/')
    const keys = await page.locator('main [data-article]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-article') ?? ''))
    expect(keys.length).toBeGreaterThan(8)
    expect(
      keys.filter((key, i) => keys.indexOf(key) !== i),
      'stories shown twice',
    ).toEqual([])

    // Lead, band and river are the newest stories: everything on page 2 is older than them.
    const newest = await times(page.locator('main [data-front="lead"], main [data-front="top"] li, main [data-front="river"] li'))
    expect(newest.length).toBeGreaterThan(0)
    expect(Math.max(...olderTimes)).toBeLessThanOrEqual(Math.min(...newest))

    // The sidebar's recent widget lists only stories the main column does not show.
    const mainLinks = await page.locator('main [data-article] h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    const recent = page.locator('aside [data-widget="recent"] a')
    await expect(recent.first()).toBeAttached()
    const recentLinks = await recent.evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(recentLinks.filter((href) => mainLinks.includes(href))).toEqual([])
  })

  test('later pages are plain lists of the river', async ({ page }) => {
    await page.goto('/page/2')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('最新文章')
    await expect(page.locator('main [data-front]')).toHaveCount(0)
    await expect(listItems(page).first()).toBeVisible()
  })

  test('the English front page has the same parts', async ({ page }) => {
    await page.goto('/en')
    await expect(page.locator('main [data-front="lead"] [data-article]')).toHaveCount(1)
    await expect(page.locator('main [data-front="lead"] article')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Front page')
    await expect(page.locator('main [data-front="top"] li[data-article]').first()).toBeVisible()
  })
})

test.describe('compact lists on a phone', { tag: '@once' }, () => {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = devices['Pixel 7']
  test.use({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch })

  for (const path of ['/page/2', `/tags/${encodeURIComponent('芯片')}`]) {
    test(`four or more headlines fit in the first screen (${path})`, async ({ page }) => {
      await page.goto(path)
      const items = listItems(page)
      await expect(items.nth(3)).toBeAttached()
      const bottoms = await items.evaluateAll((nodes) => nodes.map((n) => n.querySelector('h2, h3')?.getBoundingClientRect().bottom ?? Infinity))
      const height = await page.evaluate(() => window.innerHeight)
      expect(height).toBeLessThanOrEqual(915)
      expect(bottoms.filter((bottom) => bottom <= height).length, `headline bottoms ${bottoms.join(', ')} in a ${height}px screen`).toBeGreaterThanOrEqual(4)
    })
  }

  test('a thumbnail sits beside its headline and the summary keeps to two lines', async ({ page }) => {
    await page.goto('/page/2')
    const item = listItems(page)
      .filter({ has: page.locator('img') })
      .first()
    const [thumb, heading] = await Promise.all([item.locator('.aspect-video').boundingBox(), item.getByRole('heading').boundingBox()])
    expect(thumb && heading).toBeTruthy()
    expect(thumb!.width).toBeLessThan(viewport.width * 0.4)
    // Side by side: the thumbnail starts above the headline's bottom and does not overlap it.
    expect(thumb!.y).toBeLessThan(heading!.y + heading!.height)
    expect(thumb!.x >= heading!.x + heading!.width || thumb!.x + thumb!.width <= heading!.x).toBe(true)
    const summary = item.locator('p.line-clamp-2')
    await expect(summary).toHaveCSS('-webkit-line-clamp', '2')
  })
})
