import { getTranslations } from 'next-intl/server'
import type { Locale } from '@/i18n/routing'
import { EditionLink } from '../ui/edition-link'

/** One step of a trail; the last (the page itself) has no link. */
export interface Crumb {
  name: string
  path?: string
}

/** The visible trail (首页 › 分类 › 来源 › 标题), the same steps as the page's BreadcrumbList JSON-LD. */
export async function Breadcrumb({ locale, trail }: { locale: Locale; trail: Crumb[] }) {
  const t = await getTranslations({ locale, namespace: 'nav' })
  return (
    <nav aria-label={t('breadcrumb')} className="mb-4 text-sm text-neutral-600 dark:text-neutral-400" data-breadcrumb="">
      <ol className="flex items-center gap-x-1">
        {trail.map((crumb, i) => (
          // Links keep their width; the page's own title (last) shortens to one line with an ellipsis.
          // A link is at least 24 px each way (WCAG 2.5.8), whatever font draws a short name.
          <li key={`${i}-${crumb.name}`} className={`flex items-center gap-x-1 ${i < trail.length - 1 ? 'shrink-0' : 'min-w-0'}`}>
            {i > 0 && <span aria-hidden="true">›</span>}
            {crumb.path && i < trail.length - 1 ? (
              <EditionLink
                href={crumb.path}
                locale={locale}
                className="inline-block min-w-6 py-0.5 text-center underline-offset-2 hover:text-accent hover:underline dark:hover:text-accent-dark"
              >
                {crumb.name}
              </EditionLink>
            ) : (
              <span aria-current="page" className="truncate text-neutral-800 dark:text-neutral-200">
                {crumb.name}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}
