import { articles, expect, expectThumbnailBoxKept, test, titleLink } from './fixtures'

test.describe('home → article', () => {
  test('the home page leads with the latest articles, the river newest first, and opens the lead', async ({ page }) => {
    await page.goto('/')
    await expect(page).toHaveTitle(/新闻速递/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('要闻')

    const items = page.locator('main [data-front="river"] li[data-article]')
    await expect(items.first()).toBeVisible()
    const dates = () => items.locator('time[datetime]').evaluateAll((times) => times.map((t) => Date.parse(t.getAttribute('datetime') ?? '')))
    await expect.poll(async () => (await dates()).filter(Number.isFinite).length).toBeGreaterThanOrEqual(1)
    await expect.poll(async () => (await dates()).every((date, i, all) => i === 0 || date <= all[i - 1]!)).toBe(true)

    const first = titleLink(page.locator('main [data-front="lead"] [data-article]'))
    await expect(first).toHaveText(/\S/)
    const title = (await first.innerText()).trim()
    await first.click()

    await expect(page).toHaveURL(/\/news\/[a-z0-9-]+\/[a-z0-9]+$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    const article = page.locator('article[lang]')
    await expect(article).toHaveAttribute('lang', 'zh-CN')
    await expect(article.locator('header time[datetime]').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?\+08:00$/)
    const tags = article.locator('footer a[href*="/tags/"]')
    await expect(tags.first()).toBeVisible()
    await expect(tags.first()).toHaveText(/^#\S/)
  })

  test('the seed article renders its body and links to the original', async ({ page }) => {
    const response = await page.goto(articles.seed)
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('放弃Deepseek，苹果将与阿里巴巴合作开发中国版AI功能')
    await expect(page.locator('article[lang]')).toHaveAttribute('lang', 'zh-CN')
    await expect(page.locator('article header time')).toHaveAttribute('datetime', '2025-02-12T11:30:21+08:00')

    const paragraphs = page.locator('article .prose p')
    await expect(paragraphs.first()).toContainText('外媒披露苹果与阿里巴巴达成合作')
    await expect(page.locator('article .prose')).toContainText('在双方合作下，相信苹果本地AI功能将很快上线')
    await expect.poll(() => paragraphs.count()).toBeGreaterThan(10)
    await expect(page.locator('article .prose strong').first()).toHaveText('苹果在华遭遇困境 销量持续下滑')

    await expect(page.getByRole('link', { name: /阅读原文/ })).toHaveAttribute('href', 'https://new.qq.com/rain/a/20250212A03TSR00')
    // Its `tags: [qq]` is the source, shown by name in the byline, not as a topic.
    await expect(page.locator('article footer').getByRole('link', { name: '#人工智能', exact: true })).toBeVisible()
    await expect(page.locator('article footer').getByRole('link', { name: '#qq' })).toHaveCount(0)
  })

  test('an unreachable thumbnail is hidden and its box keeps its size', async ({ page }) => {
    await page.goto(articles.seed)
    await expectThumbnailBoxKept(page.locator('article .aspect-video').first())
  })

  test('article page features follow the front matter', async ({ page }) => {
    await page.goto(articles.authorbox)
    await expect(page.locator('[data-authorbox]')).toContainText('张三')
    await expect(page.locator('article header')).toContainText('更新于')
    await expect(page.locator('[data-pager] a[rel="prev"]')).toBeVisible()
    await expect(page.locator('[data-pager] a[rel="next"]')).toBeVisible()

    await page.goto(articles.seed)
    await expect(page.locator('[data-authorbox]')).toHaveCount(0)

    await page.goto(articles.noPager)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(page.locator('[data-pager]')).toHaveCount(0)

    await page.goto(articles.toc)
    const toc = page.getByRole('navigation', { name: '目录' })
    await expect(toc).toBeVisible()
    const firstEntry = toc.getByRole('link').first()
    await expect(firstEntry).toHaveAttribute('href', /^#.+/)
    const target = (await firstEntry.getAttribute('href')) ?? ''
    await expect(page.locator(`[id="${decodeURIComponent(target.slice(1))}"]`)).toHaveCount(1)

    await page.goto(articles.math)
    await expect(page.locator('article .prose math').first()).toBeAttached()
    await expect.poll(() => page.locator('article .prose math').count()).toBeGreaterThan(1)
  })

  test('list and article links use canonical URLs (no /zh-CN prefix in the default edition)', async ({ page }) => {
    for (const path of ['/', articles.seed]) {
      await page.goto(path)
      const hrefs = await page.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
      expect(hrefs.length).toBeGreaterThan(10)
      expect(
        hrefs.filter((href) => /^\/zh-CN(\/|$)/i.test(href)),
        `internal links on ${path} must not carry the /zh-CN prefix`,
      ).toEqual([])
    }
  })
})
