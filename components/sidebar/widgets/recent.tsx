import { getTranslations } from 'next-intl/server'
import { EditionLink } from '@/components/ui/edition-link'
import { getRecentArticles } from '@/lib/content'
import { StatusBadge } from '@/components/ui/status-badge'
import type { WidgetProps } from '../sidebar'
import { Widget } from '../widget'

/** The newest articles the main column does not already show (on the home page: the ones further down). */
export async function RecentWidget({ locale, shown }: WidgetProps) {
  const recent = getRecentArticles(locale, undefined, shown)
  if (recent.length === 0) return null
  const t = await getTranslations({ locale, namespace: 'widgets' })
  return (
    <Widget title={t('recent')} id="widget-recent">
      <ul className="space-y-2 text-sm">
        {recent.map((article) => (
          <li key={article.key} lang={article.lang}>
            <StatusBadge article={article} locale={locale} />
            <EditionLink href={article.path} locale={locale} className="hover:text-accent dark:hover:text-accent-dark">
              {article.title}
            </EditionLink>
          </li>
        ))}
      </ul>
    </Widget>
  )
}
