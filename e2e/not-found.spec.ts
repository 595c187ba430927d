import { articles, expect, locationPath, test } from './fixtures'

/**
 * Unknown articles, tags and page numbers get their edition's 404 page. Paths that match no
 * route at all get the static site-wide 404 (default edition, with links to the others).
 */
const editions = [
  {
    lang: 'zh-CN',
    home: '/',
    heading: '页面不存在',
    paths: ['/no-such-page', '/news/qq/20250212a03tsr99', '/news/no-such-source/20250212a03tsr00', '/tags/no-such-tag', '/categories/no-such-source', '/page/99'],
  },
  { lang: 'en', home: '/en', heading: 'Page not found', paths: ['/en/news/reuters/20261120r01trn99', '/en/tags/no-such-tag', '/en/page/99'] },
  { lang: 'zh-TW', home: '/zh-tw', heading: '找不到頁面', paths: ['/zh-tw/news/cna/nothing'] },
]

test.describe('unknown and legacy URLs', () => {
  for (const { lang, home, heading, paths } of editions) {
    test(`unknown ${lang} URLs answer 404 with the ${lang} not-found page`, async ({ page }) => {
      for (const path of paths) {
        await test.step(path, async () => {
          const response = await page.goto(path)
          expect(response?.status(), path).toBe(404)
          await expect(page.locator('html')).toHaveAttribute('lang', lang)
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
        })
      }
      await page.locator('main').getByRole('link').first().click()
      await expect(page).toHaveURL(home)
    })
  }

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false })

    test('the site-wide 404 page is server-rendered and offers every edition', async ({ page }) => {
      for (const path of ['/no-such-page', '/en/no-such-page', '/zh-tw/no/such/page']) {
        await test.step(path, async () => {
          const response = await page.goto(path)
          expect(response?.status()).toBe(404)
          // Without scripts nothing changes after load: read the document once.
          expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
          expect(await page.locator('h1').allInnerTexts()).toEqual(['页面不存在'])
          const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
          expect(hrefs).toEqual(['/', '/en', '/zh-tw', '/zh-hk'])
          expect(await page.locator('main li[lang="en"]').innerText()).toContain('Page not found')
        })
      }
    })
  })

  test('legacy and hand-typed URLs answer one 308 to the canonical URL', { tag: '@http' }, async ({ request }) => {
    for (const [from, to] of [
      ['/news/qq/20250212A03TSR00/', articles.seed],
      ['/news/qq/20250212A03TSR00', articles.seed],
      ['/news/qq/20250212a03tsr00/', articles.seed],
      ['/zh-CN/tags', '/tags'],
      ['/zh-cn/news/qq/20250212a03tsr00', articles.seed],
      ['/ZH-TW/', '/zh-tw'],
      ['/EN/news/reuters/20261120R01TRN00', articles.translatedEn],
      ['/tags/C%2B%2B', '/tags/c%2B%2B'],
      ['/page/1', '/'],
      // Hand-typed tags reach the slug their page has.
      ['/tags/AI%2FML', '/tags/ai-ml'],
      ['/en/tags/AI%2FML/index.xml', '/en/tags/ai-ml/index.xml'],
      ['/tags/100%25', '/tags/100'],
      ['/tags/%E9%97%AE%E5%8F%B7%3F', `/tags/${encodeURIComponent('问号')}`],
    ] as const) {
      await test.step(`${from} → ${to}`, async () => {
        const response = await request.get(from, { maxRedirects: 0 })
        expect(response.status(), from).toBe(308)
        expect(locationPath(response.headers().location, response.url()), from).toBe(to)
        const target = await request.get(to, { maxRedirects: 0 })
        expect(target.status(), `${to} is the final URL`).toBe(200)
      })
    }
  })
})
