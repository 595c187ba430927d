import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { TermIndex } from '@/components/taxonomy/term-index'
import { getTerms } from '@/lib/content'
import { listPageMetadata } from '@/lib/discovery'
import { resolveEdition } from '@/lib/edition'
import type { LocaleParams } from '@/lib/routes'

export const revalidate = 600

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const locale = await resolveEdition(params)
  const t = await getTranslations({ locale, namespace: 'taxonomy' })
  return { ...(await listPageMetadata(locale, '/tags')), title: t('tags') }
}

export default async function TermIndexPage({ params }: { params: LocaleParams }) {
  const locale = await resolveEdition(params)
  return <TermIndex locale={locale} taxonomy="tags" terms={getTerms(locale, 'tags')} />
}
