import type { ReactNode } from 'react'
import { getTranslations } from 'next-intl/server'
import type { Locale } from '@/i18n/routing'
import { EditionLink } from '../ui/edition-link'

export async function NotFoundView({ locale, children }: { locale: Locale; children?: ReactNode }) {
  const t = await getTranslations({ locale, namespace: 'notFound' })
  return (
    <main id="main" className="mx-auto w-full max-w-6xl px-4 py-16">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4">{t('message')}</p>
      <p className="mt-6">
        <EditionLink href="/" locale={locale} className="font-semibold text-accent underline dark:text-accent-dark">
          {t('home')}
        </EditionLink>
      </p>
      {children}
    </main>
  )
}
