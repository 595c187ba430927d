/**
 * Builds the search index files from documents (Node, at content-build time): FlexSearch indexes
 * the articles, newest first, and its export is split into shards by token hash so that a query
 * fetches only the shards of its own tokens. Pure: returns the files as strings;
 * scripts/build-search.ts writes them.
 */
import { createHash } from 'node:crypto'
import type { Locale } from '@/i18n/routing'
import { detectScript, encodeRuns, normalize } from './encoder'
import {
  createIndex,
  INDEX_VERSION,
  manifestFile,
  metaFile,
  pairFile,
  pairShard,
  shardFile,
  textFile,
  tokenShard,
  type IndexStatus,
  type Manifest,
  type MetaRow,
  type PairShard,
  type Slots,
  type TokenShard,
} from './format'

export interface IndexInput {
  /** Path with the edition prefix, e.g. `/en/news/qq/20250212a03tsr00`. */
  url: string
  title: string
  date: string
  time: number
  source: string
  edition: Locale
  text: string
  /** Set only for the drafts and scheduled articles a preview build indexes. */
  status?: IndexStatus | null
}

export interface BuildOptions {
  /** Token shards: 1,024 keep a first query on the 4,657-article corpus near 40 KB gzip. */
  shards?: number
  /** Pair shards: the phrase index is larger than the token index, so it is cut finer. */
  pairShards?: number
  /** Results spread over time, so each needs its own chunk: small chunks fetch less. */
  chunkSize?: number
}

/** Copies of one story: the same folded title within this window collapse into one result. */
export const STORY_WINDOW_MS = 48 * 3_600_000

/** A pair of tokens from two runs (or across title and body) is not a phrase: parked here, never exported. */
const NOT_A_PHRASE = 2

function deltas(ids: readonly number[]): number[] {
  const sorted = [...ids].sort((a, b) => a - b)
  return sorted.map((id, i) => (i === 0 ? id : id - (sorted[i - 1] as number)))
}

function slots(entry: (number[] | null | undefined)[]): Slots | null {
  const title = entry[0] ?? []
  const body = entry[1] ?? []
  return title.length + body.length > 0 ? [deltas(title), deltas(body)] : null
}

/** Per id, the distance back to its story's newest copy (see Manifest.stories). */
export function storyOffsets(docs: readonly { title: string; time: number }[]): number[] {
  const latest = new Map<string, { id: number; time: number }>()
  return docs.map((doc, id) => {
    const key = normalize(doc.title).replace(/[^\p{L}\p{N}]+/gu, '')
    const first = key ? latest.get(key) : undefined
    if (first && first.time - doc.time <= STORY_WINDOW_MS) return id - first.id
    if (key) latest.set(key, { id, time: doc.time })
    return 0
  })
}

/** All index files, keyed by path relative to the index folder. */
export function buildSearchIndex(input: IndexInput[], options: BuildOptions = {}): Map<string, string> {
  const shardCount = options.shards ?? 1024
  const pairShardCount = options.pairShards ?? 2048
  const chunkSize = options.chunkSize ?? 10
  const docs = [...input].sort((a, b) => b.time - a.time || a.url.localeCompare(b.url))

  // FlexSearch asks for a token's slot with its position: these describe the document being added.
  let titleLength = 0
  let hanTitleLength = 0
  let runOf: number[] = []
  const tokens = createIndex((_content, _term, i) => (i < titleLength ? 0 : 1), false)
  // Pairs come from Han runs only: Latin words are never phrases, and their pairs would only cost memory.
  const phrases = createIndex((_content, _term, i, next) => {
    if (next === null || next === undefined) return 0
    if (runOf[i] !== runOf[i + 1]) return NOT_A_PHRASE
    return i + 1 < hanTitleLength ? 0 : 1
  })
  docs.forEach((doc, id) => {
    const titleRuns = encodeRuns(doc.title)
    const runs = [...titleRuns, ...encodeRuns(doc.text)]
    titleLength = titleRuns.reduce((n, run) => n + run.length, 0)
    tokens.add(id, runs.flat() as unknown as string)
    const han = runs.map((run) => (run.length > 1 ? run : []))
    hanTitleLength = han.slice(0, titleRuns.length).reduce((n, run) => n + run.length, 0)
    runOf = han.flatMap((run, r) => run.map(() => r))
    if (runOf.length > 1) phrases.add(id, han.flat() as unknown as string)
  })

  const tokenShards: TokenShard[] = Array.from({ length: shardCount }, () => [])
  const pairShards: Map<string, [string, Slots][]>[] = Array.from({ length: pairShardCount }, () => new Map())
  tokens.export((key: string, data: string) => {
    if (key.endsWith('map')) {
      for (const [token, entry] of JSON.parse(data) as [string, number[][]][]) {
        const value = slots(entry)
        if (value) (tokenShards[tokenShard(token, shardCount)] as TokenShard).push([token, value])
      }
    }
  })
  phrases.export((key: string, data: string) => {
    if (key.endsWith('ctx')) {
      for (const [keyword, entries] of JSON.parse(data) as [string, [string, number[][]][]][]) {
        for (const [token, entry] of entries) {
          const value = slots(entry)
          if (!value) continue
          const shard = pairShards[pairShard(keyword, token, pairShardCount)] as Map<string, [string, Slots][]>
          let list = shard.get(keyword)
          if (!list) shard.set(keyword, (list = []))
          list.push([token, value])
        }
      }
    }
  })

  const files = new Map<string, string>()
  tokenShards.forEach((shard, i) => files.set(shardFile(i), JSON.stringify(shard)))
  pairShards.forEach((shard, i) => files.set(pairFile(i), JSON.stringify([...shard] satisfies PairShard)))
  for (let start = 0; start < docs.length; start += chunkSize) {
    const rows: MetaRow[] = docs.slice(start, start + chunkSize).map((doc) => {
      const row: MetaRow = [doc.url, doc.title, doc.date, doc.source, doc.edition, detectScript(`${doc.title} ${doc.text.slice(0, 2000)}`)]
      if (doc.status) row.push(doc.status)
      return row
    })
    files.set(metaFile(start / chunkSize), JSON.stringify(rows))
  }
  docs.forEach((doc, id) => files.set(textFile(id), doc.text))
  const editionList = [...new Set(docs.map((doc) => doc.edition))].sort()
  const hash = createHash('sha256')
  for (const [name, content] of files) hash.update(name).update('\0').update(content).update('\0')
  const manifest: Manifest = {
    version: INDEX_VERSION,
    hash: hash.digest('hex').slice(0, 16),
    shards: shardCount,
    pairShards: pairShardCount,
    chunkSize,
    count: docs.length,
    editionList,
    editions: docs.map((doc) => String(editionList.indexOf(doc.edition))).join(''),
    stories: storyOffsets(docs),
    built: new Date().toISOString(),
  }
  files.set(manifestFile, JSON.stringify(manifest))
  return files
}
