import { getTranslations } from 'next-intl/server'
import { EditionLink } from '@/components/ui/edition-link'
import type { Locale } from '@/i18n/routing'
import { getRecentArticles } from '@/lib/content'
import { StatusBadge } from '@/components/ui/status-badge'
import { Widget } from '../widget'

export async function RecentWidget({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'widgets' })
  return (
    <Widget title={t('recent')} id="widget-recent">
      <ul className="space-y-2 text-sm">
        {getRecentArticles(locale).map((article) => (
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
