/**
 * Shared pieces of route files: params parsing and static params, so that every route file
 * stays a few lines of composition.
 */
import { notFound, permanentRedirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { editionHref, locales, type Locale } from '@/i18n/routing'
import { siteConfig } from './config'
import {
  environmentView,
  getArticle,
  getArticleRedirect,
  getArticles,
  getPrerenderedArticles,
  getTermArticles,
  getTerms,
  parsePageParam,
  withView,
  type ArticleMeta,
  type Taxonomy,
} from './content'
import { resolveEdition } from './edition'
import { decodeSegment, termPath } from './paths'

export type LocaleParams = Promise<{ locale: string }>

/** Page number from a `/page/N` segment; 404 for `page/1`, `page/abc` and the like. */
export function pageNumber(value: string): number {
  return parsePageParam(value) ?? notFound()
}

/*
 * Static params: every route lists complete params, edition included, and the `[locale]` layout
 * lists none. Next drops the prerendering of a whole route, in every edition, when a child's
 * generateStaticParams returns [] for one of its parent's params (vercel/next.js#95166): one edition
 * without articles or tags would leave every article and tag page to render cold.
 */
function perEdition<T extends object>(paramsOf: (locale: Locale) => T[]): (T & { locale: Locale })[] {
  return withView(environmentView(), () => locales.flatMap((locale) => paramsOf(locale).map((params) => ({ ...params, locale }))))
}

/** Pages with no dynamic segment of their own: one per edition. */
export function editionParams(): { locale: Locale }[] {
  return locales.map((locale) => ({ locale }))
}

/** `page/2` … up to the prerendered list pages. */
function laterPages(totalPages: number): { page: string }[] {
  return Array.from({ length: Math.max(0, Math.min(totalPages, siteConfig.prerenderListPages) - 1) }, (_, i) => ({ page: String(i + 2) }))
}

export function homePageParams() {
  return perEdition((locale) => laterPages(getArticles(locale)?.totalPages ?? 1))
}

export function articleParams() {
  return perEdition((locale) => getPrerenderedArticles(locale).map((a) => ({ source: a.source, id: a.slug })))
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

/** generateStaticParams of routes rendered only on first request and then cached (ISR). */
export function noStaticParams(): { locale: string; slug: string }[] {
  return []
}

/** The first page of each edition's biggest terms (`siteConfig.prerenderTerms`); the rest render on first request. */
export function termParams(taxonomy: Taxonomy) {
  return () =>
    perEdition((locale) =>
      getTerms(locale, taxonomy)
        .slice(0, siteConfig.prerenderTerms)
        .map((term) => ({ slug: term.slug })),
    )
}

/** Resolves a tag or category page (with optional page number) or 404s. */
export async function resolveTermPage(params: Promise<{ locale: string; slug: string; page?: string }>, taxonomy: Taxonomy) {
  const { slug, page } = await params
  const locale = await resolveEdition(params)
  const result = getTermArticles(locale, taxonomy, decodeSegment(slug), page === undefined ? 1 : pageNumber(page))
  if (!result) notFound()
  const t = await getTranslations({ locale, namespace: 'taxonomy' })
  const title = t(taxonomy === 'tags' ? 'tag' : 'category', { name: result.term.name })
  return { locale, title, basePath: termPath(taxonomy, result.term.slug), ...result }
}
