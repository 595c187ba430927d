import type { APIRequestContext, Page } from '@playwright/test'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { expect, expectThumbnailBoxKept, hydrated, test } from './fixtures'

/**
 * The security-lab test articles (e2e/content/zh-CN/news/security-lab/, in the e2e build only) carry payloads after the
 * OWASP XSS filter evasion cheat sheet in their bodies, titles, summaries, leads, tags, thumbnails
 * and other front matter. Every payload, if it ran, would set a `window.__xss_*` variable or open
 * a dialog. A reader opens the articles, their tag pages, the lists and the search that show them,
 * and the feeds: nothing may run. Remote hosts (https://unreachable.invalid, the thumbnails' host)
 * do not resolve in the test browser (playwright.config.ts), so failed images are exercised too.
 */
const LAB = '/news/security-lab'
const labArticles = [
  { path: `${LAB}/20200101s01xss00`, thumbnail: true },
  { path: `${LAB}/20200102s02xss00`, thumbnail: false },
  { path: `${LAB}/20200103s03xss00`, thumbnail: false },
  { path: `${LAB}/20200104s04xss00`, thumbnail: false },
  { path: `${LAB}/20200105s05xss00`, thumbnail: true },
  { path: `${LAB}/20200106s06xss00`, thumbnail: false },
]
/** In every lab article's title and text, and in no other article. */
const LAB_QUERY = '安全实验室'
const SEARCH_UNAVAILABLE = '搜索暂时不可用：无法加载搜索索引，请稍后再试。'

declare global {
  interface Window {
    /** Set by the init script below: every alert/confirm/prompt/print call, and CSP reports. */
    __hostile?: { dialogs: string[]; violations: string[] }
  }
}

interface Watch {
  /** Dialogs the browser opened (each is dismissed at once). */
  dialogs: string[]
  /** Requests that failed: remote hosts do not resolve (playwright.config.ts). */
  failed: string[]
}

/** Records dialogs (both ways: the browser's event and calls to the functions) and CSP reports. */
async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { dialogs: [], failed: [] }
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('requestfailed', (request) => {
    seen.failed.push(request.url())
  })
  await page.addInitScript(() => {
    const log = { dialogs: [] as string[], violations: [] as string[] }
    // Not enumerable and not `__xss…`: the check below lists what injected code set.
    Object.defineProperty(window, '__hostile', { value: log, enumerable: false })
    for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
      const original = window[name] as (...args: unknown[]) => unknown
      Object.defineProperty(window, name, {
        configurable: true,
        value: (...args: unknown[]) => {
          log.dialogs.push(`${name}(${args.map(String).join(', ')})`)
          return original.apply(window, args)
        },
      })
    }
    document.addEventListener('securitypolicyviolation', (event) => log.violations.push(`${event.violatedDirective} ${event.blockedURI}`))
  })
  return seen
}

/** Markup in the live DOM that could run code, load a document or redirect. */
function hostileMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcset', 'codebase']
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const { name, value } of Array.from(element.attributes)) {
        const compact = value
          .replace(/[\t\n\r]/g, '')
          .replace(/^[\u0000-\u0020]+/, '')
          .toLowerCase()
        if (name.startsWith('on')) found.push(`${element.tagName} ${name}`)
        if (name === 'srcdoc') found.push(`${element.tagName} srcdoc`)
        if (urlAttributes.includes(name) && /^(javascript|vbscript|data:text\/html|data:image\/svg)/.test(compact)) found.push(`${element.tagName} ${name}=${value.slice(0, 60)}`)
      }
    }
    const selectors = [
      'main script:not([type="application/ld+json"])',
      'main :is(iframe, frame, object, embed, applet, portal, base, meta, link, style)',
      'article .prose :is(form, input, button, select, textarea, svg, template, noscript, math maction)',
      'base',
      'meta[http-equiv]',
    ]
    for (const selector of selectors) for (const element of Array.from(document.querySelectorAll(selector))) found.push(`${selector}: ${element.outerHTML.slice(0, 80)}`)
    if (document.baseURI !== location.href) found.push(`base URI changed to ${document.baseURI}`)
    // Named access: an element of the article must not stand in for a page global.
    const named = window as unknown as Record<string, unknown>
    if (named.__xss_clobber !== undefined) found.push('window.__xss_clobber is an element')
    if (!Array.isArray(named.__next_f)) found.push('window.__next_f is not the RSC payload queue')
    return found
  })
}

/** Gives every payload its chance (load, lazy images, scrolling, focus), then asserts none ran. */
async function expectNothingRan(page: Page, seen: Watch, where: string) {
  await page.waitForLoadState('load')
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  await page.keyboard.press('Tab')
  await page.evaluate(() => window.scrollTo(0, 0))
  const ran = (
    await Promise.all(page.frames().map((frame) => frame.evaluate(() => Object.keys(window).filter((key) => key.startsWith('__xss'))).catch(() => [] as string[])))
  ).flat()
  expect(ran, `${where}: injected code ran`).toEqual([])
  expect(seen.dialogs, `${where}: dialogs opened`).toEqual([])
  const log = await page.evaluate(() => window.__hostile ?? { dialogs: ['init script missing'], violations: [] })
  expect(log.dialogs, `${where}: dialog functions called`).toEqual([])
  expect(log.violations, `${where}: Content-Security-Policy reports (something injected tried to load)`).toEqual([])
  expect(await hostileMarkup(page), `${where}: hostile markup in the page`).toEqual([])
}

/** Opens a page (must answer 200), waits for React, and checks that nothing injected ran. */
async function open(page: Page, seen: Watch, path: string, status = 200) {
  const response = await page.goto(path)
  expect(response?.status(), path).toBe(status)
  // Hydrated: Next's bootstrap ran, so nothing in the page broke it (e.g. by shadowing a global).
  await hydrated(page.getByRole('button', { name: '切换深色模式' }))
  await expect(page).toHaveURL(path)
  await expectNothingRan(page, seen, path)
}

test.describe('hostile content: the security-lab articles', () => {
  for (const { path, thumbnail } of labArticles) {
    test(`${path} renders its payloads as inert text`, async ({ page }) => {
      const seen = await watch(page)
      await open(page, seen, path)
      const title = (await page.locator('main h1').textContent()) ?? ''
      expect(title).toContain(LAB_QUERY)
      await expect(page.locator('article .prose')).toContainText('安全实验室测试稿件')

      // The title, as text, is everything the head and the structured data say.
      expect(await page.title()).toBe(`${title} | 新闻速递`)
      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', title)
      const structured = await page.locator('script[type="application/ld+json"]').allTextContents()
      const nodes = structured.flatMap((text) => [JSON.parse(text) as Record<string, unknown> | Record<string, unknown>[]].flat())
      expect(nodes.find((node) => node['@type'] === 'NewsArticle')?.headline).toBe(title)

      if (thumbnail) {
        await expectThumbnailBoxKept(page.locator('article .aspect-video').first())
        expect(seen.failed.some((url) => url.startsWith('https://unreachable.invalid/'))).toBe(true)
      } else {
        // A thumbnail that was not an http(s) URL or a /path was dropped: no box, no request.
        await expect(page.locator('article .aspect-video')).toHaveCount(0)
      }
    })
  }

  test('headings cannot stand in for page globals (named access on window)', async ({ page }) => {
    const seen = await watch(page)
    await open(page, seen, `${LAB}/20200105s05xss00`)
    await expect(page.locator('article .prose h2', { hasText: '__next_f' })).toHaveAttribute('id', 'user-content-__next_f')
    // The table of contents links the prefixed ids.
    await expect(page.getByRole('navigation', { name: '目录' }).getByRole('link', { name: '__xss_clobber' })).toHaveAttribute('href', '#user-content-__xss_clobber')
  })

  test('front matter is text wherever it shows: lead, author, tags', async ({ page }) => {
    const seen = await watch(page)
    await open(page, seen, `${LAB}/20200106s06xss00`)
    await expect(page.locator('article header p').first()).toHaveText('<img src=x onerror=window.__xss_lead_img=1>')
    await expect(page.locator('[data-authorbox]')).toContainText('<script>window.__xss_author=1</script>编辑')
    // An invalid lang label falls back to the folder's.
    await expect(page.locator('article[lang]')).toHaveAttribute('lang', 'zh-CN')
    // The original's link is percent-encoded, not markup.
    await expect(page.getByRole('link', { name: /阅读原文/ })).toHaveAttribute('href', 'https://example.com/security-lab/%22%3E%3Cscript%3Ewindow.__xss_source_url=1%3C/script%3E')
  })

  test('every rendered tag link answers 200 or a clean 404, and its page runs nothing', async ({ page, request }) => {
    test.slow()
    const seen = await watch(page)
    const hrefs = new Set<string>()
    for (const { path } of labArticles) {
      await page.goto(path)
      for (const href of await page.locator('article footer a[href*="/tags/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) hrefs.add(href)
    }
    expect(hrefs.size).toBeGreaterThan(5)
    for (const href of hrefs) {
      expect(href, 'a tag link is a /tags/<slug> path').toMatch(/^\/tags\/[^/?#]+$/)
      const status = (await request.get(href)).status()
      expect([200, 404], `${href} answered ${status}`).toContain(status)
      if (status === 200) await open(page, seen, href)
    }
  })

  test('the lists that show them: their category, the home page that lists them, and the tag index', async ({ page }) => {
    const seen = await watch(page)
    await open(page, seen, `/categories/security-lab`)
    const items = page.locator('main li[data-article^="zh-CN/security-lab/"]')
    await expect(items).toHaveCount(labArticles.length)
    for (const box of await items.locator('.aspect-video').all()) await expectThumbnailBoxKept(box)

    // Dated 2020, they end the home page's list, whatever page that is.
    let listed = ''
    for (let n = 1; n <= 10 && !listed; n++) {
      const path = n === 1 ? '/' : `/page/${n}`
      const response = await page.goto(path)
      if (response?.status() !== 200) break
      if ((await page.locator('main li[data-article^="zh-CN/security-lab/"]').count()) > 0) listed = path
    }
    expect(listed, 'a home page lists the lab articles').not.toBe('')
    await open(page, seen, listed)
    await open(page, seen, '/tags')
    await expect(page.locator('main').getByRole('link', { name: /^<script>window\.__xss_tag_script=1<\/script>（1 篇）$/ })).toBeVisible()
  })

  test('search finds them and shows their titles as text', async ({ page }) => {
    const seen = await watch(page)
    await open(page, seen, `/search?q=${encodeURIComponent(LAB_QUERY)}`)
    const results = page.locator('main [data-search-result]')
    await expect(results).toHaveCount(labArticles.length)
    for (const href of await results.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) expect(href).toMatch(/^\/news\/security-lab\/2020010\ds0\dxss00$/)
    await expect(results.filter({ hasText: '"><script>window.__xss_title_quote=1</script>' })).toHaveCount(1)
    await expectNothingRan(page, seen, 'search results')
  })
})

test.describe('hostile content in feeds', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => name === 'item' || name === 'entry' })

  async function xml(request: APIRequestContext, path: string): Promise<string> {
    const response = await request.get(path)
    expect(response.status(), path).toBe(200)
    const body = await response.text()
    expect(XMLValidator.validate(body), path).toBe(true)
    // The articles' markup is in the feed only escaped: as text of the feed's own elements.
    expect(body, path).not.toMatch(/<(script|img|svg|iframe|object|embed|style|a|math)\b/i)
    return body
  }

  test('RSS and Atom parse, list the lab articles and carry their titles as text', { tag: '@http' }, async ({ request }) => {
    for (const path of ['/index.xml', '/categories/security-lab/index.xml']) {
      const feed = parser.parse(await xml(request, path)) as { rss: { channel: { item: { title: string; link: string }[] } } }
      const lab = feed.rss.channel.item.filter((item) => item.link.includes('/news/security-lab/'))
      expect(lab, path).toHaveLength(labArticles.length)
      expect(lab.map((item) => item.title)).toContain('</script><script>window.__xss_title_jsonld=1</script>安全实验室三：嵌入内容')
    }
    for (const path of ['/atom.xml', '/categories/security-lab/atom.xml', '/tags/script-window-__xss_tag_script-1-script/index.xml']) await xml(request, path)
  })

  test('the JSON feed parses', { tag: '@http' }, async ({ request }) => {
    const response = await request.get('/categories/security-lab/feed.json')
    expect(response.status()).toBe(200)
    const feed = JSON.parse(await response.text()) as { items: { title: string; image?: string }[] }
    expect(feed.items).toHaveLength(labArticles.length)
    for (const item of feed.items) if (item.image) expect(item.image).toMatch(/^https:\/\//)
  })
})

test.describe('a damaged search index', () => {
  for (const [fault, reply] of [
    ['a corrupt shard (not JSON)', { status: 200, contentType: 'application/json', body: '{"truncated": [[0, 1' }],
    ['a shard of the wrong shape', { status: 200, contentType: 'application/json', body: '[1, 2, 3]' }],
    ['a missing shard (404)', { status: 404, contentType: 'text/plain', body: 'Not Found' }],
  ] as const) {
    test(`${fault}: the search says so, and the next query works`, async ({ page }) => {
      await page.goto('/search')
      const input = page.locator('main').getByRole('combobox')
      await hydrated(input)
      // The first shard request (of words or of phrase pairs) fails; every later one is served as usual.
      await page.route(/\/search\/(shards|pairs)\/\d+\.json$/, (route) => route.fulfill(reply), { times: 1 })
      await input.fill(LAB_QUERY)
      await expect(page.locator('main').getByRole('alert')).toHaveText(SEARCH_UNAVAILABLE)
      await expect(page.locator('main [data-search-result]')).toHaveCount(0)

      await input.fill('')
      await input.fill(LAB_QUERY)
      await expect(page.locator('main [data-search-result]')).toHaveCount(labArticles.length)
      await expect(page.locator('main').getByRole('alert')).toHaveCount(0)
    })
  }

  test('missing snippet texts cost only the snippets', async ({ page }) => {
    await page.route('**/search/text/*.txt', (route) => route.fulfill({ status: 404, body: 'Not Found' }))
    await page.goto(`/search?q=${encodeURIComponent(LAB_QUERY)}`)
    await expect(page.locator('main [data-search-result]')).toHaveCount(labArticles.length)
    await expect(page.locator('main').getByRole('alert')).toHaveCount(0)
  })
})
