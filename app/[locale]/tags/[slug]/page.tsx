import type { Metadata } from 'next'
import { ListPage } from '@/components/list/list-page'
import { resolveTermPage, termParams } from '@/lib/routes'

export const revalidate = 600
export const generateStaticParams = termParams('tags')

type Params = Promise<{ locale: string; slug: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: (await resolveTermPage(params, 'tags')).title }
}

export default async function TermPage({ params }: { params: Params }) {
  const { locale, title, page, basePath } = await resolveTermPage(params, 'tags')
  return <ListPage locale={locale} title={title} page={page} basePath={basePath} />
}
