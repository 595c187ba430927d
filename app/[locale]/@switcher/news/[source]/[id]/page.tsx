import { EditionSwitcher } from '@/components/layout/edition-switcher'
import { getArticle } from '@/lib/content'
import { resolveEdition } from '@/lib/edition'
import { decodeSegment } from '@/lib/paths'

/**
 * On an article, the switcher leads to its translations. A URL the article left or an unknown
 * one gets the plain switcher: the page itself answers with the redirect or the 404.
 */
export default async function ArticleSwitcher({ params }: { params: Promise<{ locale: string; source: string; id: string }> }) {
  const locale = await resolveEdition(params)
  const { source, id } = await params
  return <EditionSwitcher locale={locale} article={getArticle(locale, decodeSegment(source), decodeSegment(id)) ?? undefined} />
}
