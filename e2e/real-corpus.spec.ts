import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { REPORT_PATH } from '@/lib/content/output'
import { titleKey } from '@/lib/content/stories'
import type { ContentReport } from '@/lib/content/types'
import { CORPUS_SITE_DIR } from '@/scripts/shared-corpus'
import { expect, expectNoAxeViolations, test } from './fixtures'

/**
 * The production build over the real corpus (`npm run build:corpus`, served by playwright.config.ts
 * in the "Real corpus" project), read as a reader would: feed data with mislabelled languages,
 * repeated stories and source slugs for names.
 */
const report = (): ContentReport => JSON.parse(readFileSync(path.join(CORPUS_SITE_DIR, REPORT_PATH), 'utf8'))

const PREFIX = { 'zh-CN': '', 'zh-TW': '/zh-tw', 'zh-HK': '/zh-hk', en: '/en' } as const

/** The URL of a content file (`en/news/technews/<id>.en.md`) in an edition. */
function articleUrl(edition: keyof typeof PREFIX, file: string): string {
  const [, , source, name] = file.split('/')
  return `${PREFIX[edition]}/news/${source}/${name!.replace(/\.[^.]+\.md$/, '').toLowerCase()}`
}

const HAN = /\p{Script=Han}/u

/** Titles of every story on a page's main column, in document order. */
function storyTitles(page: Page): Promise<string[]> {
  return page.locator('main [data-article]').evaluateAll((items) => items.map((item) => (item.querySelector('h2, h3, a')?.textContent ?? '').trim()))
}

test.describe('the real corpus, read as a news site', () => {
  test('/en page 1 tells no Chinese story, and /zh-hk no English one', async ({ page }) => {
    await page.goto('/en')
    const english = await storyTitles(page)
    expect(english.length).toBeGreaterThanOrEqual(10)
    for (const title of english) expect(title, 'a Chinese story on /en').not.toMatch(HAN)

    await page.goto('/zh-hk')
    const hongKong = await storyTitles(page)
    expect(hongKong.length).toBeGreaterThanOrEqual(10)
    for (const title of hongKong) expect(title, 'an English story on /zh-hk').toMatch(HAN)
  })

  test('a story filed under the wrong edition answers 308 at its old URL, and lives at the new one', async ({ request }) => {
    const moves = report().editorial.moves.filter((m) => m.labelled === 'en' && m.edition === 'zh-TW' && m.file.includes('/technews/'))
    expect(moves.length).toBeGreaterThan(100)
    for (const move of moves.slice(0, 3)) {
      const from = articleUrl('en', move.file)
      const moved = await request.get(from, { maxRedirects: 0 })
      expect(moved.status(), from).toBe(308)
      const target = new URL(moved.headers().location!, 'http://x').pathname
      expect(target).toMatch(/^\/zh-tw\/news\/technews\//)
      const landed = await request.get(target, { maxRedirects: 0 })
      expect([200, 308], target).toContain(landed.status())
    }
  })

  test('a repeated story answers 308 to its first telling', async ({ request }) => {
    const group = report().editorial.duplicates.find((g) => g.folded.length >= 2)!
    expect(group).toBeTruthy()
    const canonical = articleUrl(group.edition, group.canonical)
    const copy = articleUrl(group.edition, group.folded[0]!)
    const answer = await request.get(copy, { maxRedirects: 0 })
    expect(answer.status(), copy).toBe(308)
    expect(new URL(answer.headers().location!, 'http://x').pathname).toBe(canonical)
    expect((await request.get(canonical)).status()).toBe(200)
  })

  test('sources have names: qq is 腾讯新闻 on its category page and in an article byline', async ({ page }) => {
    await page.goto('/categories/qq')
    await expect(page.getByRole('heading', { level: 1 })).toContainText('腾讯新闻')
    await page.goto((await page.locator('main [data-article] a').first().getAttribute('href'))!)
    await expect(page.locator('article header a[data-source="qq"]')).toHaveText('腾讯新闻')
    await expect(page.locator('body')).not.toContainText('来源: qq')
  })

  test('/tags lists topics, 人工智能 among them, and is not the list of sources', async ({ page }) => {
    const names = async (pathname: string) => {
      await page.goto(pathname)
      return page.locator('main a[href*="/tags/"], main a[href*="/categories/"]').allTextContents()
    }
    const tags = await names('/tags')
    const categories = await names('/categories')
    expect(tags.some((tag) => tag.includes('人工智能'))).toBe(true)
    expect(categories.some((category) => category.includes('腾讯新闻'))).toBe(true)
    expect(tags.filter((tag) => categories.includes(tag))).toEqual([])
  })

  test('no list page shows a story twice', async ({ page }) => {
    for (const pathname of ['/', '/page/2', '/en', '/zh-tw', '/zh-tw/categories/technews', '/zh-hk', '/tags/人工智能']) {
      await page.goto(pathname)
      const keys = (await storyTitles(page)).map(titleKey)
      expect(keys.length, pathname).toBeGreaterThan(0)
      expect(new Set(keys).size, `${pathname}: ${keys.join(' | ')}`).toBe(keys.length)
    }
  })

  test('related articles share a topic with the article', async ({ page }) => {
    await page.goto('/tags/人工智能')
    await page.goto((await page.locator('main [data-article] a').first().getAttribute('href'))!)
    const topicsOf = () => page.locator('[data-topics] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    const own = await topicsOf()
    expect(own).toContain('/tags/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD')
    const related = page.locator('[data-related] a')
    expect(await related.count()).toBeGreaterThan(0)
    await page.goto((await related.first().getAttribute('href'))!)
    const theirs = await topicsOf()
    expect(theirs.filter((topic) => own.includes(topic)).length).toBeGreaterThan(0)
  })

  // Feed bodies are accessible: axe finds nothing on real articles, one test per page (each renders
  // on first request and takes one axe scan).
  test('axe finds nothing on a real article whose body links an image without alt text', async ({ page }) => {
    // This yahoo story links an image without alt text (axe link-name before the body was repaired).
    const pathname = '/en/news/yahoo/2e59c7ae-c3d9-37cb-8fed-9cc0a04feebb'
    await page.goto(pathname)
    await expect(page.locator('main h1')).toHaveCount(1)
    await expectNoAxeViolations(page, pathname)
  })

  for (const list of ['/', '/en', '/zh-tw', '/zh-hk']) {
    test(`axe finds nothing on the newest real article of ${list}`, async ({ page }) => {
      await page.goto(list)
      const pathname = (await page.locator('main [data-article] a').first().getAttribute('href'))!
      await page.goto(pathname)
      await expect(page.locator('main h1')).toHaveCount(1)
      await expectNoAxeViolations(page, pathname)
    })
  }
})
