import { EditionLink } from '@/components/ui/edition-link'
import type { Locale } from '@/i18n/routing'
import type { TermRef } from '@/lib/content/types'
import { termPath } from '@/lib/paths'

/** An article's topic as a `#name` link to its tag page (article footer, list items). */
export function TopicLink({ locale, topic }: { locale: Locale; topic: TermRef }) {
  return (
    <EditionLink href={termPath('tags', topic.slug)} locale={locale} className="rounded bg-neutral-100 px-2 py-1 hover:text-accent dark:bg-neutral-800 dark:hover:text-accent-dark">
      #{topic.name}
    </EditionLink>
  )
}
