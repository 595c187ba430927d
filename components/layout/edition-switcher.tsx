import { getTranslations } from 'next-intl/server'
import { editionHref, locales, type Locale } from '@/i18n/routing'
import { getArticleTranslations, type ArticleMeta } from '@/lib/content'
import { EditionSwitcherNav } from './edition-switcher-nav'

/**
 * 简体 / 繁體（台灣）/ 繁體（香港）/ English. On an article, an edition that has its translation
 * links to it; every other link goes to that edition's home. The layout's `@switcher` slot
 * renders it (with the article on article pages), and the header places it in the bar and in
 * the phone menu.
 */
export async function EditionSwitcher({ locale, article }: { locale: Locale; article?: ArticleMeta }) {
  const t = await getTranslations({ locale })
  const translated = new Map((article ? getArticleTranslations(article) : []).map((a) => [a.edition, a.path]))
  const editions = locales.map((edition) => {
    const path = translated.get(edition)
    return { edition, label: t(`editions.${edition}`), home: editionHref(edition, '/'), translation: path && editionHref(edition, path) }
  })
  return <EditionSwitcherNav label={t('nav.editions')} current={locale} articlePath={article?.path} editions={editions} />
}
