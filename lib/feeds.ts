/**
 * Feed builders: RSS 2.0, Atom (RFC 4287) and JSON Feed 1.1 from plain data. Pure functions, so
 * tests parse their output without a build; `lib/route-handlers.ts` feeds them from the content module.
 */
import { editionHref, type Locale } from '@/i18n/routing'
import type { ArticleMeta } from './content/types'

export type FeedFormat = 'rss' | 'atom' | 'json'

export const feedContentTypes: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
}

/** File name of each format, after the edition, tag or category path (`/index.xml` as Hugo had it). */
export const feedFileNames: Record<FeedFormat, string> = { rss: 'index.xml', atom: 'atom.xml', json: 'feed.json' }

export interface FeedItem {
  /** Absolute URL of the article; also its permanent id. */
  url: string
  title: string
  summary: string
  /** Sanitised HTML of the full body. */
  contentHtml: string
  /** ISO 8601 with offset. */
  published: string
  updated: string
  language: string
  categories: string[]
  /** The news source's display name (`dc:creator`, the Atom and JSON Feed author). */
  author: string
  /** Absolute URL of the thumbnail. */
  image: string | null
  /** Link to the original story. */
  externalUrl: string | null
}

export interface Feed {
  title: string
  description: string
  language: string
  /** Absolute URL of the page the feed mirrors (edition home, tag or category page). */
  homeUrl: string
  /** Absolute URLs of this feed in each format (self links). */
  feedUrls: Record<FeedFormat, string>
  /** ISO 8601 with offset: the newest item's time (the build's time for an empty feed). */
  updated: string
  items: FeedItem[]
}

// XML 1.0 allows tab, LF, CR and the ranges below; everything else (C0 controls, lone
// surrogates, U+FFFE/FFFF) makes the whole document unreadable, so it is dropped.
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Removes the characters XML 1.0 forbids (also used for JSON, so every format says the same). */
export function stripForbidden(text: string): string {
  return text.replace(XML_FORBIDDEN, '')
}

/**
 * Escapes plain text as HTML. RSS readers decode `<description>` once and render it as HTML, so
 * text must be HTML-escaped before it is XML-escaped: a summary that reads `<img onerror=…>` is
 * then shown as those characters, never run.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/**
 * Longest full text a feed item carries (UTF-8 bytes of HTML). One huge article would otherwise make
 * every feed that lists it as large; past this, the item carries its summary and a link.
 */
export const FEED_ITEM_MAX_BYTES = 100_000

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return stripForbidden(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/

/**
 * RFC 822 date (as RSS wants it) that keeps the ISO string's own offset: `2026-11-20T09:15:00+08:00`
 * → `Fri, 20 Nov 2026 09:15:00 +0800`. Independent of the machine's time zone.
 */
export function toRfc822(iso: string): string {
  const match = ISO.exec(iso)
  if (!match) return new Date(iso).toUTCString().replace('GMT', '+0000')
  const [, y, mo, d, h, mi, s, zone] = match as unknown as [string, string, string, string, string, string, string, string]
  const weekday = WEEKDAYS[new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay()]
  const offset = zone === 'Z' ? '+0000' : zone.replace(':', '')
  return `${weekday}, ${d} ${MONTHS[Number(mo) - 1]} ${y} ${h}:${mi}:${s} ${offset}`
}

/** RFC 3339 (Atom, JSON Feed): the catalog's ISO dates already are, when they carry seconds. */
export function toRfc3339(iso: string): string {
  return ISO.test(iso) ? iso : new Date(iso).toISOString()
}

/** Absolute URL of a path in an edition: `https://site/en/news/qq/x`. */
export function absoluteUrl(siteUrl: string, locale: Locale, path: string): string {
  return `${siteUrl}${editionHref(locale, path)}`
}

/** A thumbnail as an absolute URL: `/path` values are on this site. */
export function absoluteAsset(siteUrl: string, url: string | null): string | null {
  if (!url) return null
  if (/^https?:\/\//i.test(url)) return url
  return url.startsWith('/') ? `${siteUrl}${url}` : null
}

/** Absolute URL of a feed of a path (`/` for the edition, `/tags/<slug>` for a tag). */
export function feedUrl(siteUrl: string, locale: Locale, basePath: string, format: FeedFormat): string {
  return absoluteUrl(siteUrl, locale, `${basePath === '/' ? '' : basePath}/${feedFileNames[format]}`)
}

export function feedUrlsFor(siteUrl: string, locale: Locale, basePath: string): Record<FeedFormat, string> {
  return { rss: feedUrl(siteUrl, locale, basePath, 'rss'), atom: feedUrl(siteUrl, locale, basePath, 'atom'), json: feedUrl(siteUrl, locale, basePath, 'json') }
}

export function toFeedItem(article: ArticleMeta, contentHtml: string, siteUrl: string): FeedItem {
  const url = absoluteUrl(siteUrl, article.edition, article.path)
  const fits = Buffer.byteLength(contentHtml) <= FEED_ITEM_MAX_BYTES
  return {
    url,
    title: article.title,
    summary: article.summary,
    contentHtml: fits ? contentHtml : `<p>${escapeHtml(article.summary)}</p><p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
    published: article.date,
    updated: article.lastmod ?? article.date,
    language: article.lang,
    categories: [...new Set([...article.categoryTerms, ...article.topics].map((term) => term.name))],
    author: article.sourceName,
    image: absoluteAsset(siteUrl, article.thumbnail),
    externalUrl: article.sourceUrl,
  }
}

function imageType(url: string): string {
  const ext = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase()
  return { png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif', svg: 'image/svg+xml' }[ext ?? ''] ?? 'image/jpeg'
}

function element(name: string, text: string, attributes = ''): string {
  return `<${name}${attributes}>${escapeXml(text)}</${name}>`
}

export function buildRss(feed: Feed): string {
  const items = feed.items.map((item) =>
    [
      '<item>',
      element('title', item.title),
      element('link', item.url),
      element('guid', item.url, ' isPermaLink="true"'),
      element('pubDate', toRfc822(item.published)),
      element('dc:creator', item.author),
      element('dc:language', item.language),
      ...item.categories.map((c) => element('category', c)),
      element('description', escapeHtml(item.summary)),
      element('content:encoded', item.contentHtml),
      item.image ? `<enclosure url="${escapeXml(item.image)}" length="0" type="${imageType(item.image)}"/>` : '',
      item.image ? `<media:content url="${escapeXml(item.image)}" medium="image"/>` : '',
      '</item>',
    ].join(''),
  )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    '<channel>',
    element('title', feed.title),
    element('link', feed.homeUrl),
    element('description', feed.description),
    element('language', feed.language),
    element('lastBuildDate', toRfc822(feed.updated)),
    `<atom:link href="${escapeXml(feed.feedUrls.rss)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n')
}

export function buildAtom(feed: Feed): string {
  const entries = feed.items.map((item) =>
    [
      `<entry xml:lang="${escapeXml(item.language)}">`,
      element('id', item.url),
      element('title', item.title, ' type="text"'),
      `<link rel="alternate" type="text/html" href="${escapeXml(item.url)}"/>`,
      item.externalUrl ? `<link rel="related" type="text/html" href="${escapeXml(item.externalUrl)}"/>` : '',
      item.image ? `<link rel="enclosure" type="${imageType(item.image)}" href="${escapeXml(item.image)}"/>` : '',
      `<author>${element('name', item.author)}</author>`,
      element('published', toRfc3339(item.published)),
      element('updated', toRfc3339(item.updated)),
      ...item.categories.map((c) => `<category term="${escapeXml(c)}"/>`),
      element('summary', item.summary, ' type="text"'),
      element('content', item.contentHtml, ' type="html"'),
      '</entry>',
    ].join(''),
  )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.language)}">`,
    element('id', feed.feedUrls.atom),
    element('title', feed.title),
    element('subtitle', feed.description),
    element('updated', toRfc3339(feed.updated)),
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feed.feedUrls.atom)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(feed.homeUrl)}"/>`,
    `<author>${element('name', feed.title)}<uri>${escapeXml(feed.homeUrl)}</uri></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}

export function buildJsonFeed(feed: Feed): string {
  const clean = (text: string) => stripForbidden(text)
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: clean(feed.title),
    home_page_url: feed.homeUrl,
    feed_url: feed.feedUrls.json,
    description: clean(feed.description),
    language: feed.language,
    authors: [{ name: clean(feed.title), url: feed.homeUrl }],
    items: feed.items.map((item) => ({
      id: item.url,
      url: item.url,
      ...(item.externalUrl ? { external_url: item.externalUrl } : {}),
      title: clean(item.title),
      summary: clean(item.summary),
      content_html: clean(item.contentHtml),
      ...(item.image ? { image: item.image } : {}),
      authors: [{ name: clean(item.author) }],
      date_published: toRfc3339(item.published),
      date_modified: toRfc3339(item.updated),
      tags: item.categories.map(clean),
      language: item.language,
    })),
  }
  return `${JSON.stringify(document, null, 1)}\n`
}

export const feedBuilders: Record<FeedFormat, (feed: Feed) => string> = { rss: buildRss, atom: buildAtom, json: buildJsonFeed }
