import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { ListPage } from '@/components/list/list-page'
import { JsonLd } from '@/components/seo/json-ld'
import { listPagePath } from '@/i18n/routing'
import { getTerms, type Taxonomy } from '@/lib/content'
import { listPageMetadata, listStructuredData, termBreadcrumb, termPageMetadata } from '@/lib/page-metadata'
import { resolveEdition } from '@/lib/edition'
import { resolveTermPage, type LocaleParams } from '@/lib/routes'
import { TermIndex } from './term-index'

/**
 * What the tag and category route files export: both taxonomies have the same pages, so their
 * route files are one line each on top of these.
 */

/** `/tags`, `/categories`: every term with its article count. */
export function termIndexRoute(taxonomy: Taxonomy) {
  return {
    async generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
      const locale = await resolveEdition(params)
      const t = await getTranslations({ locale, namespace: 'taxonomy' })
      return { ...(await listPageMetadata(locale, `/${taxonomy}`)), title: t(taxonomy) }
    },
    async Page({ params }: { params: LocaleParams }) {
      const locale = await resolveEdition(params)
      return <TermIndex locale={locale} taxonomy={taxonomy} terms={getTerms(locale, taxonomy)} />
    },
  }
}

type TermParams = Promise<{ locale: string; slug: string; page?: string }>

/** `/tags/<slug>` and `/tags/<slug>/page/<n>` (and the same for categories). */
export function termListRoute(taxonomy: Taxonomy) {
  const resolve = async (params: TermParams) => {
    const resolved = await resolveTermPage(params, taxonomy)
    const n = resolved.page.page
    return { ...resolved, path: listPagePath(resolved.basePath, n), heading: resolved.title, title: n > 1 ? `${resolved.title} · ${n}` : resolved.title }
  }
  return {
    async generateMetadata({ params }: { params: TermParams }): Promise<Metadata> {
      const { locale, term, path, title } = await resolve(params)
      return { ...(await termPageMetadata(locale, taxonomy, term, path)), title }
    },
    async Page({ params }: { params: TermParams }) {
      const { locale, term, heading, page, basePath, path } = await resolve(params)
      const trail = await termBreadcrumb(locale, taxonomy, term)
      return (
        <>
          <JsonLd data={await listStructuredData(locale, path, heading, page.items, trail)} />
          <ListPage locale={locale} title={heading} page={page} basePath={basePath} breadcrumb={trail} />
        </>
      )
    },
  }
}
