/**
 * The merge-time editorial steps of the content build, over every shard's articles at once:
 * source names, one story once, related articles; and the part of the report that says what
 * they did (moves, unnamed sources, topic coverage, duplicate groups, cost of each step).
 */
import { locales, type Locale } from '@/i18n/routing'
import { relateArticles } from './related'
import { sourceName, trueSource, type SourceNames } from './sources'
import { findStories } from './stories'
import { slugify } from './text'
import { timed, type StepTimings } from './timings'
import type { ArticleMeta, DuplicateGroup, EditionMove, EditorialReport, ShardArticle } from './types'

export interface EditorialInput {
  articles: ShardArticle[]
  /** Articles moved onto the edition, source and id of one already there: the same story twice. */
  collisions: { moved: ShardArticle; existing: ShardArticle }[]
  sources: SourceNames
  /** Body length in characters per file (a copy much shorter than another is incomplete). */
  lengths: Record<string, number>
  moves: EditionMove[]
  summariesRepaired: number
  topicsVersion: number
  /** Shard steps' cost, summed over the shards. */
  timings: StepTimings
  now: number
}

export function applyEditorialSteps(input: EditorialInput): { articles: ArticleMeta[]; editorial: EditorialReport } {
  const { sources, lengths, now } = input
  const timings: StepTimings = { ...input.timings }
  const unnamedSources: Record<string, number> = {}
  const name = (slug: string, edition: Locale) => {
    const found = sourceName(sources, slug, edition)
    if (!found) unnamedSources[slug] = (unnamedSources[slug] ?? 0) + 1
    return found ?? slug
  }

  const sourcesCorrected: Record<string, number> = {}
  const named = timed(timings, 'source names', () =>
    [...input.articles, ...input.collisions.map((c) => c.moved)].map((article): ArticleMeta => {
      const categoryTerms = article.categories.map((category, i) => {
        const source = i === 0 ? trueSource(sources, category, article.source, article.sourceUrl) : category
        if (source !== category) sourcesCorrected[`${slugify(category)} → ${source}`] = (sourcesCorrected[`${slugify(category)} → ${source}`] ?? 0) + 1
        return { slug: slugify(source), name: name(slugify(source), article.edition) }
      })
      return {
        ...article,
        categoryTerms,
        sourceName: categoryTerms[0]?.name ?? name(article.source, article.edition),
        related: [],
        duplicateOf: null,
      }
    }),
  )
  const byFile = new Map(named.map((a) => [a.file, a]))

  const duplicates: DuplicateGroup[] = timed(timings, 'one story once', () => {
    const groups: DuplicateGroup[] = []
    for (const { moved, existing } of input.collisions) {
      byFile.get(moved.file)!.duplicateOf = existing.key
      groups.push({ edition: existing.edition, title: existing.title, canonical: existing.file, folded: [moved.file] })
    }
    const listed = named.filter((a) => a.duplicateOf === null)
    for (const story of findStories(listed, (a) => lengths[a.file] ?? 0)) {
      for (const copy of story.folded) copy.duplicateOf = story.canonical.key
      groups.push({ edition: story.canonical.edition, title: story.canonical.title, canonical: story.canonical.file, folded: story.folded.map((a) => a.file) })
    }
    return groups
  })

  const listed = (a: ArticleMeta) => a.duplicateOf === null && a.menu !== 'main'
  timed(timings, 'related articles', () => {
    for (const locale of locales) {
      const candidates = named.filter((a) => a.edition === locale && listed(a) && !a.draft && a.time <= now)
      const related = relateArticles(candidates)
      for (const article of candidates) article.related = related.get(article.key) ?? []
    }
  })

  const topicCoverage: EditorialReport['topicCoverage'] = {}
  for (const locale of locales) {
    const inEdition = named.filter((a) => a.edition === locale && listed(a))
    const withTopics = inEdition.filter((a) => a.topics.length > 0).length
    topicCoverage[locale] = { articles: inEdition.length, withTopics, share: inEdition.length ? Math.round((withTopics / inEdition.length) * 1000) / 1000 : 0 }
  }
  const movesByPair: Record<string, number> = {}
  for (const move of input.moves.filter((m) => m.labelled !== m.edition)) movesByPair[`${move.labelled} → ${move.edition}`] = (movesByPair[`${move.labelled} → ${move.edition}`] ?? 0) + 1

  return {
    articles: named,
    editorial: {
      moves: input.moves,
      movesByPair,
      unnamedSources,
      sourcesCorrected,
      topicsVersion: input.topicsVersion,
      topicCoverage,
      duplicates,
      folded: duplicates.reduce((n, g) => n + g.folded.length, 0),
      summariesRepaired: input.summariesRepaired,
      timings: Object.fromEntries(Object.entries(timings).map(([step, ms]) => [step, Math.round(ms)])),
    },
  }
}
