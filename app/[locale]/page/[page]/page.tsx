import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { ListPage } from '@/components/list/list-page'
import { JsonLd } from '@/components/seo/json-ld'
import { getArticles } from '@/lib/content'
import { listPageMetadata, listStructuredData } from '@/lib/page-metadata'
import { resolveEdition } from '@/lib/edition'
import { homePageParams, pageNumber } from '@/lib/routes'

export const revalidate = 600
export const generateStaticParams = homePageParams

type Params = Promise<{ locale: string; page: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await resolveEdition(params)
  const t = await getTranslations({ locale, namespace: 'list' })
  const { page } = await params
  return { ...(await listPageMetadata(locale, `/page/${page}`)), title: `${t('latest')} · ${page}` }
}

export default async function HomePageN({ params }: { params: Params }) {
  const locale = await resolveEdition(params)
  const page = getArticles(locale, pageNumber((await params).page)) ?? notFound()
  const path = `/page/${page.page}`
  const t = await getTranslations({ locale, namespace: 'list' })
  return (
    <>
      <JsonLd data={await listStructuredData(locale, path, t('latest'), page.items)} />
      <ListPage locale={locale} title={t('latest')} page={page} basePath="/" />
    </>
  )
}
