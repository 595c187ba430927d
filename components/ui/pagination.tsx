import { getTranslations } from 'next-intl/server'
import { EditionLink } from '@/components/ui/edition-link'
import { listPagePath, type Locale } from '@/i18n/routing'

/** Previous/next links; page 1 is the base path itself, page N is `<base>/page/N`. */
export async function Pagination({ locale, basePath, page, totalPages }: { locale: Locale; basePath: string; page: number; totalPages: number }) {
  if (totalPages <= 1) return null
  const t = await getTranslations({ locale, namespace: 'list' })
  const linkClass = 'rounded border border-neutral-300 px-3 py-2 hover:border-accent hover:text-accent dark:border-neutral-600 dark:hover:text-accent-dark'
  return (
    <nav aria-label={t('pagination')} className="mt-8 flex items-center justify-between gap-4 text-sm">
      {page > 1 ? (
        <EditionLink href={listPagePath(basePath, page - 1)} locale={locale} rel="prev" className={linkClass}>
          ← {t('previous')}
        </EditionLink>
      ) : (
        <span />
      )}
      <span>{t('pageOf', { page, total: totalPages })}</span>
      {page < totalPages ? (
        <EditionLink href={listPagePath(basePath, page + 1)} locale={locale} rel="next" className={linkClass}>
          {t('next')} →
        </EditionLink>
      ) : (
        <span />
      )}
    </nav>
  )
}
