/**
 * Feeds, sitemaps and page metadata for the route files: reads the content module, hands plain
 * data to the pure builders (`lib/feeds.ts`, `lib/sitemaps.ts`, `lib/seo.ts`) and answers with
 * the right content type. Only published articles ever get here: the content module filters.
 */
import type { Metadata, MetadataRoute } from 'next'
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
  type Term,
} from './content'
import { decodeSegment } from './edition'
import { absoluteUrl, feedBuilders, feedContentTypes, feedUrlsFor, toFeedItem, type Feed, type FeedFormat } from './feeds'
import {
  articleMetadata,
  articleTrail,
  breadcrumbJsonLd,
  breadcrumbListJsonLd,
  collectionPageJsonLd,
  feedLinkTypes,
  hreflangLinks,
  listMetadata,
  mergeFeedTypes,
  newsArticleJsonLd,
  newsLanguage,
  webSiteJsonLd,
  type FeedTypes,
  type TrailStep,
} from './seo'
import { buildNewsSitemap, buildSitemapIndex, buildUrlset, chunkUrls, latestDate, type SitemapUrl } from './sitemaps'
import { termPath } from './paths'

type RouteContext<P> = { params: Promise<P> }

const XML = 'application/xml; charset=utf-8'

function respond(body: string, contentType: string): Response {
  return new Response(body, { headers: { 'Content-Type': contentType } })
}

function notFoundResponse(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

async function siteName(locale: Locale): Promise<string> {
  return (await getTranslations({ locale, namespace: 'site' }))('title')
}

async function termTitle(locale: Locale, taxonomy: Taxonomy, term: Term): Promise<string> {
  const t = await getTranslations({ locale, namespace: 'taxonomy' })
  return `${t(taxonomy === 'tags' ? 'tag' : 'category', { name: term.name })} · ${await siteName(locale)}`
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

// ---------------------------------------------------------------------------------------------
// Page metadata

/** Autodiscovery links of an edition's own feeds, for every page head. */
export async function editionFeedTypes(locale: Locale): Promise<FeedTypes> {
  return feedLinkTypes(siteConfig.url, locale, '/', { title: await siteName(locale) })
}

/** Canonical URL and feed autodiscovery of a list or index page (`/`, `/page/2`, `/tags` …). */
export async function listPageMetadata(locale: Locale, path: string): Promise<Metadata> {
  return listMetadata(siteConfig.url, locale, path, await editionFeedTypes(locale))
}

/** A tag's or category's page: its canonical URL, the edition's feeds and its own. */
export async function termPageMetadata(locale: Locale, taxonomy: Taxonomy, term: Term, path: string): Promise<Metadata> {
  const own = feedLinkTypes(siteConfig.url, locale, termPath(taxonomy, term.slug), { title: await termTitle(locale, taxonomy, term) })
  return listMetadata(siteConfig.url, locale, path, mergeFeedTypes(await editionFeedTypes(locale), own))
}

export async function articlePageMetadata(article: ArticleMeta): Promise<Metadata> {
  return articleMetadata({
    article,
    translations: getArticleTranslations(article),
    siteUrl: siteConfig.url,
    siteName: await siteName(article.edition),
    feedTypes: await editionFeedTypes(article.edition),
  })
}

// ---------------------------------------------------------------------------------------------
// Structured data (rendered by components/seo/json-ld.tsx)

export async function articleStructuredData(article: ArticleMeta) {
  const name = await siteName(article.edition)
  const home = (await getTranslations({ locale: article.edition, namespace: 'nav' }))('home')
  return [newsArticleJsonLd(article, siteConfig.url, name, siteConfig.defaultAuthor), breadcrumbJsonLd(article, siteConfig.url, home)]
}

/** CollectionPage of a list (and its BreadcrumbList when it has a trail); the home page also describes the site and its search. */
export async function listStructuredData(locale: Locale, path: string, title: string, items: ArticleMeta[], trail?: TrailStep[]) {
  const t = await getTranslations({ locale, namespace: 'site' })
  const page = collectionPageJsonLd({ locale, path, name: title, siteUrl: siteConfig.url, siteName: t('title'), items })
  const crumbs = trail ? [breadcrumbListJsonLd(locale, trail, siteConfig.url)] : []
  return path === '/' ? [webSiteJsonLd(locale, siteConfig.url, t('title'), t('description')), page] : [page, ...crumbs]
}

// ---------------------------------------------------------------------------------------------
// Breadcrumbs (the visible trail and the BreadcrumbList name the same steps)

export async function articleBreadcrumb(article: ArticleMeta): Promise<TrailStep[]> {
  return articleTrail(article, (await getTranslations({ locale: article.edition, namespace: 'nav' }))('home'))
}

/** 首页 › 标签 › 人工智能 (the term's page, whatever its page number). */
export async function termBreadcrumb(locale: Locale, taxonomy: Taxonomy, term: Term): Promise<TrailStep[]> {
  const t = await getTranslations({ locale, namespace: 'nav' })
  return [
    { name: t('home'), path: '/' },
    { name: t(taxonomy), path: `/${taxonomy}` },
    { name: term.name, path: termPath(taxonomy, term.slug) },
  ]
}

/** generateStaticParams for routes rendered on first request and then cached (ISR). */
export function noStaticParams(): { locale: string; slug: string }[] {
  return []
}
