import type { Metadata } from 'next'
import { ArticleView } from '@/components/article/article-view'
import { PageShell } from '@/components/layout/page-shell'
import { JsonLd } from '@/components/seo/json-ld'
import { getArticleBody } from '@/lib/content'
import { articlePageMetadata, articleStructuredData } from '@/lib/discovery'
import { decodeSegment, resolveEdition } from '@/lib/edition'
import { articleOrRedirect, articleParams } from '@/lib/routes'

export const revalidate = 600
export const generateStaticParams = articleParams

type Params = Promise<{ locale: string; source: string; id: string }>

async function load(params: Params) {
  const locale = await resolveEdition(params)
  const { source, id } = await params
  return articleOrRedirect(locale, decodeSegment(source), decodeSegment(id))
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return articlePageMetadata(await load(params))
}

export default async function ArticlePage({ params }: { params: Params }) {
  const article = await load(params)
  const body = await getArticleBody(article)
  return (
    <PageShell locale={article.edition} sidebar={article.sidebar} widgets={article.widgets} article={article}>
      <JsonLd data={await articleStructuredData(article)} />
      <ArticleView article={article} body={body} />
    </PageShell>
  )
}
