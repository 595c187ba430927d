import { getTranslations } from 'next-intl/server'
import { EditionLink } from '@/components/ui/edition-link'
import type { Locale } from '@/i18n/routing'
import { siteConfig } from '@/lib/config'
import { getTerms, type Taxonomy } from '@/lib/content'
import { Widget } from '../widget'
import { TermChip } from '@/components/taxonomy/term-chip'

/** The most used terms of the edition, most used first; `more` links to the full list. */
async function TermsWidget({ locale, taxonomy, title, more }: { locale: Locale; taxonomy: Taxonomy; title: string; more?: string }) {
  const terms = getTerms(locale, taxonomy).slice(0, siteConfig.tagCloudSize)
  return (
    <Widget title={title} id={`widget-${taxonomy}`}>
      <ul className="flex flex-wrap gap-2 text-sm">
        {terms.map((term) => (
          <li key={term.slug}>
            <TermChip locale={locale} taxonomy={taxonomy} term={term} compact />
          </li>
        ))}
      </ul>
      {more && (
        <p className="mt-3 text-sm">
          <EditionLink href={`/${taxonomy}`} locale={locale} className="underline hover:text-accent dark:hover:text-accent-dark">
            {more}
          </EditionLink>
        </p>
      )}
    </Widget>
  )
}

export async function CategoriesWidget({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'widgets' })
  return <TermsWidget locale={locale} taxonomy="categories" title={t('categories')} />
}

export async function TaglistWidget({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'widgets' })
  return <TermsWidget locale={locale} taxonomy="tags" title={t('taglist')} more={t('allTags')} />
}
