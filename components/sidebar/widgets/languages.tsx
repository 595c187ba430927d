import { getTranslations } from 'next-intl/server'
import { EditionLink } from '@/components/ui/edition-link'
import { locales, type Locale } from '@/i18n/routing'
import { getArticleTranslations, type ArticleMeta } from '@/lib/content'
import { Widget } from '../widget'

/** Editions; on an article, its translations go straight to the translated article. */
export async function LanguagesWidget({ locale, article }: { locale: Locale; article?: ArticleMeta }) {
  const t = await getTranslations({ locale })
  const translated = new Map((article ? getArticleTranslations(article) : []).map((a) => [a.edition, a]))
  return (
    <Widget title={t('widgets.languages')} id="widget-languages">
      <ul className="space-y-1 text-sm">
        {locales.map((edition) => (
          <li key={edition}>
            {edition === locale ? (
              <span aria-current="true" className="font-bold">
                {t(`languages.${edition}`)}
              </span>
            ) : (
              <EditionLink
                href={translated.get(edition)?.path ?? '/'}
                locale={edition}
                hrefLang={edition}
                lang={edition}

                className="underline hover:text-accent dark:hover:text-accent-dark"
              >
                {t(`languages.${edition}`)}
              </EditionLink>
            )}
          </li>
        ))}
      </ul>
    </Widget>
  )
}
