import { getTranslations } from 'next-intl/server'
import { EditionLink } from '@/components/ui/edition-link'
import type { Locale } from '@/i18n/routing'
import { siteConfig } from '@/lib/config'
import { getAdjacentArticles, getRelatedArticles, getArticleTranslations, type ArticleMeta, type RenderedBody } from '@/lib/content'
import { DateMeta } from '../ui/date-meta'
import { StatusBadge } from '../ui/status-badge'
import { Thumbnail } from '../ui/thumbnail'
import { FontSizeControl } from './font-size-control'
import { ShareBar } from './share-bar'
import { termPath } from '@/lib/paths'
import { TopicLink } from '../taxonomy/topic-link'

export async function ArticleView({ article, body }: { article: ArticleMeta; body: RenderedBody }) {
  const locale: Locale = article.edition
  const t = await getTranslations({ locale })
  const { previous, next } = article.pager ? getAdjacentArticles(article) : { previous: null, next: null }
  const translations = getArticleTranslations(article)
  const related = getRelatedArticles(article)
  const linkClass = 'hover:text-accent dark:hover:text-accent-dark'
  return (
    <article lang={article.lang} className="space-y-6">
      <header className="space-y-3">
        <h1 className="text-3xl leading-tight font-bold">
          <StatusBadge article={article} locale={locale} />
          {article.title}
        </h1>
        {article.lead && <p className="text-lg text-neutral-700 dark:text-neutral-300">{article.lead}</p>}
        <p className="text-sm text-neutral-700 dark:text-neutral-300" data-article-meta="">
          <span className="sr-only">{t('article.published')} </span>
          <DateMeta locale={locale} iso={article.date} />
          {article.lastmod && (
            <>
              {' · '}
              <span className="whitespace-nowrap">{t('article.updated')} </span>
              <DateMeta locale={locale} iso={article.lastmod} />
            </>
          )}
          {article.categoryTerms.length > 0 && (
            <>
              {' · '}
              <span className="whitespace-nowrap">
                {t('article.sourceLabel')}
                {article.categoryTerms.map((category, i) => (
                  <span key={category.slug}>
                    {i > 0 && t('article.separator')}
                    <EditionLink href={termPath('categories', category.slug)} locale={locale} className={linkClass} data-source={category.slug}>
                      {category.name}
                    </EditionLink>
                  </span>
                ))}
              </span>
            </>
          )}
          {' · '}
          <span className="whitespace-nowrap" data-reading-time="">
            {t('article.readingTime', { minutes: article.readingMinutes })}
          </span>
        </p>
        <FontSizeControl labels={{ group: t('reader.fontSize'), small: t('reader.small'), medium: t('reader.medium'), large: t('reader.large') }} />
      </header>

      {article.thumbnail && <Thumbnail src={article.thumbnail} eager />}

      {article.toc && body.toc.length > 0 && (
        <nav aria-labelledby="toc-title" className="rounded border border-neutral-300 p-4 dark:border-neutral-700">
          <h2 id="toc-title" className="mb-2 font-bold">
            {t('article.toc')}
          </h2>
          <ol className="space-y-1 text-sm">
            {body.toc.map((entry) => (
              <li key={entry.id} style={{ paddingInlineStart: `${(entry.depth - 2) * 1}rem` }}>
                <a href={`#${entry.id}`} className={linkClass}>
                  {entry.text}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      )}

      <div
        className="article-prose prose max-w-none prose-neutral dark:prose-invert prose-a:text-accent dark:prose-a:text-accent-dark prose-img:mx-auto prose-img:rounded"
        dangerouslySetInnerHTML={{ __html: body.html }}
      />

      <footer className="space-y-6 border-t border-neutral-200 pt-6 dark:border-neutral-700">
        {article.topics.length > 0 && (
          <div className="flex flex-wrap items-center gap-2 text-sm" data-topics="">
            <span className="font-bold">{t('article.tagsLabel')}</span>
            {article.topics.map((topic) => (
              <TopicLink key={topic.slug} locale={locale} topic={topic} />
            ))}
          </div>
        )}

        {article.sourceUrl && (
          <p className="text-sm">
            <a href={article.sourceUrl} rel="noopener noreferrer nofollow" className="font-semibold text-accent underline dark:text-accent-dark">
              {t('article.original')} ↗
            </a>
          </p>
        )}

        <ShareBar article={article} />

        {article.authorbox && (
          <section aria-label={t('article.author')} className="rounded bg-neutral-100 p-4 dark:bg-neutral-800" data-authorbox="">
            <p className="font-bold">{t('article.authorLine', { name: article.author ?? siteConfig.defaultAuthor })}</p>
            <p className="text-sm">{t('article.authorBio', { name: article.author ?? siteConfig.defaultAuthor })}</p>
          </section>
        )}

        {translations.length > 0 && (
          <nav aria-label={t('article.translations')} className="text-sm" data-translations="">
            <span className="font-bold">{t('article.translationsLabel')}</span>
            {translations.map((other, i) => (
              <span key={other.key}>
                {i > 0 && ' · '}
                <EditionLink
                  href={other.path}
                  locale={other.edition}
                  hrefLang={other.edition}
                  lang={other.edition}
                  className="underline hover:text-accent dark:hover:text-accent-dark"
                >
                  {t(`languages.${other.edition}`)}
                </EditionLink>
              </span>
            ))}
          </nav>
        )}

        {(previous || next) && (
          <nav aria-label={t('article.pager')} className="grid gap-4 text-sm sm:grid-cols-2" data-pager="">
            {previous ? (
              <EditionLink href={previous.path} locale={locale} rel="prev" className="rounded border border-neutral-300 p-3 hover:border-accent dark:border-neutral-600">
                <span className="block text-neutral-600 dark:text-neutral-400">← {t('article.previous')}</span>
                <span lang={previous.lang}>{previous.title}</span>
              </EditionLink>
            ) : (
              <span />
            )}
            {next && (
              <EditionLink href={next.path} locale={locale} rel="next" className="rounded border border-neutral-300 p-3 text-right hover:border-accent dark:border-neutral-600">
                <span className="block text-neutral-600 dark:text-neutral-400">{t('article.next')} →</span>
                <span lang={next.lang}>{next.title}</span>
              </EditionLink>
            )}
          </nav>
        )}

        {related.length > 0 && (
          <section aria-labelledby="related-title" data-related="">
            <h2 id="related-title" className="mb-2 font-bold">
              {t('article.related')}
            </h2>
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {related.map((other) => (
                <li key={other.key} lang={other.lang} data-article={other.key}>
                  <EditionLink href={other.path} locale={locale} className={linkClass}>
                    {other.title}
                  </EditionLink>
                </li>
              ))}
            </ul>
          </section>
        )}
      </footer>
    </article>
  )
}
