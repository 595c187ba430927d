import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { siteConfig } from '@/lib/config'
import { buildAtom, buildJsonFeed, buildRss, escapeHtml, escapeXml, FEED_ITEM_MAX_BYTES, feedUrlsFor, toFeedItem, toRfc3339, toRfc822, type Feed } from '@/lib/feeds'
import { buildNewsSitemap, buildSitemapIndex, buildUrlset, chunkUrls, latestDate } from '@/lib/sitemaps'
import { HOSTILE_CLEAN, HOSTILE_TEXT, SITE, fixtureArticle } from './helpers'

const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/** Parses and fails on any well-formedness error (the validator reports it with a line). */
function parseXml(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true)
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    isArray: (name) => ['item', 'entry', 'category', 'url', 'sitemap', 'xhtml:link', 'link'].includes(name),
  })
  return parser.parse(xml) as Record<string, unknown>
}

function isAbsolute(url: unknown): boolean {
  return typeof url === 'string' && /^https?:\/\//.test(url) && new URL(url).href.length > 0
}

const BODY = '<p>正文 &amp; <a href="https://example.com/?a=1&amp;b=2">链接</a> 😀</p>'

function fixtureFeed(count: number, hostile = false): Feed {
  const items = Array.from({ length: count }, (_, i) =>
    toFeedItem(fixtureArticle(i + 1, hostile && i === 0 ? { title: HOSTILE_TEXT, summary: HOSTILE_TEXT, topics: [{ slug: 'x', name: HOSTILE_TEXT }] } : {}), BODY, SITE),
  )
  return {
    title: '新闻速递 & "朋友"',
    description: '最新 <要闻>',
    language: 'zh-CN',
    homeUrl: `${SITE}/`,
    feedUrls: feedUrlsFor(SITE, 'zh-CN', '/'),
    updated: '2026-11-28T08:00:00+08:00',
    items,
  }
}

describe('feed helpers', () => {
  it('escapes markup and quotes and drops the characters XML forbids', () => {
    expect(escapeXml('a & b < c > d "e" \'f\'')).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;')
    expect(escapeXml('x\u0000\u0001\u001F\uFFFE\uFFFF\uD800y😀\t\n')).toBe('xy😀\t\n')
  })

  it('formats RFC 822 dates with the article’s own offset, on any machine time zone', () => {
    expect(toRfc822('2026-11-20T09:15:00+08:00')).toBe('Fri, 20 Nov 2026 09:15:00 +0800')
    expect(toRfc822('2026-03-01T23:59:59-05:30')).toBe('Sun, 01 Mar 2026 23:59:59 -0530')
    expect(toRfc822('2026-01-05T00:00:00Z')).toBe('Mon, 05 Jan 2026 00:00:00 +0000')
    expect(toRfc3339('2026-11-20T09:15:00+08:00')).toBe('2026-11-20T09:15:00+08:00')
    expect(toRfc3339('2026-11-20 09:15')).toMatch(RFC3339)
  })

  it('keeps the configured feed size (50 by default)', () => {
    expect(siteConfig.feedSize).toBe(50)
  })

  it('makes article URLs, feed URLs and thumbnails absolute, per edition', () => {
    const item = toFeedItem(fixtureArticle(2, { edition: 'en', thumbnail: '/images/a.jpg' }), '', SITE)
    expect(item.url).toBe(`${SITE}/en/news/qq/20261120a02fix00`)
    expect(item.image).toBe(`${SITE}/images/a.jpg`)
    expect(feedUrlsFor(SITE, 'zh-TW', '/tags/ai-ml')).toEqual({
      rss: `${SITE}/zh-tw/tags/ai-ml/index.xml`,
      atom: `${SITE}/zh-tw/tags/ai-ml/atom.xml`,
      json: `${SITE}/zh-tw/tags/ai-ml/feed.json`,
    })
  })
})

describe('RSS 2.0', () => {
  const xml = buildRss(fixtureFeed(50, true))
  const channel = (parseXml(xml).rss as { channel: Record<string, unknown> }).channel
  const items = channel.item as Record<string, unknown>[]

  it('is well-formed and lists every item with an absolute link, guid and RFC 822 date', () => {
    expect(items).toHaveLength(50)
    expect(channel.language).toBe('zh-CN')
    expect(channel.lastBuildDate).toMatch(RFC822)
    expect((channel['atom:link'] as Record<string, string>)['@href']).toBe(`${SITE}/index.xml`)
    for (const item of items) {
      expect(isAbsolute((item.link as string[])[0])).toBe(true)
      expect(isAbsolute((item.guid as Record<string, string>)['#text'])).toBe(true)
      expect(item.pubDate).toMatch(RFC822)
      expect(String(item.pubDate)).toContain('+0800')
    }
  })

  it('round-trips &, <, quotes and emoji and drops control characters', () => {
    expect(channel.title).toBe('新闻速递 & "朋友"')
    expect(channel.description).toBe('最新 <要闻>')
    const first = items[0]!
    expect(first.title).toBe(HOSTILE_CLEAN)
    // Readers take <description> as HTML: the plain-text summary arrives HTML-escaped.
    expect(first.description).toBe(escapeHtml(HOSTILE_CLEAN))
    expect(first.category).toContain(HOSTILE_CLEAN)
    expect(first['content:encoded']).toBe(BODY)
  })

  it('gives a reader markup-looking summaries as text, never as live HTML', () => {
    const summary = '<img src=x onerror=alert(2)>摘要 & "引号"'
    const rss = buildRss({ ...fixtureFeed(0), items: [toFeedItem(fixtureArticle(1, { summary }), BODY, SITE)] })
    const description = (parseXml(rss).rss as { channel: { item: Record<string, string>[] } }).channel.item[0]!.description!
    expect(description).not.toContain('<')
    // What a reader renders after decoding the HTML once is the summary's own characters.
    const rendered = description.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!)
    expect(rendered).toBe(summary)
  })

  it('carries the summary and a link instead of a full text over the size limit', () => {
    const huge = `<p>${'长'.repeat(FEED_ITEM_MAX_BYTES)}</p>`
    const item = toFeedItem(fixtureArticle(1, { summary: '短摘要' }), huge, SITE)
    expect(Buffer.byteLength(item.contentHtml)).toBeLessThan(1000)
    expect(item.contentHtml).toContain('短摘要')
    expect(item.contentHtml).toContain(`href="${item.url}"`)
    expect(toFeedItem(fixtureArticle(1), BODY, SITE).contentHtml).toBe(BODY)
  })

  it('carries language, categories and the thumbnail as an enclosure', () => {
    const second = items[1]!
    expect(second['dc:language']).toBe('zh')
    expect(second.category).toEqual(['腾讯新闻', '科技', 'AI/ML'])
    expect(second['dc:creator']).toBe('腾讯新闻')
    const enclosure = second.enclosure as Record<string, string>
    expect(enclosure['@url']).toBe('https://img.example.com/2.png')
    expect(enclosure['@type']).toBe('image/png')
    expect(items[0]!.enclosure).toBeUndefined()
  })

  it('stays well-formed when empty', () => {
    const empty = parseXml(buildRss(fixtureFeed(0))) as { rss: { channel: Record<string, unknown> } }
    expect(empty.rss.channel.item).toBeUndefined()
  })
})

describe('Atom', () => {
  const xml = buildAtom(fixtureFeed(50, true))
  const feed = parseXml(xml).feed as Record<string, unknown>
  const entries = feed.entry as Record<string, unknown>[]

  it('is well-formed with id, self link and RFC 3339 dates with offsets', () => {
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(feed['@xml:lang']).toBe('zh-CN')
    expect(feed.updated).toMatch(RFC3339)
    expect((feed.link as Record<string, string>[]).find((l) => l['@rel'] === 'self')?.['@href']).toBe(`${SITE}/atom.xml`)
    expect(entries).toHaveLength(50)
    for (const entry of entries) {
      expect(isAbsolute(entry.id)).toBe(true)
      expect(entry.published).toMatch(RFC3339)
      expect(entry.updated).toMatch(RFC3339)
      expect(String(entry.published)).toContain('+08:00')
      for (const link of entry.link as Record<string, string>[]) expect(isAbsolute(link['@href'])).toBe(true)
    }
  })

  it('round-trips hostile text and the HTML content', () => {
    const first = entries[0]!
    expect((first.title as Record<string, string>)['#text']).toBe(HOSTILE_CLEAN)
    expect((first.content as Record<string, string>)['#text']).toBe(BODY)
    expect((first.category as Record<string, string>[]).map((c) => c['@term'])).toContain(HOSTILE_CLEAN)
    const enclosure = (entries[1]!.link as Record<string, string>[]).find((l) => l['@rel'] === 'enclosure')
    expect(enclosure?.['@href']).toBe('https://img.example.com/2.png')
  })
})

describe('JSON Feed 1.1', () => {
  const json = buildJsonFeed(fixtureFeed(50, true))
  const feed = JSON.parse(json) as Record<string, unknown> & { items: Record<string, unknown>[] }

  it('has the required fields and absolute URLs', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.title).toBe('新闻速递 & "朋友"')
    expect(feed.feed_url).toBe(`${SITE}/feed.json`)
    expect(isAbsolute(feed.home_page_url)).toBe(true)
    expect(feed.language).toBe('zh-CN')
    expect(feed.items).toHaveLength(50)
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string')
      expect(isAbsolute(item.url)).toBe(true)
      expect(typeof item.content_html === 'string' || typeof item.content_text === 'string').toBe(true)
      expect(item.date_published).toMatch(RFC3339)
      expect(item.date_modified).toMatch(RFC3339)
    }
    expect(feed.items[1]!.image).toBe('https://img.example.com/2.png')
  })

  it('keeps emoji and quotes and drops control characters', () => {
    expect(feed.items[0]!.title).toBe(HOSTILE_CLEAN)
    expect(feed.items[0]!.tags).toContain(HOSTILE_CLEAN)
    expect(json).not.toMatch(/\\u000[0-8bB]/)
  })
})

describe('sitemaps', () => {
  const urls = Array.from({ length: 5 }, (_, i) => ({
    loc: `${SITE}/news/qq/${i}?a=1&b=2`,
    lastmod: '2026-11-20T09:15:00+08:00',
    alternates: [
      { hreflang: 'zh-CN', href: `${SITE}/news/qq/${i}` },
      { hreflang: 'x-default', href: `${SITE}/news/qq/${i}` },
    ],
  }))

  it('writes a urlset with lastmod and hreflang alternates', () => {
    const set = parseXml(buildUrlset(urls)).urlset as Record<string, unknown>
    expect(set['@xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml')
    const entries = set.url as Record<string, unknown>[]
    expect(entries).toHaveLength(5)
    expect(entries[0]!.loc).toBe(`${SITE}/news/qq/0?a=1&b=2`)
    expect(entries[0]!.lastmod).toMatch(RFC3339)
    expect((entries[0]!['xhtml:link'] as Record<string, string>[]).map((l) => l['@hreflang'])).toEqual(['zh-CN', 'x-default'])
  })

  it('splits into files of at most the limit, listed by an index', () => {
    const chunks = chunkUrls(urls, 2)
    expect(chunks.map((c) => c.length)).toEqual([2, 2, 1])
    expect(chunkUrls([], 2)).toEqual([[]])
    const index = parseXml(buildSitemapIndex(chunks.map((c, i) => ({ loc: `${SITE}/sitemap/${i + 1}.xml`, lastmod: latestDate(c.map((u) => u.lastmod)) }))))
    const sitemaps = (index.sitemapindex as { sitemap: Record<string, string>[] }).sitemap
    expect(sitemaps.map((s) => s.loc)).toEqual([`${SITE}/sitemap/1.xml`, `${SITE}/sitemap/2.xml`, `${SITE}/sitemap/3.xml`])
    for (const s of sitemaps) expect(s.lastmod).toMatch(RFC3339)
  })

  it('writes a Google News sitemap with publication, language, title and date', () => {
    const news = parseXml(
      buildNewsSitemap([{ loc: `${SITE}/news/qq/x`, publicationName: '新闻速递', language: 'zh-cn', title: HOSTILE_TEXT, published: '2026-11-27T09:15:00+08:00' }]),
    )
    const entry = (news.urlset as { url: Record<string, Record<string, unknown>>[] }).url[0]!
    const item = entry['news:news']!
    expect(item['news:publication']).toEqual({ 'news:name': '新闻速递', 'news:language': 'zh-cn' })
    expect(item['news:title']).toBe(HOSTILE_CLEAN)
    expect(item['news:publication_date']).toBe('2026-11-27T09:15:00+08:00')
  })

  it('picks the latest date by instant, not by text', () => {
    expect(latestDate(['2026-11-20T09:00:00+08:00', '2026-11-20T02:00:00Z', null])).toBe('2026-11-20T02:00:00Z')
    expect(latestDate([])).toBeNull()
  })
})
