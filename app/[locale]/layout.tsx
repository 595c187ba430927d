import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { NextIntlClientProvider } from 'next-intl'
import { getTranslations } from 'next-intl/server'
import { headScript } from '@/components/layout/head-script'
import { SiteFooter } from '@/components/layout/site-footer'
import { SiteHeader } from '@/components/layout/site-header'
import { locales } from '@/i18n/routing'
import { siteConfig } from '@/lib/config'
import { resolveEdition } from '@/lib/edition'
import '../globals.css'

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }))
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolveEdition(params)
  const t = await getTranslations({ locale, namespace: 'site' })
  return {
    metadataBase: new URL(siteConfig.url),
    title: { default: t('title'), template: `%s | ${t('title')}` },
    description: t('description'),
  }
}

export default async function EditionLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const locale = await resolveEdition(params)
  return (
    <html lang={locale} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: headScript }} />
      </head>
      <body className="bg-white font-sans text-neutral-900 antialiased dark:bg-neutral-950 dark:text-neutral-100">
        {/* Only the locale reaches the client (for links); messages stay on the server. */}
        <NextIntlClientProvider messages={null}>
          <SiteHeader locale={locale} />
          {children}
          <SiteFooter locale={locale} year={new Date().getFullYear()} />
        </NextIntlClientProvider>
      </body>
    </html>
  )
}
