import type { Locale } from '@/i18n/routing'
import type { ArticleMeta, Page } from '@/lib/content'
import { PageShell } from '../layout/page-shell'
import { Pagination } from '../ui/pagination'
import { ArticleList } from './article-list'

/** A paginated list of articles under a heading: home, tag and category pages. */
export function ListPage({ locale, title, page, basePath }: { locale: Locale; title: string; page: Page<ArticleMeta>; basePath: string }) {
  return (
    <PageShell locale={locale}>
      <h1 className="mb-6 text-2xl font-bold">{title}</h1>
      <ArticleList locale={locale} articles={page.items} />
      <Pagination locale={locale} basePath={basePath} page={page.page} totalPages={page.totalPages} />
    </PageShell>
  )
}
