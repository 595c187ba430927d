/**
 * Related articles, chosen at content build: in the same edition, by shared topics (rarer topics
 * weigh more) plus the similarity of title and summary (TF-IDF cosine over the search encoder's
 * tokens), newest first among equals. Only when nothing relates does the same source fill in.
 */
import { encode } from '@/lib/search/encoder'
import type { ArticleMeta } from './types'

type Candidate = Pick<ArticleMeta, 'key' | 'source' | 'time' | 'title' | 'summary' | 'topics'>
interface Scored {
  j: number
  score: number
}

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

  // Scores accumulate per other article in flat arrays (the same sums, in the same order, as a map
  // per article would give, for a fraction of the time); `touched` lists the articles scored.
  const textScore = new Float64Array(n)
  const topicScore = new Float64Array(n)
  const seen = new Uint8Array(n)
  const touched: number[] = []
  const touch = (j: number) => {
    if (!seen[j]) {
      seen[j] = 1
      touched.push(j)
    }
  }
  // Newest first within a source (ties in their given order): the fill-in when nothing relates.
  const bySource = new Map<string, number[]>()
  articles.forEach((a, i) => {
    const list = bySource.get(a.source)
    if (list) list.push(i)
    else bySource.set(a.source, [i])
  })
  for (const list of bySource.values()) list.sort((a, b) => articles[b]!.time - articles[a]!.time)
  /** Better first: higher score, then newer, then earlier in the list. */
  const before = (a: Scored, b: Scored) => b.score - a.score || articles[b.j]!.time - articles[a.j]!.time || a.j - b.j

  const related = new Map<string, string[]>()
  articles.forEach((article, i) => {
    for (const token of tokens[i]!) {
      if (!useful(token)) continue
      const w = idf(token) ** 2
      for (const j of postings.get(token) ?? []) {
        if (j === i) continue
        textScore[j] = textScore[j]! + w
        touch(j)
      }
    }
    const ownWeight = article.topics.reduce((sum, t) => sum + topicWeight(t.slug), 0) || 1
    for (const topic of article.topics) {
      const w = topicWeight(topic.slug) / ownWeight
      for (const j of topicDf.get(topic.slug) ?? []) {
        if (j === i) continue
        topicScore[j] = topicScore[j]! + w
        touch(j)
      }
    }
    // The best `count`, kept in order as they come (a sort of every candidate took most of the time).
    const best: Scored[] = []
    for (const j of touched) {
      const similarity = textScore[j]! / (norms[i]! * norms[j]!)
      const shared = topicScore[j]!
      textScore[j] = 0
      topicScore[j] = 0
      seen[j] = 0
      if (!(shared > 0 || similarity >= MIN_TEXT_SIMILARITY)) continue
      const candidate = { j, score: shared + similarity }
      if (best.length === count && before(candidate, best[count - 1]!) >= 0) continue
      let at = best.length
      while (at > 0 && before(candidate, best[at - 1]!) < 0) at--
      best.splice(at, 0, candidate)
      if (best.length > count) best.pop()
    }
    touched.length = 0
    let chosen = best.map(({ j }) => articles[j]!.key)
    if (chosen.length === 0) {
      chosen = (bySource.get(article.source) ?? [])
        .filter((j) => j !== i)
        .slice(0, count)
        .map((j) => articles[j]!.key)
    }
    related.set(article.key, chosen)
  })
  return related
}
