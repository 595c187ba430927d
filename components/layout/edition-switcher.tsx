import { getTranslations } from 'next-intl/server'
import { locales, type Locale } from '@/i18n/routing'
import { getArticleTranslations, type ArticleMeta } from '@/lib/content'
import { EditionLink } from '../ui/edition-link'

/**
 * 简体 / 繁體（台灣）/ 繁體（香港）/ English. On an article, an edition that has its translation
 * links to it; every other link goes to that edition's home.
 */
export async function EditionSwitcher({
  locale,
  article,
  className = '',
  linkClassName = '',
}: {
  locale: Locale
  article?: ArticleMeta
  className?: string
  linkClassName?: string
}) {
  const t = await getTranslations({ locale })
  const translated = new Map((article ? getArticleTranslations(article) : []).map((a) => [a.edition, a.path]))
  return (
    <nav aria-label={t('nav.editions')} className={className} data-edition-switcher="">
      <ul className="flex flex-wrap items-center gap-x-1 gap-y-1">
        {locales.map((edition) => (
          <li key={edition} lang={edition}>
            {edition === locale ? (
              <span aria-current="true" className={`${linkClassName} font-bold`}>
                {t(`editions.${edition}`)}
              </span>
            ) : (
              <EditionLink href={translated.get(edition) ?? '/'} locale={edition} hrefLang={edition} className={`${linkClassName} underline-offset-2 hover:underline`}>
                {t(`editions.${edition}`)}
              </EditionLink>
            )}
          </li>
        ))}
      </ul>
    </nav>
  )
}
