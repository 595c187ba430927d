import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { mergeCatalog, normalizeDocuments, type SourceDocument } from '@/lib/content/build'
import type { ArticleMeta } from '@/lib/content/types'
import {
  articleMetadata,
  breadcrumbJsonLd,
  collectionPageJsonLd,
  feedLinkTypes,
  hreflangLinks,
  mergeFeedTypes,
  newsArticleJsonLd,
  newsLanguage,
  ogLocale,
  serializeJsonLd,
  webSiteJsonLd,
} from '@/lib/seo'
import { fixtureArticle, parseDocument, SITE, sources, topics } from './helpers'

const CONTENT = path.resolve(import.meta.dirname, '..', 'content')

/** The translated sample pair, normalised as the content build does it. */
function samplePair(): { zh: ArticleMeta; en: ArticleMeta } {
  const files = ['zh-CN/news/reuters/20261120R01TRN00.zh-CN.md', 'en/news/reuters/20261120R01TRN00.en.md']
  const documents = files.map((file) => parseDocument(CONTENT, file)).filter((d): d is SourceDocument => d !== null)
  const [zh, en] = mergeCatalog([normalizeDocuments(documents, 'Asia/Shanghai', (file) => `bodies/${file}.json`, topics)], [], Date.UTC(2030, 0, 1), sources)
    .articles.sort((a, b) => a.file.localeCompare(b.file))
    .reverse()
  if (!zh || !en) throw new Error('sample pair missing')
  return { zh, en }
}

const feeds = feedLinkTypes(SITE, 'en', '/', { title: 'News Express' })

describe('hreflang between the translated sample pair', () => {
  const { zh, en } = samplePair()
  const fromZh = hreflangLinks(zh, [en], SITE)
  const fromEn = hreflangLinks(en, [zh], SITE)

  it('is absolute, self-including, reciprocal and has one x-default', () => {
    expect(fromZh).toEqual([
      { hreflang: 'zh-CN', href: `${SITE}/news/reuters/20261120r01trn00` },
      { hreflang: 'en', href: `${SITE}/en/news/reuters/20261120r01trn00` },
      { hreflang: 'x-default', href: `${SITE}/news/reuters/20261120r01trn00` },
    ])
    // Reciprocal: each version lists the other, and both list the same set.
    expect(fromEn).toEqual(fromZh)
    expect(fromZh.filter((l) => l.hreflang === 'x-default')).toHaveLength(1)
  })

  it('goes into the article metadata as canonical plus language alternates', () => {
    const metadata = articleMetadata({ article: en, translations: [zh], siteUrl: SITE, siteName: 'News Express', feedTypes: feeds })
    expect(metadata.alternates?.canonical).toBe(`${SITE}/en/news/reuters/20261120r01trn00`)
    expect(metadata.alternates?.languages).toEqual({
      'zh-CN': `${SITE}/news/reuters/20261120r01trn00`,
      en: `${SITE}/en/news/reuters/20261120r01trn00`,
      'x-default': `${SITE}/news/reuters/20261120r01trn00`,
    })
    expect(metadata.alternates?.types).toEqual(feeds)
  })

  it('an untranslated article lists itself and x-default only', () => {
    const alone = fixtureArticle(3, { edition: 'zh-TW' })
    expect(hreflangLinks(alone, [], SITE).map((l) => l.hreflang)).toEqual(['zh-TW', 'x-default'])
  })
})

describe('Open Graph and Twitter', () => {
  const article = fixtureArticle(4, {
    lastmod: '2026-11-05T12:00:00+08:00',
    topics: [
      { slug: 'chips', name: '芯片' },
      { slug: 'ai', name: '人工智能' },
    ],
  })
  const metadata = articleMetadata({ article, translations: [], siteUrl: SITE, siteName: '新闻速递', feedTypes: feeds })

  it('describes an article with times, section, tags, locale and image', () => {
    expect(metadata.openGraph).toMatchObject({
      type: 'article',
      url: `${SITE}/news/qq/20261120a04fix00`,
      locale: 'zh_CN',
      publishedTime: article.date,
      modifiedTime: '2026-11-05T12:00:00+08:00',
      section: '腾讯新闻',
      tags: ['芯片', '人工智能'],
      images: [{ url: 'https://img.example.com/4.png', alt: article.title }],
    })
    expect(metadata.twitter).toMatchObject({ card: 'summary_large_image', images: ['https://img.example.com/4.png'] })
  })

  it('maps editions to og:locale and Google News languages', () => {
    expect(['zh-CN', 'en', 'zh-TW', 'zh-HK'].map((l) => ogLocale(l as never))).toEqual(['zh_CN', 'en_US', 'zh_TW', 'zh_HK'])
    expect(newsLanguage('zh-HK')).toBe('zh-tw')
  })
})

describe('feed autodiscovery', () => {
  it('names the RSS, Atom and JSON feeds of an edition and of a tag, absolute', () => {
    const tag = feedLinkTypes(SITE, 'en', '/tags/ai-ml', { title: 'Tag: AI/ML' })
    const merged = mergeFeedTypes(feeds, tag)
    expect(Object.keys(merged)).toEqual(['application/rss+xml', 'application/atom+xml', 'application/feed+json'])
    expect(merged['application/rss+xml']?.map((l) => l.url)).toEqual([`${SITE}/en/index.xml`, `${SITE}/en/tags/ai-ml/index.xml`])
    expect(merged['application/feed+json']?.[1]?.url).toBe(`${SITE}/en/tags/ai-ml/feed.json`)
  })
})

describe('JSON-LD', () => {
  const { en } = samplePair()
  const data = newsArticleJsonLd(en, SITE, 'News Express', '编辑部')

  it('NewsArticle has the required fields', () => {
    const parsed = JSON.parse(serializeJsonLd(data)) as Record<string, unknown>
    expect(parsed['@context']).toBe('https://schema.org')
    expect(parsed['@type']).toBe('NewsArticle')
    expect(parsed.headline).toBe(en.title)
    expect(parsed.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/)
    expect(parsed.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/)
    // The sample's thumbnail is a local /path: made absolute on the site.
    expect(parsed.image).toEqual([`${SITE}/images/sample/chart.svg`])
    expect(parsed.inLanguage).toBe('en')
    expect(parsed.publisher).toMatchObject({ '@type': 'Organization', name: 'News Express', url: SITE })
    expect(parsed.sourceOrganization).toMatchObject({ '@type': 'Organization', name: 'Reuters' })
    expect(parsed.articleSection).toBe('Reuters')
    expect(parsed.isBasedOn).toBe(en.sourceUrl)
    expect(parsed.isBasedOn).toMatch(/^https:\/\//)
    expect(parsed.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': `${SITE}/en/news/reuters/20261120r01trn00` })
  })

  it('escapes < so no text can close the script element, and still parses', () => {
    const hostile = newsArticleJsonLd(fixtureArticle(1, { title: '</script><script>alert(1)</script> & "q" 😀' }), SITE, 'S', 'A')
    const text = serializeJsonLd(hostile)
    expect(text).not.toContain('<')
    expect((JSON.parse(text) as { headline: string }).headline).toBe('</script><script>alert(1)</script> & "q" 😀')
  })

  it('BreadcrumbList runs home → category → article with absolute URLs', () => {
    const crumbs = breadcrumbJsonLd(en, SITE, 'Home') as { itemListElement: { position: number; item: string }[] }
    expect(crumbs.itemListElement.map((c) => c.item)).toEqual([`${SITE}/en`, `${SITE}/en/categories/reuters`, `${SITE}/en/news/reuters/20261120r01trn00`])
    expect(crumbs.itemListElement.map((c) => c.position)).toEqual([1, 2, 3])
  })

  it('WebSite has a SearchAction on /search?q=, CollectionPage lists its items', () => {
    const site = webSiteJsonLd('zh-HK', SITE, '新聞速遞', '') as { potentialAction: { target: { urlTemplate: string }; 'query-input': string } }
    expect(site.potentialAction.target.urlTemplate).toBe(`${SITE}/zh-hk/search?q={search_term_string}`)
    expect(site.potentialAction['query-input']).toBe('required name=search_term_string')
    const page = collectionPageJsonLd({ locale: 'zh-CN', path: '/tags/ai-ml', name: '标签', siteUrl: SITE, siteName: 'S', items: [fixtureArticle(1)] }) as {
      url: string
      mainEntity: { itemListElement: { url: string }[] }
    }
    expect(page.url).toBe(`${SITE}/tags/ai-ml`)
    expect(page.mainEntity.itemListElement[0]?.url).toBe(`${SITE}/news/qq/20261120a01fix00`)
  })
})
