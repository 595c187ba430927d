/**
 * Paths inside an edition, built in one place for every link, feed, sitemap and JSON-LD entry
 * (editionHref in i18n/routing.ts adds the edition's prefix). Slugs come from the catalog, which
 * stores `{ name, slug }` for every term; here they are only percent-encoded.
 */
import type { Taxonomy } from './content'

/** `/news/<source>/<id>`: an article. */
export function articlePath(source: string, slug: string): string {
  return `/news/${encodeURIComponent(source)}/${encodeURIComponent(slug)}`
}

/** `/tags/<slug>` or `/categories/<slug>`: a term's list. */
export function termPath(taxonomy: Taxonomy, slug: string): string {
  return `/${taxonomy}/${encodeURIComponent(slug)}`
}

/** Route params and pathnames arrive percent-encoded for non-ASCII segments in some cases: decode once. */
export function decodeSegment(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
