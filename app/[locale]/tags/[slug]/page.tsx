import type { Metadata } from 'next'
import { ListPage } from '@/components/list/list-page'
import { JsonLd } from '@/components/seo/json-ld'
import { listStructuredData, termPageMetadata } from '@/lib/discovery'
import { resolveTermPage, termParams } from '@/lib/routes'

export const revalidate = 600
export const generateStaticParams = termParams('tags')

type Params = Promise<{ locale: string; slug: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, title, term, basePath } = await resolveTermPage(params, 'tags')
  return { ...(await termPageMetadata(locale, 'tags', term, basePath)), title }
}

export default async function TermPage({ params }: { params: Params }) {
  const { locale, title, page, basePath } = await resolveTermPage(params, 'tags')
  return (
    <>
      <JsonLd data={await listStructuredData(locale, basePath, title, page.items)} />
      <ListPage locale={locale} title={title} page={page} basePath={basePath} />
    </>
  )
}
