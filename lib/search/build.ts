/**
 * Builds the search index files from documents (Node, at content-build time): FlexSearch indexes
 * the articles, oldest first, and its export is split into shards by token hash so that a query
 * fetches only the shards of its own tokens. Pure: returns the files as strings;
 * scripts/build-search.ts writes them.
 */
import type { Index } from 'flexsearch'
import type { Locale } from '@/i18n/routing'
import { encodeRuns, normalize, pairKey } from './encoder'
import {
  createIndex,
  decodeIds,
  encodeIds,
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
  /** Articles per FlexSearch pass (default BATCH): the files are the same whatever it is. */
  batch?: number
}

/** Copies of one story: the same folded title within this window collapse into one result. */
export const STORY_WINDOW_MS = 48 * 3_600_000

/** A pair of tokens from two runs (or across title and body) is not a phrase: parked here, never exported. */
const NOT_A_PHRASE = 2

/**
 * Articles per FlexSearch pass: memory stays that of one batch's index plus the postings kept.
 * FlexSearch's index is large for its content (a thousand real articles: 170 MB, mostly small
 * arrays), so passes are small: on the real corpus, 10 articles a pass against 1,000 took 468
 * against 673 MiB at its peak and ×0.9 of the time (the same files).
 */
const BATCH = 10

/**
 * Postings kept across passes, one entry per token or pair: its ids in the order they came (passes
 * go in id order), each as `id * 2 + slot` (slot 0: in the title, 1: in the body only), and a bare
 * number while there is one. Most keys have one or two ids: a pair of growable arrays each took
 * about 400 bytes a key, 170 MB of the real corpus's heap.
 */
type Postings = Map<string, number | number[]>

function keep(postings: Postings, key: string, entry: (number[] | null | undefined)[]): void {
  let kept = postings.get(key)
  for (const slot of [0, 1] as const) {
    // One id at a time: spreading a long list into push() overflows the stack.
    for (const id of entry[slot] ?? []) {
      const code = id * 2 + slot
      if (kept === undefined) kept = code
      else if (typeof kept === 'number') kept = [kept, code]
      else kept.push(code)
    }
  }
  if (kept !== undefined) postings.set(key, kept)
}

/** A key's ids by slot, each ascending: [in the title, in the body only]. */
function idsOf(kept: number | number[]): [number[], number[]] {
  const ids: [number[], number[]] = [[], []]
  for (const code of typeof kept === 'number' ? [kept] : kept) (code & 1 ? ids[1] : ids[0]).push(code >> 1)
  return ids
}

const encodeSlots = ([title, body]: [number[], number[]]): Slots => [encodeIds(title), encodeIds(body)]

/** Shard counts: 1,024 / 2,048 keep a first query on the 4,657-article corpus near 30 KB gzip; small sites need fewer files. */
function shardCounts(count: number): { shards: number; pairShards: number } {
  let shards = 1
  while (shards < 1024 && shards * 4 < count) shards *= 2
  return { shards, pairShards: shards * 2 }
}

/** Per id (documents oldest first), the distance forward to its story's newest copy (see Manifest.stories). */
export function storyOffsets(docs: readonly { title: string; time: number }[]): number[] {
  const latest = new Map<string, { id: number; time: number }>()
  const offsets = docs.map(() => 0)
  for (let id = docs.length - 1; id >= 0; id -= 1) {
    const doc = docs[id] as { title: string; time: number }
    const key = normalize(doc.title).replace(/[^\p{L}\p{N}]+/gu, '')
    const first = key ? latest.get(key) : undefined
    if (first && first.time - doc.time <= STORY_WINDOW_MS) offsets[id] = first.id - id
    else if (key) latest.set(key, { id, time: doc.time })
  }
  return offsets
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
 * FlexSearch indexes the documents (ids = positions after `firstId`), a batch at a time; each
 * batch's index is kept as postings per token and per pair of neighbouring tokens (see indexData).
 */
function indexDocuments(docs: readonly IndexInput[], batch = BATCH, firstId = 0): { tokens: Postings; pairs: Postings } {
  const tokens: Postings = new Map()
  const pairs: Postings = new Map()
  // FlexSearch asks for a token's slot with its position: these describe the document being added.
  let titleLength = 0
  let hanTitleLength = 0
  let runOf: number[] = []
  for (let start = 0; start < docs.length; start += batch) {
    const words = createIndex((_content, _term, i) => (i < titleLength ? 0 : 1), false)
    // Pairs come from Han runs only: Latin words are never phrases, and their pairs would only cost memory.
    const phrases = createIndex((_content, _term, i, next) => {
      if (next === null || next === undefined) return 0
      if (runOf[i] !== runOf[i + 1]) return NOT_A_PHRASE
      return i + 1 < hanTitleLength ? 0 : 1
    })
    docs.slice(start, start + batch).forEach((doc, offset) => {
      const id = firstId + start + offset
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

/**
 * Oldest first (the exact reverse of newest first, ties by URL): a document's position is its id,
 * so a newer article takes the next id and no indexed article's id moves.
 */
const sortDocs = (input: readonly IndexInput[]) => [...input].sort((a, b) => a.time - b.time || b.url.localeCompare(a.url))

function layout(count: number, options: BuildOptions): { shardCount: number; pairShardCount: number; chunkSize: number } {
  const auto = shardCounts(count)
  return { shardCount: options.shards ?? auto.shards, pairShardCount: options.pairShards ?? auto.pairShards, chunkSize: options.chunkSize ?? 10 }
}

function metaRow(doc: IndexInput): MetaRow {
  const row: MetaRow = [doc.url, doc.title, doc.date, doc.source, doc.edition]
  if (doc.status) row.push(doc.status)
  return row
}

/** All index files, keyed by path relative to the index folder. */
export function buildSearchIndex(input: IndexInput[], options: BuildOptions = {}): Map<string, string> {
  const docs = sortDocs(input)
  const { shardCount, pairShardCount } = layout(docs.length, options)
  const { tokens, pairs } = indexDocuments(docs, options.batch)
  const files = new Map<string, string>()
  byShard(tokens, shardCount, tokenShard).forEach((fresh, shard) => files.set(shardFile(shard), tokenShardFile(mergeShard([], fresh))))
  byShard(pairs, pairShardCount, pairKeyShard).forEach((fresh, shard) => files.set(pairFile(shard), pairShardFile(mergeShard([], fresh))))
  addArticleFiles(files, docs, 0, options)
  return files
}

/** The shard of a pair's key (see pairKey). */
const pairKeyShard = (key: string, count: number) => {
  const [keyword = '', token = ''] = key.split(' ')
  return pairShard(keyword, token, count)
}

/** Postings grouped by the shard their key falls in. */
function byShard(postings: Postings, count: number, shardOf: (key: string, count: number) => number): Postings[] {
  const shards: Postings[] = Array.from({ length: count }, () => new Map())
  for (const [key, ids] of postings) shards[shardOf(key, count)]?.set(key, ids)
  return shards
}

/**
 * One shard's entries: its previous entries, each followed by the new articles' ids for the same
 * key (new ids are higher than every previous one); then the new keys.
 */
function mergeShard(previous: Iterable<[string, Slots]>, fresh: Postings): Map<string, Slots> {
  const entries = new Map<string, Slots>()
  for (const [key, [title, body]] of previous) {
    const kept = fresh.get(key)
    if (kept === undefined) {
      entries.set(key, [title, body])
    } else {
      const added = idsOf(kept)
      entries.set(
        key,
        encodeSlots([
          [...decodeIds(title), ...added[0]],
          [...decodeIds(body), ...added[1]],
        ]),
      )
    }
  }
  for (const [key, kept] of fresh) if (!entries.has(key)) entries.set(key, encodeSlots(idsOf(kept)))
  return entries
}

/** A token shard's file: its entries sorted by token (sort's own order for strings), so equal postings give equal files. */
function tokenShardFile(entries: Map<string, Slots>): string {
  return JSON.stringify([...entries.keys()].sort().map((token): [string, Slots] => [token, entries.get(token) as Slots]) satisfies TokenShard)
}

/** A pair shard's file (entries keyed by pairKey): sorted by keyword, then by token. */
function pairShardFile(entries: Map<string, Slots>): string {
  const byKeyword = new Map<string, [string, Slots][]>()
  for (const key of [...entries.keys()].sort()) {
    const [keyword = '', token = ''] = key.split(' ')
    let list = byKeyword.get(keyword)
    if (!list) byKeyword.set(keyword, (list = []))
    list.push([token, entries.get(key) as Slots])
  }
  return JSON.stringify([...byKeyword] satisfies PairShard)
}

/** An extension of the last index: the files it writes, and the last index's files it keeps as they are. */
export interface IndexUpdate {
  /** New and changed files, keyed by path relative to the index folder. */
  files: Map<string, string>
  /** The last index's files that stay byte for byte (the writer links them instead of writing them). */
  kept: string[]
}

/**
 * The files buildSearchIndex would give, as an update of the previous index (`read` returns one of
 * its files, or null) when the only change is articles newer than every indexed one (publishing).
 * Ids count from the oldest article, so the new articles take the next ids and nothing indexed
 * moves: FlexSearch indexes the new articles alone, and only the shards their tokens and pairs
 * fall in are read and written again, with the new ids after the previous ones; so are the last
 * metadata chunk, the new texts and the manifest. Null when anything else changed (an edit, a
 * removal, an older article, another shard count, a damaged file it reads): that needs
 * buildSearchIndex.
 */
export function extendSearchIndex(input: IndexInput[], read: (file: string) => string | null, options: BuildOptions = {}): IndexUpdate | null {
  const docs = sortDocs(input)
  const { shardCount, pairShardCount, chunkSize } = layout(docs.length, options)
  const json = <T>(file: string): T | null => {
    try {
      return JSON.parse(read(file) ?? 'null') as T | null
    } catch {
      return null
    }
  }
  const manifest = json<Manifest>(manifestFile)
  if (manifest?.version !== INDEX_VERSION || manifest.shards !== shardCount || manifest.pairShards !== pairShardCount || manifest.chunkSize !== chunkSize) return null
  const count = manifest.count
  if (!Number.isInteger(count) || count < 0 || count > docs.length) return null
  // Every indexed article is still there, unchanged, before the new ones.
  for (let chunk = 0; chunk * chunkSize < count; chunk += 1) {
    const rows = json<MetaRow[]>(metaFile(chunk))
    if (!Array.isArray(rows) || rows.length !== Math.min(chunkSize, count - chunk * chunkSize)) return null
    for (const [offset, row] of rows.entries()) {
      const id = chunk * chunkSize + offset
      const doc = docs[id] as IndexInput
      if (JSON.stringify(row) !== JSON.stringify(metaRow(doc)) || read(textFile(id)) !== doc.text) return null
    }
  }
  const fresh = indexDocuments(docs.slice(count), options.batch, count)
  const files = new Map<string, string>()
  const kept: string[] = []
  const update = (shards: Postings[], file: (shard: number) => string, merge: (entries: unknown[], fresh: Postings) => string): boolean =>
    shards.every((postings, shard) => {
      if (postings.size === 0) {
        kept.push(file(shard))
        return true
      }
      const entries = json<unknown[]>(file(shard))
      if (!Array.isArray(entries)) return false
      files.set(file(shard), merge(entries, postings))
      return true
    })
  const tokensDone = update(byShard(fresh.tokens, shardCount, tokenShard), shardFile, (entries, postings) => tokenShardFile(mergeShard(entries as TokenShard, postings)))
  const pairsDone = update(byShard(fresh.pairs, pairShardCount, pairKeyShard), pairFile, (entries, postings) => {
    const previous = (entries as PairShard).flatMap(([keyword, list]) => list.map(([token, value]): [string, Slots] => [pairKey(keyword, token), value]))
    return pairShardFile(mergeShard(previous, postings))
  })
  if (!tokensDone || !pairsDone) return null
  for (let chunk = 0; chunk < firstNewChunk(count, docs.length, chunkSize); chunk += 1) kept.push(metaFile(chunk))
  for (let id = 0; id < count; id += 1) kept.push(textFile(id))
  addArticleFiles(files, docs, count, options)
  return { files, kept }
}

/** The first metadata chunk that holds an id from `from` on, of `total` ids (none: the chunk count). */
const firstNewChunk = (from: number, total: number, chunkSize: number) => (from < total ? Math.floor(from / chunkSize) : Math.ceil(total / chunkSize))

/** The metadata chunks and texts of the ids from `from` on, and the manifest. */
function addArticleFiles(files: Map<string, string>, docs: IndexInput[], from: number, options: BuildOptions): void {
  const { shardCount, pairShardCount, chunkSize } = layout(docs.length, options)
  for (let start = firstNewChunk(from, docs.length, chunkSize) * chunkSize; start < docs.length; start += chunkSize) {
    files.set(metaFile(start / chunkSize), JSON.stringify(docs.slice(start, start + chunkSize).map(metaRow)))
  }
  for (let id = from; id < docs.length; id += 1) files.set(textFile(id), (docs[id] as IndexInput).text)
  const editionList = [...new Set(docs.map((doc) => doc.edition))].sort()
  const manifest: Manifest = {
    version: INDEX_VERSION,
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
}
