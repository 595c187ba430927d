import { articles, expect, hydrated, test } from './fixtures'

/** Runs against `npm run build:preview` (VERCEL_ENV=preview), served next to production. */
test.describe('a preview deployment', () => {
  test('lists drafts and scheduled articles with badges, under the 预览环境 banner, noindex', async ({ page }) => {
    const response = await page.goto('/')
    expect(response?.headers()['x-robots-tag']).toBe('noindex')
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)
    await expect(page.locator('[data-preview-banner]')).toContainText('预览环境')
    await expect(page.locator('main [data-article]', { hasText: 'DRAFTMARKER' }).locator('[data-badge="draft"]')).toHaveText('草稿')
    await expect(page.locator('main [data-article]', { hasText: 'FUTUREMARKER' }).locator('[data-badge="scheduled"]')).toHaveText('定时')
    // A whole-deployment preview has no draft-mode cookie to leave.
    await expect(page.locator('[data-preview-banner]').getByRole('link')).toHaveCount(0)
  })

  test('opens drafts and scheduled articles, badged, with the banner', async ({ page }) => {
    for (const [path, badge] of [
      [articles.draft, 'draft'],
      [articles.future, 'scheduled'],
    ] as const) {
      expect((await page.goto(path))?.status(), path).toBe(200)
      await expect(page.locator(`h1 [data-badge="${badge}"]`)).toBeVisible()
      await expect(page.locator('[data-preview-banner]')).toBeVisible()
    }
  })

  test('tag pages, the recent widget and prev/next include unpublished articles', async ({ page }) => {
    await page.goto('/tags/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD')
    await expect(page.locator('main li[data-article]', { hasText: 'DRAFTMARKER' })).toBeVisible()
    await expect(page.locator('[data-widget="recent"]')).toContainText('FUTUREMARKER')
    await page.goto(articles.draft)
    await expect(page.locator('[data-pager] a').first()).toBeVisible()
  })

  test('search finds drafts and scheduled articles in its own index, badged', async ({ page }) => {
    await page.goto('/search')
    const input = page.locator('main').getByRole('combobox')
    await hydrated(input)
    for (const [query, badge, label] of [
      ['DRAFTMARKER', 'draft', '草稿'],
      ['FUTUREMARKER', 'scheduled', '定时'],
    ] as const) {
      await input.fill(query)
      const result = page.locator('main [data-search-result]', { hasText: query })
      await expect(result).toHaveCount(1)
      await expect(result.locator(`[data-badge="${badge}"]`)).toHaveText(label)
    }
    await page.locator('main [data-search-result]').first().click()
    await expect(page).toHaveURL(new RegExp(`${articles.future}$`))
  })

  test('every page, the 404 page included, carries the banner', async ({ page }) => {
    for (const path of ['/tags', '/en', '/no-such-page']) {
      await page.goto(path)
      await expect(page.locator('[data-preview-banner]'), path).toBeVisible()
    }
  })
})
