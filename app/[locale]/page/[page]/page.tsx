import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { ListPage } from '@/components/list/list-page'
import { getArticles } from '@/lib/content'
import { resolveEdition } from '@/lib/edition'
import { homePageParams, pageNumber } from '@/lib/routes'

export const revalidate = 600
export const generateStaticParams = homePageParams

type Params = Promise<{ locale: string; page: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await resolveEdition(params)
  const t = await getTranslations({ locale, namespace: 'list' })
  return { title: `${t('latest')} · ${(await params).page}` }
}

export default async function HomePageN({ params }: { params: Params }) {
  const locale = await resolveEdition(params)
  const page = getArticles(locale, pageNumber((await params).page)) ?? notFound()
  const t = await getTranslations({ locale, namespace: 'list' })
  return <ListPage locale={locale} title={t('latest')} page={page} basePath="/" />
}
