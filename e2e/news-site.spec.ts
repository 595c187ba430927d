import type { APIResponse } from '@playwright/test'
import { articles, expect, locationPath, test, titleLink } from './fixtures'

/**
 * Where a redirect leads. Next 16.4 sends the Location header of a page's redirect twice, with the
 * same value, on the first (uncached) render; browsers follow that, so each copy is checked.
 */
function redirectTargets(response: APIResponse, requestUrl: string): string[] {
  return [
    ...new Set(
      response
        .headersArray()
        .filter((h) => h.name.toLowerCase() === 'location')
        .map((h) => locationPath(h.value, requestUrl)),
    ),
  ]
}

/**
 * Raw feed data read as a news site, on the sample content: a traditional-Chinese
 * story filed under en/ (content/en/news/cna/) and a repeat of a qq story under a new id
 * (content/zh-CN/news/qq/20261124A06QQX00). The same checks over the real corpus run in
 * tests/corpus.test.ts, through the content build and the query module.
 */
test.describe('a news site, not a feed dump', () => {
  test('a story filed in the wrong edition lives in its own; its old URL answers 308', async ({ page, request, baseURL }) => {
    const old = '/en/news/cna/20261124t03cna00'
    const response = await request.get(old, { maxRedirects: 0 })
    expect(response.status()).toBe(308)
    expect(redirectTargets(response, `${baseURL}${old}`)).toEqual(['/zh-tw/news/cna/20261124t03cna00'])
    await page.goto(old)
    await expect(page).toHaveURL('/zh-tw/news/cna/20261124t03cna00')
    // Front pages: every story on them (lead, band, sections, river) carries data-article.
    await page.goto('/en')
    await expect(titleLink(page.locator('main [data-article]'))).not.toContainText(['離岸風電第三階段開發案啟動，國產化比例成評選重點'])
    await page.goto('/zh-tw')
    const story = page.locator('main [data-article]').filter({ hasText: '離岸風電第三階段開發案啟動，國產化比例成評選重點' })
    await expect(story).toHaveCount(1)
    await expect(story).toContainText('中央社')
  })

  test('a story told twice is listed once; the repeat answers 308 with the first copy', async ({ page, request, baseURL }) => {
    const repeat = '/news/qq/20261124a06qqx00'
    const response = await request.get(repeat, { maxRedirects: 0 })
    expect(response.status()).toBe(308)
    expect(redirectTargets(response, `${baseURL}${repeat}`)).toEqual([articles.noPager])
    await page.goto(repeat)
    await expect(page).toHaveURL(articles.noPager)
    await page.goto('/')
    const titles = await titleLink(page.locator('main [data-article]')).allInnerTexts()
    expect(titles.filter((t) => t.startsWith('智能体应用进入企业采购清单'))).toHaveLength(1)
    expect(new Set(titles).size).toBe(titles.length)
  })

  test('sources carry their names: a qq article names 腾讯新闻, and its feed item too', async ({ page, request }) => {
    await page.goto(articles.seed)
    await expect(page.locator('article header a[data-source="qq"]')).toHaveText('腾讯新闻')
    await expect(page.locator('article header a[data-source="qq"]')).toHaveAttribute('href', '/categories/qq')
    expect(await (await request.get('/index.xml')).text()).toContain('<dc:creator>腾讯新闻</dc:creator>')
  })

  test('/tags lists topics, /categories lists sources, and the tag widget links to all tags', async ({ page }) => {
    await page.goto('/tags')
    const tags = await page.locator('main').getByRole('link').allInnerTexts()
    expect(tags.some((t) => t.startsWith('人工智能（'))).toBe(true)
    expect(tags.some((t) => t.startsWith('腾讯新闻（') || t.startsWith('qq（'))).toBe(false)
    await page.goto('/categories')
    const categories = await page.locator('main').getByRole('link').allInnerTexts()
    expect(categories.some((t) => t.startsWith('腾讯新闻（'))).toBe(true)
    expect(categories).not.toEqual(tags)
    await page.goto('/')
    await page.locator('aside [data-widget="tags"]').getByRole('link', { name: '全部标签 →' }).click()
    await expect(page).toHaveURL('/tags')
  })

  test('related articles share a topic with the article', async ({ page }) => {
    await page.goto(articles.seed)
    const own = await page.locator('article footer [data-topics] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(own.length).toBeGreaterThan(0)
    const related = page.locator('[data-related] li a')
    await expect(related.first()).toBeVisible()
    await related.first().click()
    const theirs = await page.locator('article footer [data-topics] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(theirs.some((href) => own.includes(href))).toBe(true)
  })
})
