import { getTranslations } from 'next-intl/server'
import type { Locale } from '@/i18n/routing'
import { SearchForm } from '@/components/search/search-form'
import { Widget } from '../widget'

export async function SearchWidget({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'widgets' })
  return (
    <Widget title={t('search')} id="widget-search">
      <SearchForm locale={locale} variant="widget" />
    </Widget>
  )
}
