/**
 * What search engines and social previews read: canonical and hreflang links, feed
 * autodiscovery, Open Graph / Twitter tags and schema.org JSON-LD. Pure builders over plain data;
 * `lib/page-metadata.ts` and `lib/route-handlers.ts` compose them with the content module for the route files.
 */
import type { Metadata } from 'next'
import { defaultLocale, locales, type Locale } from '@/i18n/routing'
import type { ArticleMeta } from './content/types'
import { absoluteAsset, absoluteUrl, feedContentTypes, feedUrl, type FeedFormat } from './feeds'
import type { HreflangLink } from './sitemaps'
import { termPath } from './paths'

const OG_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh_CN', en: 'en_US', 'zh-TW': 'zh_TW', 'zh-HK': 'zh_HK' }
/** Google News knows one code per script for Chinese. */
const NEWS_LANGUAGES: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en', 'zh-TW': 'zh-tw', 'zh-HK': 'zh-tw' }

export function ogLocale(locale: Locale): string {
  return OG_LOCALES[locale]
}

export function newsLanguage(locale: Locale): string {
  return NEWS_LANGUAGES[locale]
}

/**
 * hreflang links between real translations: every version (this one included) plus x-default,
 * which is the default edition's version when there is one. Sorted by edition, so every member
 * of a translation group lists the same set: the links are reciprocal by construction.
 */
export function hreflangLinks(article: ArticleMeta, translations: ArticleMeta[], siteUrl: string): HreflangLink[] {
  const group = [article, ...translations.filter((t) => t.edition !== article.edition)].sort((a, b) => locales.indexOf(a.edition) - locales.indexOf(b.edition))
  const links = group.map((a) => ({ hreflang: a.edition, href: absoluteUrl(siteUrl, a.edition, a.path) }))
  const fallback = group.find((a) => a.edition === defaultLocale) ?? group[0] ?? article
  return [...links, { hreflang: 'x-default', href: absoluteUrl(siteUrl, fallback.edition, fallback.path) }]
}

/** Next's `alternates.types`: MIME type → feed links. */
export type FeedTypes = Record<string, { url: string; title: string }[]>

export interface FeedLabels {
  /** Feed title, e.g. the site title or "标签：AI · 新闻速递". */
  title: string
}

/**
 * `<link rel="alternate">` autodiscovery for the feeds of one path (`/` for the edition,
 * `/tags/<slug>` for a tag), in Next's `alternates.types` shape. Several sets can be merged.
 */
export function feedLinkTypes(siteUrl: string, locale: Locale, basePath: string, labels: FeedLabels): FeedTypes {
  const formats: [FeedFormat, string][] = [
    ['rss', 'RSS'],
    ['atom', 'Atom'],
    ['json', 'JSON Feed'],
  ]
  return Object.fromEntries(
    formats.map(([format, name]) => [feedContentTypes[format].split(';')[0]!, [{ url: feedUrl(siteUrl, locale, basePath, format), title: `${labels.title} (${name})` }]]),
  )
}

/** Merges autodiscovery sets: the edition's feeds first, then a tag's or category's own. */
export function mergeFeedTypes(...sets: FeedTypes[]): FeedTypes {
  const merged: FeedTypes = {}
  for (const set of sets) {
    for (const [type, links] of Object.entries(set)) merged[type] = [...(merged[type] ?? []), ...links]
  }
  return merged
}

/** Metadata of a list or index page: canonical URL plus feed autodiscovery. */
export function listMetadata(siteUrl: string, locale: Locale, path: string, feedTypes: FeedTypes): Metadata {
  return { alternates: { canonical: absoluteUrl(siteUrl, locale, path), types: feedTypes } }
}

export interface ArticleSeoInput {
  article: ArticleMeta
  translations: ArticleMeta[]
  siteUrl: string
  siteName: string
  feedTypes: FeedTypes
}

/** The article's canonical URL: what metadata, JSON-LD and the share controls name. */
export function canonicalUrl(article: ArticleMeta, siteUrl: string): string {
  return absoluteUrl(siteUrl, article.edition, article.path)
}

export function articleMetadata({ article, translations, siteUrl, siteName, feedTypes }: ArticleSeoInput): Metadata {
  const url = canonicalUrl(article, siteUrl)
  const image = absoluteAsset(siteUrl, article.thumbnail)
  const description = article.lead || article.summary
  return {
    title: article.title,
    description: article.summary,
    alternates: {
      canonical: url,
      languages: Object.fromEntries(hreflangLinks(article, translations, siteUrl).map((link) => [link.hreflang, link.href])),
      types: feedTypes,
    },
    openGraph: {
      type: 'article',
      url,
      title: article.title,
      description,
      siteName,
      locale: ogLocale(article.edition),
      alternateLocale: translations.map((t) => ogLocale(t.edition)),
      publishedTime: article.date,
      modifiedTime: article.lastmod ?? article.date,
      section: article.sourceName,
      tags: article.topics.map((topic) => topic.name),
      ...(image ? { images: [{ url: image, alt: article.title }] } : {}),
    },
    twitter: {
      card: 'summary_large_image',
      title: article.title,
      description,
      ...(image ? { images: [image] } : {}),
    },
  }
}

type JsonLd = Record<string, unknown>

function publisher(siteName: string, siteUrl: string): JsonLd {
  return { '@type': 'Organization', name: siteName, url: siteUrl, logo: { '@type': 'ImageObject', url: `${siteUrl}/favicon.ico` } }
}

export function newsArticleJsonLd(article: ArticleMeta, siteUrl: string, siteName: string, defaultAuthor: string): JsonLd {
  const url = canonicalUrl(article, siteUrl)
  const image = absoluteAsset(siteUrl, article.thumbnail)
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: article.date,
    dateModified: article.lastmod ?? article.date,
    inLanguage: article.lang,
    ...(image ? { image: [image] } : {}),
    author: article.author ? { '@type': 'Person', name: article.author } : { '@type': 'Organization', name: defaultAuthor, url: siteUrl },
    publisher: publisher(siteName, siteUrl),
    sourceOrganization: { '@type': 'Organization', name: article.sourceName, ...(article.sourceUrl ? { url: new URL(article.sourceUrl).origin } : {}) },
    ...(article.sourceUrl ? { isBasedOn: article.sourceUrl } : {}),
    articleSection: article.sourceName,
    ...(article.topics.length > 0 ? { keywords: article.topics.map((topic) => topic.name).join(', ') } : {}),
  }
}

/** One step of a breadcrumb trail: a name and a path inside the edition. */
export interface TrailStep {
  name: string
  path: string
}

/** home → the article's first category (its source) → the article: the visible trail and the JSON-LD. */
export function articleTrail(article: ArticleMeta, homeName: string): TrailStep[] {
  const category = article.categoryTerms[0]
  return [{ name: homeName, path: '/' }, ...(category ? [{ name: category.name, path: termPath('categories', category.slug) }] : []), { name: article.title, path: article.path }]
}

export function breadcrumbListJsonLd(locale: Locale, trail: TrailStep[], siteUrl: string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((step, i) => ({ '@type': 'ListItem', position: i + 1, name: step.name, item: absoluteUrl(siteUrl, locale, step.path) })),
  }
}

export function breadcrumbJsonLd(article: ArticleMeta, siteUrl: string, homeName: string): JsonLd {
  return breadcrumbListJsonLd(article.edition, articleTrail(article, homeName), siteUrl)
}

export function collectionPageJsonLd(input: { locale: Locale; path: string; name: string; siteUrl: string; siteName: string; items: ArticleMeta[] }): JsonLd {
  const { locale, path, name, siteUrl, siteName, items } = input
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name,
    url: absoluteUrl(siteUrl, locale, path),
    inLanguage: locale,
    isPartOf: { '@type': 'WebSite', name: siteName, url: absoluteUrl(siteUrl, locale, '/') },
    mainEntity: {
      '@type': 'ItemList',
      itemListElement: items.map((a, i) => ({ '@type': 'ListItem', position: i + 1, url: absoluteUrl(siteUrl, a.edition, a.path), name: a.title })),
    },
  }
}

export function webSiteJsonLd(locale: Locale, siteUrl: string, siteName: string, description: string): JsonLd {
  const home = absoluteUrl(siteUrl, locale, '/')
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: siteName,
    description,
    url: home,
    inLanguage: locale,
    publisher: publisher(siteName, siteUrl),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(siteUrl, locale, '/search')}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  }
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the script. */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
