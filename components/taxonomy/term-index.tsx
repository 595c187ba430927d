import { getTranslations } from 'next-intl/server'
import { PageShell } from '@/components/layout/page-shell'
import { EditionLink } from '@/components/ui/edition-link'
import type { Locale } from '@/i18n/routing'
import type { Taxonomy, Term } from '@/lib/content'
import { termPath } from '@/lib/paths'

/** `/tags` and `/categories`: every term with its article count. */
export async function TermIndex({ locale, taxonomy, terms }: { locale: Locale; taxonomy: Taxonomy; terms: Term[] }) {
  const t = await getTranslations({ locale, namespace: 'taxonomy' })
  return (
    <PageShell locale={locale}>
      <h1 className="mb-6 text-2xl font-bold">{t(taxonomy)}</h1>
      <ul className="flex flex-wrap gap-3">
        {terms.map((term) => (
          <li key={term.slug}>
            <EditionLink
              href={termPath(taxonomy, term.slug)}
              locale={locale}
              className="inline-block rounded border border-neutral-300 px-3 py-2 hover:border-accent hover:text-accent dark:border-neutral-600 dark:hover:text-accent-dark"
            >
              {term.name}
              <span className="text-neutral-600 dark:text-neutral-400">{t('countBracketed', { count: term.count })}</span>
            </EditionLink>
          </li>
        ))}
      </ul>
    </PageShell>
  )
}
