import { getTranslations } from 'next-intl/server'
import { EditionLink } from '@/components/ui/edition-link'
import type { Locale } from '@/i18n/routing'
import type { ArticleMeta } from '@/lib/content'
import { DateMeta } from '../ui/date-meta'
import { StatusBadge } from '../ui/status-badge'
import { Thumbnail } from '../ui/thumbnail'
import { termPath } from '@/lib/paths'
import { TopicLink } from '../taxonomy/topic-link'
import { listTeaser } from '@/lib/content/text'

/**
 * A list of articles. On phones each item is compact (headline beside a small thumbnail, two
 * lines of summary, no topic chips) so four or more fit on a screen; from `sm` up the thumbnail
 * moves left and grows, and the topics show.
 */
export async function ArticleList({ locale, articles, headingLevel = 2 }: { locale: Locale; articles: ArticleMeta[]; headingLevel?: 2 | 3 }) {
  const t = await getTranslations({ locale })
  if (articles.length === 0) return <p>{t('list.empty')}</p>
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <ul className="divide-y divide-neutral-200 dark:divide-neutral-700" data-list="">
      {articles.map((article, index) => (
        <li key={article.key} className="py-3 first:pt-0 sm:py-5" data-article={article.key}>
          <article lang={article.lang} className="flex gap-3 sm:gap-4">
            {article.thumbnail && <Thumbnail src={article.thumbnail} eager={index === 0} className="order-last w-28 shrink-0 self-start sm:order-first sm:w-48" />}
            <div className="min-w-0 flex-1">
              <Heading className="text-base leading-snug font-bold sm:text-xl">
                <StatusBadge article={article} locale={locale} />
                <EditionLink href={article.path} locale={locale} className="hover:text-accent dark:hover:text-accent-dark">
                  {article.title}
                </EditionLink>
              </Heading>
              <p className="mt-1 text-xs text-neutral-700 sm:text-sm dark:text-neutral-300">
                <DateMeta locale={locale} iso={article.date} />
                {article.categoryTerms[0] && (
                  <>
                    {' · '}
                    <EditionLink href={termPath('categories', article.categoryTerms[0].slug)} locale={locale} className="hover:text-accent dark:hover:text-accent-dark">
                      {article.categoryTerms[0].name}
                    </EditionLink>
                  </>
                )}
                <span className="hidden sm:inline">
                  {' · '}
                  {t('article.readingTime', { minutes: article.readingMinutes })}
                </span>
              </p>
              <p className="mt-1 line-clamp-2 text-sm text-neutral-800 sm:mt-2 sm:line-clamp-3 sm:text-base dark:text-neutral-200">{listTeaser(article.summary)}</p>
              {article.topics.length > 0 && (
                <ul className="mt-2 hidden flex-wrap gap-2 text-xs sm:flex">
                  {article.topics.map((topic) => (
                    <li key={topic.slug}>
                      <TopicLink locale={locale} topic={topic} />
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </article>
        </li>
      ))}
    </ul>
  )
}
