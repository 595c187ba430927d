import type { ReactNode } from 'react'
import { getTranslations } from 'next-intl/server'
import { editionHref, type Locale } from '@/i18n/routing'
import { ErrorStringsProvider } from './error-strings'
import { headScript } from './head-script'
import { PreviewBanner } from './preview-banner'
import { SiteFooter } from './site-footer'
import { SiteHeader } from './site-header'

/**
 * The whole HTML document of an edition: `<html lang>`, the head script and the footer (pinned to
 * the bottom of short pages). Pages render the header (PageShell, NotFoundView): it depends on the page.
 */
export async function EditionDocument({ locale, children }: { locale: Locale; children: ReactNode }) {
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
        <ErrorStringsProvider strings={errorStrings} header={<SiteHeader locale={locale} />}>
          {children}
        </ErrorStringsProvider>
        <SiteFooter locale={locale} year={new Date().getFullYear()} />
      </body>
    </html>
  )
}
