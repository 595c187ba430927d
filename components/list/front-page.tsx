import { getFormatter, getTranslations } from 'next-intl/server'
import type { Locale } from '@/i18n/routing'
import type { ArticleMeta, FrontPage, Page } from '@/lib/content'
import { PageShell } from '../layout/page-shell'
import { DateMeta } from '../ui/date-meta'
import { EditionLink } from '../ui/edition-link'
import { Pagination } from '../ui/pagination'
import { StatusBadge } from '../ui/status-badge'
import { Thumbnail } from '../ui/thumbnail'
import { ArticleList } from './article-list'
import { termPath } from '@/lib/paths'
import { leadTeaser } from '@/lib/content/text'

const linkClass = 'hover:text-accent dark:hover:text-accent-dark'

async function Headline({ article, locale, className }: { article: ArticleMeta; locale: Locale; className: string }) {
  return (
    <h3 className={className}>
      <StatusBadge article={article} locale={locale} />
      <EditionLink href={article.path} locale={locale} className={linkClass}>
        {article.title}
      </EditionLink>
    </h3>
  )
}

/**
 * Page 1 of an edition: the lead story, a band of top stories, sections by topic, then the river
 * (the first list page less what is shown above). Later pages are plain lists (ListPage).
 */
export async function FrontPageView({ locale, front, page }: { locale: Locale; front: FrontPage; page: Page<ArticleMeta> }) {
  const t = await getTranslations({ locale })
  const format = await getFormatter({ locale })
  const { lead, top, sections, river } = front
  const shown = new Set([lead, ...top, ...sections.flatMap((s) => s.articles), ...river].flatMap((a) => (a ? [a.key] : [])))
  return (
    <PageShell locale={locale} shown={shown}>
      <h1 className="sr-only">{t('front.title')}</h1>
      {lead && (
        <section aria-labelledby="front-lead" data-front="lead" className="mb-6">
          <h2 id="front-lead" className="sr-only">
            {t('front.lead')}
          </h2>
          <article lang={lead.lang} data-article={lead.key} className="grid gap-3 md:grid-cols-5 md:gap-6">
            {lead.thumbnail && <Thumbnail src={lead.thumbnail} eager className="md:col-span-3" />}
            <div className={lead.thumbnail ? 'md:col-span-2' : 'md:col-span-5'}>
              <Headline article={lead} locale={locale} className="text-2xl leading-snug font-bold sm:text-3xl" />
              <p className="mt-2 text-xs text-neutral-700 sm:text-sm dark:text-neutral-300">
                <DateMeta locale={locale} iso={lead.date} />
                {' · '}
                {lead.sourceName}
              </p>
              <p className="mt-2 line-clamp-3 text-neutral-800 sm:line-clamp-5 dark:text-neutral-200">{leadTeaser(lead.summary)}</p>
            </div>
          </article>
        </section>
      )}

      {top.length > 0 && (
        <section aria-labelledby="front-top" data-front="top" className="mb-8 border-t border-neutral-200 pt-4 dark:border-neutral-700">
          <h2 id="front-top" className="widget-title">
            {t('front.top')}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {top.map((article) => (
              <li key={article.key} data-article={article.key}>
                <article lang={article.lang} className="flex gap-3 sm:block">
                  {article.thumbnail && <Thumbnail src={article.thumbnail} className="order-last w-28 shrink-0 self-start sm:mb-2 sm:w-full" />}
                  <div className="min-w-0 flex-1">
                    <Headline article={article} locale={locale} className="leading-snug font-bold" />
                    <p className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
                      <time dateTime={article.date}>{format.relativeTime(new Date(article.date))}</time>
                      {' · '}
                      {article.sourceName}
                    </p>
                  </div>
                </article>
              </li>
            ))}
          </ul>
        </section>
      )}

      {sections.length > 0 && (
        <div className="mb-8 grid gap-6 md:grid-cols-3" data-front="sections">
          {sections.map(({ topic, articles }) => (
            <section key={topic.slug} aria-labelledby={`front-topic-${topic.slug}`} data-front="section" data-topic={topic.slug}>
              <h2 id={`front-topic-${topic.slug}`} className="widget-title">
                <EditionLink href={termPath('tags', topic.slug)} locale={locale} className={linkClass}>
                  {topic.name}
                  <span aria-hidden="true"> ›</span>
                </EditionLink>
              </h2>
              <ul className="space-y-3">
                {articles.map((article) => (
                  <li key={article.key} data-article={article.key} lang={article.lang}>
                    <Headline article={article} locale={locale} className="text-sm leading-snug font-semibold sm:text-base" />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}

      {(river.length > 0 || page.totalPages > 1) && (
        <section aria-labelledby="front-river" data-front="river">
          <h2 id="front-river" className="widget-title">
            {t('list.latest')}
          </h2>
          {river.length > 0 && <ArticleList locale={locale} articles={river} headingLevel={3} />}
          <Pagination locale={locale} basePath="/" page={page.page} totalPages={page.totalPages} />
        </section>
      )}
    </PageShell>
  )
}
