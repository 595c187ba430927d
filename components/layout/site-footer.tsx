import { getTranslations } from 'next-intl/server'
import { editionHref, type Locale } from '@/i18n/routing'

export async function SiteFooter({ locale, year }: { locale: Locale; year: number }) {
  const t = await getTranslations({ locale })
  return (
    <footer className="mt-8 bg-neutral-800 text-sm text-neutral-200 dark:bg-neutral-900">
      <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-2 px-4 py-6">
        <p>{t('footer.copyright', { year })}</p>
        <a href={editionHref(locale, '/index.xml')} className="underline hover:text-white">
          {t('footer.feeds')}
        </a>
      </div>
    </footer>
  )
}
