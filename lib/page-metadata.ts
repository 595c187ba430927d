/**
 * Page metadata, structured data and breadcrumbs for the route files: reads the content module
 * and hands plain data to the pure builders in lib/seo.ts.
 */
import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import type { Locale } from '@/i18n/routing'
import { siteConfig } from './config'
import { getArticleTranslations, type ArticleMeta, type Taxonomy, type Term } from './content'
import {
  articleMetadata,
  articleTrail,
  breadcrumbJsonLd,
  breadcrumbListJsonLd,
  collectionPageJsonLd,
  feedLinkTypes,
  listMetadata,
  mergeFeedTypes,
  newsArticleJsonLd,
  webSiteJsonLd,
  type FeedTypes,
  type TrailStep,
} from './seo'
import { termPath } from './paths'

/** The edition's site name (messages `site.title`). */
export async function siteName(locale: Locale): Promise<string> {
  return (await getTranslations({ locale, namespace: 'site' }))('title')
}

/** A tag's or category's title with the site name, for its feed and its autodiscovery link. */
export async function termTitle(locale: Locale, taxonomy: Taxonomy, term: Term): Promise<string> {
  const t = await getTranslations({ locale, namespace: 'taxonomy' })
  return `${t(taxonomy === 'tags' ? 'tag' : 'category', { name: term.name })} · ${await siteName(locale)}`
}

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
