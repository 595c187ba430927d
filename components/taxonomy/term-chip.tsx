import { getTranslations } from 'next-intl/server'
import { EditionLink } from '@/components/ui/edition-link'
import type { Locale } from '@/i18n/routing'
import type { Taxonomy, Term } from '@/lib/content'
import { termPath } from '@/lib/paths'

/** A tag or category as a chip with its article count: "人工智能（7 篇）". */
export async function TermChip({ locale, taxonomy, term, compact = false }: { locale: Locale; taxonomy: Taxonomy; term: Term; compact?: boolean }) {
  const t = await getTranslations({ locale, namespace: 'taxonomy' })
  return (
    <EditionLink
      href={termPath(taxonomy, term.slug)}
      locale={locale}
      className={`inline-block rounded border border-neutral-300 ${compact ? 'px-2 py-1' : 'px-3 py-2'} hover:border-accent hover:text-accent dark:border-neutral-600 dark:hover:text-accent-dark`}
    >
      {term.name}
      <span className="text-neutral-600 dark:text-neutral-400">{t('countBracketed', { count: term.count })}</span>
    </EditionLink>
  )
}
