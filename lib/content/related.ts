/**
 * Related articles, chosen at content build: in the same edition, by shared topics (rarer topics
 * weigh more) plus the similarity of title and summary (TF-IDF cosine over the search encoder's
 * tokens), newest first among equals. Only when nothing relates does the same source fill in.
 */
import { encode } from '@/lib/search/encoder'
import type { ArticleMeta } from './types'

type Candidate = Pick<ArticleMeta, 'key' | 'source' | 'time' | 'title' | 'summary' | 'topics'>

export const RELATED_COUNT = 5
/** Text alone relates two articles only when this similar; a shared topic always counts. */
const MIN_TEXT_SIMILARITY = 0.3
/** Words in more than this share of an edition's articles say nothing about relatedness. */
const MAX_TOKEN_SHARE = 0.05

/** Related keys per article key; `articles` are one edition's listed, published, canonical articles. */
export function relateArticles(articles: Candidate[], count = RELATED_COUNT): Map<string, string[]> {
  const n = articles.length
  const tokens = articles.map((a) => [...new Set(encode(`${a.title} ${a.summary}`))])
  const df = new Map<string, number>()
  for (const list of tokens) for (const token of list) df.set(token, (df.get(token) ?? 0) + 1)
  const idf = (token: string) => Math.log(n / (df.get(token) ?? n))
  const useful = (token: string) => {
    const d = df.get(token) ?? 0
    return d > 1 && d <= Math.max(2, n * MAX_TOKEN_SHARE)
  }
  const postings = new Map<string, number[]>()
  const norms = tokens.map((list, i) => {
    let sum = 0
    for (const token of list) {
      const w = idf(token)
      sum += w * w
      if (!useful(token)) continue
      const list = postings.get(token)
      if (list) list.push(i)
      else postings.set(token, [i])
    }
    return Math.sqrt(sum) || 1
  })
  const topicDf = new Map<string, number[]>()
  articles.forEach((a, i) =>
    a.topics.forEach((t) => {
      const list = topicDf.get(t.slug)
      if (list) list.push(i)
      else topicDf.set(t.slug, [i])
    }),
  )
  const topicWeight = (slug: string) => Math.log(1 + n / (topicDf.get(slug)?.length ?? n))

  const related = new Map<string, string[]>()
  articles.forEach((article, i) => {
    const text = new Map<number, number>()
    for (const token of tokens[i]!) {
      if (!useful(token)) continue
      const w = idf(token) ** 2
      for (const j of postings.get(token) ?? []) if (j !== i) text.set(j, (text.get(j) ?? 0) + w)
    }
    const topics = new Map<number, number>()
    const ownWeight = article.topics.reduce((sum, t) => sum + topicWeight(t.slug), 0) || 1
    for (const topic of article.topics) {
      const w = topicWeight(topic.slug) / ownWeight
      for (const j of topicDf.get(topic.slug) ?? []) if (j !== i) topics.set(j, (topics.get(j) ?? 0) + w)
    }
    const scored: { j: number; score: number }[] = []
    for (const j of new Set([...text.keys(), ...topics.keys()])) {
      const similarity = (text.get(j) ?? 0) / (norms[i]! * norms[j]!)
      const shared = topics.get(j) ?? 0
      if (shared > 0 || similarity >= MIN_TEXT_SIMILARITY) scored.push({ j, score: shared + similarity })
    }
    scored.sort((a, b) => b.score - a.score || articles[b.j]!.time - articles[a.j]!.time || a.j - b.j)
    let chosen = scored.slice(0, count).map(({ j }) => articles[j]!.key)
    if (chosen.length === 0) {
      chosen = articles
        .filter((other) => other !== article && other.source === article.source)
        .sort((a, b) => b.time - a.time)
        .slice(0, count)
        .map((other) => other.key)
    }
    related.set(article.key, chosen)
  })
  return related
}
