import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { ListPage } from '@/components/list/list-page'
import { getArticles } from '@/lib/content'
import { resolveEdition } from '@/lib/edition'
import type { LocaleParams } from '@/lib/routes'

export const revalidate = 600

export default async function HomePage({ params }: { params: LocaleParams }) {
  const locale = await resolveEdition(params)
  const page = getArticles(locale) ?? notFound()
  const t = await getTranslations({ locale, namespace: 'list' })
  return <ListPage locale={locale} title={t('latest')} page={page} basePath="/" />
}
