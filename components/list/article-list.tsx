import { getTranslations } from 'next-intl/server'
import { EditionLink } from '@/components/ui/edition-link'
import type { Locale } from '@/i18n/routing'
import type { ArticleMeta } from '@/lib/content'
import { DateMeta } from '../ui/date-meta'
import { StatusBadge } from '../ui/status-badge'
import { Thumbnail } from '../ui/thumbnail'

export async function ArticleList({ locale, articles }: { locale: Locale; articles: ArticleMeta[] }) {
  const t = await getTranslations({ locale })
  if (articles.length === 0) return <p>{t('list.empty')}</p>
  return (
    <ul className="divide-y divide-neutral-200 dark:divide-neutral-700">
      {articles.map((article, index) => (
        <li key={article.key} className="py-5 first:pt-0" data-article={article.key}>
          <article lang={article.lang} className="flex flex-col gap-4 sm:flex-row">
            {article.thumbnail && <Thumbnail src={article.thumbnail} eager={index === 0} className="sm:w-48 sm:shrink-0 sm:self-start" />}
            <div className="min-w-0 flex-1">
              <h2 className="text-xl leading-snug font-bold">
                <StatusBadge article={article} locale={locale} />
                <EditionLink href={article.path} locale={locale} className="hover:text-accent dark:hover:text-accent-dark">
                  {article.title}
                </EditionLink>
              </h2>
              <p className="mt-1 text-sm text-neutral-700 dark:text-neutral-300">
                <DateMeta locale={locale} iso={article.date} />
                {article.categoryTerms[0] && (
                  <>
                    {' · '}
                    <EditionLink href={`/categories/${encodeURIComponent(article.categoryTerms[0].slug)}`} locale={locale} className="hover:text-accent dark:hover:text-accent-dark">
                      {article.categoryTerms[0].name}
                    </EditionLink>
                  </>
                )}
                {' · '}
                {t('article.readingTime', { minutes: article.readingMinutes })}
              </p>
              <p className="mt-2 line-clamp-3 text-neutral-800 dark:text-neutral-200">{article.summary}</p>
              {article.topics.length > 0 && (
                <ul className="mt-2 flex flex-wrap gap-2 text-xs">
                  {article.topics.map((topic) => (
                    <li key={topic.slug}>
                      <EditionLink href={`/tags/${encodeURIComponent(topic.slug)}`} locale={locale} className="rounded bg-neutral-100 px-2 py-1 hover:text-accent dark:bg-neutral-800 dark:hover:text-accent-dark">
                        #{topic.name}
                      </EditionLink>
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
