import type { Metadata } from 'next'
import { ListPage } from '@/components/list/list-page'
import { JsonLd } from '@/components/seo/json-ld'
import { listStructuredData, termPageMetadata } from '@/lib/discovery'
import { resolveTermPage, termPageParams } from '@/lib/routes'

export const revalidate = 600
export const generateStaticParams = termPageParams('tags')

type Params = Promise<{ locale: string; slug: string; page: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, title, page, term, basePath } = await resolveTermPage(params, 'tags')
  return { ...(await termPageMetadata(locale, 'tags', term, `${basePath}/page/${page.page}`)), title: `${title} · ${page.page}` }
}

export default async function TermPageN({ params }: { params: Params }) {
  const { locale, title, page, basePath } = await resolveTermPage(params, 'tags')
  return (
    <>
      <JsonLd data={await listStructuredData(locale, `${basePath}/page/${page.page}`, title, page.items)} />
      <ListPage locale={locale} title={title} page={page} basePath={basePath} />
    </>
  )
}
