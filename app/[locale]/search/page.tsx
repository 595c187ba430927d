import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { PageShell } from '@/components/layout/page-shell'
import { SearchForm } from '@/components/search/search-form'
import { resolveEdition } from '@/lib/edition'

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ q?: string | string[] }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveEdition(params)
  const t = await getTranslations({ locale, namespace: 'search' })
  return { title: t('title'), robots: { index: false } }
}

export default async function SearchPage({ params, searchParams }: Props) {
  const locale = await resolveEdition(params)
  const q = (await searchParams).q
  const query = (Array.isArray(q) ? q[0] : q)?.slice(0, 200) ?? ''
  const t = await getTranslations({ locale, namespace: 'search' })
  return (
    <PageShell locale={locale} widgets={['recent', 'taglist']}>
      <h1 className="mb-6 text-2xl font-bold">{query ? t('resultsFor', { query }) : t('title')}</h1>
      <SearchForm locale={locale} variant="page" query={query} />
      <noscript>
        <p className="mt-2 font-semibold">{t('needsJs')}</p>
      </noscript>
    </PageShell>
  )
}
