import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { getTranslations } from 'next-intl/server'
import { EditionDocument } from '@/components/layout/edition-document'
import { siteConfig } from '@/lib/config'
import { currentView } from '@/lib/content'
import { editionFeedTypes } from '@/lib/page-metadata'
import { resolveEdition } from '@/lib/edition'
import '../globals.css'

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolveEdition(params)
  const t = await getTranslations({ locale, namespace: 'site' })
  return {
    metadataBase: new URL(siteConfig.url),
    title: { default: t('title'), template: `%s | ${t('title')}` },
    description: t('description'),
    // Pages that set their own `alternates` repeat these (Next replaces the whole object).
    alternates: { types: await editionFeedTypes(locale) },
    // Previews and draft mode must never be indexed (proxy.ts also sends X-Robots-Tag).
    ...(currentView() === 'preview' ? { robots: { index: false, follow: false } } : {}),
  }
}

/** `switcher` is the `@switcher` slot: the header's edition switcher, article-aware on article pages. */
export default async function EditionLayout({ children, switcher, params }: { children: ReactNode; switcher: ReactNode; params: Promise<{ locale: string }> }) {
  const locale = await resolveEdition(params)
  return (
    <EditionDocument locale={locale} switcher={switcher}>
      {children}
    </EditionDocument>
  )
}
