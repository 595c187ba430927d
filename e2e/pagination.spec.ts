import { expect, listItems, locationPath, test, titleLink } from './fixtures'

test.describe('pagination', () => {
  test('the home page pages through every article and back', async ({ page }) => {
    await page.goto('/')
    const pager = page.getByRole('navigation', { name: '分页导航' })
    await expect(pager).toContainText('第 1 页，共 2 页')
    await expect(pager.locator('a[rel="prev"]')).toHaveCount(0)
    // Page 1 is the front page: its lead, band and river are the first list page (sections may add older stories).
    const firstPage = page.locator('main [data-front="lead"] [data-article], main [data-front="top"] li[data-article], main [data-front="river"] li[data-article]')
    await expect(firstPage.nth(9)).toHaveCount(0)
    await expect(firstPage.nth(4)).toBeAttached()
    const firstPageTitles = await titleLink(firstPage).allInnerTexts()
    const firstPageDates = await firstPage.locator('time[datetime]').evaluateAll((times) => times.map((t) => Date.parse(t.getAttribute('datetime') ?? '')))
    const oldestOnFirstPage = Math.min(...firstPageDates)

    await pager.locator('a[rel="next"]').click()
    await expect(page).toHaveURL('/page/2')
    await expect(pager).toContainText('第 2 页，共 2 页')
    await expect(pager.locator('a[rel="next"]')).toHaveCount(0)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('最新文章')

    const items = listItems(page)
    await expect(items.first()).toBeVisible()
    const secondPageTitles = await titleLink(items).allInnerTexts()
    expect(secondPageTitles.length).toBeGreaterThan(0)
    expect(secondPageTitles.filter((title) => firstPageTitles.includes(title))).toEqual([])
    // The seed (2025) is the oldest news article; only the security-lab test articles (2020) follow it.
    await expect(titleLink(items).filter({ hasText: '放弃Deepseek，苹果将与阿里巴巴合作开发中国版AI功能' })).toHaveCount(1)
    await expect(items.last()).toHaveAttribute('data-article', /^zh-CN\/security-lab\//)
    const secondPageDates = await items.locator('time[datetime]').evaluateAll((times) => times.map((t) => Date.parse(t.getAttribute('datetime') ?? '')))
    expect(secondPageDates.every((date) => date <= oldestOnFirstPage)).toBe(true)

    await pager.locator('a[rel="prev"]').click()
    await expect(page).toHaveURL('/')
    await expect(pager).toContainText('第 1 页，共 2 页')
  })

  test('page numbers: the current one marked, each a link to its page, the last one works', async ({ page }) => {
    await page.goto('/')
    const pager = page.getByRole('navigation', { name: '分页导航' })
    const current = pager.locator('[aria-current="page"]')
    await expect(current).toHaveCount(1)
    await expect(current).toContainText('1')
    await expect(pager.getByRole('link', { name: '第 1 页' })).toHaveCount(0)
    const numbers = pager.getByRole('listitem').filter({ hasNot: page.locator('[rel]') })
    await expect(numbers).toHaveCount(2)
    await expect(numbers).toContainText(['1', '2'])

    const last = pager.getByRole('link', { name: '第 2 页' })
    await expect(last).toHaveAttribute('href', '/page/2')
    await last.click()
    await expect(page).toHaveURL('/page/2')
    await expect(page.getByRole('navigation', { name: '分页导航' }).locator('[aria-current="page"]')).toContainText('2')
    const first = page.getByRole('navigation', { name: '分页导航' }).getByRole('link', { name: '第 1 页' })
    await expect(first).toHaveAttribute('href', '/')
    await expect(page.getByRole('navigation', { name: '分页导航' }).locator('a[rel="prev"]')).toHaveAttribute('href', '/')
  })

  test('pagination links point at the canonical list URLs', async ({ page }) => {
    // Server-rendered attributes: read once, no need to wait for a change.
    await page.goto('/')
    expect(await page.getByRole('navigation', { name: '分页导航' }).locator('a[rel="next"]').getAttribute('href')).toBe('/page/2')
    await page.goto('/page/2')
    expect(await page.getByRole('navigation', { name: '分页导航' }).locator('a[rel="prev"]').getAttribute('href')).toBe('/')
  })

  test('/page/1 redirects to the home page', async ({ page, request }) => {
    const response = await request.get('/page/1', { maxRedirects: 0 })
    expect(response.status()).toBe(308)
    expect(locationPath(response.headers().location, response.url())).toBe('/')

    await page.goto('/page/1')
    await expect(page).toHaveURL('/')
    await expect(page.getByRole('navigation', { name: '分页导航' })).toContainText('第 1 页，共 2 页')
  })

  test('a page past the end is a 404', async ({ page }) => {
    const response = await page.goto('/page/99')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在')
  })
})
