/**
 * One story once. Feeds repeat a story under new ids (one technews story 59 times): articles of
 * one edition whose titles fold to the same key (the importer's: case, width, spacing,
 * punctuation and traditional/simplified ignored) within 48 hours are one story. The earliest
 * complete one is canonical; the others leave every list and redirect to it.
 */
import { normalize as fold } from '@/lib/search/encoder'
import type { ShardArticle } from './types'

/** Copies of one title closer in time than this are one story (the importer skips them the same way). */
export const STORY_WINDOW_MS = 48 * 3600 * 1000

/** Title key: 銀色債券｜4.25厘息 and 银色债券 | 4.25 厘息 are one title. */
export function titleKey(title: string): string {
  return fold(title).replace(/[^\p{L}\p{N}]+/gu, '')
}

export interface Story<A> {
  canonical: A
  folded: A[]
}

/**
 * A copy shorter than half the longest copy is incomplete (an empty or cut body); the earliest
 * complete copy is canonical, so readers get the whole story at its first time.
 */
const COMPLETE_SHARE = 0.5

/** Stories told more than once; `length` is an article's body length in characters. */
export function findStories<A extends Pick<ShardArticle, 'key' | 'edition' | 'title' | 'time' | 'draft' | 'menu'>>(articles: A[], length: (article: A) => number): Story<A>[] {
  const buckets = new Map<string, A[]>()
  for (const article of articles) {
    // Drafts are not stories yet; menu pages are not news.
    if (article.draft || article.menu === 'main') continue
    const key = titleKey(article.title)
    if (!key) continue
    const bucketKey = `${article.edition}\u0000${key}`
    buckets.set(bucketKey, [...(buckets.get(bucketKey) ?? []), article])
  }
  const stories: Story<A>[] = []
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue
    bucket.sort((a, b) => a.time - b.time || a.key.localeCompare(b.key))
    let cluster: A[] = []
    const close = () => {
      if (cluster.length > 1) {
        const longest = Math.max(...cluster.map(length))
        const canonical = cluster.find((a) => length(a) >= longest * COMPLETE_SHARE) ?? cluster[0]!
        stories.push({ canonical, folded: cluster.filter((a) => a !== canonical) })
      }
      cluster = []
    }
    for (const article of bucket) {
      if (cluster.length > 0 && article.time - cluster[0]!.time > STORY_WINDOW_MS) close()
      cluster.push(article)
    }
    close()
  }
  return stories.sort((a, b) => b.folded.length - a.folded.length || a.canonical.key.localeCompare(b.canonical.key))
}
