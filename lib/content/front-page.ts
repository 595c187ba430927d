/**
 * What the front page shows, chosen from an edition's articles (newest first). Pure: the content
 * module hands it the edition's list, and tests hand it fixtures.
 *
 * No story appears twice on page 1: the lead and the top band take the newest stories; the river
 * is the first list page (the same slice `/page/2` continues from) less what is shown above it;
 * the topic sections add depth from further back, and borrow from the river only when the older
 * articles of a topic run short.
 */
import type { ArticleMeta, TermRef } from './types'

export interface FrontPageSection {
  topic: TermRef
  articles: ArticleMeta[]
}

export interface FrontPage {
  lead: ArticleMeta | null
  top: ArticleMeta[]
  sections: FrontPageSection[]
  /** Page 1 of the river, less the stories shown above. */
  river: ArticleMeta[]
}

export interface FrontPageOptions {
  /** Articles on one list page: the river's first page is this slice of the list. */
  pageSize: number
  /** Stories in the band under the lead. */
  topCount: number
  /** Most topic sections, and headlines in each. */
  sectionCount: number
  sectionSize: number
  /** A section with fewer headlines left than this is skipped. */
  sectionMin: number
}

/**
 * @param articles the edition's articles, newest first
 * @param topics the edition's topics, most used first (the sections' candidates)
 */
export function selectFrontPage(articles: ArticleMeta[], topics: TermRef[], options: FrontPageOptions): FrontPage {
  const firstPage = articles.slice(0, options.pageSize)
  // The lead carries a picture: the newest of the first page that has one, else the newest.
  const lead = firstPage.find((a) => a.thumbnail) ?? articles[0] ?? null
  const shown = new Set<string>(lead ? [lead.key] : [])
  const top = articles.filter((a) => !shown.has(a.key)).slice(0, options.topCount)
  for (const a of top) shown.add(a.key)

  const onFirstPage = new Set(firstPage.map((a) => a.key))
  // Older stories first, then the river's: a section should not empty the river.
  const candidates = [...articles.filter((a) => !onFirstPage.has(a.key)), ...firstPage]
  const sections: FrontPageSection[] = []
  for (const topic of topics) {
    if (sections.length >= options.sectionCount) break
    const picked = candidates
      .filter((a) => !shown.has(a.key) && a.topics.some((t) => t.slug === topic.slug))
      .slice(0, options.sectionSize)
      .sort((a, b) => b.time - a.time)
    if (picked.length < options.sectionMin) continue
    for (const a of picked) shown.add(a.key)
    sections.push({ topic, articles: picked })
  }

  return { lead, top, sections, river: firstPage.filter((a) => !shown.has(a.key)) }
}
