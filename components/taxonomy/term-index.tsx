import { getTranslations } from 'next-intl/server'
import { PageShell } from '@/components/layout/page-shell'
import type { Locale } from '@/i18n/routing'
import type { Taxonomy, Term } from '@/lib/content'
import { TermChip } from './term-chip'

/** `/tags` and `/categories`: every term with its article count. */
export async function TermIndex({ locale, taxonomy, terms }: { locale: Locale; taxonomy: Taxonomy; terms: Term[] }) {
  const t = await getTranslations({ locale, namespace: 'taxonomy' })
  return (
    <PageShell locale={locale}>
      <h1 className="mb-6 text-2xl font-bold">{t(taxonomy)}</h1>
      <ul className="flex flex-wrap gap-3">
        {terms.map((term) => (
          <li key={term.slug}>
            <TermChip locale={locale} taxonomy={taxonomy} term={term} />
          </li>
        ))}
      </ul>
    </PageShell>
  )
}
