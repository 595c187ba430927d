import type { Metadata } from 'next'
import { ListPage } from '@/components/list/list-page'
import { resolveTermPage, termPageParams } from '@/lib/routes'

export const revalidate = 600
export const generateStaticParams = termPageParams('categories')

type Params = Promise<{ locale: string; slug: string; page: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { title, page } = await resolveTermPage(params, 'categories')
  return { title: `${title} · ${page.page}` }
}

export default async function TermPageN({ params }: { params: Params }) {
  const { locale, title, page, basePath } = await resolveTermPage(params, 'categories')
  return <ListPage locale={locale} title={title} page={page} basePath={basePath} />
}
