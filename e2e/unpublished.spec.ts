import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { APIRequestContext } from '@playwright/test'
import { articles, expect, hydrated, test } from './fixtures'

/** Strings that only the draft and the scheduled sample articles contain. */
const MARKERS = ['DRAFTMARKER', 'DRAFTBODYMARKER', 'FUTUREMARKER', 'FUTUREBODYMARKER']
const START = ['/', '/page/2', '/tags', '/categories', '/en', '/zh-tw', '/zh-hk', '/sitemap.xml', '/news-sitemap.xml', '/robots.txt']
/** Guards against a crawl that never ends (e.g. links that grow a query string). */
const MAX_PAGES = 1000

function markersIn(text: string): string[] {
  return MARKERS.filter((marker) => text.includes(marker))
}

/** Same-origin `href`s of a page (assets under /_next/ are read from disk below instead). */
function links(html: string, pageUrl: string): string[] {
  const origin = new URL(pageUrl).origin
  return [...html.matchAll(/href="([^"]*)"/g)]
    .map((match) => new URL(match[1]!.replaceAll('&amp;', '&'), pageUrl))
    .filter((url) => url.origin === origin && !url.pathname.startsWith('/_next/'))
    .map((url) => url.pathname + url.search)
}

/**
 * Feeds and sitemaps name pages by absolute URL on the configured site, which is not the test
 * server: feed autodiscovery links and sitemap `<loc>`s are followed by path.
 */
function discoveryLinks(body: string): string[] {
  const hrefs = [...[...body.matchAll(/<link rel="alternate"[^>]*href="([^"]*)"/g)].map((m) => m[1]!), ...[...body.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!)]
  return hrefs.map((href) => {
    const url = new URL(href.replaceAll('&amp;', '&'), 'http://site.invalid')
    return url.pathname + url.search
  })
}

const FEED_TYPES = /(application\/(rss|atom|feed)\+(xml|json)|application\/xml|text\/plain)/

interface Leak {
  url: string
  markers: string[]
}

/** Breadth-first crawl of every reachable page: its HTML and its RSC payload. */
async function crawl(request: APIRequestContext) {
  const seen = new Set<string>(START)
  const queue = [...START]
  const leaks: Leak[] = []
  let htmlPages = 0
  let rscPayloads = 0
  let feeds = 0
  while (queue.length > 0 && seen.size <= MAX_PAGES) {
    const batch = queue.splice(0, 8)
    await Promise.all(
      batch.map(async (target) => {
        const response = await request.get(target)
        const body = await response.text()
        const found = markersIn(body)
        if (found.length > 0) leaks.push({ url: target, markers: found })
        const enqueue = (link: string) => {
          if (!seen.has(link)) {
            seen.add(link)
            queue.push(link)
          }
        }
        for (const link of discoveryLinks(body)) enqueue(link)
        if (FEED_TYPES.test(response.headers()['content-type'] ?? '')) feeds += 1
        if (!(response.headers()['content-type'] ?? '').includes('text/html')) return
        htmlPages += 1
        // What the client router fetches on navigation (Next.js answers it with text/x-component).
        const rsc = await request.get(target, { headers: { RSC: '1' } })
        const payload = await rsc.text()
        if ((rsc.headers()['content-type'] ?? '').includes('text/x-component')) rscPayloads += 1
        const rscFound = markersIn(payload)
        if (rscFound.length > 0) leaks.push({ url: `${target} (RSC)`, markers: rscFound })
        for (const link of links(body, response.url())) enqueue(link)
      }),
    )
  }
  return { leaks, visited: seen.size, htmlPages, rscPayloads, feeds }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
}

test.describe('unpublished articles stay unpublished', () => {
  test('no reachable page, RSC payload, feed or sitemap mentions a draft or scheduled article', { tag: '@http' }, async ({ request }) => {
    test.slow()
    const { leaks, visited, htmlPages, rscPayloads, feeds } = await crawl(request)
    test.info().annotations.push({ type: 'crawl', description: `${visited} URLs, ${htmlPages} HTML pages, ${rscPayloads} RSC payloads, ${feeds} feeds and sitemaps` })
    expect(visited, 'the crawl is bounded').toBeLessThanOrEqual(MAX_PAGES)
    // The sample content has well over 50 pages in its four editions: the crawl really ran.
    expect(htmlPages).toBeGreaterThan(50)
    expect(rscPayloads).toBe(htmlPages)
    // Every edition's three feeds, tag and category feeds, both sitemaps and robots.txt.
    expect(feeds).toBeGreaterThan(50)
    expect(leaks).toEqual([])
  })

  test('draft and scheduled article URLs are 404 in every spelling', async ({ page, request }) => {
    for (const url of [articles.draft, articles.future, articles.draft.toUpperCase().replace('/NEWS/QQ/', '/news/qq/'), `${articles.future}/`]) {
      const response = await request.get(url)
      expect(response.status(), url).toBe(404)
      expect(markersIn(await response.text()), url).toEqual([])
    }
    const response = await page.goto(articles.draft)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在')
  })

  test('no build output or public file contains a draft or scheduled article', async () => {
    const root = process.cwd()
    const files = [path.join(root, '.next', 'static'), path.join(root, '.next', 'server', 'app'), path.join(root, 'public')].flatMap(filesUnder)
    const prerendered = files.filter((file) => /\.(html|rsc|meta|body)$/.test(file))
    expect(files.filter((file) => file.includes(`${path.sep}static${path.sep}`)).length).toBeGreaterThan(0)
    expect(prerendered.length).toBeGreaterThan(50)

    const leaks = files.flatMap((file) => {
      const content = readFileSync(file)
      const found = MARKERS.filter((marker) => content.includes(marker))
      return found.length > 0 ? [{ file: path.relative(root, file), markers: found }] : []
    })
    expect(leaks).toEqual([])
  })
})

test.describe('hostile HTML in an article', () => {
  test('is sanitised (no script, handler, javascript: URL, iframe, form, style or meta refresh) and opens no dialog', async ({ page }) => {
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`)
      void dialog.dismiss()
    })

    const response = await page.goto(articles.hostile)
    expect(response?.status()).toBe(200)
    const html = (await response?.text()) ?? ''
    expect(html).toContain('800G光模块出货量攀升')
    expect(html).not.toMatch(/<script[^>]*>[^<]*XSSMARKER/i)
    expect(html).not.toMatch(/onerror/i)
    expect(html).not.toMatch(/javascript:/i)
    expect(html).not.toMatch(/<iframe/i)
    expect(html).not.toMatch(/http-equiv/i)

    const body = page.locator('article .prose')
    await expect(body).toContainText('分析人士认为，光模块行业景气度与云服务商的资本开支高度相关')
    const bodyHtml = await body.innerHTML()
    for (const pattern of [/<script/i, /<iframe/i, /<form/i, /<style/i, /<meta/i, /onerror/i, /javascript:/i, /XSSMARKER/]) {
      expect(bodyHtml, `article body must not contain ${pattern}`).not.toMatch(pattern)
    }
    await expect(page.locator('[onerror], a[href^="javascript:" i], iframe, meta[http-equiv]')).toHaveCount(0)

    // Give any injected handler its chance: the page has loaded and React has hydrated.
    await page.waitForLoadState('load')
    await hydrated(page.getByRole('button', { name: '切换深色模式' }))
    await expect.poll(() => dialogs).toEqual([])
    await expect(page).toHaveURL(articles.hostile)
  })

  test('leaves nothing of the removed elements on screen: no CSS text, no orphaned form control', async ({ page }) => {
    await page.goto(articles.hostile)
    const body = page.locator('article .prose')
    await expect(body).toContainText('分析人士认为')
    // Server-rendered HTML: read once.
    expect.soft(await body.innerText(), 'text of the removed <style> element').not.toContain('display:none')
    expect.soft(await body.locator('input, button, select, textarea').count(), 'form controls left from the removed <form>').toBe(0)
  })
})
