import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { FrontPageView } from '@/components/list/front-page'
import { JsonLd } from '@/components/seo/json-ld'
import { getFrontPage } from '@/lib/content'
import { listPageMetadata, listStructuredData } from '@/lib/page-metadata'
import { resolveEdition } from '@/lib/edition'
import { editionParams, type LocaleParams } from '@/lib/routes'

export const revalidate = 600
export const generateStaticParams = editionParams

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  return listPageMetadata(await resolveEdition(params), '/')
}

export default async function HomePage({ params }: { params: LocaleParams }) {
  const locale = await resolveEdition(params)
  const { front, page } = getFrontPage(locale) ?? notFound()
  const t = await getTranslations({ locale, namespace: 'list' })
  return (
    <>
      <JsonLd data={await listStructuredData(locale, '/', t('latest'), page.items)} />
      <FrontPageView locale={locale} front={front} page={page} />
    </>
  )
}
