import type { Locale } from '@/i18n/routing'
import type { ArticleMeta, Page } from '@/lib/content'
import type { Crumb } from '../layout/breadcrumb'
import { PageShell } from '../layout/page-shell'
import { Pagination } from '../ui/pagination'
import { ArticleList } from './article-list'

/** A paginated list of articles under a heading: later home pages, tag and category pages. */
export function ListPage({ locale, title, page, basePath, breadcrumb }: { locale: Locale; title: string; page: Page<ArticleMeta>; basePath: string; breadcrumb?: Crumb[] }) {
  return (
    <PageShell locale={locale} breadcrumb={breadcrumb} shown={new Set(page.items.map((a) => a.key))}>
      <h1 className="mb-4 text-2xl font-bold sm:mb-6">{title}</h1>
      <ArticleList locale={locale} articles={page.items} />
      <Pagination locale={locale} basePath={basePath} page={page.page} totalPages={page.totalPages} />
    </PageShell>
  )
}
