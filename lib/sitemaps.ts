/**
 * Sitemap builders (sitemaps.org 0.9 with xhtml:link hreflang alternates, sitemap index, Google
 * News). Pure functions over plain data; `lib/discovery.ts` feeds them from the content module.
 */
import { escapeXml, toRfc3339 } from './feeds'

export interface HreflangLink {
  hreflang: string
  href: string
}

export interface SitemapUrl {
  loc: string
  /** ISO 8601 with offset. */
  lastmod?: string | null
  alternates?: HreflangLink[]
}

export interface NewsSitemapItem {
  loc: string
  publicationName: string
  /** ISO 639 code as Google News wants it (`zh-cn`, `zh-tw`, `en`). */
  language: string
  title: string
  /** ISO 8601 with offset. */
  published: string
}

const HEADER = '<?xml version="1.0" encoding="UTF-8"?>'

export function buildUrlset(urls: SitemapUrl[]): string {
  const entries = urls.map((url) =>
    [
      '<url>',
      `<loc>${escapeXml(url.loc)}</loc>`,
      url.lastmod ? `<lastmod>${escapeXml(toRfc3339(url.lastmod))}</lastmod>` : '',
      ...(url.alternates ?? []).map((a) => `<xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`),
      '</url>',
    ].join(''),
  )
  return [HEADER, '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">', ...entries, '</urlset>', ''].join('\n')
}

export function buildSitemapIndex(sitemaps: { loc: string; lastmod?: string | null }[]): string {
  const entries = sitemaps.map((s) => `<sitemap><loc>${escapeXml(s.loc)}</loc>${s.lastmod ? `<lastmod>${escapeXml(toRfc3339(s.lastmod))}</lastmod>` : ''}</sitemap>`)
  return [HEADER, '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...entries, '</sitemapindex>', ''].join('\n')
}

export function buildNewsSitemap(items: NewsSitemapItem[]): string {
  const entries = items.map((item) =>
    [
      '<url>',
      `<loc>${escapeXml(item.loc)}</loc>`,
      '<news:news><news:publication>',
      `<news:name>${escapeXml(item.publicationName)}</news:name>`,
      `<news:language>${escapeXml(item.language)}</news:language>`,
      '</news:publication>',
      `<news:publication_date>${escapeXml(toRfc3339(item.published))}</news:publication_date>`,
      `<news:title>${escapeXml(item.title)}</news:title>`,
      '</news:news></url>',
    ].join(''),
  )
  return [HEADER, '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">', ...entries, '</urlset>', ''].join(
    '\n',
  )
}

/** Splits the URLs into sitemap files of at most `size` each (at least one, possibly empty). */
export function chunkUrls<T>(urls: T[], size: number): T[][] {
  if (urls.length === 0) return [[]]
  return Array.from({ length: Math.ceil(urls.length / size) }, (_, i) => urls.slice(i * size, (i + 1) * size))
}

/** The latest of some ISO dates (by instant), or null. */
export function latestDate(dates: (string | null | undefined)[]): string | null {
  let best: string | null = null
  for (const date of dates) {
    if (date && (best === null || Date.parse(date) > Date.parse(best))) best = date
  }
  return best
}
