import { getTranslations } from 'next-intl/server'
import { EditionLink } from '@/components/ui/edition-link'
import { listPagePath, type Locale } from '@/i18n/routing'
import { pageWindow } from '@/lib/pagination'

const box = 'inline-flex min-w-10 items-center justify-center rounded border px-3 py-2'
const linkClass = `${box} border-neutral-300 hover:border-accent hover:text-accent dark:border-neutral-600 dark:hover:border-accent-dark dark:hover:text-accent-dark`

/**
 * Numbered pager ("← 1 2 3 … 40 →"); page 1 is the base path itself, page N is `<base>/page/N`.
 * Previous/next carry rel=prev/next; the current page is marked for assistive technology.
 */
export async function Pagination({ locale, basePath, page, totalPages }: { locale: Locale; basePath: string; page: number; totalPages: number }) {
  if (totalPages <= 1) return null
  const t = await getTranslations({ locale, namespace: 'list' })
  return (
    <nav aria-label={t('pagination')} className="mt-8 text-sm" data-pagination="">
      <ul className="flex flex-wrap items-center justify-center gap-2">
        {page > 1 && (
          <li>
            <EditionLink href={listPagePath(basePath, page - 1)} locale={locale} rel="prev" className={linkClass}>
              ← {t('previous')}
            </EditionLink>
          </li>
        )}
        {pageWindow(page, totalPages).map((slot, i) =>
          slot === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-neutral-500 dark:text-neutral-400">
              …
            </li>
          ) : (
            <li key={slot}>
              {slot === page ? (
                <span aria-current="page" className={`${box} border-accent bg-accent font-bold text-white dark:border-accent-dark dark:bg-accent-dark dark:text-neutral-950`}>
                  <span className="sr-only">{t('pageLabel', { page: slot })}</span>
                  <span aria-hidden="true">{slot}</span>
                </span>
              ) : (
                <EditionLink href={listPagePath(basePath, slot)} locale={locale} className={linkClass} aria-label={t('pageLabel', { page: slot })}>
                  {slot}
                </EditionLink>
              )}
            </li>
          ),
        )}
        {page < totalPages && (
          <li>
            <EditionLink href={listPagePath(basePath, page + 1)} locale={locale} rel="next" className={linkClass}>
              {t('next')} →
            </EditionLink>
          </li>
        )}
      </ul>
      <p className="mt-3 text-center text-neutral-600 dark:text-neutral-400">{t('pageOf', { page, total: totalPages })}</p>
    </nav>
  )
}
