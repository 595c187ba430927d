import type { APIRequestContext } from '@playwright/test'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { articles, expect, test } from './fixtures'

/**
 * Feed readers and search engines: autodiscovery, feeds, sitemaps and structured data. URLs in
 * feeds are absolute on the configured site (SITE_URL), which is not the test server, so links
 * are followed by path.
 */
function pathOf(url: string): string {
  const parsed = new URL(url, 'http://site.invalid')
  return parsed.pathname + parsed.search
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })

function feedLinks(html: string): { type: string; href: string }[] {
  return [...html.matchAll(/<link rel="alternate" type="([^"]+)" href="([^"]+)"/g)].map((m) => ({ type: m[1]!, href: m[2]! }))
}

async function checkFeed(request: APIRequestContext, type: string, href: string) {
  const response = await request.get(pathOf(href))
  expect(response.status(), href).toBe(200)
  expect(response.headers()['content-type'], href).toContain(type)
  const body = await response.text()
  if (type === 'application/feed+json') {
    const feed = JSON.parse(body) as { version: string; title: string; items: { id: string; url: string; content_html?: string }[] }
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.items.length).toBeGreaterThan(0)
    for (const item of feed.items) {
      expect(item.url).toMatch(/^https?:\/\//)
      expect(item.content_html).toBeTruthy()
    }
    return feed.items.length
  }
  expect(XMLValidator.validate(body), href).toBe(true)
  const parsed = parser.parse(body) as { rss?: { channel: { item: unknown } }; feed?: { entry: unknown } }
  const items = type === 'application/rss+xml' ? parsed.rss?.channel.item : parsed.feed?.entry
  return Array.isArray(items) ? items.length : items ? 1 : 0
}

test.describe('feeds and discovery', { tag: '@http' }, () => {
  test('the home page announces the edition’s RSS, Atom and JSON feeds, and they parse', async ({ request }) => {
    const html = await (await request.get('/')).text()
    const links = feedLinks(html)
    expect(links.map((l) => l.type)).toEqual(['application/rss+xml', 'application/atom+xml', 'application/feed+json'])
    expect(links.map((l) => pathOf(l.href))).toEqual(['/index.xml', '/atom.xml', '/feed.json'])
    const counts = []
    for (const link of links) counts.push(await checkFeed(request, link.type, link.href))
    expect(new Set(counts).size, 'the three formats list the same articles').toBe(1)
    expect(counts[0]).toBeGreaterThan(5)
  })

  test('a tag page announces the edition’s feeds and its own', async ({ request }) => {
    const html = await (await request.get('/en/tags/ai-ml')).text()
    const links = feedLinks(html)
    expect(links.map((l) => pathOf(l.href)).sort()).toEqual(
      ['/en/index.xml', '/en/atom.xml', '/en/feed.json', '/en/tags/ai-ml/index.xml', '/en/tags/ai-ml/atom.xml', '/en/tags/ai-ml/feed.json'].sort(),
    )
    for (const link of links) expect(await checkFeed(request, link.type, link.href)).toBeGreaterThan(0)
    expect(html).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+\/en\/tags\/ai-ml"/)
  })

  test('feeds of a missing tag are 404', async ({ request }) => {
    expect((await request.get('/tags/no-such-tag-anywhere/index.xml')).status()).toBe(404)
  })
})

test.describe('structured data on an article', { tag: '@http' }, () => {
  test('canonical, reciprocal hreflang alternates, Open Graph and valid NewsArticle JSON-LD', async ({ request }) => {
    const zh = await (await request.get(articles.translatedZh)).text()
    const en = await (await request.get(articles.translatedEn)).text()
    expect(zh).toMatch(new RegExp(`<link rel="canonical" href="https?://[^"]+${articles.translatedZh}"`))
    const hreflangs = (html: string) => [...html.matchAll(/<link rel="alternate" hrefLang="([^"]+)" href="([^"]+)"/g)].map((m) => `${m[1]} ${pathOf(m[2]!)}`)
    const expected = [`zh-CN ${articles.translatedZh}`, `en ${articles.translatedEn}`, `x-default ${articles.translatedZh}`]
    expect(hreflangs(zh)).toEqual(expected)
    expect(hreflangs(en)).toEqual(expected)
    expect(en).toContain('<meta property="og:type" content="article"/>')
    expect(en).toContain('<meta property="og:locale" content="en_US"/>')
    expect(en).toContain('<meta name="twitter:card" content="summary_large_image"/>')
    expect(en).toMatch(/<meta property="article:published_time" content="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00"\/>/)

    const scripts = [...en.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1]!) as unknown)
    const nodes = scripts.flat() as Record<string, unknown>[]
    const article = nodes.find((n) => n['@type'] === 'NewsArticle')
    expect(article).toMatchObject({ '@context': 'https://schema.org', inLanguage: 'en', isBasedOn: expect.stringMatching(/^https:\/\//) })
    for (const field of ['headline', 'datePublished', 'dateModified', 'image', 'publisher', 'mainEntityOfPage']) expect(article?.[field], field).toBeTruthy()
    expect(nodes.some((n) => n['@type'] === 'BreadcrumbList')).toBe(true)
  })

  test('the home page describes the site with a SearchAction', async ({ request }) => {
    const html = await (await request.get('/')).text()
    const nodes = [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].flatMap((m) => JSON.parse(m[1]!) as Record<string, unknown>[])
    const site = nodes.find((n) => n['@type'] === 'WebSite') as { potentialAction: { target: { urlTemplate: string } } } | undefined
    expect(site?.potentialAction.target.urlTemplate).toMatch(/\/search\?q=\{search_term_string\}$/)
    expect(nodes.some((n) => n['@type'] === 'CollectionPage')).toBe(true)
  })
})

test.describe('sitemaps and robots.txt', { tag: '@http' }, () => {
  test('robots.txt names both sitemaps, and they parse', async ({ request }) => {
    const robots = await (await request.get('/robots.txt')).text()
    const sitemaps = [...robots.matchAll(/^Sitemap: (\S+)$/gm)].map((m) => pathOf(m[1]!))
    expect(sitemaps).toEqual(['/sitemap.xml', '/news-sitemap.xml'])
    for (const target of sitemaps) {
      const response = await request.get(target)
      expect(response.status()).toBe(200)
      expect(response.headers()['content-type']).toContain('application/xml')
      expect(XMLValidator.validate(await response.text())).toBe(true)
    }
  })

  test('the sitemap lists the translated pair with reciprocal hreflang links', async ({ request }) => {
    const xml = await (await request.get('/sitemap.xml')).text()
    const set = (parser.parse(xml) as { urlset: { url: { loc: string; lastmod?: string; 'xhtml:link'?: { '@hreflang': string; '@href': string }[] }[] } }).urlset
    const byPath = new Map(set.url.map((u) => [pathOf(u.loc), u]))
    for (const own of [articles.translatedZh, articles.translatedEn]) {
      const entry = byPath.get(own)
      expect(entry?.lastmod).toMatch(/[+-]\d{2}:\d{2}$/)
      expect(entry?.['xhtml:link']?.map((l) => `${l['@hreflang']} ${pathOf(l['@href'])}`)).toEqual([
        `zh-CN ${articles.translatedZh}`,
        `en ${articles.translatedEn}`,
        `x-default ${articles.translatedZh}`,
      ])
    }
    expect(byPath.has(articles.draft)).toBe(false)
    expect(byPath.has(articles.future)).toBe(false)
  })
})
