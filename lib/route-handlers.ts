/**
 * The feed, sitemap and robots route handlers: read the content module (inside withView(), since a
 * route handler has no page render to set the view), hand plain data to the pure builders
 * (`lib/feeds.ts`, `lib/sitemaps.ts`, `lib/seo.ts`) and answer with the right content type.
 */
import type { MetadataRoute } from 'next'
import { getTranslations } from 'next-intl/server'
import { defaultLocale, isLocale, listPagePath, locales, type Locale } from '@/i18n/routing'
import { siteConfig } from './config'
import {
  environmentView,
  getAllPublished,
  getArticleBody,
  getArticles,
  getArticlesPublishedSince,
  getFeedArticles,
  getTermArticles,
  getTermFeedArticles,
  getTerms,
  getArticleTranslations,
  withView,
  type ArticleMeta,
  type Taxonomy,
} from './content'
import { absoluteUrl, feedBuilders, feedContentTypes, feedUrlsFor, toFeedItem, type Feed, type FeedFormat } from './feeds'
import { hreflangLinks, newsLanguage } from './seo'
import { buildNewsSitemap, buildSitemapIndex, buildUrlset, chunkUrls, latestDate, type SitemapUrl } from './sitemaps'
import { decodeSegment, termPath } from './paths'
import { siteName, termTitle } from './page-metadata'

type RouteContext<P> = { params: Promise<P> }

const XML = 'application/xml; charset=utf-8'

function respond(body: string, contentType: string): Response {
  return new Response(body, { headers: { 'Content-Type': contentType } })
}

function notFoundResponse(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

async function buildFeed(locale: Locale, basePath: string, title: string, description: string, articles: ArticleMeta[], format: FeedFormat): Promise<string> {
  const items = await Promise.all(articles.map(async (a) => toFeedItem(a, (await getArticleBody(a)).html, siteConfig.url)))
  const feed: Feed = {
    title,
    description,
    language: locale,
    homeUrl: absoluteUrl(siteConfig.url, locale, basePath),
    feedUrls: feedUrlsFor(siteConfig.url, locale, basePath),
    updated: latestDate(articles.map((a) => a.lastmod ?? a.date)) ?? new Date().toISOString(),
    items,
  }
  return feedBuilders[format](feed)
}

/** GET handler of an edition's feed (`/index.xml`, `/en/atom.xml`, …). */
export function editionFeedRoute(format: FeedFormat) {
  return async (_request: Request, { params }: RouteContext<{ locale: string }>): Promise<Response> => {
    const { locale } = await params
    if (!isLocale(locale)) return notFoundResponse()
    const t = await getTranslations({ locale, namespace: 'site' })
    const body = await buildFeed(
      locale,
      '/',
      t('title'),
      t('description'),
      withView(environmentView(), () => getFeedArticles(locale)),
      format,
    )
    return respond(body, feedContentTypes[format])
  }
}

/** GET handler of a tag's or category's feed (`/tags/<slug>/index.xml`, …). */
export function termFeedRoute(taxonomy: Taxonomy, format: FeedFormat) {
  return async (_request: Request, { params }: RouteContext<{ locale: string; slug: string }>): Promise<Response> => {
    const { locale, slug } = await params
    if (!isLocale(locale)) return notFoundResponse()
    const result = withView(environmentView(), () => getTermFeedArticles(locale, taxonomy, decodeSegment(slug)))
    if (!result) return notFoundResponse()
    const title = await termTitle(locale, taxonomy, result.term)
    const body = await buildFeed(locale, termPath(taxonomy, result.term.slug), title, title, result.articles, format)
    return respond(body, feedContentTypes[format])
  }
}

// ---------------------------------------------------------------------------------------------
// Sitemaps

function listUrls(locale: Locale, basePath: string, totalPages: number, lastmod: string | null): SitemapUrl[] {
  return Array.from({ length: totalPages }, (_, i) => ({
    loc: absoluteUrl(siteConfig.url, locale, listPagePath(basePath, i + 1)),
    lastmod,
  }))
}

/** Every published page of every edition: articles with their hreflang group, then lists. */
export function sitemapUrls(): SitemapUrl[] {
  return withView(environmentView(), () => locales.flatMap(editionSitemapUrls))
}

function editionSitemapUrls(locale: Locale): SitemapUrl[] {
  const published = getAllPublished(locale)
  const articles = published.map((article) => {
    const translations = getArticleTranslations(article)
    return {
      loc: absoluteUrl(siteConfig.url, locale, article.path),
      lastmod: article.lastmod ?? article.date,
      alternates: translations.length > 0 ? hreflangLinks(article, translations, siteConfig.url) : [],
    }
  })
  const home = getArticles(locale)
  const newest = latestDate(published.map((a) => a.lastmod ?? a.date))
  const terms = (['tags', 'categories'] as const).flatMap((taxonomy) => [
    { loc: absoluteUrl(siteConfig.url, locale, `/${taxonomy}`), lastmod: newest },
    ...getTerms(locale, taxonomy).flatMap((term) => {
      const list = getTermArticles(locale, taxonomy, term.slug)
      const items = list?.page.items ?? []
      return listUrls(locale, termPath(taxonomy, term.slug), list?.page.totalPages ?? 1, latestDate(items.map((a) => a.lastmod ?? a.date)))
    }),
  ])
  return [...listUrls(locale, '/', home?.totalPages ?? 1, newest), ...terms, ...articles]
}

function sitemapChunkUrl(n: number): string {
  return `${siteConfig.url}/sitemap/${n}.xml`
}

/** `/sitemap.xml`: one urlset, or an index of chunks when the site outgrows one file. */
export function sitemapRoute(): Response {
  const chunks = chunkUrls(sitemapUrls(), siteConfig.sitemapSize)
  if (chunks.length === 1) return respond(buildUrlset(chunks[0] ?? []), XML)
  return respond(buildSitemapIndex(chunks.map((urls, i) => ({ loc: sitemapChunkUrl(i + 1), lastmod: latestDate(urls.map((u) => u.lastmod)) }))), XML)
}

/** `/sitemap/<n>.xml` (default edition's URL space only): one chunk of the index. */
export async function sitemapChunkRoute(_request: Request, { params }: RouteContext<{ locale: string; chunk: string }>): Promise<Response> {
  const { locale, chunk } = await params
  const n = /^([1-9]\d*)\.xml$/.exec(chunk)?.[1]
  const chunks = chunkUrls(sitemapUrls(), siteConfig.sitemapSize)
  const urls = n && locale === defaultLocale && chunks.length > 1 ? chunks[Number(n) - 1] : undefined
  return urls ? respond(buildUrlset(urls), XML) : notFoundResponse()
}

export function sitemapChunkParams() {
  const count = chunkUrls(sitemapUrls(), siteConfig.sitemapSize).length
  return count > 1 ? Array.from({ length: count }, (_, i) => ({ locale: defaultLocale, chunk: `${i + 1}.xml` })) : []
}

/** `/news-sitemap.xml`: articles of the last 48 hours, every edition. */
export async function newsSitemapRoute(): Promise<Response> {
  const since = Date.now() - siteConfig.newsSitemapHours * 3600_000
  const names = Object.fromEntries(await Promise.all(locales.map(async (locale) => [locale, await siteName(locale)] as const))) as Record<Locale, string>
  const items = withView(environmentView(), () => getArticlesPublishedSince(since)).map((article) => ({
    loc: absoluteUrl(siteConfig.url, article.edition, article.path),
    publicationName: names[article.edition],
    language: newsLanguage(article.edition),
    title: article.title,
    published: article.date,
  }))
  return respond(buildNewsSitemap(items), XML)
}

export function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/' },
    sitemap: [`${siteConfig.url}/sitemap.xml`, `${siteConfig.url}/news-sitemap.xml`],
  }
}
