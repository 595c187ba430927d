/**
 * Builds the search index files from documents (Node, at content-build time): FlexSearch indexes
 * the articles, newest first, and its export is split into shards by token hash so that a query
 * fetches only the shards of its own tokens. Pure: returns the files as strings;
 * scripts/build-search.ts writes them.
 */
import { createHash } from 'node:crypto'
import type { Index } from 'flexsearch'
import type { Locale } from '@/i18n/routing'
import { encodeRuns, normalize, pairKey } from './encoder'
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
  /** Token shards (default: by article count, up to 1,024). */
  shards?: number
  /** Pair shards: the phrase index is larger than the token index, so it is cut finer (default: twice the token shards). */
  pairShards?: number
  /** Results spread over time, so each needs its own chunk: small chunks fetch less. */
  chunkSize?: number
}

/** Copies of one story: the same folded title within this window collapse into one result. */
export const STORY_WINDOW_MS = 48 * 3_600_000

/** A pair of tokens from two runs (or across title and body) is not a phrase: parked here, never exported. */
const NOT_A_PHRASE = 2

/** Articles per FlexSearch pass: memory stays that of one batch's index plus the postings kept. */
const BATCH = 1000

/** Postings kept across passes: [title ids, body ids], ascending (passes go in id order). */
type Postings = Map<string, [number[], number[]]>

function keep(postings: Postings, key: string, entry: (number[] | null | undefined)[]): void {
  let kept = postings.get(key)
  if (!kept) postings.set(key, (kept = [[], []]))
  // One id at a time: spreading a long list into push() overflows the stack.
  for (const slot of [0, 1] as const) for (const id of entry[slot] ?? []) kept[slot].push(id)
}

function deltas(ids: readonly number[]): number[] {
  return ids.map((id, i) => (i === 0 ? id : id - (ids[i - 1] as number)))
}

const slots = ([title, body]: [number[], number[]]): Slots => [deltas(title), deltas(body)]

/** Shard counts: 1,024 / 2,048 keep a first query on the 4,657-article corpus near 30 KB gzip; small sites need fewer files. */
function shardCounts(count: number): { shards: number; pairShards: number } {
  let shards = 1
  while (shards < 1024 && shards * 4 < count) shards *= 2
  return { shards, pairShards: shards * 2 }
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

/**
 * FlexSearch's index in memory: what its `export` writes, as JSON, under the keys `map` (token →
 * slots of ids) and `ctx` (keyword → next token → slots). Read directly, not through `export`:
 * serialising every batch to JSON and parsing it back cost `npm run build:search` a sixth of its CPU
 * and 150 MB of its peak on the real corpus.
 * tests/search-flexsearch.test.ts checks that both give the same postings.
 */
export function indexData(index: Index): { map: Map<string, (number[] | null | undefined)[]>; ctx: Map<string, Map<string, (number[] | null | undefined)[]>> } {
  return index as unknown as ReturnType<typeof indexData>
}

/**
 * FlexSearch indexes the documents (ids = positions), a batch at a time; each batch's index is
 * kept as postings per token and per pair of neighbouring tokens (see indexData).
 */
function indexDocuments(docs: readonly IndexInput[]): { tokens: Postings; pairs: Postings } {
  const tokens: Postings = new Map()
  const pairs: Postings = new Map()
  // FlexSearch asks for a token's slot with its position: these describe the document being added.
  let titleLength = 0
  let hanTitleLength = 0
  let runOf: number[] = []
  for (let start = 0; start < docs.length; start += BATCH) {
    const words = createIndex((_content, _term, i) => (i < titleLength ? 0 : 1), false)
    // Pairs come from Han runs only: Latin words are never phrases, and their pairs would only cost memory.
    const phrases = createIndex((_content, _term, i, next) => {
      if (next === null || next === undefined) return 0
      if (runOf[i] !== runOf[i + 1]) return NOT_A_PHRASE
      return i + 1 < hanTitleLength ? 0 : 1
    })
    docs.slice(start, start + BATCH).forEach((doc, offset) => {
      const id = start + offset
      const titleRuns = encodeRuns(doc.title)
      const runs = [...titleRuns, ...encodeRuns(doc.text)]
      titleLength = titleRuns.reduce((n, run) => n + run.length, 0)
      words.add(id, runs.flat() as unknown as string)
      const han = runs.map((run) => (run.length > 1 ? run : []))
      hanTitleLength = han.slice(0, titleRuns.length).reduce((n, run) => n + run.length, 0)
      runOf = han.flatMap((run, r) => run.map(() => r))
      if (runOf.length > 1) phrases.add(id, han.flat() as unknown as string)
    })
    for (const [token, entry] of indexData(words).map) keep(tokens, token, entry)
    for (const [keyword, entries] of indexData(phrases).ctx) {
      for (const [token, entry] of entries) keep(pairs, pairKey(keyword, token), entry)
    }
  }
  return { tokens, pairs }
}

/** All index files, keyed by path relative to the index folder. */
export function buildSearchIndex(input: IndexInput[], options: BuildOptions = {}): Map<string, string> {
  const docs = [...input].sort((a, b) => b.time - a.time || a.url.localeCompare(b.url))
  const auto = shardCounts(docs.length)
  const shardCount = options.shards ?? auto.shards
  const pairShardCount = options.pairShards ?? auto.pairShards
  const chunkSize = options.chunkSize ?? 10
  const { tokens, pairs } = indexDocuments(docs)

  const tokenShards: TokenShard[] = Array.from({ length: shardCount }, () => [])
  for (const [token, postings] of tokens) {
    if (postings[0].length + postings[1].length > 0) (tokenShards[tokenShard(token, shardCount)] as TokenShard).push([token, slots(postings)])
  }
  const pairShards: Map<string, [string, Slots][]>[] = Array.from({ length: pairShardCount }, () => new Map())
  for (const [key, postings] of pairs) {
    if (postings[0].length + postings[1].length === 0) continue
    const [keyword = '', token = ''] = key.split(' ')
    const shard = pairShards[pairShard(keyword, token, pairShardCount)] as Map<string, [string, Slots][]>
    let list = shard.get(keyword)
    if (!list) shard.set(keyword, (list = []))
    list.push([token, slots(postings)])
  }

  const files = new Map<string, string>()
  tokenShards.forEach((shard, i) => files.set(shardFile(i), JSON.stringify(shard)))
  pairShards.forEach((shard, i) => files.set(pairFile(i), JSON.stringify([...shard] satisfies PairShard)))
  for (let start = 0; start < docs.length; start += chunkSize) {
    const rows: MetaRow[] = docs.slice(start, start + chunkSize).map((doc) => {
      const row: MetaRow = [doc.url, doc.title, doc.date, doc.source, doc.edition]
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
