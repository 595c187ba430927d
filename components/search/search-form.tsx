import { getTranslations } from 'next-intl/server'
import type { Locale } from '@/i18n/routing'
import { editionHref } from '@/lib/edition'

/** A plain GET form: works without JavaScript and gives shareable `/search?q=` URLs. */
export async function SearchForm({ locale, query = '' }: { locale: Locale; query?: string }) {
  const t = await getTranslations({ locale, namespace: 'widgets' })
  return (
    <form role="search" action={editionHref(locale, '/search')} method="get" className="flex gap-2">
      <label className="sr-only" htmlFor={query ? 'search-page-q' : 'search-widget-q'}>
        {t('searchLabel')}
      </label>
      <input
        id={query ? 'search-page-q' : 'search-widget-q'}
        type="search"
        name="q"
        defaultValue={query}
        placeholder={t('searchPlaceholder')}
        className="min-w-0 flex-1 rounded border border-neutral-400 bg-white px-3 py-2 text-neutral-900 dark:border-neutral-600 dark:bg-neutral-800 dark:text-neutral-100"
      />
      <button type="submit" className="rounded bg-accent px-3 py-2 font-semibold text-white hover:bg-neutral-800 dark:hover:bg-neutral-600">
        {t('searchButton')}
      </button>
    </form>
  )
}
