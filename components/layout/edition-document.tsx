import type { ReactNode } from 'react'
import { getTranslations } from 'next-intl/server'
import { editionHref, type Locale } from '@/i18n/routing'
import { ErrorStringsProvider } from './error-strings'
import { headScript } from './head-script'
import { PreviewBanner } from './preview-banner'
import { SiteFooter } from './site-footer'
import { SiteHeader } from './site-header'

/**
 * The whole HTML document of an edition: `<html lang>`, the head script, the header and the footer
 * (pinned to the bottom of short pages). Both stay when a page fails (app/[locale]/error.tsx
 * replaces only the page). `switcher` is the header's edition switcher (the layout's slot).
 */
export async function EditionDocument({ locale, switcher, children }: { locale: Locale; switcher: ReactNode; children: ReactNode }) {
  const t = await getTranslations({ locale, namespace: 'error' })
  const errorStrings = { title: t('title'), message: t('message'), retry: t('retry'), home: t('home'), homeHref: editionHref(locale, '/') }
  return (
    <html lang={locale} suppressHydrationWarning>
      {/* App Router document head (the rule targets the Pages Router). */}
      {/* eslint-disable-next-line @next/next/no-head-element */}
      <head>
        <script dangerouslySetInnerHTML={{ __html: headScript }} />
      </head>
      <body className="flex min-h-screen flex-col bg-white font-sans text-neutral-900 antialiased dark:bg-neutral-950 dark:text-neutral-100">
        <PreviewBanner locale={locale} />
        <SiteHeader locale={locale} switcher={switcher} />
        <ErrorStringsProvider strings={errorStrings}>{children}</ErrorStringsProvider>
        <SiteFooter locale={locale} year={new Date().getFullYear()} />
      </body>
    </html>
  )
}
