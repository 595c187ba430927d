import type { Metadata } from 'next'
import { ArticleView } from '@/components/article/article-view'
import { PageShell } from '@/components/layout/page-shell'
import { JsonLd } from '@/components/seo/json-ld'
import { getArticle, getArticleBody } from '@/lib/content'
import { articleBreadcrumb, articlePageMetadata, articleStructuredData } from '@/lib/page-metadata'
import { resolveEdition } from '@/lib/edition'
import { decodeSegment } from '@/lib/paths'
import { articleOrRedirect, articleParams } from '@/lib/routes'

export const revalidate = 600
export const generateStaticParams = articleParams

type Params = Promise<{ locale: string; source: string; id: string }>

async function resolve(params: Params) {
  const locale = await resolveEdition(params)
  const { source, id } = await params
  return { locale, source: decodeSegment(source), id: decodeSegment(id) }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, source, id } = await resolve(params)
  const article = getArticle(locale, source, id)
  // The page answers a URL the article left (308) or an unknown one (404); redirecting here too would send Location twice.
  return article ? articlePageMetadata(article) : {}
}

export default async function ArticlePage({ params }: { params: Params }) {
  const { locale, source, id } = await resolve(params)
  const article = articleOrRedirect(locale, source, id)
  const body = await getArticleBody(article)
  return (
    <PageShell locale={article.edition} sidebar={article.sidebar} widgets={article.widgets} article={article} breadcrumb={await articleBreadcrumb(article)}>
      <JsonLd data={await articleStructuredData(article)} />
      <ArticleView article={article} body={body} />
    </PageShell>
  )
}
