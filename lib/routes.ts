/**
 * Shared pieces of route files: params parsing and static params, so that every route file
 * stays a few lines of composition.
 */
import { notFound, permanentRedirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { editionHref, locales, type Locale } from '@/i18n/routing'
import { siteConfig } from './config'
import { getArticle, getArticleRedirect, getArticles, getPrerenderedArticles, getTermArticles, getTerms, parsePageParam, type ArticleMeta, type Taxonomy } from './content'
import { decodeSegment, resolveEdition } from './edition'

export type LocaleParams = Promise<{ locale: string }>

/** Page number from a `/page/N` segment; 404 for `page/1`, `page/abc` and the like. */
export function pageNumber(value: string): number {
  return parsePageParam(value) ?? notFound()
}

export function listPageParams(totalPages: (locale: Locale) => number) {
  return locales.flatMap((locale) =>
    Array.from({ length: Math.max(0, Math.min(totalPages(locale), siteConfig.prerenderListPages) - 1) }, (_, i) => ({ locale, page: String(i + 2) })),
  )
}

export function homePageParams() {
  return listPageParams((locale) => getArticles(locale)?.totalPages ?? 1)
}

export function articleParams({ params }: { params: { locale: string } }) {
  const locale = params.locale as Locale
  return getPrerenderedArticles(locale).map((a) => ({ source: a.source, id: a.slug }))
}

/**
 * The article at `/news/<source>/<id>` of an edition. A URL the article left (its text placed it
 * in another edition, or it repeats a story told earlier) answers 308 with the article's own URL.
 */
export function articleOrRedirect(locale: Locale, source: string, id: string): ArticleMeta {
  const article = getArticle(locale, source, id)
  if (article) return article
  const moved = getArticleRedirect(locale, source, id)
  if (moved) permanentRedirect(editionHref(moved.edition, moved.path))
  notFound()
}

export function termParams(taxonomy: Taxonomy) {
  return ({ params }: { params: { locale: string } }) => getTerms(params.locale as Locale, taxonomy).map((term) => ({ slug: term.slug }))
}

export function termPageParams(taxonomy: Taxonomy) {
  return ({ params }: { params: { locale: string } }) =>
    getTerms(params.locale as Locale, taxonomy).flatMap((term) => {
      const total = getTermArticles(params.locale as Locale, taxonomy, term.slug)?.page.totalPages ?? 1
      return Array.from({ length: Math.max(0, Math.min(total, siteConfig.prerenderListPages) - 1) }, (_, i) => ({ slug: term.slug, page: String(i + 2) }))
    })
}

/** Resolves a tag or category page (with optional page number) or 404s. */
export async function resolveTermPage(params: Promise<{ locale: string; slug: string; page?: string }>, taxonomy: Taxonomy) {
  const { slug, page } = await params
  const locale = await resolveEdition(params)
  const result = getTermArticles(locale, taxonomy, decodeSegment(slug), page === undefined ? 1 : pageNumber(page))
  if (!result) notFound()
  const t = await getTranslations({ locale, namespace: 'taxonomy' })
  const title = t(taxonomy === 'tags' ? 'tag' : 'category', { name: result.term.name })
  return { locale, title, basePath: `/${taxonomy}/${encodeURIComponent(result.term.slug)}`, ...result }
}
