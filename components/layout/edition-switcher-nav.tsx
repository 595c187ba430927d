'use client'

import NextLink from 'next/link'
import { usePathname } from 'next/navigation'
import type { Locale } from '@/i18n/routing'
import { decodeSegment } from '@/lib/paths'

export interface EditionTarget {
  edition: Locale
  label: string
  home: string
  /** The article's translation in that edition, when there is one. */
  translation?: string
}

/**
 * The switcher's links. A layout slot keeps what it rendered while the reader moves on by client
 * navigation to a page without a slot of its own, so the article's translations apply only while
 * the reader is still on that article (`/news/<source>/<id>`, behind the edition's prefix, which
 * the server sees rewritten); anywhere else each edition links to its home.
 */
export function EditionSwitcherNav({ label, current, articlePath, editions }: { label: string; current: Locale; articlePath?: string; editions: EditionTarget[] }) {
  const pathname = usePathname()
  const onArticle = articlePath !== undefined && decodeSegment(pathname).endsWith(decodeSegment(articlePath))
  return (
    <nav aria-label={label} data-edition-switcher="">
      <ul className="flex flex-wrap items-center gap-x-1 gap-y-1">
        {editions.map(({ edition, label, home, translation }) => (
          <li key={edition} lang={edition}>
            {edition === current ? (
              <span aria-current="true" className="font-bold">
                {label}
              </span>
            ) : (
              <NextLink href={(onArticle && translation) || home} prefetch={false} hrefLang={edition} className="underline-offset-2 hover:underline">
                {label}
              </NextLink>
            )}
          </li>
        ))}
      </ul>
    </nav>
  )
}
