import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { EditionDocument } from '@/components/layout/edition-document'
import { EditionSwitcher } from '@/components/layout/edition-switcher'
import { NotFoundView } from '@/components/layout/not-found-view'
import { EditionLink } from '@/components/ui/edition-link'
import { defaultLocale, locales } from '@/i18n/routing'
import { resolveView } from '@/lib/edition'
import './globals.css'

export const metadata: Metadata = { title: '404', robots: { index: false } }

/**
 * 404 for URLs that match no route. It stays static (reading the request to pick the edition
 * would make every page dynamic), so it speaks the default edition and offers the others.
 */
export default async function GlobalNotFound() {
  await resolveView()
  const others = await Promise.all(locales.filter((locale) => locale !== defaultLocale).map(async (locale) => ({ locale, t: await getTranslations({ locale }) })))
  return (
    <EditionDocument locale={defaultLocale} switcher={<EditionSwitcher locale={defaultLocale} />}>
      <NotFoundView locale={defaultLocale}>
        <ul className="mt-8 space-y-2">
          {others.map(({ locale, t }) => (
            <li key={locale} lang={locale}>
              {t('notFound.title')} ·{' '}
              <EditionLink href="/" locale={locale} hrefLang={locale} className="underline">
                {t('nav.home')} ({t(`languages.${locale}`)})
              </EditionLink>
            </li>
          ))}
        </ul>
      </NotFoundView>
    </EditionDocument>
  )
}
