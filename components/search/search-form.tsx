import { getTranslations } from 'next-intl/server'
import { editionHref, type Locale } from '@/i18n/routing'
import { siteConfig } from '@/lib/config'
import { InstantSearch } from './instant-search'

/**
 * A GET form to `/search?q=` (works without JavaScript, gives shareable URLs) that becomes
 * instant search once hydrated. Labels are translated here, so messages never ship.
 */
export async function SearchForm({ locale, variant, query = '' }: { locale: Locale; variant: 'page' | 'widget'; query?: string }) {
  const [tw, ts, tp, tt] = await Promise.all([
    getTranslations({ locale, namespace: 'widgets' }),
    getTranslations({ locale, namespace: 'search' }),
    getTranslations({ locale, namespace: 'preview' }),
    getTranslations({ locale, namespace: 'time' }),
  ])
  return (
    <InstantSearch
      locale={locale}
      action={editionHref(locale, '/search')}
      variant={variant}
      pageSize={siteConfig.pageSize}
      initialQuery={query}
      labels={{
        label: tw('searchLabel'),
        placeholder: tw('searchPlaceholder'),
        button: tw('searchButton'),
        prompt: ts('prompt'),
        results: ts('results'),
        loading: ts('loading'),
        error: ts('error'),
        noResults: ts('noResults'),
        countOne: ts('countOne'),
        countOther: ts.raw('countOther') as string,
        otherEditions: ts('otherEditions'),
        duplicates: ts.raw('duplicates') as string,
        viewAll: ts.raw('viewAll') as string,
        previous: ts('previous'),
        next: ts('next'),
        pageOf: ts.raw('pageOf') as string,
        draft: tp('draft'),
        scheduled: tp('scheduled'),
        zonedDate: tt.raw('zoned') as string,
      }}
    />
  )
}
